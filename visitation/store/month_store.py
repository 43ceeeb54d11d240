"""The children per step at the end of each finished month, kept so a key-figure call replays only the month
that is running.

A finished month's figure changes only when a row it was counted from changes: a case or decision dated
before the running month, a correction of one, a case closed, a step changed on a case that never moved,
a case's first move that does not start where the case stood. Triggers (migration 0012) bump one
generation number on each such change, whichever program makes it; a month is kept with the generation it
was counted under and is used only while that generation stands, so a count made from a snapshot older
than a change is never used after it. Not a model: `not_a_model` keeps these tables out of Alembic's
comparison, and backups leave them out (a restore rebuilds them on first use).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import SQLAlchemyError

from visitation.store.engine import BUSY_TIMEOUT_MS

log = logging.getLogger(__name__)

TABLE = "figure_month"
STATE = "figure_month_state"
STORE_WAIT_S = 1
"""PostgreSQL: how long keeping months waits for the generation's row before it leaves them uncounted."""


@dataclass(frozen=True)
class Kept:
    """The months stored under the generation that stands ({'YYYY-MM': {step: children}})."""

    generation: int
    months: dict[str, dict[int, int]] = field(default_factory=dict)


def generation(conn: Connection) -> int:
    """The generation that stands."""
    return int(conn.execute(text(f"SELECT generation FROM {STATE} WHERE id = 1")).scalar_one())


def kept(conn: Connection) -> Kept:
    """The generation and the months counted under it (months of an older generation are stale)."""
    now = generation(conn)
    rows = conn.execute(text(f"SELECT month, steps FROM {TABLE} WHERE generation = :g"), {"g": now}).all()
    return Kept(now, {m: {int(k): int(v) for k, v in json.loads(s).items()} for m, s in rows})


def keep(engine: Engine, months: Kept) -> bool:
    """Store months counted under `months.generation`, unless a change has bumped it since; never raises.

    Best effort, waiting `STORE_WAIT_S` at most: a busy database or a read-only file leaves the months to be
    counted again next time.
    """
    if not months.months:
        return False
    try:
        with engine.connect() as conn, _briefly(conn) as brief, brief.begin():
            return _store(brief, months)
    except SQLAlchemyError as exc:
        log.info("måneder ikke gemt (%s)", exc.__class__.__name__)
        return False


@contextmanager
def _briefly(conn: Connection) -> Iterator[Connection]:
    """SQLite: the connection takes the write lock at BEGIN and waits `STORE_WAIT_S` for it, then as before."""
    if conn.dialect.name != "sqlite":
        yield conn
        return
    raw: Any = conn.connection.driver_connection
    raw.execute(f"PRAGMA busy_timeout = {STORE_WAIT_S * 1000}")
    try:
        yield conn.execution_options(sqlite_begin="IMMEDIATE")
    finally:
        raw.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


def _store(conn: Connection, months: Kept) -> bool:
    """Inside a write transaction: lock the generation's row, and store only if it still stands."""
    if conn.dialect.name == "postgresql":
        conn.execute(text(f"SET LOCAL lock_timeout = '{STORE_WAIT_S}s'"))
    held = conn.execute(text(f"UPDATE {STATE} SET generation = generation WHERE id = 1 AND generation = :g"),
                        {"g": months.generation}).rowcount
    if held != 1:
        return False
    conn.execute(text(f"DELETE FROM {TABLE} WHERE generation <> :g"), {"g": months.generation})
    for month, steps in months.months.items():
        conn.execute(text(f"DELETE FROM {TABLE} WHERE month = :m"), {"m": month})
        conn.execute(text(f"INSERT INTO {TABLE} (month, generation, steps) VALUES (:m, :g, :s)"),
                     {"m": month, "g": months.generation, "s": json.dumps(steps, sort_keys=True)})
    return True


# The changes that alter a finished month (see the module's docstring), as SQL over a case row `c`/decision
# row `d`; `{start}` is the start of the running month (UTC) in the dialect's own clock.
_PLACING = "('approved', 'changed')"
_MOVED = ("EXISTS (SELECT 1 FROM decision m WHERE m.case_id = {case} AND m.outcome IN " + _PLACING
          + " AND NOT EXISTS (SELECT 1 FROM decision s WHERE s.supersedes_id = m.id){other})")
_BUMP = f"UPDATE {STATE} SET generation = generation + 1 WHERE id = 1"


def _case_changed(old: str, new: str, start: str) -> str:
    """SQL: an update of a case that alters a finished month."""
    return (f"({old}.status IS DISTINCT FROM {new}.status OR {old}.created_at IS DISTINCT FROM {new}.created_at "
            f"OR ({old}.current_step IS DISTINCT FROM {new}.current_step AND {old}.created_at < {start} "
            f"AND NOT {_MOVED.format(case=new + '.id', other='')}))")


def _decision_added(new: str, start: str) -> str:
    """SQL: an inserted decision that alters a finished month: dated before the running month, correcting one
    that is, or the case's first standing move starting elsewhere than the case stood until then (its step,
    or where the move it corrects started)."""
    stood = (f"COALESCE((SELECT r.step_before FROM decision r WHERE r.id = {new}.supersedes_id AND r.outcome IN "
             f"{_PLACING}), (SELECT c.current_step FROM \"case\" c WHERE c.id = {new}.case_id))")
    return (f"({new}.created_at < {start} OR (SELECT r.created_at FROM decision r WHERE r.id = {new}.supersedes_id) "
            f"< {start} OR ({new}.outcome IN {_PLACING} AND {new}.step_before IS DISTINCT FROM {stood} AND NOT "
            f"{_MOVED.format(case=new + '.case_id', other=f' AND m.id <> {new}.id')}))")


