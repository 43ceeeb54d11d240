"""Key figures (nøgletal): where the children are, how they move, whether follow-up happens.

Each figure is defined, with its formula, in `visitation.domain.keyfigures`. The present (children per
step, placements, follow-ups, caseload, and Socialstyrelsen's prevention triangle and target group in
`stats_prevention`) is a few SQL aggregates; the figures over time are in
`stats_over_time` and what follow-up achieves (goals, moves down) in `stats_outcomes`, so a dashboard
can draw the present at once and the rest after.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session, col, func, select

from visitation.domain.keyfigures import TargetCell
from visitation.services import stats_outcomes as outcomes
from visitation.services import stats_over_time as history
from visitation.services.db import Db, profile_for
from visitation.services.rows import active
from visitation.services.stats_months import kept_steps_by_month
from visitation.services.stats_over_time import pct, rows
from visitation.services.stats_prevention import prevention
from visitation.store import month_store
from visitation.store.models import Case, Followup, utcnow

PLACEMENT_TYPE_BY_STEP = {4: "network", 5: "foster", 6: "institution"}


@dataclass(frozen=True)
class KeyFigures:
    """The figures a leader steers by; see `visitation.domain.keyfigures` for each formula."""

    period_from: dt.date | None
    period_to: dt.date | None
    cases_open: int
    children_per_step: dict[int, int]
    children_per_step_by_month: dict[str, dict[int, int]]
    moves_by_month: dict[str, dict[str, int]]
    placements_by_type: dict[str, float]
    placement_days_mean: float | None
    placement_days_median: float | None
    placement_days_by_type: dict[str, dict[str, float | int | None]]
    decisions_by_outcome: dict[str, int]
    moves_down: int
    moves_up: int
    followups_due: int
    followups_on_time_pct: float | None
    followups_legal_due: int
    followups_legal_on_time_pct: float | None
    followups_overdue_now: int
    children_with_overdue: int
    caseload: dict[str, int]
    caseload_reference: int
    meetings: int
    cases_per_meeting: float | None
    minutes_per_case: float | None
    time_box_per_case: float | None
    over_time_box_pct: float | None
    lowest_step_pct: float | None
    back_within_6m_pct: float | None
    goals_closed: int
    goals_reached_pct: float | None
    goals_rising_pct: float | None
    children_followed_up: int
    moved_down_after_followup_pct: float | None
    prevention_profiles: list[str]
    prevention_levels: dict[str, int]
    position_by_wellbeing: list[TargetCell]
    position_by_wellbeing_unset: int
    target_group: int
    notes: list[str] = field(default_factory=list)


def key_figures(db: Db, since: dt.date | None = None, until: dt.date | None = None,
                today: dt.date | None = None, quick: bool = False) -> KeyFigures:
    """Compute every key figure; `since`/`until` bound decisions, follow-ups due or done, goals closed and
    meetings.

    `quick` gives only the figures of the present (children per step, placements, follow-ups, caseload, the
    prevention triangle), which SQL aggregates answer at once, so a dashboard can draw them and then ask
    `with_history`.
    """
    today = today or dt.date.today()
    with db.read() as session:
        present = _present(session, since, until, today)
        if quick:
            return present
        figures, finished = _with_history(session, present, today)
    month_store.keep(db.engine, finished)
    return figures


def with_history(db: Db, present: KeyFigures, today: dt.date | None = None) -> KeyFigures:
    """The figures of `key_figures(quick=True)` completed with those over time, the present not recomputed."""
    with db.read() as session:
        figures, finished = _with_history(session, present, today or dt.date.today())
    month_store.keep(db.engine, finished)
    return figures


def _present(session: Session, since: dt.date | None, until: dt.date | None, today: dt.date) -> KeyFigures:
    """The figures SQL aggregates answer; those over time empty."""
    per_step, caseload = _open_cases(session)
    placed = {k: per_step.get(s, 0) for s, k in PLACEMENT_TYPE_BY_STEP.items()}
    return KeyFigures(
        period_from=since, period_to=until, cases_open=sum(per_step.values()),
        children_per_step=dict(sorted(per_step.items())), children_per_step_by_month={}, moves_by_month={},
        placements_by_type={k: pct(v, sum(placed.values())) or 0.0 for k, v in placed.items()},
        placement_days_mean=None, placement_days_median=None, placement_days_by_type={}, decisions_by_outcome={},
        moves_down=0, moves_up=0,
        **_followups(session, since, until, today), followups_legal_due=0, followups_legal_on_time_pct=None,
        caseload=dict(sorted(caseload.items())),
        caseload_reference=profile_for(session).caseload_reference, meetings=0, cases_per_meeting=None,
        minutes_per_case=None, time_box_per_case=None, over_time_box_pct=None, lowest_step_pct=None,
        back_within_6m_pct=None, goals_closed=0, goals_reached_pct=None, goals_rising_pct=None,
        children_followed_up=0, moved_down_after_followup_pct=None, **prevention(session))


def _with_history(session: Session, present: KeyFigures, today: dt.date) -> tuple[KeyFigures, month_store.Kept]:
    """The present figures completed with those over time; and the finished months to keep."""
    since, until = present.period_from, present.period_to
    months = _months(since, until, today)
    by_month, finished = kept_steps_by_month(session, months, utcnow())
    return dataclasses.replace(
        present, children_per_step_by_month=by_month,
        moves_by_month=history.moves_by_month(session, months), **_placements(session, today),
        decisions_by_outcome=history.outcomes(session, since, until),
        **history.moves(session, since, until), **history.meetings(session, since, until),
        **outcomes.legal_followups(session, since, until, today), **outcomes.goals(session, since, until),
        **outcomes.moved_down_after_followup(session, since, until)), finished


def _placements(session: Session, today: dt.date) -> dict[str, Any]:
    """How long placements last: all together (steps 4-6), and each type's stays on its own step."""
    moves = history.placement_moves(session)
    days = history.stays(moves, today, history.placed)
    by_type = {kind: history.stays(moves, today, step.__eq__)
               for step, kind in PLACEMENT_TYPE_BY_STEP.items()}
    return {"placement_days_mean": history.mean(days), "placement_days_median": history.median(days),
            "placement_days_by_type": {kind: {"mean": history.mean(d), "median": history.median(d),
                                              "count": len(d)} for kind, d in by_type.items()}}


