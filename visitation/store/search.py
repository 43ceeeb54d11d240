"""Substring search over `case.search_text` that does not scan every case.

SQLite: an FTS5 table with the trigram tokenizer, kept in step with `case` by triggers; a needle of
three or more characters is a phrase query on it (a phrase of consecutive trigrams is exactly the
substring). Shorter needles, and SQLite builds older than 3.34, fall back to LIKE. A common needle
(`COMMON` matches or more, counted by the index, which stops there) is looked for with LIKE while walking
the reference index newest first, so the search stops after the first page instead of reading and
sorting every match (`skole` matches nearly every case). PostgreSQL: a
pg_trgm GIN index, which the same LIKE uses by itself. Both are made by migration 0002; neither is a
model, so `not_a_model` keeps them out of Alembic's comparison.
"""

from __future__ import annotations

import sqlite3
from typing import Any
from weakref import WeakKeyDictionary

from sqlalchemy import Connection, Engine, Integer, column, inspect, text
from sqlmodel import Session, col

from visitation.store import month_store
from visitation.store.models import Case

FTS_TABLE = "case_search"
PG_INDEX = "ix_case_search_trgm"
TRIGRAM = 3
COMMON = 2000
"""Matches from which a needle is common: at least 1 case in 50 at 100,000, so the walk finds a page soon."""
SQLITE_HAS_TRIGRAM = sqlite3.sqlite_version_info >= (3, 34, 0)

_indexed: WeakKeyDictionary[Engine, bool] = WeakKeyDictionary()


def matches(conn: Connection | Session, needle: str) -> Any:
    """A WHERE clause: the case's search text contains `needle` (lower-cased, taken literally)."""
    needle = needle.lower()
    engine = conn.get_bind() if isinstance(conn, Session) else conn.engine
    like = col(Case.search_text).contains(needle, autoescape=True)
    if not (isinstance(engine, Engine) and engine.dialect.name == "sqlite" and len(needle) >= TRIGRAM
            and _has_fts(engine)):
        return like
    phrase = '"' + needle.replace('"', '""') + '"'
    found = text(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :phrase").bindparams(phrase=phrase)
    counted = text(f"SELECT count(*) FROM ({found.text} LIMIT {COMMON})")
    if conn.execute(counted, {"phrase": phrase}).scalar_one() >= COMMON:
        return like
    return col(Case.id).in_(found.columns(column("rowid", Integer)))


def _has_fts(engine: Engine) -> bool:
    if engine not in _indexed:
        with engine.connect() as conn:
            _indexed[engine] = inspect(conn).has_table(FTS_TABLE)
    return _indexed[engine]


def not_a_model(name: str | None, type_: str, parent_names: Any) -> bool:
    """Alembic `include_name`: leave out the search index's tables and index and the kept months (not models)."""
    return not (name or "").startswith((FTS_TABLE, PG_INDEX, month_store.TABLE))


SQLITE_CREATE = (
    f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(search_text, content='case', content_rowid='id', "
    "tokenize='trigram')",
    f"""CREATE TRIGGER {FTS_TABLE}_ai AFTER INSERT ON "case" BEGIN
        INSERT INTO {FTS_TABLE}(rowid, search_text) VALUES (new.id, new.search_text); END""",
    f"""CREATE TRIGGER {FTS_TABLE}_ad AFTER DELETE ON "case" BEGIN
        INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, search_text) VALUES ('delete', old.id, old.search_text); END""",
    f"""CREATE TRIGGER {FTS_TABLE}_au AFTER UPDATE OF search_text ON "case" BEGIN
        INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, search_text) VALUES ('delete', old.id, old.search_text);
        INSERT INTO {FTS_TABLE}(rowid, search_text) VALUES (new.id, new.search_text); END""",
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')",
)
SQLITE_DROP = (*(f"DROP TRIGGER IF EXISTS {FTS_TABLE}_{t}" for t in ("ai", "ad", "au")),
               f"DROP TABLE IF EXISTS {FTS_TABLE}")
PG_CREATE = f'CREATE INDEX IF NOT EXISTS {PG_INDEX} ON "case" USING gin (search_text gin_trgm_ops)'
PG_DROP = f"DROP INDEX IF EXISTS {PG_INDEX}"