_SQLITE_START = "strftime('%Y-%m-01 00:00:00', 'now')"
_TABLES = (f"CREATE TABLE {TABLE} (month VARCHAR(7) PRIMARY KEY, generation INTEGER NOT NULL, steps TEXT NOT NULL)",
           f"CREATE TABLE {STATE} (id INTEGER PRIMARY KEY CHECK (id = 1), generation INTEGER NOT NULL)",
           f"INSERT INTO {STATE} (id, generation) VALUES (1, 0)")


def _sqlite(name: str, event: str, table: str, when: str | None) -> str:
    condition = f" WHEN {when}" if when else ""
    return f'CREATE TRIGGER {TABLE}_{name} AFTER {event} ON "{table}"{condition} BEGIN {_BUMP}; END'


SQLITE_CREATE = (
    *_TABLES,
    _sqlite("case_ai", "INSERT", "case", f"NEW.created_at < {_SQLITE_START}"),
    _sqlite("case_ad", "DELETE", "case", None),
    _sqlite("case_au", "UPDATE OF status, created_at, current_step", "case",
            _case_changed("OLD", "NEW", _SQLITE_START).replace("IS DISTINCT FROM", "IS NOT")),
    _sqlite("decision_ai", "INSERT", "decision", _decision_added("NEW", _SQLITE_START).replace("IS DISTINCT FROM",
                                                                                                 "IS NOT")),
    _sqlite("decision_au", "UPDATE OF case_id, outcome, step_before, step, created_at, supersedes_id", "decision",
            None),
    _sqlite("decision_ad", "DELETE", "decision", None),
)
SQLITE_DROP = (*(f"DROP TRIGGER IF EXISTS {TABLE}_{t}" for t in
                 ("case_ai", "case_ad", "case_au", "decision_ai", "decision_au", "decision_ad")),
               f"DROP TABLE IF EXISTS {STATE}", f"DROP TABLE IF EXISTS {TABLE}")

# PostgreSQL: statement triggers over the transition tables, so a restore of 100,000 rows bumps once.
_PG_START = "(date_trunc('month', clock_timestamp() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC')"
_PG_CHANGES = {
    ("case", "INSERT"): f"SELECT 1 FROM new_rows n WHERE n.created_at < {_PG_START}",
    ("case", "UPDATE"): ("SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE "
                         + _case_changed("o", "n", _PG_START)),
    ("case", "DELETE"): "SELECT 1 FROM old_rows",
    ("decision", "INSERT"): "SELECT 1 FROM new_rows n WHERE " + _decision_added("n", _PG_START),
    ("decision", "UPDATE"): ("SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE "
                             "(o.case_id, o.outcome, o.step_before, o.step, o.created_at, o.supersedes_id) "
                             "IS DISTINCT FROM (n.case_id, n.outcome, n.step_before, n.step, n.created_at, "
                             "n.supersedes_id)"),
    ("decision", "DELETE"): "SELECT 1 FROM old_rows",
}


def _pg(table: str, event: str, exists: str) -> tuple[str, str]:
    name = f"{TABLE}_{table}_{event.lower()}"
    rows = {"INSERT": "NEW TABLE AS new_rows", "DELETE": "OLD TABLE AS old_rows",
            "UPDATE": "OLD TABLE AS old_rows NEW TABLE AS new_rows"}[event]
    return (f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            f"IF EXISTS ({exists}) THEN {_BUMP}; END IF; RETURN NULL; END $$",
            f'CREATE TRIGGER {name} AFTER {event} ON "{table}" REFERENCING {rows} '
            f"FOR EACH STATEMENT EXECUTE FUNCTION {name}()")


PG_CREATE = (
    *_TABLES,
    *(s for (table, event), exists in _PG_CHANGES.items() for s in _pg(table, event, exists)),
    f"CREATE OR REPLACE FUNCTION {TABLE}_truncated() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN {_BUMP}; "
    "RETURN NULL; END $$",
    *(f'CREATE TRIGGER {TABLE}_{t}_truncate AFTER TRUNCATE ON "{t}" FOR EACH STATEMENT '
      f"EXECUTE FUNCTION {TABLE}_truncated()" for t in ("case", "decision")),
)
PG_DROP = (*(f'DROP TRIGGER IF EXISTS {TABLE}_{t}_{e.lower()} ON "{t}"' for t, e in _PG_CHANGES),
           *(f'DROP FUNCTION IF EXISTS {TABLE}_{t}_{e.lower()}()' for t, e in _PG_CHANGES),
           *(f'DROP TRIGGER IF EXISTS {TABLE}_{t}_truncate ON "{t}"' for t in ("case", "decision")),
           f"DROP FUNCTION IF EXISTS {TABLE}_truncated()",
           f"DROP TABLE IF EXISTS {STATE}", f"DROP TABLE IF EXISTS {TABLE}")
