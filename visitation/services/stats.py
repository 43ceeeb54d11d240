"""Key figures (nøgletal), a first version: where the children are and whether follow-up happens."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlmodel import col, func, select

from visitation.services.db import Db, profile_for
from visitation.services.followups import active
from visitation.store.models import Case, Decision, DocketItem, Followup, Meeting

PLACEMENT_TYPE_BY_STEP = {4: "network", 5: "foster", 6: "institution"}


@dataclass(frozen=True)
class KeyFigures:
    """The figures a leader steers by; each one's formula is in its docstring line in README.md."""

    period_from: dt.date | None
    period_to: dt.date | None
    cases_open: int
    children_per_step: dict[int, int]
    placements_by_type: dict[str, float]
    decisions_by_outcome: dict[str, int]
    moves_down: int
    moves_up: int
    followups_due: int
    followups_on_time_pct: float | None
    followups_overdue_now: int
    caseload: dict[str, int]
    caseload_reference: int
    meetings: int
    cases_per_meeting: float | None
    notes: list[str] = field(default_factory=list)


def key_figures(db: Db, since: dt.date | None = None, until: dt.date | None = None,
                today: dt.date | None = None) -> KeyFigures:
    """Compute the key figures; `since`/`until` bound decisions, follow-ups due and meetings."""
    today = today or dt.date.today()
    with db.read() as session:
        per_step = dict(session.exec(select(Case.current_step, func.count()).where(Case.status == "open")
                                     .group_by(Case.current_step)).all())
        placed = {k: per_step.get(s, 0) for s, k in PLACEMENT_TYPE_BY_STEP.items()}
        total_placed = sum(placed.values())
        decided = select(Decision.outcome, Decision.step_before, Decision.step, Decision.created_at)
        rows = [r for r in session.exec(decided).all() if _within(r[3].date(), since, until)]
        due = [f for f in session.exec(select(Followup.due, Followup.done_on).where(active())).all()
               if _within(f[0], since, until)]
        closed_due = [f for f in due if f[0] < today or f[1] is not None]
        on_time = sum(1 for d, done in closed_due if done is not None and done <= d)
        meetings = [m for m in session.exec(select(Meeting.id, Meeting.date)).all() if _within(m[1], since, until)]
        ids = [m[0] for m in meetings]
        docket = session.exec(select(func.count()).where(col(DocketItem.meeting_id).in_(ids))).one() if ids else 0
        caseload = dict(session.exec(select(Case.caseworker, func.count()).where(Case.status == "open")
                                     .group_by(Case.caseworker)).all())
        return KeyFigures(
            period_from=since, period_to=until, cases_open=sum(per_step.values()),
            children_per_step=dict(sorted(per_step.items())),
            placements_by_type={k: round(100 * v / total_placed, 1) if total_placed else 0.0 for k, v in placed.items()},
            decisions_by_outcome=_count(r[0] for r in rows),
            moves_down=sum(1 for r in rows if r[2] < r[1]), moves_up=sum(1 for r in rows if r[2] > r[1]),
            followups_due=len(due),
            followups_on_time_pct=round(100 * on_time / len(closed_due), 1) if closed_due else None,
            followups_overdue_now=sum(1 for d, done in due if done is None and d < today),
            caseload=dict(sorted(caseload.items())),
            caseload_reference=profile_for(session).caseload_reference,
            meetings=len(meetings), cases_per_meeting=round(docket / len(meetings), 1) if meetings else None)


def _within(day: dt.date, since: dt.date | None, until: dt.date | None) -> bool:
    return (since is None or day >= since) and (until is None or day <= until)


def _count(values) -> dict[str, int]:  # type: ignore[no-untyped-def]
    result: dict[str, int] = {}
    for v in values:
        result[v] = result.get(v, 0) + 1
    return dict(sorted(result.items()))
