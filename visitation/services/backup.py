"""Backups: a logged copy of the database (never the chain key); restore into an empty database, all or nothing."""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Table, delete, func, insert, select, text
from sqlmodel import Session

from visitation.errors import IntegrityFailure, InvalidInput, VisitationError
from visitation.services import audit
from visitation.services.db import Db, open_db
from visitation.services.verify import Report, inspect
from visitation.store import chain, chainkey
from visitation.store.dump import SQLITE_MAGIC, read_dump, write_copy
from visitation.store.models import metadata

BATCH = 1000


@dataclass(frozen=True)
class Backup:
    """What was written, and where the chain key lives (the copy never holds it)."""

    kind: str
    rows: int
    key_place: str


@dataclass(frozen=True)
class Restored:
    """What a restore loaded, how it verified, and whether it could log itself (only with the key)."""

    rows: int
    report: Report
    logged: bool


def backup(db: Db, target: Path, force: bool = False) -> Backup:
    """Write a backup readable by its owner only, all or nothing; refuse to overwrite without `force`."""
    if target.exists() and not force:
        raise InvalidInput(f"{target.name} findes allerede; brug --force for at overskrive")
    if target.is_dir():
        raise InvalidInput(f"{target} er en mappe")
    _writable_folder(target)  # before the log: a backup that cannot be written is not logged
    audit.log_now(db, "backup", detail=f"sikkerhedskopi: {target.name}")  # before the copy, so it holds it
    try:
        kind = write_copy(db.engine, target)
    except OSError as exc:  # the disk filled, the share went away: the log says so after its "backup" line
        audit.log_now(db, "backup", detail=f"sikkerhedskopi mislykkedes: {target.name} ({exc.strerror or exc})")
        raise VisitationError(f"{target.name}: sikkerhedskopien kunne ikke skrives ({exc.strerror or exc}); "
                            "ingen fil er skrevet") from None
    return Backup(kind, count_rows(db), chainkey.where())


def _writable_folder(target: Path) -> None:
    """Refuse, with one line, a target whose folder is missing or not writable (found by making a file there)."""
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise InvalidInput(f"{target}: mappen {folder} findes ikke")
    try:
        with tempfile.NamedTemporaryFile(dir=folder, prefix=f".{target.name}.probe."):
            pass
    except OSError as exc:
        raise InvalidInput(f"{target}: kan ikke skrive i mappen {folder} ({exc.strerror})") from None


def table_rows(db: Db) -> Iterator[tuple[Table, dict[str, Any]]]:
    """Every row of every table, parents before children, each table in id order."""
    with db.engine.connect() as conn:
        for table in metadata.sorted_tables:
            order = list(table.primary_key.columns)
            for row in conn.execute(select(table).order_by(*order)).mappings():
                yield table, dict(row)


def count_rows(db: Db) -> int:
    """Rows in all of Visitation's tables."""
    with db.engine.connect() as conn:
        return sum(conn.execute(select(func.count()).select_from(t)).scalar_one() for t in metadata.sorted_tables)


def is_empty(db: Db) -> bool:
    """No cases, meetings, decisions or audit events."""
    with db.engine.connect() as conn:
        return not chain.has_content(conn)


def restore(db: Db, source: Path, force: bool = False) -> Restored:
    """Load a backup into `db` (empty unless `force`) in one transaction that commits only if it verifies.

    With the chain key the restore is logged in the same transaction; without it the structure is
    verified, the rows are committed, and the result says authenticity is unproven and nothing was logged.
    A finding rolls everything back (IntegrityFailure), so a failed restore leaves the database as it was.
    """
    if not source.is_file():
        raise InvalidInput(f"{source.name} findes ikke eller er ikke en fil")
    key = chainkey.load()
    chain.forget(db.engine)  # the key check is the restored one from here on
    try:
        with _rows_of(source, db.user) as rows, db.write() as session:
            if not force and chain.has_content(session):
                raise InvalidInput("databasen er ikke tom; gendan i en tom database, "
                                   "eller brug --force for at erstatte indholdet")
            count = _load(session, rows, source.name)
            report = inspect(session.connection(), key)
            if report.findings:
                raise IntegrityFailure(f"{source.name} består ikke kontrollen; intet er gendannet",
                                       tuple(str(f) for f in report.findings))
            if key is not None:
                audit.log(session, db, "restore", detail=f"gendannet fra {source.name}: {count} rækker, kontrolleret")
    finally:
        chain.forget(db.engine)  # whatever was remembered inside the transaction may have been rolled back
    if db.engine.dialect.name == "postgresql":
        _analyze(db)
    return Restored(count, report, logged=key is not None)


@contextmanager
def _rows_of(source: Path, user: str) -> Iterator[Iterator[tuple[Table, dict[str, Any]]]]:
    """The rows of a backup file: a SQLite copy (brought to the current schema first) or a dump."""
    with source.open("rb") as f:
        magic = f.read(len(SQLITE_MAGIC))
    if magic != SQLITE_MAGIC:
        yield read_dump(source)
        return
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "restore.db"
        shutil.copyfile(source, copy)
        other = open_db(str(copy), user)
        try:
            yield table_rows(other)
        finally:
            other.engine.dispose()


def _load(session: Session, rows: Iterator[tuple[Table, dict[str, Any]]], name: str) -> int:
    """Replace the content of every table by the rows, inside the caller's transaction."""
    for table in reversed(metadata.sorted_tables):
        session.execute(delete(table))
    count = 0
    for table, batch in _batches(rows, name):
        session.execute(insert(table), batch)
        count += len(batch)
    if session.get_bind().dialect.name == "postgresql":
        _reset_sequences(session)
    return count


def _batches(rows: Iterator[tuple[Table, dict[str, Any]]], name: str) -> Iterator[tuple[Table, list[dict[str, Any]]]]:
    """The rows in batches of one table each; a value that cannot be read stops the restore, naming the table."""
    batch: list[dict[str, Any]] = []
    current: Table | None = None
    try:
        for table, row in rows:
            if table is not current and batch:
                yield current, batch  # type: ignore[misc]
                batch = []
            current = table
            batch.append(_typed(table, row))
            if len(batch) >= BATCH:
                yield table, batch
                batch = []
    except (ValueError, TypeError) as exc:
        where = f" (tabellen {current.name} eller den næste)" if current is not None else ""
        raise IntegrityFailure(f"{name}: en værdi kan ikke læses{where}; intet er gendannet",
                               (f"{exc.__class__.__name__}",)) from None
    if batch:
        yield current, batch  # type: ignore[misc]


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


def _reset_sequences(session: Session) -> None:
    for table in metadata.sorted_tables:
        if "id" in table.columns and table.columns["id"].autoincrement is not False:
            session.execute(text(f"SELECT setval(pg_get_serial_sequence('\"{table.name}\"', 'id'), "
                                 f"COALESCE((SELECT MAX(id) FROM \"{table.name}\"), 1), "
                                 f"(SELECT MAX(id) FROM \"{table.name}\") IS NOT NULL)"))


def _analyze(db: Db) -> None:
    """Fresh planner statistics for the restored tables (PostgreSQL plans badly on empty-table estimates)."""
    with db.engine.connect() as conn:
        conn.execute(text("ANALYZE"))
        conn.commit()
