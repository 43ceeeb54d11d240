"""Revision 0006: a database at 0005 upgrades to the goal tables, keeps its rows, and downgrades cleanly."""

from __future__ import annotations

import datetime as dt

from alembic import command
from sqlalchemy import inspect

from visitation.services import cases, goals
from visitation.services.db import open_db
from visitation.store import schema
from visitation.store.engine import make_engine


def test_a_database_at_0005_upgrades_to_0006(db_url: str) -> None:
    before = open_db(db_url, "tester")
    case = cases.add(before, name="Liva Jensen", birth_date=dt.date(2018, 4, 11))
    with before.engine.begin() as conn:  # the case as a database at 0005 holds it (the service writes today's)
        command.downgrade(schema.alembic_config(conn), "0005")
    assert not inspect(before.engine).has_table("goal")
    before.engine.dispose()

    db = open_db(db_url, "tester")
    assert schema.current_revision(db.engine) == schema.HEAD
    found = inspect(db.engine)
    assert {"goal", "goal_score"} <= set(found.get_table_names())
    assert {i["name"] for i in found.get_indexes("goal_score")} == {
        "ix_goal_score_goal_id", "ix_goal_score_followup_id"}
    goal = goals.add(db, str(case), "Liva kommer i skole hver dag")
    assert [r.id for r in goals.listing(db, str(case))] == [goal]
    db.engine.dispose()


def test_0006_downgrades_to_0005(db_url: str) -> None:
    engine = make_engine(db_url)
    schema.upgrade(engine)
    with engine.begin() as conn:
        command.downgrade(schema.alembic_config(conn), "0005")
    assert schema.current_revision(engine) == "0005"
    assert not {"goal", "goal_score"} & set(inspect(engine).get_table_names())
    engine.dispose()
