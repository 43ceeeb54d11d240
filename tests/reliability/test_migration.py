"""Old databases upgrade to the current schema with every row intact, a backup of each as it was taken
first; from before schema 0005 the chains are checked, re-sealed with the chain key, and the migration
logged — naming where an old chain was already broken."""

from __future__ import annotations

import datetime as dt
import sqlite3
import stat
import time
from pathlib import Path

from sqlalchemy import MetaData, Table, bindparam, func, insert, select, text, update

from tests.reliability.test_backup_restore import _tables
from tests.reliability.test_tamper import _demo as _full_demo
from visitation.services import audit, backup, cases
from visitation.services.db import Db, open_db
from visitation.services.verify import verify
from visitation.store import chain, chainkey, schema
from visitation.store.engine import make_engine

FIRST_RELEASED = "0001"
UNKEYED = "0004"
"""The last schema with plain SHA-256 chains."""


def _old_chain(conn: object, table: Table) -> None:
    """Re-hash a chain as Visitation did before 0005: plain SHA-256, no key, anchored by "id hash"."""
    previous, last_id, changes = "", 0, []
    for row in list(chain.stored_rows(conn, table)):  # type: ignore[arg-type]
        digest = chain.public_digest({**row.values, "prev_hash": previous})
        changes.append({"_id": row.id, "_prev": previous, "_hash": digest})
        previous, last_id = digest, row.id
    conn.execute(update(table).where(table.c.id == bindparam("_id"))  # type: ignore[attr-defined]
                 .values(prev_hash=bindparam("_prev"), hash=bindparam("_hash")), changes)
    conn.execute(text("UPDATE setting SET value = :v WHERE key = :k"),  # type: ignore[attr-defined]
                 {"v": f"{last_id} {previous}", "k": f"chain.{table.name}"})


def _demo(url: str) -> Db:
    """The demo without what the first released schema cannot hold (the seeds' methods, 0009): the rows an old
    database would have had."""
    db = _full_demo(url)
    with db.engine.begin() as conn:
        for name in ("sos_entry", "sos_scale", "safety_rule", "ics_note"):
            conn.execute(text(f"DELETE FROM {name}"))
        conn.execute(text("UPDATE \"case\" SET prevention = '', position = '', wellbeing = ''"))
    return db


def _at(revision: str, url: str, source: Db) -> None:
    """A database at an old revision holding `source`'s rows (the columns it has), with the chains as
    that revision made them, written with plain SQL."""
    engine = make_engine(url)
    schema.upgrade(engine, revision)
    old = MetaData()
    old.reflect(bind=engine)
    with engine.begin() as conn:
        for table, row in backup.table_rows(source):
            if table.name == "setting" and row["key"] == chain.KEY_CHECK:
                continue
            target = old.tables[table.name]
            conn.execute(target.insert().values({k: v for k, v in row.items() if k in target.columns}))
        for name in ("decision", "audit_event"):
            _old_chain(conn, old.tables[name])
        _sequences_after_explicit_ids(conn, old)
    engine.dispose()


def _sequences_after_explicit_ids(conn: object, old: MetaData) -> None:
    if conn.dialect.name != "postgresql":  # type: ignore[attr-defined]
        return
    for table in old.sorted_tables:
        if "id" in table.columns and table.name != "alembic_version":
            conn.execute(text(f"SELECT setval(pg_get_serial_sequence('\"{table.name}\"', 'id'), "  # type: ignore[attr-defined]
                              f"COALESCE((SELECT MAX(id) FROM \"{table.name}\"), 1))"))


def _unchained(found: dict[str, list[dict[str, object]]]) -> dict[str, list[dict[str, object]]]:
    """Tables with the chain columns and chain settings left out: what a re-keying must not change."""
    out = {name: [{k: v for k, v in row.items() if k not in ("hash", "prev_hash")} for row in rows]
           for name, rows in found.items()}
    out["setting"] = [s for s in out["setting"] if not str(s["key"]).startswith("chain.")]
    return out


