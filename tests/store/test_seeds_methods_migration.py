"""Revision 0009: a database at 0008 with decisions gains the seeds' methods (the Signs of Safety, safety plan and
ICS tables, the case's prevention triangle, the decision's ruler reason and safety plan) with blank values; the
decision chain is checked as it was sealed, sealed again with the new columns, and the change is logged."""

from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import MetaData, inspect, text

from tests.reliability.test_tamper import _demo
from visitation.services import audit, sos, verify
from visitation.services.db import open_db
from visitation.store import chain, chainkey, rekey, schema
from visitation.store.engine import make_engine

TABLES = {"sos_entry", "sos_scale", "safety_rule", "ics_note"}
DECISION = {"ruler_reason", "safety_plan"}
CASE = {"prevention", "position", "wellbeing"}


def _columns(engine, table: str) -> set[str]:  # type: ignore[no-untyped-def]
    return {c["name"] for c in inspect(engine).get_columns(table)}


def _at_0008(db_url: str, tamper: bool = False) -> None:
    """The demo as a database at 0008 would hold it: the tables and columns gone, the chain sealed without them
    (the downgrade drops the case's columns in place, with the cases on file)."""
    _demo(db_url).engine.dispose()
    engine = make_engine(db_url)
    with engine.begin() as conn:
        command.downgrade(schema.alembic_config(conn), "0008")
        found = MetaData()
        found.reflect(bind=conn, only=["decision"])
        rekey.seal_as_is(conn, found.tables["decision"], chainkey.load())  # type: ignore[arg-type]
        chain.key_database(conn, chainkey.load())  # type: ignore[arg-type]
        if tamper:
            conn.execute(text("UPDATE decision SET rationale = 'rettet i databasen' WHERE id = 2"))
    assert schema.current_revision(engine) == "0008"
    assert not TABLES & set(inspect(engine).get_table_names())
    assert not DECISION & _columns(engine, "decision") and not CASE & _columns(engine, "case")
    engine.dispose()


def test_a_database_at_0008_gets_the_methods_and_its_chain_still_holds(db_url: str) -> None:
    _at_0008(db_url)
    db = open_db(db_url, "tester")
    assert schema.current_revision(db.engine) == schema.HEAD
    assert TABLES <= set(inspect(db.engine).get_table_names())
    assert DECISION <= _columns(db.engine, "decision") and CASE <= _columns(db.engine, "case")
    with db.engine.connect() as conn:
        decisions = conn.execute(text("SELECT ruler_reason, safety_plan FROM decision")).all()
        cases = conn.execute(text('SELECT prevention, position, wellbeing FROM "case"')).all()
    assert len(decisions) == 6 and {tuple(r) for r in decisions} == {("", "")}
    assert cases and {tuple(r) for r in cases} == {("", "", "")}
    assert verify.verify(db).ok
    [event] = [e for e in audit.events(db) if e.action == "migrate" and "skema 0009" in e.detail]
    assert "6 beslutninger forseglet igen" in event.detail and "ruler_reason, safety_plan" in event.detail
    assert "IKKE hele" not in event.detail and event.user == "tester"
    assert sos.danger(db, "2026-0109", "Liva er alene om aftenen") > 0  # the new tables take rows
    assert verify.verify(db).ok
    db.engine.dispose()


def test_a_row_changed_before_the_upgrade_is_named_not_laundered(db_url: str) -> None:
    _at_0008(db_url, tamper=True)
    db = open_db(db_url, "tester")
    [event] = [e for e in audit.events(db) if e.action == "migrate" and "skema 0009" in e.detail]
    assert "IKKE hele" in event.detail and "række 2 (indholdet var ændret)" in event.detail
    db.engine.dispose()


def test_without_the_databases_key_the_upgrade_is_refused(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    _at_0008(db_url)
    monkeypatch.setenv(chainkey.ENV, "ab" * 32)
    from visitation.errors import VisitationError

    with pytest.raises(VisitationError, match="kædenøgle"):
        open_db(db_url, "tester")
    engine = make_engine(db_url)
    assert schema.current_revision(engine) == "0008" and not TABLES & set(inspect(engine).get_table_names())
    engine.dispose()

