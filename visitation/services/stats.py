"""Key figures (nøgletal): where the children are, how they move, whether follow-up happens.

Each figure is defined, with its formula, in `visitation.domain.keyfigures`; this module computes them
with a handful of queries (aggregates in SQL, one pass over the decisions in Python).
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import case
from sqlmodel import Session, col, func, select

from visitation.services.db import Db, profile_for
from visitation.services.followups import active
from visitation.store.models import Case, Decision, DocketItem, Followup, Meeting

PLACEMENT_TYPE_BY_STEP = {4: "network", 5: "foster", 6: "institution"}
PLACING = ("approved", "changed")
BACK_WITHIN_DAYS = 183


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
    decisions_by_outcome: dict[str, int]
    moves_down: int
    moves_up: int
    followups_due: int
    followups_on_time_pct: float | None
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
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Decided:
    case_id: int
    meeting_id: int | None
    day: dt.date
    start: dt.date
    outcome: str
    step_before: int
    step: int
    lowest_considered: int
    at: dt.datetime


def key_figures(db: Db, since: dt.date | None = None, until: dt.date | None = None,
                today: dt.date | None = None, quick: bool = False) -> KeyFigures:
    """Compute every key figure; `since`/`until` bound decisions, follow-ups due and meetings.

    `quick` gives only the figures of the present (children per step, placements, follow-ups, caseload),
    which SQL aggregates answer at once, so a dashboard can draw them while the rest is computed.
    """
    today = today or dt.date.today()
    with db.read() as session:
        per_step, caseload = _open_cases(session)
        decided = [] if quick else _decisions(session)
        in_period = [d for d in decided if _within(d.day, since, until)]
        placing = [d for d in in_period if d.outcome in PLACING]
        months = _months(since, until, today)
        durations = _placement_days(decided, today)
        follow = _followups(session, since, until, today)
        meeting = _meetings(session, since, until, decided) if not quick else dict.fromkeys(
            ("meetings", "cases_per_meeting", "minutes_per_case", "time_box_per_case", "over_time_box_pct",
             "back_within_6m_pct"))
        placed = {k: per_step.get(s, 0) for s, k in PLACEMENT_TYPE_BY_STEP.items()}
        total_placed = sum(placed.values())
        return KeyFigures(
            period_from=since, period_to=until, cases_open=sum(per_step.values()),
            children_per_step=dict(sorted(per_step.items())),
            children_per_step_by_month={} if quick else _steps_by_month(session, decided, months),
            moves_by_month=_moves_by_month(decided, months),
            placements_by_type={k: _pct(v, total_placed) or 0.0 for k, v in placed.items()},
            placement_days_mean=round(statistics.fmean(durations), 1) if durations else None,
            placement_days_median=float(statistics.median(durations)) if durations else None,
            decisions_by_outcome=dict(sorted(Counter(d.outcome for d in in_period).items())),
            moves_down=_moves(placing)["down"], moves_up=_moves(placing)["up"],
            **follow, caseload=dict(sorted(caseload.items())),
            caseload_reference=profile_for(session).caseload_reference, **meeting,
            lowest_step_pct=_pct(sum(d.step <= d.lowest_considered for d in placing), len(placing)))


def _open_cases(session: Session) -> tuple[Counter[int], Counter[str]]:
    """Open cases per step and per caseworker, from one grouped scan of the cases."""
    per_step, caseload = Counter[int](), Counter[str]()
    for step, worker, n in _rows(session, select(Case.current_step, Case.caseworker, func.count())
                                 .where(Case.status == "open").group_by(Case.current_step, Case.caseworker)):
        per_step[step] += n
        caseload[worker] += n
    return per_step, caseload


def _decisions(session: Session) -> list[_Decided]:
    """Every decision not replaced by a correction, oldest first."""
    replaced = set(session.exec(select(Decision.supersedes_id).where(col(Decision.supersedes_id).is_not(None))).all())
    rows = _rows(session, select(Decision.id, Decision.case_id, Decision.meeting_id, Decision.created_at, Decision.start,
                                 Decision.outcome, Decision.step_before, Decision.step, Decision.alternatives)
                 .order_by(col(Decision.id)))
    found = []
    for i, case_id, meeting_id, at, start, outcome, before, step, alternatives in rows:
        if i in replaced:
            continue
        steps = [a.get("step") for a in alternatives or [] if isinstance(a.get("step"), int)]
        found.append(_Decided(case_id, meeting_id, at.date(), start or at.date(), outcome, before, step,
                              min([step, *steps]), at))
    return found


def _moves(decided: list[_Decided]) -> dict[str, int]:
    placing = [d for d in decided if d.outcome in PLACING]
    return {"down": sum(d.step < d.step_before for d in placing), "up": sum(d.step > d.step_before for d in placing)}


def _placement_days(decided: list[_Decided], today: dt.date) -> list[int]:
    """Days each placement lasted (or has lasted): from a move onto steps 4-6 to the move below 4."""
    open_since: dict[int, dt.date] = {}
    days = []
    for d in (d for d in decided if d.outcome in PLACING):
        if d.step >= 4 and d.step_before < 4 and d.case_id not in open_since:
            open_since[d.case_id] = d.start
        elif d.step < 4 and d.case_id in open_since:
            days.append(max(0, (d.start - open_since.pop(d.case_id)).days))
    days += [max(0, (today - start).days) for start in open_since.values()]
    return days


def _followups(session: Session, since: dt.date | None, until: dt.date | None, today: dt.date) -> dict[str, object]:
    """The follow-up figures as two aggregate queries (no row is brought into Python)."""
    def count(condition: Any) -> Any:
        return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)

    due = col(Followup.due)
    period = [active()] + ([due >= since] if since else []) + ([due <= until] if until else [])
    closed = (due < today) | col(Followup.done_on).is_not(None)
    on_time = col(Followup.done_on).is_not(None) & (col(Followup.done_on) <= due)
    total, closed_n, on_time_n = _rows(session, select(func.count(), count(closed), count(closed & on_time))
                                       .where(*period))[0]
    overdue, children = _rows(session, select(func.count(), func.count(func.distinct(Followup.case_id)))
                              .where(active(), col(Followup.done_on).is_(None), due < today))[0]
    return {"followups_due": total, "followups_on_time_pct": _pct(int(on_time_n), int(closed_n)),
            "followups_overdue_now": overdue, "children_with_overdue": children}


def _meetings(session: Session, since: dt.date | None, until: dt.date | None,
              decided: list[_Decided]) -> dict[str, object]:
    all_dates = dict(_rows(session, select(Meeting.id, Meeting.date)))
    held = {i: day for i, day in all_dates.items() if _within(day, since, until)}
    docket = _rows(session, select(DocketItem.meeting_id, DocketItem.case_id, DocketItem.minutes, DocketItem.started_at))
    items = [row for row in docket if row[0] in held]
    at_meeting = {(d.meeting_id, d.case_id): d for d in decided if d.meeting_id is not None}
    used, boxes = [], []
    for meeting_id, case_id, minutes, started in items:
        d = at_meeting.get((meeting_id, case_id))
        if d is not None and started is not None:
            used.append(max(0.0, (_naive(d.at) - _naive(started)).total_seconds() / 60))
            boxes.append(minutes)
    dockets = defaultdict(list)
    for meeting_id, case_id, *_ in docket:
        dockets[case_id].append(meeting_id)
    placed_here = [d for d in decided if d.meeting_id in held and d.outcome in PLACING]
    back = [d for d in placed_here
            if any(0 < (all_dates[m] - all_dates[d.meeting_id]).days <= BACK_WITHIN_DAYS for m in dockets[d.case_id])]
    return {"meetings": len(held), "cases_per_meeting": round(len(items) / len(held), 1) if held else None,
            "minutes_per_case": round(statistics.fmean(used), 1) if used else None,
            "time_box_per_case": round(statistics.fmean(boxes), 1) if boxes else None,
            "over_time_box_pct": _pct(sum(u > b for u, b in zip(used, boxes, strict=True)), len(used)),
            "back_within_6m_pct": _pct(len(back), len(placed_here))}


def _steps_by_month(session: Session, decided: list[_Decided], months: list[dt.date]) -> dict[str, dict[int, int]]:
    """Children per step at each month's end, replayed from the decisions (bisecting each case's history)."""
    history: dict[int, list[_Decided]] = defaultdict(list)
    for d in decided:
        if d.outcome in PLACING:
            history[d.case_id].append(d)
    counts = {m: Counter[int]() for m in months}
    created_by_step: dict[int, list[dt.date]] = defaultdict(list)
    created_day = func.date(Case.created_at)  # the day as text (SQLite) or a date (PostgreSQL): no datetime parsing
    for case_id, current, created in _rows(session, select(Case.id, Case.current_step, created_day)
                                           .where(Case.status == "open")):
        day = created if isinstance(created, dt.date) else dt.date.fromisoformat(created)
        steps = history.get(case_id)
        if not steps:
            created_by_step[current].append(day)
            continue
        days = [d.day for d in steps]
        for m in months:
            if day <= m:
                index = bisect.bisect_right(days, m)
                counts[m][steps[index - 1].step if index else steps[0].step_before] += 1
    for step, created in created_by_step.items():
        created.sort()
        for m in months:
            counts[m][step] += bisect.bisect_right(created, m)
    return {m.strftime("%Y-%m"): {k: v for k, v in sorted(c.items()) if v} for m, c in counts.items()}


def _rows(session: Session, query: Any) -> list[Any]:
    """Plain rows through Core (no ORM bookkeeping: these reads are large)."""
    return list(session.connection().execute(query).all())


def _months(since: dt.date | None, until: dt.date | None, today: dt.date) -> list[dt.date]:
    """Month ends from `since` (default: eleven months before `until`) to `until` (default today), at most 24."""
    last = until or today
    first = since or dt.date(last.year - (1 if last.month < 12 else 0), (last.month % 12) + 1, 1)
    ends, year, month = [], first.year, first.month
    while (year, month) <= (last.year, last.month) and len(ends) < 24:
        ends.append(min(dt.date(year, month, calendar.monthrange(year, month)[1]), last))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return ends


def _moves_by_month(decided: list[_Decided], months: list[dt.date]) -> dict[str, dict[str, int]]:
    """Moves down and up per month of `months`, in one pass."""
    found = {m.strftime("%Y-%m"): {"down": 0, "up": 0} for m in months}
    for d in decided:
        month = found.get(f"{d.day.year:04d}-{d.day.month:02d}")
        if month is not None and d.outcome in PLACING and d.step != d.step_before:
            month["down" if d.step < d.step_before else "up"] += 1
    return found


def _naive(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(dt.UTC).replace(tzinfo=None) if moment.tzinfo else moment


def _pct(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def _within(day: dt.date, since: dt.date | None, until: dt.date | None) -> bool:
    return (since is None or day >= since) and (until is None or day <= until)
