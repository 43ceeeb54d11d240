"""The docket read with the standard library's `sqlite3`, for the TUI's first paint: drawn while SQLAlchemy and
the models load in a thread (issue 17: they take most of a cold start). The same SQL and the same rows as
`meetings.detail` (`docket_read`); read-only, and only a SQLite file at the current schema — anything else (a
PostgreSQL URL, a database to migrate, a meeting not found, any error) gives None and the normal path alone.
It writes nothing: the read is audited when the normal path reads the docket, once the stack has loaded."""

from __future__ import annotations

import datetime as dt
import sqlite3
import tomllib
from pathlib import Path
from typing import Any

from visitation.services import docket_read
from visitation.services.views import MeetingRow
from visitation.store import docket_sql as sql
from visitation.store.engine_url import database_url
from visitation.store.revision import HEAD


def sqlite_file(db: str | None) -> str | None:
    """The SQLite file `--db` names (a path, or a plain `sqlite:///path` URL) if it exists; None otherwise."""
    url = database_url(db)
    path = url.removeprefix("sqlite:///") if url.startswith("sqlite:///") else None
    return path if path and "?" not in path and Path(path).is_file() else None


def first_paint(path: str, meeting: str | None, today: dt.date | None = None) -> MeetingRow | None:
    """The meeting the docket would show, read without SQLAlchemy; None when the normal path must answer."""
    try:
        connection = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        def execute(statement: str, values: dict[str, Any]) -> list[tuple[Any, ...]]:
            return connection.execute(statement, values).fetchall()

        if execute(sql.SCHEMA_REVISION, {}) != [(HEAD,)]:
            return None
        found = docket_read.meeting_id(execute, meeting, today or dt.date.today())
        return None if found is None else docket_read.meeting_row(
            execute, found, lambda key, version: _municipality(execute, key, version))
    except (sqlite3.Error, OSError, KeyError, ValueError, tomllib.TOMLDecodeError):
        return None
    finally:
        connection.close()


def _municipality(execute: docket_read.Execute, key: str, version: str) -> str:
    """A profile's municipality as `services.db.profile_for` finds the profile: the text stored with the cases,
    else the built-in profile of that key."""
    stored = execute(sql.STORED_PROFILE, {"key": key, "version": version})
    if stored:
        text = stored[0][0]
    else:
        from visitation.paths import profiles_dir

        text = (profiles_dir() / f"{key}.toml").read_text(encoding="utf-8")
    return str(tomllib.loads(text)["profile"]["municipality"])
