"""A database made by the first released schema (0001), with data, upgrades to the current one with every
row intact; a backup of it as it was is taken first."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

from sqlalchemy import MetaData

from tests.reliability.test_backup_restore import _tables
from tests.reliability.test_tamper import _demo
from visitation.services import backup, cases
from visitation.services.db import Db, open_db
from visitation.services.verify import verify
from visitation.store import schema
from visitation.store.engine import make_engine

FIRST_RELEASED = "0001"


def _at_first_release(url: str, source: Db) -> None:
    """A database at revision 0001 holding `source`'s rows (the columns 0001 has), written with plain SQL."""
    engine = make_engine(url)
    schema.upgrade(engine, FIRST_RELEASED)
    old = MetaData()
    old.reflect(bind=engine)
    with engine.begin() as conn:
        for table, row in backup.table_rows(source):
            target = old.tables[table.name]
            conn.execute(target.insert().values({k: v for k, v in row.items() if k in target.columns}))
    engine.dispose()


def test_the_first_released_schema_upgrades_with_every_row(db_url: str, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    source = _demo(f"sqlite:///{tmp_path / 'source.db'}")
    before = _tables(source)
    _at_first_release(db_url, source)
    assert schema.current_revision(make_engine(db_url)) == FIRST_RELEASED

    upgraded = open_db(db_url, "tester")
    assert schema.current_revision(upgraded.engine) == schema.HEAD
    assert _tables(upgraded) == before
    assert verify(upgraded).ok
    assert [c.ref for c in cases.search(upgraded, text="nørgaard", audit_read=False)] == ["2026-0101"]

    folder = Path(upgraded.engine.url.database).parent if db_url.startswith("sqlite") else tmp_path / "data"
    copies = list(folder.rglob(f"*før-skema-{schema.HEAD}.{FIRST_RELEASED}.*.backup"))
    assert len(copies) == 1 and stat.S_IMODE(copies[0].stat().st_mode) == 0o600
    if db_url.startswith("sqlite"):
        con = sqlite3.connect(copies[0])
        assert con.execute("SELECT version_num FROM alembic_version").fetchone() == (FIRST_RELEASED,)
        con.close()
    else:
        assert '"schema": "0001"' in copies[0].read_text(encoding="utf-8").splitlines()[0]
