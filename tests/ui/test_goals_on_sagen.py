"""Sagen draws each goal's scores over time, so the team sees whether the help works (SPEC §9.2)."""

from __future__ import annotations

import datetime as dt

from screens.app import make_app
from tests.ui.helpers import screen_text, settle
from visitation.domain.goals import GoalStatus
from visitation.services import goals
from visitation.services.db import Db

CASE, MEETING = "2026-0104", "VM-2026-11-26-OD"  # first on Odder's docket


def with_goals(db: Db) -> None:
    """Three goals on the case: one scored 3 then 6, a sub-goal not scored, one reached."""
    school = goals.add(db, CASE, "Kommer i skole hver dag", due=dt.date(2027, 6, 30))
    goals.add(db, CASE, "Møder til første time", parent_id=school)
    calm = goals.add(db, CASE, "Rolige aftener hjemme")
    with db.write() as session:
        from visitation.services.lookup import case

        found = case(session, CASE)
        goals.score(session, db, found.id, None, {school: 3, calm: 8}, dt.date(2026, 9, 1))  # type: ignore[arg-type]
        goals.score(session, db, found.id, None, {school: 6}, dt.date(2026, 11, 1))  # type: ignore[arg-type]
    goals.close(db, calm, GoalStatus.REACHED, dt.date(2026, 11, 2))


async def test_sagen_shows_each_goal_with_its_scores(ui_db: Db) -> None:
    with_goals(ui_db)
    app = make_app(ui_db, MEETING, clock=False)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        app.open_case(CASE, MEETING)
        await settle(pilot)
        text = screen_text(app)
    assert "Mål og fremskridt" in text
    assert "Kommer i skole hver dag  [åbent]" in text and "3 → 6" in text
    assert "– Møder til første time  [åbent]  ikke scoret endnu" in text
    assert "Rolige aftener hjemme  [nået]" in text
