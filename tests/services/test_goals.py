"""Goals and sub-goals: adding, listing, scoring at a follow-up (all or nothing), closing, the snapshot."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.services.helpers import counts
from visitation.domain.goals import GoalStatus
from visitation.errors import InvalidInput, NotFound
from visitation.services import audit, cases, goals
from visitation.services.db import Db

DAY = dt.date(2027, 3, 1)


def _case(db: Db, name: str = "Liva Jensen") -> int:
    return cases.add(db, name=name, birth_date=dt.date(2018, 4, 11))


@pytest.fixture
def goal_ids(db: Db) -> tuple[int, int, int]:
    """Case 1 with a goal and its sub-goal; case 2 with a goal of its own."""
    case = _case(db)
    top = goals.add(db, str(case), "Liva kommer i skole hver dag", due=dt.date(2027, 6, 1))
    sub = goals.add(db, str(case), "Liva møder til tiden", parent_id=top, due=dt.date(2027, 3, 1))
    other = goals.add(db, str(_case(db, "Noah Berg")), "Noah sover hjemme")
    return top, sub, other


def _score(db: Db, scores: dict[int, int], on: dt.date = DAY, case_id: int = 1) -> None:
    with db.write() as session:
        goals.score(session, db, case_id, None, scores, on)


def test_listing_puts_sub_goals_under_their_goal(db: Db, goal_ids: tuple[int, int, int]) -> None:
    top, sub, _ = goal_ids
    later = goals.add(db, "1", "Mor og Liva læser sammen")
    assert [(r.id, r.parent_id) for r in goals.listing(db, "1")] == [(top, None), (sub, top), (later, None)]
    assert "read" in [e.action for e in audit.events(db, 1)]


def test_scores_are_kept_over_time(db: Db, goal_ids: tuple[int, int, int]) -> None:
    top, sub, _ = goal_ids
    _score(db, {top: 3, sub: 5})
    _score(db, {top: 6}, on=DAY + dt.timedelta(days=42))
    by_id = {r.id: r for r in goals.listing(db, "1")}
    assert [(p.date, p.score) for p in by_id[top].scores] == [(DAY, 3), (DAY + dt.timedelta(days=42), 6)]
    assert (by_id[top].latest, by_id[sub].latest) == (6, 5)
    assert [e.detail for e in audit.events(db, 1) if e.entity == "goal_score"] == [
        f"2027-03-01: mål {top} = 3, mål {sub} = 5", f"2027-04-12: mål {top} = 6"]


@pytest.mark.parametrize("bad", [11, -1])
def test_a_score_outside_0_to_10_writes_nothing(db: Db, goal_ids: tuple[int, int, int], bad: int) -> None:
    top, sub, _ = goal_ids
    before = counts(db)
    with pytest.raises(InvalidInput, match=rf"^--goal: scoren for mål {sub} skal være .* 0 til 10"):
        _score(db, {top: 7, sub: bad})
    assert counts(db) == before


def test_a_goal_of_another_case_rolls_back_the_whole_transaction(db: Db, goal_ids: tuple[int, int, int]) -> None:
    top, _, other = goal_ids
    before = counts(db)
    with pytest.raises(InvalidInput, match=rf"^--goal: mål {other} findes ikke på denne sag$"):
        with db.write() as session:  # like a follow-up: an earlier write in the same transaction goes too
            goals.score(session, db, 1, None, {top: 4}, DAY)
            goals.score(session, db, 1, None, {other: 4}, DAY)
    assert counts(db) == before


@pytest.mark.parametrize("goal_id", [999, 2**40])
def test_an_unknown_goal_is_refused(db: Db, goal_ids: tuple[int, int, int], goal_id: int) -> None:
    with pytest.raises(InvalidInput, match=rf"--goal: mål {goal_id} findes ikke"):
        _score(db, {goal_id: 5})


def test_a_closed_goal_is_not_scored(db: Db, goal_ids: tuple[int, int, int]) -> None:
    top, sub, _ = goal_ids
    goals.close(db, sub, GoalStatus.REACHED, DAY)
    with db.read() as session:
        assert goals.open_goal_ids(session, 1) == [top]
    with pytest.raises(InvalidInput, match=rf"--goal: mål {sub} er lukket \(nået\)"):
        _score(db, {sub: 9})


def test_a_goal_closes_after_its_sub_goals(db: Db, goal_ids: tuple[int, int, int]) -> None:
    top, sub, _ = goal_ids
    with pytest.raises(InvalidInput, match=rf"har åbne delmål \({sub}\)"):
        goals.close(db, top, GoalStatus.REACHED)
    goals.close(db, sub, GoalStatus.DROPPED, DAY)
    goals.close(db, top, GoalStatus.REACHED, DAY)
    assert [(r.status, r.closed_on) for r in goals.listing(db, "1")] == [("reached", DAY), ("dropped", DAY)]
    with pytest.raises(InvalidInput, match="allerede lukket"):
        goals.close(db, top, GoalStatus.DROPPED)
    with pytest.raises(NotFound):
        goals.close(db, 999, GoalStatus.DROPPED)


def test_parent_must_be_an_open_top_level_goal_of_the_same_case(db: Db, goal_ids: tuple[int, int, int]) -> None:
    _, sub, other = goal_ids
    before = counts(db)
    with pytest.raises(InvalidInput, match=rf"--parent: mål {other} findes ikke på sagen"):
        goals.add(db, "1", "Et delmål", parent_id=other)
    with pytest.raises(InvalidInput, match=rf"--parent: mål {sub} er selv et delmål"):
        goals.add(db, "1", "Et delmål af et delmål", parent_id=sub)
    with pytest.raises(InvalidInput, match="--text: mangler"):
        goals.add(db, "1", "   ")
    with pytest.raises(InvalidInput, match="--text: indeholder styretegn"):
        goals.add(db, "1", "Liva\u202e")
    assert counts(db) == before


def test_snapshot_holds_goals_with_their_latest_score(db: Db, goal_ids: tuple[int, int, int]) -> None:
    top, sub, _ = goal_ids
    _score(db, {top: 2})
    _score(db, {top: 8}, on=DAY + dt.timedelta(days=1))
    with db.read() as session:
        kept = goals.snapshot(session, 1)
    assert kept == [
        {"id": top, "parent_id": None, "text": "Liva kommer i skole hver dag", "due": "2027-06-01", "status": "open",
         "closed_on": None, "latest": 8, "latest_on": "2027-03-02"},
        {"id": sub, "parent_id": top, "text": "Liva møder til tiden", "due": "2027-03-01", "status": "open",
         "closed_on": None, "latest": None, "latest_on": None}]


def test_scores_of_a_follow_up_point_at_it(demo_db: Db) -> None:
    from sqlmodel import select

    from tests.services.helpers import placement
    from visitation.services import decisions
    from visitation.store.models import GoalScore

    done = decisions.record(demo_db, "2026-0109", "VM-2026-11-24", placement())
    followup = done.followups[0]
    goal = goals.add(demo_db, "2026-0109", "Liva bliver i sin skole")
    with demo_db.write() as session:
        goals.score(session, demo_db, followup.case_id, followup.id, {goal: 7}, followup.due)
    with demo_db.read() as session:
        [kept] = session.exec(select(GoalScore)).all()
    assert (kept.goal_id, kept.followup_id, kept.score, kept.scored_on, kept.scored_by) == (
        goal, followup.id, 7, followup.due, "tester")
