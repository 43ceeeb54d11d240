"""What follow-up achieves: goals reached or rising, and children moved down after a follow-up.

Each is an SQL aggregate (window functions for the scores, a correlated subquery for the decision that
follows a follow-up). Each figure's formula is in `visitation.domain.keyfigures`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import case
from sqlmodel import Session, col, func, select

from visitation.domain.goals import GoalStatus
from visitation.services.rows import active
from visitation.services.stats_over_time import PLACING, count_if, pct, rows, standing, within
from visitation.store.models import Decision, Followup, Goal, GoalScore


def goals(session: Session, since: dt.date | None, until: dt.date | None) -> dict[str, Any]:
    """Goals and sub-goals closed in the period and the share reached; the open ones rising now."""
    status = col(Goal.status)
    shut = [status != GoalStatus.OPEN, col(Goal.closed_on).is_not(None), *within(Goal.closed_on, since, until)]
    closed, reached = rows(session, select(func.count(), count_if(status == GoalStatus.REACHED)).where(*shut))[0]
    return {"goals_closed": closed, "goals_reached_pct": pct(int(reached), closed),
            "goals_rising_pct": _rising(session)}


def _rising(session: Session) -> float | None:
    """Of the open goals scored at least twice: the share whose latest score is above the one before it."""
    by_goal = col(GoalScore.goal_id)
    oldest_first = (col(GoalScore.scored_on), col(GoalScore.id))
    scored = (select(GoalScore.score.label("score"),  # type: ignore[attr-defined]
                     func.lag(GoalScore.score).over(partition_by=by_goal, order_by=oldest_first).label("before"),
                     func.row_number().over(partition_by=by_goal, order_by=[c.desc() for c in oldest_first])
                     .label("newest"))
              .join(Goal, col(Goal.id) == by_goal).where(Goal.status == GoalStatus.OPEN).subquery())
    compared, rose = rows(session, select(func.count(), count_if(scored.c.score > scored.c.before))
                          .where(scored.c.newest == 1, scored.c.before.is_not(None)))[0]
    return pct(int(rose), compared)


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
