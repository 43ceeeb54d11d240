"""Revision 0008: a database at 0007 with decisions gains the decision's law fields with neutral values; the
decision chain is checked as it was sealed, sealed again with the new columns, and the change is logged."""

from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import MetaData, inspect, text

from tests.reliability.test_tamper import _demo
from visitation.services import audit, verify
from visitation.services.db import open_db
from visitation.store import chain, chainkey, rekey, schema
from visitation.store.engine import make_engine

NEW = {"youth_consent", "investigation_done", "acute", "return_period_months", "siblings", "schooling",
       "foster_assessment"}


def _columns(engine) -> set[str]:  # type: ignore[no-untyped-def]
    return {c["name"] for c in inspect(engine).get_columns("decision")}


def _at_0007(db_url: str, tamper: bool = False) -> None:
    """The demo as a database at 0007 would hold it: the columns gone, the chain sealed without them."""
    _demo(db_url).engine.dispose()
    engine = make_engine(db_url)
    with engine.begin() as conn:
        command.downgrade(schema.alembic_config(conn), "0007")
        found = MetaData()
        found.reflect(bind=conn, only=["decision"])
        rekey.seal_as_is(conn, found.tables["decision"], chainkey.load())  # type: ignore[arg-type]
        chain.key_database(conn, chainkey.load())  # type: ignore[arg-type]
        if tamper:
            conn.execute(text("UPDATE decision SET rationale = 'rettet i databasen' WHERE id = 1"))
    assert schema.current_revision(engine) == "0007" and not NEW & _columns(engine)
    engine.dispose()


def test_a_database_at_0007_gets_the_columns_and_its_chain_still_holds(db_url: str) -> None:
    _at_0007(db_url)
    db = open_db(db_url, "tester")
    assert schema.current_revision(db.engine) == schema.HEAD and NEW <= _columns(db.engine)
    with db.engine.connect() as conn:
        rows = conn.execute(text("SELECT youth_consent, acute, investigation_done, return_period_months, siblings, "
                                 "schooling, foster_assessment FROM decision")).all()
    assert rows and {tuple(r) for r in rows} == {("unknown", False, None, None, "", "", "")}
    assert verify.verify(db).ok
    [event] = [e for e in audit.events(db) if e.action == "migrate" and "skema 0008" in e.detail]
    assert "forseglet igen" in event.detail and "IKKE hele" not in event.detail
    db.engine.dispose()


def test_a_row_changed_before_the_upgrade_is_named_not_laundered(db_url: str) -> None:
    _at_0007(db_url, tamper=True)
    db = open_db(db_url, "tester")
    [event] = [e for e in audit.events(db) if e.action == "migrate" and "skema 0008" in e.detail]
    assert "IKKE hele" in event.detail and "række 1 (indholdet var ændret)" in event.detail
    db.engine.dispose()


def test_without_the_databases_key_the_upgrade_is_refused(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    _at_0007(db_url)
    monkeypatch.setenv(chainkey.ENV, "ab" * 32)
    from visitation.errors import VisitationError

    with pytest.raises(VisitationError, match="kædenøgle"):
        open_db(db_url, "tester")
    engine = make_engine(db_url)
    assert schema.current_revision(engine) == "0007"
    engine.dispose()
