"""The schema revision this code reads and writes (Alembic's head): light, so a reader without SQLAlchemy
(`services.docket_fast`) can tell whether a database is at it."""

from __future__ import annotations

HEAD = "0012"
