"""The SQL both dialects spell differently says the same thing on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import literal, select, text

from visitation.services.db import Db
from visitation.store.models import Case, Child, Decision, DocketItem, Meeting
from visitation.store.timecalc import days_after, month_of, seconds_between, step_below_in

UTC = dt.UTC


def _one(db: Db, expression: object) -> object:
    with db.read() as session:
        return session.connection().execute(select(expression)).scalar_one()  # type: ignore[call-overload]


@pytest.mark.parametrize(("day", "days", "expected"), [
    (dt.date(2024, 2, 28), 1, dt.date(2024, 2, 29)),   # a leap day
    (dt.date(2023, 2, 28), 1, dt.date(2023, 3, 1)),
    (dt.date(2025, 12, 31), 183, dt.date(2026, 7, 2)),  # over a year's end
    (dt.date(2026, 1, 31), 0, dt.date(2026, 1, 31)),
])
def test_days_after_a_meeting(db: Db, day: dt.date, days: int, expected: dt.date) -> None:
    with db.write() as s:
        s.add(Meeting(ref="M", date=day, chair="Hanne"))
    with db.read() as session:
        got = session.connection().execute(select(days_after(Meeting.date, literal(days)))).scalar_one()
    assert dt.date.fromisoformat(str(got)[:10]) == expected


def _decision(db: Db, at: dt.datetime, step: int, alternatives: list[dict[str, object]]) -> None:
    with db.write() as s:
        child = Child(name="Barn", initials="B", birth_date=dt.date(2015, 1, 1))
        s.add(child)
        s.flush()
        case = Case(ref="T-1", child_id=child.id, profile_key="p", profile_version="1", current_step=step)  # type: ignore[arg-type]
        meeting = Meeting(ref="M", date=at.date(), chair="Hanne")
        s.add_all([case, meeting])
        s.flush()
        s.add(DocketItem(meeting_id=meeting.id, case_id=case.id, position=1, minutes=15,  # type: ignore[arg-type]
                         started_at=at - dt.timedelta(minutes=12, seconds=30)))
        s.add(Decision(case_id=case.id, meeting_id=meeting.id, outcome="approved", step_before=step, step=step,  # type: ignore[arg-type]
                       law_version="t", profile_key="p", profile_version="1", consent="yes", created_by="t",
                       created_at=at, alternatives=alternatives))


def _server_zone_elsewhere(db: Db) -> None:
    """On PostgreSQL: the database's own time zone set to New York, for sessions opened from now on."""
    if db.engine.dialect.name == "sqlite":
        return
    with db.engine.begin() as conn:
        conn.execute(text("DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET TimeZone = %L', "
                          "current_database(), 'America/New_York'); END $$"))
    db.engine.dispose()


def test_seconds_from_docket_start_to_decision_and_the_month_in_utc(db: Db) -> None:
    _server_zone_elsewhere(db)
    _decision(db, dt.datetime(2026, 4, 1, 2, 30, tzinfo=UTC), 3, [])
    with db.read() as session:
        seconds, month = session.connection().execute(
            select(seconds_between(DocketItem.started_at, Decision.created_at), month_of(Decision.created_at))
            .join(DocketItem, DocketItem.case_id == Decision.case_id)).one()
        zone = (session.connection().execute(text("SHOW TimeZone")).scalar()
                if db.engine.dialect.name != "sqlite" else "UTC")
    assert round(seconds, 3) == 750.0
    assert month == "2026-04"  # 02:30 UTC on 1 April: April, though it is still March in New York
    assert zone == "UTC"


@pytest.mark.parametrize(("alternatives", "below"), [
    ([], False),
    ([{"step": 4}], False),
    ([{"step": 2, "intervention": "x"}], True),
    ([{"step": 5}, {"step": 1}], True),
    ([{"step": "2"}, {"intervention": "y"}], False),  # a step that is not a number is not weighed
])
def test_an_alternative_weighed_below_the_chosen_step(db: Db, alternatives: list[dict[str, object]],
                                                      below: bool) -> None:
    _decision(db, dt.datetime(2026, 5, 4, 10, tzinfo=UTC), 3, alternatives)
    assert bool(_one(db, step_below_in(Decision.alternatives, Decision.step))) is below
