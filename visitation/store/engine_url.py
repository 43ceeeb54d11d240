"""`--db` as a SQLAlchemy URL: light (no SQLAlchemy), so the TUI's first paint can find its SQLite file."""

from __future__ import annotations

from pathlib import Path


def database_url(db: str | None) -> str:
    """A SQLAlchemy URL for `--db`: a URL as given, or a SQLite file path."""
    if db and "://" in db:
        return db
    from visitation.paths import default_db_path

    path = Path(db).expanduser() if db else default_db_path()
    return f"sqlite:///{path.resolve()}"
