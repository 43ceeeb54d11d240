"""What follow-up achieves: the law's minimum kept, goals reached or rising, children moved down after a
follow-up.

Each is an SQL aggregate: a look into each follow-up's legal basis, the latest two scores of each open
goal, the decision that follows a follow-up (correlated subqueries). Each figure's formula is in
`visitation.domain.keyfigures`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import case
from sqlmodel import Session, col, func, select

from visitation.domain.goals import GoalStatus
from visitation.domain.keyfigures import legal_followup_paragraphs
from visitation.domain.law import load_law
from visitation.services.rows import active
from visitation.services.stats_over_time import PLACING, count_if, pct, rows, standing, within
from visitation.store.models import Decision, Followup, Goal, GoalScore
from visitation.store.timecalc import cites_paragraph


def due_counts(session: Session, since: dt.date | None, until: dt.date | None, today: dt.date,
               *where: Any) -> tuple[int, int, int]:
    """Follow-ups still due (not moot) with their date in the period: how many, how many done or past
    their date, and how many done by it."""
    due, done = col(Followup.due), col(Followup.done_on)
    total, closed, on_time = rows(session, select(
        func.count(), count_if((due < today) | done.is_not(None)), count_if(done.is_not(None) & (done <= due)))
        .where(active(), *within(due, since, until), *where))[0]
    return total, int(closed), int(on_time)


def legal_followups(session: Session, since: dt.date | None, until: dt.date | None,
                    today: dt.date) -> dict[str, Any]:
    """The follow-ups the law requires (citing a paragraph the law's own follow-up rules rest on), due in
    the period, and the share of them done on time. Their legal basis is read row by row: not an index."""
    paragraphs = legal_followup_paragraphs(load_law())
    if not paragraphs:
        return {"followups_legal_due": 0, "followups_legal_on_time_pct": None}
    total, closed, on_time = due_counts(session, since, until, today, cites_paragraph(Followup.legal, *paragraphs))
    return {"followups_legal_due": total, "followups_legal_on_time_pct": pct(on_time, closed)}


def goals(session: Session, since: dt.date | None, until: dt.date | None) -> dict[str, Any]:
    """Goals and sub-goals closed in the period and the share reached; the open ones rising now."""
    status = col(Goal.status)
    shut = [status != GoalStatus.OPEN, col(Goal.closed_on).is_not(None), *within(Goal.closed_on, since, until)]
    closed, reached = rows(session, select(func.count(), count_if(status == GoalStatus.REACHED)).where(*shut))[0]
    return {"goals_closed": closed, "goals_reached_pct": pct(int(reached), closed),
            "goals_rising_pct": _rising(session)}


def _rising(session: Session) -> float | None:
    """Of the open goals scored at least twice: the share whose latest score is above the one before it."""
    scored = (select(_score(0).label("latest"), _score(1).label("before"))
              .where(Goal.status == GoalStatus.OPEN).subquery())
    compared, rose = rows(session, select(func.count(), count_if(scored.c.latest > scored.c.before))
                          .where(scored.c.before.is_not(None)))[0]
    return pct(int(rose), compared)


def _score(back: int) -> Any:
    """SQL: a goal's score `back` scores before its latest (by day, then as entered); NULL if it has none."""
    return (select(GoalScore.score).where(col(GoalScore.goal_id) == Goal.id)
            .order_by(col(GoalScore.scored_on).desc(), col(GoalScore.id).desc())
            .limit(1).offset(back).correlate(Goal).scalar_subquery())


def moved_down_after_followup(session: Session, since: dt.date | None, until: dt.date | None) -> dict[str, Any]:
    """Children with a follow-up done in the period, and the share whose next decision after one moved them down."""
    done = col(Followup.done_on)
    down = col(Decision.step) < col(Decision.step_before)
    following = (select(case((down, 1), else_=0))
                 .where(col(Decision.case_id) == Followup.case_id, col(Decision.created_at) >= done, standing(),
                        col(Decision.outcome).in_(PLACING))
                 .order_by(col(Decision.created_at), col(Decision.id)).limit(1).correlate(Followup).scalar_subquery())
    children, moved = rows(session, select(func.count(func.distinct(Followup.case_id)),
                                           func.count(func.distinct(case((following == 1, Followup.case_id)))))
                           .where(active(), done.is_not(None), *within(done, since, until)))[0]
    return {"children_followed_up": children, "moved_down_after_followup_pct": pct(moved, children)}
