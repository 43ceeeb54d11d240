"""Revision 0007: a database at 0006 with decisions gains the decision's law fields with neutral values, and
downgrades cleanly."""

from __future__ import annotations

from alembic import command
from sqlalchemy import inspect, text

from tests.reliability.test_tamper import _demo
from visitation.services.db import open_db
from visitation.store import schema
from visitation.store.engine import make_engine

NEW = {"youth_consent", "investigation_done", "acute", "return_period_months", "siblings", "schooling",
       "foster_assessment"}


def _columns(engine) -> set[str]:  # type: ignore[no-untyped-def]
    return {c["name"] for c in inspect(engine).get_columns("decision")}


def test_a_database_at_0006_gets_the_columns_with_neutral_values(db_url: str) -> None:
    _demo(db_url).engine.dispose()  # the demo with its postponed decisions, at the current schema
    engine = make_engine(db_url)
    with engine.begin() as conn:
        command.downgrade(schema.alembic_config(conn), "0006")
    assert schema.current_revision(engine) == "0006" and not NEW & _columns(engine)
    engine.dispose()

    db = open_db(db_url, "tester")
    assert schema.current_revision(db.engine) == "0007" and NEW <= _columns(db.engine)
    with db.engine.connect() as conn:
        rows = conn.execute(text("SELECT youth_consent, acute, investigation_done, return_period_months, siblings, "
                                 "schooling, foster_assessment FROM decision")).all()
    assert rows and {tuple(r) for r in rows} == {("unknown", False, None, None, "", "", "")}
    db.engine.dispose()
