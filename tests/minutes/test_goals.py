"""The minutes show the case's goals and their scores over time as the meeting knew them (SPEC §9.2)."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.minutes.helpers import DECIDED, FORMATS, LATER, MEETING, RULER_REASON, text_of
from tests.services.helpers import placement
from visitation.minutes import build, render
from visitation.services import decisions, followups, goals
from visitation.services.db import Db

CASE, DECIDED_AT = DECIDED, MEETING


@pytest.fixture
def scored(demo_db: Db) -> Db:
    """The case placed with two goals, a sub-goal added, then scored 4 and 7 at two follow-ups."""
    decisions.record(demo_db, CASE, DECIDED_AT, placement(goals="Går i skole hver dag\nTrives i plejefamilien",
                                                              ruler_reason=RULER_REASON))
    school = goals.listing(demo_db, CASE)[0]
    goals.add(demo_db, CASE, "Møder til første time", parent_id=school.id, due=dt.date(2027, 6, 30))
    for day, score in ((dt.date(2027, 3, 1), 4), (dt.date(2027, 6, 1), 7)):
        due = followups.pending(demo_db)[0]
        followups.done(demo_db, due.id, "Fulgt op", scores={school.id: score}, today=day)
    return demo_db


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_later_meeting_shows_the_scores_over_time(scored: Db, fmt: str) -> None:
    text = text_of(render(build(scored, LATER, "internal", CASE), fmt), fmt)
    assert "Går i skole hver dag" in text and "Møder til første time" in text and "4 → 7" in text
    assert ("2027-06-30" if fmt == "json" else "30. juni 2027") in text
    assert fmt == "json" or "Mål og fremskridt" in text


def test_the_deciding_meeting_shows_the_goals_as_they_were_then(scored: Db) -> None:
    text = text_of(render(build(scored, DECIDED_AT, "internal", CASE), "md"), "md")
    assert "Går i skole hver dag" in text and "Trives i plejefamilien" in text
    assert "4 → 7" not in text and "Møder til første time" not in text  # scored and added after it
