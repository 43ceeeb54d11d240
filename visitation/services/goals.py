"""Goals and sub-goals of a case, and their scores 0–10 at follow-ups (SPEC §9.2)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from sqlmodel import Session, col, select

from visitation.domain.goals import GoalStatus, check_score, goal_text, status_label
from visitation.errors import InvalidInput, NotFound
from visitation.services import audit, lookup
from visitation.services.db import Db
from visitation.services.views import GoalRow, ScorePoint, jsonable
from visitation.store.models import Case, Goal, GoalScore


def add(db: Db, case_ident: str, text: str, parent_id: int | None = None, due: dt.date | None = None) -> int:
    """Add a goal to a case, or with `parent_id` a sub-goal of one of its goals; returns the new id."""
    text = goal_text(text)
    with db.write() as session:
        case = lookup.case(session, case_ident)
        return create(session, db, case, text, parent_id, due).id  # type: ignore[return-value]


def create(session: Session, db: Db, case: Case, text: str, parent_id: int | None = None,
           due: dt.date | None = None) -> Goal:
    """A goal (or sub-goal) made in the caller's transaction, audit-logged."""
    if parent_id is not None:
        _check_parent(session, case, parent_id)
    row = Goal(case_id=case.id, parent_id=parent_id, text=text, due=due,  # type: ignore[arg-type]
               created_by=db.user)
    session.add(row)
    session.flush()
    audit.log(session, db, "create", case.id, "goal", row.id,
              f"delmål af mål {parent_id}" if parent_id is not None else "mål")
    return row


def adopt(session: Session, db: Db, case: Case, texts: list[str]) -> None:
    """A decision's goals (`decide --goal`) become the case's goals, each once: a goal already open is kept."""
    known = set(session.exec(select(Goal.text).where(Goal.case_id == case.id, Goal.status == GoalStatus.OPEN)))
    for text in dict.fromkeys(t.strip() for t in texts if t.strip()):
        if text not in known:
            create(session, db, case, goal_text(text, "--goal"))


def _check_parent(session: Session, case: Case, parent_id: int) -> None:
    """A sub-goal hangs under an open goal of the same case that is not itself a sub-goal (two levels)."""
    parent = _goal(session, parent_id)
    if parent is None or parent.case_id != case.id:
        raise InvalidInput(f"--parent: mål {parent_id} findes ikke på sagen {case.ref}")
    if parent.parent_id is not None:
        raise InvalidInput(f"--parent: mål {parent_id} er selv et delmål (mål har kun delmål, ikke flere niveauer)")
    if parent.status != GoalStatus.OPEN:
        raise InvalidInput(f"--parent: mål {parent_id} er lukket ({status_label(parent.status)})")


def _goal(session: Session, goal_id: int) -> Goal | None:
    """A goal by id; None outside the database's integer range (a typing error is 'not found', not a crash)."""
    return session.get(Goal, goal_id) if 0 < goal_id < 2**31 else None


def listing(db: Db, case_ident: str) -> list[GoalRow]:
    """A case's goals, each followed by its sub-goals, with their scores over time; the read is logged."""
    return audit.read_logged(db, case_ident, lambda session, case: rows(session, case.id),  # type: ignore[arg-type]
                             "read", "goal")


def rows(session: Session, case_id: int) -> list[GoalRow]:
    """The goals of a case as plain rows: goals in the order made, each followed by its sub-goals."""
    goals = session.exec(select(Goal).where(Goal.case_id == case_id).order_by(col(Goal.id))).all()
    history = _scores(session, case_id)
    children: dict[int | None, list[Goal]] = defaultdict(list)
    for goal in goals:
        children[goal.parent_id].append(goal)
    ordered = [g for top in children[None] for g in (top, *children[top.id])]
    return [_row(g, history[g.id]) for g in ordered]  # type: ignore[index]


