"""Live updates: which cases other writers (a laptop's CLI, another screen) changed, as they commit.

`watch` blocks in a thread of its own and calls back with the ids of the changed cases (None for a change
that belongs to no case, such as a meeting's docket). This process's own changes are left out: a screen
already shows what it saved itself, and reloading on its own saves would race with the typing. "Own" means
through the same engine, so two apps (or an app and a CLI command) in one process still see each other.
"""

from __future__ import annotations

import logging
import threading
import time
import weakref
from collections.abc import Callable
from typing import Protocol

from sqlalchemy import Engine, event
from sqlalchemy.orm import Session

from visitation.services.db import Db
from visitation.store.changes import NOT_CHANGES, Listener

POLL = 0.25
"""Seconds between looks at SQLite's data version (and the longest wait for a PostgreSQL notification)."""
RETRY = 2.0
"""Seconds before a lost connection is opened again."""
_KEY = "visitation_changes"
_own: weakref.WeakKeyDictionary[Engine, set[int]] = weakref.WeakKeyDictionary()
_lock = threading.Lock()
log = logging.getLogger(__name__)


class HasId(Protocol):
    """A stored row: its id is set once it is flushed."""

    id: int | None


def is_change(action: str) -> bool:
    """Whether an audit action records a change to the data (not a read, an export or a refused save)."""
    return action not in NOT_CHANGES


def mine(session: Session, row: HasId) -> None:
    """Remember a change event of this process; it counts as ours once the transaction commits (its id is
    read then: on PostgreSQL the event is appended only just before the commit)."""
    session.info.setdefault(_KEY, []).append(row)


@event.listens_for(Session, "after_commit")
def _committed(session: Session) -> None:
    ids = [row.id for row in session.info.pop(_KEY, ()) if row.id is not None]
    bind = session.get_bind() if ids else None
    if isinstance(bind, Engine):
        with _lock:
            _own.setdefault(bind, set()).update(ids)


@event.listens_for(Session, "after_rollback")
def _rolled_back(session: Session) -> None:
    session.info.pop(_KEY, None)


def _theirs(engine: Engine, rows: list[tuple[int, int | None]]) -> frozenset[int | None]:
    """The cases of the change events others committed (ours are forgotten as they are seen)."""
    with _lock:
        own = _own.setdefault(engine, set())
        found = frozenset(case for event_id, case in rows if event_id not in own)
        own.difference_update(event_id for event_id, _ in rows)
    return found


def watch(db: Db, stopped: Callable[[], bool], changed: Callable[[frozenset[int | None]], None]) -> None:
    """Until `stopped()`: call `changed(case ids)` whenever another process commits a change (within
    about `POLL` seconds). A lost database is retried quietly; the screen just stops being live meanwhile.
    A SQLite database in memory has no other writers: nothing to watch."""
    if db.engine.dialect.name == "sqlite" and db.engine.url.database in (None, "", ":memory:"):
        return
    while not stopped():
        try:
            listener = Listener(db.engine)
        except Exception:  # noqa: BLE001 - a screen must not fail because its live feed cannot connect
            log.warning("live updates: cannot connect", exc_info=True)
            _pause(RETRY, stopped)
            continue
        try:
            while not stopped():
                found = _theirs(db.engine, listener.wait(POLL))
                if found:
                    changed(found)
                if listener.sqlite:
                    _pause(POLL, stopped)
        except Exception:  # noqa: BLE001
            log.warning("live updates: connection lost", exc_info=True)
            _pause(RETRY, stopped)
        finally:
            listener.close()


def _pause(seconds: float, stopped: Callable[[], bool]) -> None:
    """Sleep, looking every 50 ms whether to stop (so quitting the app never waits for the poll)."""
    end = time.monotonic() + seconds
    while not stopped() and time.monotonic() < end:
        time.sleep(min(0.05, max(0.0, end - time.monotonic())))
