"""Visitation: the visitation meeting tool for Danish child-welfare teams."""

__version__ = "0.1.0"
