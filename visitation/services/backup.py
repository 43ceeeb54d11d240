"""Backups: SQLite's online backup to a file, or a portable dump of every table; restore into an empty database."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import MetaData, Table, delete, func, insert, select, text

from visitation.errors import InvalidInput
from visitation.services import audit
from visitation.services.db import Db, open_db
from visitation.store import schema
from visitation.store.models import metadata

DUMP_FORMAT = "visitation.backup/1"
SQLITE_MAGIC = b"SQLite format 3\x00"
CONTENT = ("case", "meeting", "decision", "audit_event")
"""A database holding rows in any of these is not empty."""
BATCH = 1000


@dataclass(frozen=True)
class Backup:
    """What was written."""

    kind: str
    rows: int


def backup(db: Db, target: Path, force: bool = False, logged: bool = True) -> Backup:
    """Write a backup readable by its owner only, all or nothing; refuse to overwrite without `force`.

    `logged=False` is for the copy taken before a migration, when the audit table may be of an older schema.
    """
    if target.exists() and not force:
        raise InvalidInput(f"{target.name} findes allerede; brug --force for at overskrive")
    if target.is_dir():
        raise InvalidInput(f"{target} er en mappe")
    if logged:
        audit.log_now(db, "backup", detail=f"sikkerhedskopi: {target.name}")  # before the copy, so it holds it
    handle, temp = tempfile.mkstemp(dir=target.parent if str(target.parent) else ".", prefix=f".{target.name}.")
    os.close(handle)
    os.chmod(temp, 0o600)
    try:
        kind = _sqlite_copy(db, Path(temp)) if db.engine.dialect.name == "sqlite" else _dump(db, Path(temp))
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return Backup(kind, count_rows(db) if logged else 0)


def _sqlite_copy(db: Db, temp: Path) -> str:
    raw = db.engine.raw_connection()
    try:
        dest = sqlite3.connect(temp)
        try:
            raw.driver_connection.backup(dest)  # type: ignore[union-attr]
        finally:
            dest.close()
    finally:
        raw.close()
    return "SQLite-kopi"


def _dump(db: Db, temp: Path) -> str:
    """Every table as the database has it (reflected, so an older schema dumps too), one row a line."""
    found = MetaData()
    found.reflect(bind=db.engine)
    with temp.open("w", encoding="utf-8") as out, db.engine.connect() as conn:
        out.write(json.dumps({"format": DUMP_FORMAT, "schema": schema.current_revision(db.engine)}) + "\n")
        for table in found.sorted_tables:
            if table.name == "alembic_version":
                continue
            for row in conn.execute(select(table).order_by(*table.primary_key.columns)).mappings():
                line = {"table": table.name, "row": dict(row)}
                out.write(json.dumps(line, default=_encode, ensure_ascii=False) + "\n")
    return "dump af alle tabeller"


def table_rows(db: Db) -> Iterator[tuple[Table, dict[str, Any]]]:
    """Every row of every table, parents before children, each table in id order."""
    with db.engine.connect() as conn:
        for table in metadata.sorted_tables:
            order = [c for c in table.primary_key.columns]
            for row in conn.execute(select(table).order_by(*order)).mappings():
                yield table, dict(row)


def count_rows(db: Db) -> int:
    """Rows in all of Visitation's tables."""
    with db.engine.connect() as conn:
        return sum(conn.execute(select(func.count()).select_from(t)).scalar_one() for t in metadata.sorted_tables)


def restore(db: Db, source: Path, force: bool = False) -> int:
    """Load a backup into `db` (which must be empty unless `force`); the number of rows restored."""
    if not source.is_file():
        raise InvalidInput(f"{source.name} findes ikke eller er ikke en fil")
    with source.open("rb") as f:
        magic = f.read(len(SQLITE_MAGIC))
    if not force and not is_empty(db):
        raise InvalidInput("databasen er ikke tom; gendan i en tom database, eller brug --force for at erstatte indholdet")
    if magic == SQLITE_MAGIC:
        with tempfile.TemporaryDirectory() as folder:
            copy = Path(folder) / "restore.db"
            shutil.copyfile(source, copy)
            other = open_db(str(copy), db.user)  # an older backup is brought to the current schema first
            try:
                return _load(db, ((t, r) for t, r in table_rows(other)))
            finally:
                other.engine.dispose()
    return _load(db, _read_dump(source))


def is_empty(db: Db) -> bool:
    """No cases, meetings, decisions or audit events."""
    with db.engine.connect() as conn:
        return all(conn.execute(select(func.count()).select_from(metadata.tables[n])).scalar_one() == 0
                   for n in CONTENT)


def _read_dump(source: Path) -> Iterator[tuple[Table, dict[str, Any]]]:
    with source.open(encoding="utf-8") as lines:
        try:
            header = json.loads(lines.readline())
        except (json.JSONDecodeError, UnicodeDecodeError):
            header = {}
        if not isinstance(header, dict) or header.get("format") != DUMP_FORMAT:
            raise InvalidInput(f"{source.name} er ikke en sikkerhedskopi fra visitation backup")
        if header.get("schema") != schema.HEAD:
            raise InvalidInput(f"{source.name} er fra skema {header.get('schema')}; denne version har {schema.HEAD}")
        for number, line in enumerate(lines, 2):
            try:
                item = json.loads(line)
                table = metadata.tables[item["table"]]
            except (json.JSONDecodeError, KeyError, TypeError):
                raise InvalidInput(f"{source.name}:{number}: ikke en række fra visitation backup") from None
            yield table, item["row"]


def _load(db: Db, rows: Iterator[tuple[Table, dict[str, Any]]]) -> int:
    """Replace the content of every table by the rows, in one transaction."""
    count = 0
    with db.write() as session:
        for table in reversed(metadata.sorted_tables):
            session.execute(delete(table))
        batch: list[dict[str, Any]] = []
        current: Table | None = None
        for table, row in rows:
            if table is not current and batch:
                session.execute(insert(current), batch)  # type: ignore[arg-type]
                batch = []
            current = table
            batch.append(_typed(table, row))
            count += 1
            if len(batch) >= BATCH:
                session.execute(insert(table), batch)
                batch = []
        if batch:
            session.execute(insert(current), batch)  # type: ignore[arg-type]
        if db.engine.dialect.name == "postgresql":
            _reset_sequences(session)
    return count


def _typed(table: Table, row: dict[str, Any]) -> dict[str, Any]:
    """Dates and times as Python values (a dump holds them as text)."""
    out = dict(row)
    for column in table.columns:
        value = out.get(column.name)
        if isinstance(value, str) and _python_type(column) in (dt.datetime, dt.date):
            out[column.name] = _python_type(column).fromisoformat(value)  # type: ignore[union-attr]
    return out


def _python_type(column: Any) -> type | None:
    kind = getattr(column.type, "impl", column.type)  # a TypeDecorator (SQLModel's UTCDateTime) wraps one
    try:
        return kind.python_type  # type: ignore[no-any-return]
    except NotImplementedError:
        return None


def _reset_sequences(session: Any) -> None:
    for table in metadata.sorted_tables:
        if "id" in table.columns and table.columns["id"].autoincrement is not False:
            session.execute(text(f"SELECT setval(pg_get_serial_sequence('\"{table.name}\"', 'id'), "
                                 f"COALESCE((SELECT MAX(id) FROM \"{table.name}\"), 1), "
                                 f"(SELECT MAX(id) FROM \"{table.name}\") IS NOT NULL)"))


def _encode(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    raise TypeError(type(value).__name__)