def _scores(session: Session, case_id: int) -> dict[int, list[ScorePoint]]:
    """Every score of the case's goals, by goal, oldest first."""
    found = session.exec(select(GoalScore).join(Goal, col(GoalScore.goal_id) == col(Goal.id))
                         .where(Goal.case_id == case_id)
                         .order_by(col(GoalScore.scored_on), col(GoalScore.id))).all()
    history: dict[int, list[ScorePoint]] = defaultdict(list)
    for s in found:
        history[s.goal_id].append(ScorePoint(date=s.scored_on, score=s.score))
    return history


def _row(goal: Goal, scores: list[ScorePoint]) -> GoalRow:
    return GoalRow(id=goal.id, parent_id=goal.parent_id, text=goal.text, due=goal.due,  # type: ignore[arg-type]
                   status=goal.status, closed_on=goal.closed_on,
                   latest=scores[-1].score if scores else None, scores=scores)


def snapshot(session: Session, case_id: int) -> list[dict[str, Any]]:
    """The case's goals as a decision keeps them: JSON-ready, each with its latest score and its date."""
    kept = []
    for goal in rows(session, case_id):
        data = jsonable(goal)
        history = data.pop("scores")
        data["latest_on"] = history[-1]["date"] if history else None
        kept.append(data)
    return kept


def open_goal_ids(session: Session, case_id: int) -> list[int]:
    """The ids of the case's open goals and sub-goals: what a follow-up is expected to score."""
    return list(session.exec(select(Goal.id).where(Goal.case_id == case_id, Goal.status == GoalStatus.OPEN)
                             .order_by(col(Goal.id))).all())  # type: ignore[arg-type]


def score(session: Session, db: Db, case_id: int, followup_id: int | None, scores: dict[int, int],
          on: dt.date) -> None:
    """Record goals' scores in the caller's transaction (a follow-up's); all are checked before any is written."""
    for goal_id, value in scores.items():
        _check_scorable(session, case_id, goal_id, value)
    for goal_id, value in scores.items():
        session.add(GoalScore(goal_id=goal_id, followup_id=followup_id, score=value, scored_on=on,
                              scored_by=db.user))
    if scores:
        at = f"opfølgning {followup_id}" if followup_id is not None else on.isoformat()
        audit.log(session, db, "create", case_id, "goal_score", None,
                  f"{at}: " + ", ".join(f"mål {g} = {s}" for g, s in scores.items()))


def _check_scorable(session: Session, case_id: int, goal_id: int, value: int) -> None:
    """A score 0–10 for an open goal of this case; the error names `--goal` and the goal."""
    check_score(goal_id, value)
    goal = _goal(session, goal_id)
    if goal is None or goal.case_id != case_id:
        raise InvalidInput(f"--goal: mål {goal_id} findes ikke på denne sag")
    if goal.status != GoalStatus.OPEN:
        raise InvalidInput(f"--goal: mål {goal_id} er lukket ({status_label(goal.status)}) "
                           "og scores ikke længere")


def close(db: Db, goal_id: int, status: GoalStatus, on: dt.date | None = None) -> None:
    """Mark a goal reached or dropped; a goal with open sub-goals waits until they are closed."""
    if status == GoalStatus.OPEN:
        raise InvalidInput("angiv --reached eller --dropped")
    with db.write() as session:
        goal = _goal(session, goal_id)
        if goal is None:
            raise NotFound(f"mål {goal_id} findes ikke")
        if goal.status != GoalStatus.OPEN:
            raise InvalidInput(f"mål {goal_id} er allerede lukket ({status_label(goal.status)})")
        still_open = session.exec(select(Goal.id).where(Goal.parent_id == goal_id, Goal.status == GoalStatus.OPEN)
                                  .order_by(col(Goal.id))).all()
        if still_open:
            raise InvalidInput(f"mål {goal_id} har åbne delmål ({', '.join(map(str, still_open))}); luk dem først")
        goal.status, goal.closed_on = status.value, on or dt.date.today()
        session.add(goal)
        audit.log(session, db, "update", goal.case_id, "goal", goal.id, status_label(status))
