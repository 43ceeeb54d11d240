"""Editing the database behind the tool's back: `verify` fails and names the bad row or the chain — also
for a forger who knows the public algorithm but not the chain key."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import sqlite3
from collections.abc import Callable

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from visitation.cli.main import app
from visitation.domain.decision import DecisionDraft, Outcome
from visitation.paths import chain_key_path
from visitation.services import decisions, demo, meetings
from visitation.services.db import Db, open_db
from visitation.services.verify import verify
from visitation.store import chain
from visitation.store.models import Decision


def _demo(db_url: str) -> Db:
    """The demo, with the cases of Socialstyrelsen's two meetings postponed (4 + 2): six decisions in the chain."""
    return _demo_on(open_db(db_url, "tester"))


def _demo_on(db: Db) -> Db:
    demo.load(db)
    for meeting in ("VM-2026-11-24", "VM-2026-12-08"):
        for item in meetings.show(db, meeting).docket:
            decisions.record(db, item.case_ref, meeting, DecisionDraft(
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


# --- the keyed chains: forgery without the key, cut chains, removed anchors, unreadable values ---------


def _found(db: Db, table: str, row: int | None, words: str) -> None:
    """`verify` has a finding naming the table and the row (None: the chain itself) that says `words`."""
    report = verify(db)
    assert any(f.table == table and f.row == row and words in f.problem for f in report.findings), \
        [str(f) for f in report.findings]


def _last(db: Db, table: str) -> tuple[int, str]:
    with db.engine.connect() as conn:
        found = conn.execute(text(f"SELECT id, hash FROM {table} ORDER BY id DESC LIMIT 1")).first()
    return (found[0], found[1]) if found else (0, "")


def test_all_audit_events_and_their_anchor_deleted(db_url: str) -> None:
    db = _demo(db_url)
    _sql(db, "DELETE FROM audit_event")
    _sql(db, "DELETE FROM setting WHERE key = 'chain.audit_event'")
    _found(db, "audit_event", None, "kædens anker mangler")


def test_the_last_decision_and_its_anchor_deleted(db_url: str) -> None:
    db = _demo(db_url)
    last, _ = _last(db, "decision")
    _sql(db, "DELETE FROM followup WHERE decision_id = :id", id=last)
    _sql(db, "DELETE FROM decision WHERE id = :id", id=last)
    _sql(db, "DELETE FROM setting WHERE key = 'chain.decision'")
    _found(db, "decision", None, "kædens anker mangler")


def test_an_anchor_moved_back_to_hide_a_cut_is_found(db_url: str) -> None:
    db = _demo(db_url)
    last, _ = _last(db, "decision")
    with db.engine.connect() as conn:
        anchor = chain.setting_value(conn, "chain.decision") or ""
    _sql(db, "DELETE FROM followup WHERE decision_id = :id", id=last)
    _sql(db, "DELETE FROM decision WHERE id = :id", id=last)
    before, before_hash = _last(db, "decision")
    _sql(db, "UPDATE setting SET value = :v WHERE key = 'chain.decision'",
         v=f"{before} {before_hash} {anchor.split(' ')[2]}")  # the old seal, which covers another row
    _found(db, "decision", None, "ikke forseglet med kædenøglen")


def test_the_key_check_removed_is_found(db_url: str) -> None:
    db = _demo(db_url)
    _sql(db, "DELETE FROM setting WHERE key = 'chain.key_check'")
    _found(db, "databasen", None, "nøglemærket chain.key_check mangler")


def _plain_sha256(values: dict[str, object]) -> str:
    """What a forger computes from the documented canonical form, with the standard library alone."""
    def plain(value: object) -> object:
        if isinstance(value, dt.datetime):
            return value.astimezone(dt.UTC).replace(tzinfo=None).isoformat(timespec="microseconds")
        return value.isoformat() if isinstance(value, dt.date) else value

    body = {k: plain(v) for k, v in values.items() if k != "hash"}
    canonical = json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def _forge_from(db: Db, first: int, digest: Callable[[dict[str, object]], str]) -> None:
    """Change decision `first`, then re-hash it and every later decision and the anchor's id and hash with
    `digest`, as someone with SQL access but without the key would."""
    _sql(db, "UPDATE decision SET rationale = 'Anbringelse besluttet' WHERE id = :id", id=first)
    table = Decision.__table__  # type: ignore[attr-defined]
    with db.engine.connect() as conn:
        rows = [r for r in chain.stored_rows(conn, table) if r.id >= first]
        previous = conn.execute(text("SELECT hash FROM decision WHERE id < :id ORDER BY id DESC LIMIT 1"),
                                {"id": first}).scalar() or ""
        anchor = chain.setting_value(conn, "chain.decision") or ""
    for row in rows:
        forged = digest({**row.values, "prev_hash": previous})
        _sql(db, "UPDATE decision SET prev_hash = :p, hash = :h WHERE id = :id", p=previous, h=forged, id=row.id)
        previous = forged
    _sql(db, "UPDATE setting SET value = :v WHERE key = 'chain.decision'",
         v=f"{rows[-1].id} {previous} {anchor.split(' ')[2]}")


@pytest.mark.parametrize("algorithm", ["plain SHA-256", "the old unkeyed digest"])
def test_a_decision_forged_with_the_public_algorithm_is_found(db_url: str, algorithm: str) -> None:
    db = _demo(db_url)
    target = _ids(db, "decision")[2]
    _forge_from(db, target, _plain_sha256 if algorithm == "plain SHA-256" else chain.public_digest)
    _found(db, "decision", target, "hashet uden kædenøglen")
    _found(db, "decision", None, "ikke forseglet med kædenøglen")


def test_a_row_written_with_another_key_is_found(db_url: str) -> None:
    db = _demo(db_url)
    other = bytes.fromhex("ab" * 32)
    table = Decision.__table__  # type: ignore[attr-defined]
    last, last_hash = _last(db, "decision")
    with db.engine.connect() as conn:
        row = next(chain.stored_rows(conn, table, after=last - 1)).values
    copy = {**row, "id": last + 1000, "prev_hash": last_hash, "rationale": "Skrevet af en anden installation"}
    copy["hash"] = chain.seal(other, copy)
    with db.engine.begin() as conn:
        conn.execute(table.insert().values(copy))
        conn.execute(text("UPDATE setting SET value = :v WHERE key = 'chain.decision'"),
                     {"v": chain._anchor(other, "decision", last + 1000, copy["hash"])})
    _found(db, "decision", last + 1000, "en anden nøgle")
    _found(db, "decision", None, "ikke forseglet med kædenøglen")


def test_a_tool_holding_another_key_refuses_to_append(sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    db = _demo(sqlite_url)
    before = {t: len(_ids(db, t)) for t in ("child", "audit_event", "decision")}
    db.engine.dispose()
    monkeypatch.setenv("VISITATION_CHAIN_KEY", "ab" * 32)
    result = CliRunner().invoke(
        app, ["--db", sqlite_url, "case", "add", "--name", "Bo Berg", "--birth-date", "2015-01-02"])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith("Fejl: kædenøglen (miljøvariablen VISITATION_CHAIN_KEY) er ikke databasens")
    assert len(result.stderr.strip().splitlines()) == 1
    assert {t: len(_ids(db, t)) for t in before} == before
    refused = CliRunner().invoke(app, ["--db", sqlite_url, "verify"])
    assert refused.exit_code == 1 and "anden kædenøgle" in refused.stderr


@pytest.mark.parametrize(("column", "statement"), [
    ("start", "UPDATE decision SET start = '2026-12-01x' WHERE id = :id"),
    ("created_at", "UPDATE decision SET created_at = created_at || 'x' WHERE id = :id"),
    ("alternatives", "UPDATE decision SET alternatives = '[{' WHERE id = :id")])
def test_junk_in_a_column_is_named_never_an_exception(sqlite_url: str, column: str, statement: str) -> None:
    db = _demo(sqlite_url)
    target = _ids(db, "decision")[4]
    _sql(db, statement, id=target)
    result = CliRunner().invoke(app, ["--db", sqlite_url, "verify"])
    assert result.exit_code == 1 and "Uventet fejl" not in result.output
    assert f"FEJL decision række {target}: beslutning: ulæselig værdi i kolonnen {column}" in result.stderr


def test_without_the_key_verify_checks_the_structure_and_says_authenticity_is_unproven(sqlite_url: str) -> None:
    db = _demo(sqlite_url)
    chain_key_path().rename(chain_key_path().with_name("away"))
    report = verify(db)
    assert report.ok and "ægtheden er ikke bevist" in report.unproven
    _sql(db, "UPDATE decision SET rationale = 'rettet' WHERE id = :id", id=_ids(db, "decision")[1])
    assert verify(db).ok  # content needs the key; links do not:
    _delete(1)(db, _ids(db, "audit_event"), "audit_event")  # type: ignore[call-arg]
    assert not verify(db).ok


def test_a_new_empty_database_verifies_with_the_key_as_it_stands(sqlite_url: str) -> None:
    from visitation.store import chainkey

    db = open_db(sqlite_url, "tester")
    chainkey.ensure()
    report = verify(db)
    assert report.ok and report.unproven == ""
