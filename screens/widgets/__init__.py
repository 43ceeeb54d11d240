"""Reusable widgets of the shared screen: stepper, staircase, ruler, network map, timer."""
