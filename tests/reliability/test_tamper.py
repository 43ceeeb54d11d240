"""Editing the database behind the tool's back: `verify` fails and names the first bad row."""

from __future__ import annotations

from collections.abc import Callable

import re
import sqlite3

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from visitation.cli.main import app
from visitation.domain.decision import DecisionDraft, Outcome
from visitation.services import decisions, demo, meetings
from visitation.services.db import Db, open_db
from visitation.services.verify import verify


def _demo(db_url: str) -> Db:
    """The demo, with the first meeting's six cases postponed: six decisions in the chain."""
    return _demo_on(open_db(db_url, "tester"))


def _demo_on(db: Db) -> Db:
    demo.load(db)
    for item in meetings.show(db, "VM-2026-11-24").docket:
        decisions.record(db, item.case_ref, "VM-2026-11-24", DecisionDraft(
            outcome=Outcome.POSTPONED, step=item.step, interventions=(), rationale=f"Udsat: {item.case_ref}"))
    return db


def _ids(db: Db, table: str) -> list[int]:
    with db.engine.connect() as conn:
        return [r[0] for r in conn.execute(text(f"SELECT id FROM {table} ORDER BY id"))]


def _sql(db: Db, statement: str, **params: object) -> None:
    """Change the database as someone at a SQL prompt would, foreign keys off."""
    if db.engine.dialect.name == "sqlite":
        con = sqlite3.connect(db.engine.url.database or "")
        con.execute("PRAGMA foreign_keys=OFF")
        con.execute(re.sub(r":\w+", "?", statement), [params[n] for n in re.findall(r":(\w+)", statement)])
        con.commit()
        con.close()
        return
    with db.engine.begin() as conn:
        conn.execute(text("SET LOCAL session_replication_role = replica"))
        conn.execute(text(statement), params)


def _change(table: str, column: str) -> Callable[[Db, list[int]], int]:
    def tamper(db: Db, ids: list[int]) -> int:
        target = ids[len(ids) // 2]
        _sql(db, f"UPDATE {table} SET {column} = {column} || ' (rettet)' WHERE id = :id", id=target)
        return target
    return tamper


def _delete(position: int) -> Callable[[Db, list[int]], int]:
    def tamper(db: Db, ids: list[int], table: str) -> int:
        target = ids[position]
        _sql(db, f"DELETE FROM {table} WHERE id = :id", id=target)
        return ids[position + 1] if position + 1 < len(ids) and position != -1 else target
    return tamper  # type: ignore[return-value]


def _swap(db: Db, ids: list[int], table: str) -> int:
    """Reorder: two neighbouring rows trade ids."""
    a, b = ids[1], ids[2]
    _sql(db, f"UPDATE {table} SET id = -1 WHERE id = :a", a=a)
    _sql(db, f"UPDATE {table} SET id = :a WHERE id = :b", a=a, b=b)
    _sql(db, f"UPDATE {table} SET id = :b WHERE id = -1", b=b)
    return a


CASES = {
    "changed decision": ("decision", lambda db, ids, t: _change(t, "rationale")(db, ids)),
    "changed audit event": ("audit_event", lambda db, ids, t: _change(t, "detail")(db, ids)),
    "deleted decision": ("decision", _delete(1)),
    "deleted audit event": ("audit_event", _delete(3)),
    "deleted last audit event": ("audit_event", _delete(-1)),
    "deleted last decision": ("decision", _delete(-1)),
    "reordered decisions": ("decision", _swap),
    "reordered audit events": ("audit_event", _swap),
}


@pytest.mark.parametrize("case", list(CASES))
def test_tampering_is_found_and_the_row_named(db_url: str, case: str) -> None:
    table, tamper = CASES[case]
    db = _demo(db_url)
    assert verify(db).ok
    row = tamper(db, _ids(db, table), table)
    report = verify(db)
    assert not report.ok
    assert any(f.table == table and f.row == row for f in report.findings), (row, [str(f) for f in report.findings])


def test_the_command_exits_non_zero_and_names_the_row(sqlite_url: str) -> None:
    db = _demo(sqlite_url)
    row = _change("decision", "rationale")(db, _ids(db, "decision"))
    result = CliRunner().invoke(app, ["--db", sqlite_url, "verify"])
    assert result.exit_code == 1
    assert f"decision række {row}" in result.stderr and "ændret" in result.stderr


def test_a_dangling_foreign_key_is_found(sqlite_url: str) -> None:
    db = _demo(sqlite_url)
    _sql(db, "UPDATE network_member SET case_id = 999999 WHERE id = (SELECT MIN(id) FROM network_member)")
    assert any(f.table == "network_member" for f in verify(db).findings)
