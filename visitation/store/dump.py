"""Copies of a database as files: SQLite's online backup, or a portable dump of every table, one row a line.

Persistence only: who asked and whether it is logged is the services' business (`services.backup`),
so the copy taken before a migration can be written without the audit log of a schema not yet upgraded.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, MetaData, Table, select

from visitation.errors import InvalidInput
from visitation.store import month_store, schema
from visitation.store.models import metadata

DUMP_FORMAT = "visitation.backup/1"
SQLITE_MAGIC = b"SQLite format 3\x00"
STREAM_ROWS = 2000
"""Rows a dump holds in memory at once (PostgreSQL streams each table through a server-side cursor)."""


def write_copy(engine: Engine, target: Path) -> str:
    """Write the database to `target`, readable by its owner only, all or nothing; the kind of copy, in words."""
    handle, temp = tempfile.mkstemp(dir=target.parent if str(target.parent) else ".", prefix=f".{target.name}.")
    os.close(handle)
    os.chmod(temp, 0o600)
    try:
        kind = _sqlite_copy(engine, Path(temp)) if engine.dialect.name == "sqlite" else _dump(engine, Path(temp))
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return kind


def _sqlite_copy(engine: Engine, temp: Path) -> str:
    raw = engine.raw_connection()
    try:
        dest = sqlite3.connect(temp)
        try:
            raw.driver_connection.backup(dest)  # type: ignore[union-attr]
        finally:
            dest.close()
    finally:
        raw.close()
    return "SQLite-kopi"


def _dump(engine: Engine, temp: Path) -> str:
    """Every table as the database has it (reflected, so an older schema dumps too), one row a line; not the
    kept months of the key figures (derived, and counted again after a restore)."""
    found = MetaData()
    found.reflect(bind=engine)
    with temp.open("w", encoding="utf-8") as out, engine.connect() as plain:
        conn = plain.execution_options(yield_per=STREAM_ROWS)  # a server-side cursor: bounded memory
        out.write(json.dumps({"format": DUMP_FORMAT, "schema": schema.current_revision(engine)}) + "\n")
        for table in found.sorted_tables:
            if table.name == "alembic_version" or table.name.startswith(month_store.TABLE):
                continue  # the kept months are counted again from the restored rows
            for row in conn.execute(select(table).order_by(*table.primary_key.columns)).mappings():
                line = {"table": table.name, "row": dict(row)}
                out.write(json.dumps(line, default=_encode, ensure_ascii=False) + "\n")
    return "dump af alle tabeller"


def _encode(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def read_dump(source: Path) -> Iterator[tuple[Table, dict[str, Any]]]:
    """The rows of a dump written by `write_copy`, refused with one line if it is not one of this schema."""
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