def _open_cases(session: Session) -> tuple[Counter[int], Counter[str]]:
    """Open cases per step and per caseworker, from one grouped scan of the cases."""
    per_step, caseload = Counter[int](), Counter[str]()
    for step, worker, n in rows(session, select(Case.current_step, Case.caseworker, func.count())
                                .where(Case.status == "open").group_by(col(Case.current_step), col(Case.caseworker))):
        per_step[step] += n
        caseload[worker] += n
    return per_step, caseload


def _followups(session: Session, since: dt.date | None, until: dt.date | None, today: dt.date) -> dict[str, Any]:
    """The follow-up figures as two aggregate queries read from an index (no row is brought into Python)."""
    total, closed, on_time = outcomes.due_counts(session, since, until, today)
    overdue, children = rows(session, select(func.count(), func.count(func.distinct(Followup.case_id)))
                             .where(active(), col(Followup.done_on).is_(None), col(Followup.due) < today))[0]
    return {"followups_due": total, "followups_on_time_pct": pct(on_time, closed),
            "followups_overdue_now": overdue, "children_with_overdue": children}


def _months(since: dt.date | None, until: dt.date | None, today: dt.date) -> list[dt.date]:
    """Month ends from `since` (default: eleven months before `until`) to `until` (default today), at most 24."""
    last = until or today
    first = since or dt.date(last.year - (1 if last.month < 12 else 0), (last.month % 12) + 1, 1)
    ends: list[dt.date] = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month) and len(ends) < 24:
        ends.append(min(dt.date(year, month, calendar.monthrange(year, month)[1]), last))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return ends