def _migrated(upgraded: Db, before: dict[str, list[dict[str, object]]]) -> str:
    """Check an upgraded database against the rows it had; the migration event's text."""
    after = _tables(upgraded)
    events = []
    while after["audit_event"] and after["audit_event"][-1]["action"] == "migrate":
        events.insert(0, after["audit_event"].pop())
    # 0005 keys the chains; 0008 and 0009 re-seal the decisions with their new columns (having checked them first).
    assert [(e["user"], e["entity"], str(e["detail"])[:10]) for e in events] == [
        ("tester", "schema", "skema 0005"), ("tester", "schema", "skema 0008"), ("tester", "schema", "skema 0009")]
    assert not [e for e in events[1:] if "IKKE hele" in str(e["detail"])]
    assert _unchained(after) == _unchained(before)
    assert verify(upgraded).ok
    key = chainkey.load()
    assert key is not None
    with upgraded.engine.connect() as conn:
        assert chain.setting_value(conn, chain.KEY_CHECK) == chain.key_check(key)
        for model in chain.CHAINED:
            assert all(r.hash == chain.seal(key, r.values) for r in chain.stored_rows(conn, model.__table__))  # type: ignore[attr-defined]
    return str(events[0]["detail"])


def test_the_first_released_schema_upgrades_with_every_row(db_url: str, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    source = _demo(f"sqlite:///{tmp_path / 'source.db'}")
    before = _tables(source)
    _at(FIRST_RELEASED, db_url, source)
    assert schema.current_revision(make_engine(db_url)) == FIRST_RELEASED

    upgraded = open_db(db_url, "tester")
    assert schema.current_revision(upgraded.engine) == schema.HEAD
    assert "De gamle kæder var hele" in _migrated(upgraded, before)
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


def test_an_unkeyed_database_is_re_keyed_once_and_the_migration_logged(db_url: str, tmp_path: Path) -> None:
    source = _demo(f"sqlite:///{tmp_path / 'source.db'}")
    before = _tables(source)
    chainkey.chain_key_path().unlink()  # an installation from before the key: the upgrade makes one
    _at(UNKEYED, db_url, source)
    upgraded = open_db(db_url, "tester")
    detail = _migrated(upgraded, before)
    assert "6 beslutninger" in detail and "De gamle kæder var hele" in detail
    assert stat.S_IMODE(chainkey.chain_key_path().stat().st_mode) == 0o600
    audit.log_now(upgraded, "read", detail="efter opgraderingen")  # the re-keyed chain takes new rows
    assert verify(upgraded).ok
    upgraded.engine.dispose()
    again = open_db(db_url, "tester")  # at HEAD: nothing re-keyed twice
    assert [e.action for e in audit.events(again)].count("migrate") == 3  # 0005, 0008 and 0009, each once


def test_an_old_chain_already_broken_is_re_keyed_but_the_break_is_logged(db_url: str, tmp_path: Path) -> None:
    source = _demo(f"sqlite:///{tmp_path / 'source.db'}")
    _at(UNKEYED, db_url, source)
    engine = make_engine(db_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE decision SET rationale = 'rettet bagefter' WHERE id = 4"))
        conn.execute(text("DELETE FROM audit_event WHERE id = (SELECT MAX(id) FROM audit_event)"))
    engine.dispose()
    detail = _keyed(upgraded := open_db(db_url, "tester")).detail  # 0005's, not those of the re-sealings after it
    assert "IKKE hele" in detail and "decision: række 4 (indholdet var ændret)" in detail
    assert "audit_event: ankeret nævnte række" in detail and "bruddet er registreret her" in detail
    assert verify(upgraded).ok


def test_a_large_unkeyed_database_is_re_keyed_quickly(db_url: str, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    source = _demo(f"sqlite:///{tmp_path / 'source.db'}")
    _at(UNKEYED, db_url, source)
    engine = make_engine(db_url)
    events = MetaData()
    events.reflect(bind=engine, only=["audit_event"])
    table = events.tables["audit_event"]
    at = dt.datetime(2026, 11, 24, 9, tzinfo=dt.UTC)
    with engine.begin() as conn:
        conn.execute(insert(table), [{"at": at, "user": "u", "action": "read", "entity": "case", "purpose": "",
                                      "detail": f"læst {n}", "prev_hash": "", "hash": ""} for n in range(40_000)])
        _old_chain(conn, table)
        count = conn.execute(select(func.count()).select_from(table)).scalar_one()
    engine.dispose()
    began = time.perf_counter()
    upgraded = open_db(db_url, "tester")
    seconds = time.perf_counter() - began
    assert f"{count} audithændelser" in _keyed(upgraded).detail and verify(upgraded).ok
    with capsys.disabled():
        print(f"\n  [{upgraded.engine.dialect.name}] re-keyed {count:,} audit events "  # noqa: T201
              f"and 6 decisions in {seconds:.1f} s")
    assert seconds < 120


def _keyed(db: Db) -> audit.AuditRow:
    """The migration event of 0005, which keyed the chains."""
    [event] = [e for e in audit.events(db, limit=5) if e.action == "migrate" and e.detail.startswith("skema 0005")]
    return event
