"""Seeing other writers' commits: SQLite's data version on a connection of its own, PostgreSQL's
LISTEN/NOTIFY (the trigger of migration 0011 notifies on every change event the audit log gets).

Every change is written together with an audit event (the services' rule), so "what changed since" is
"which change events are newer than the last one seen": reads, exports and refused saves are not changes.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import Engine

CHANNEL = "visitation_changes"
"""The PostgreSQL channel the trigger notifies on."""
NOT_CHANGES = ("read", "export", "search", "citizen", "backup", "conflict", "print")
"""Audit actions that record a use of the data, not a change to it."""
_NEWER = ("SELECT id, case_id FROM audit_event WHERE id > ? AND action NOT IN ("
          + ", ".join(f"'{a}'" for a in NOT_CHANGES) + ") ORDER BY id")


class Listener:
    """A connection of its own that tells which change events other connections committed."""

    def __init__(self, engine: Engine) -> None:
        args, params = engine.dialect.create_connect_args(engine.url)
        self.sqlite = engine.dialect.name == "sqlite"
        if self.sqlite:
            params = {**params, "check_same_thread": False, "timeout": 1.0}
        else:
            params = {**params, "autocommit": True}
        self.conn: Any = engine.dialect.loaded_dbapi.connect(*args, **params)
        if self.sqlite:
            self.conn.isolation_level = None
        self.seen = self._last()
        self.version = self._data_version() if self.sqlite else 0
        if not self.sqlite:
            self.conn.execute(f"LISTEN {CHANNEL}")

    def _last(self) -> int:
        cursor = self.conn.cursor()
        cursor.execute("SELECT max(id) FROM audit_event")
        return int(cursor.fetchone()[0] or 0)

    def _data_version(self) -> int:
        cursor = self.conn.cursor()
        cursor.execute("PRAGMA data_version")
        return int(cursor.fetchone()[0])

    def wait(self, timeout: float) -> list[tuple[int, int | None]]:
        """Block up to `timeout` seconds; the (event id, case id) of change events committed since the last
        call (on SQLite only when the file's data version moved, so an idle poll costs one pragma)."""
        if self.sqlite:
            version = self._data_version()
            if version == self.version:
                return []
            self.version = version
        else:
            if not any(True for _ in self._notifies(timeout)):
                return []
        return self._newer()

    def _notifies(self, timeout: float) -> Iterator[Any]:
        yield from self.conn.notifies(timeout=timeout, stop_after=1)
        yield from self.conn.notifies(timeout=0.02)  # the rest of a burst, in one go

    def _newer(self) -> list[tuple[int, int | None]]:
        cursor = self.conn.cursor()
        cursor.execute(_NEWER if self.sqlite else _NEWER.replace("?", "%s"), (self.seen,))
        rows = [(int(i), c) for i, c in cursor.fetchall()]
        if rows:
            self.seen = rows[-1][0]
        return rows

    def close(self) -> None:
        """Close the connection (idempotent)."""
        try:
            self.conn.close()
        except Exception:  # noqa: BLE001 - closing a broken connection must not fail the app's exit
            pass
