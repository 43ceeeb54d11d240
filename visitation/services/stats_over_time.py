"""The key figures over time: the staircase replayed, moves, placements' length, the meetings.

Counted by SQL where a count will do; where a child's path must be followed (the staircase month by
month, a placement from start to end), Python replays rows read from thin indexes (migration 0004), not
from the wide decision rows. Each figure's formula is in `visitation.domain.keyfigures`.
"""

from __future__ import annotations

import datetime as dt
import itertools
import statistics
from collections import Counter, defaultdict
from collections.abc import Callable
from typing import Any

from sqlalchemy import String, case, cast, exists
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, func, select

from visitation.services.rows import replaced
from visitation.store.models import Case, Decision, DocketItem, Meeting
from visitation.store.textguard import neutralised_row
from visitation.store.timecalc import days_after, month_of, seconds_between, step_below_in

PLACING = ("approved", "changed")
"""Outcomes that put the child on a step."""
BACK_WITHIN_DAYS = 183
PLACED_FROM = 4
"""Steps from 4 up are placements outside the home."""


def rows(session: Session, query: Any) -> list[Any]:
    """Plain rows through Core (no ORM bookkeeping), their texts neutralised like every loaded row."""
    return [neutralised_row(r) for r in session.connection().execute(query).all()]


def pct(part: int, whole: int) -> float | None:
    """A share in per cent to one decimal; None of nothing."""
    return round(100 * part / whole, 1) if whole else None


def midnight(day: dt.date, days_later: int = 0) -> dt.datetime:
    """The start of a day (UTC), to compare timestamps with."""
    return dt.datetime.combine(day + dt.timedelta(days=days_later), dt.time(), dt.UTC)


def standing() -> Any:
    """Decisions not replaced by a correction."""
    return col(Decision.id).not_in(replaced())


def moving() -> list[Any]:
    """Standing decisions that put the child on a step."""
    return [standing(), col(Decision.outcome).in_(PLACING)]


def within(day: Any, since: dt.date | None, until: dt.date | None) -> list[Any]:
    """SQL: a date column in the period (both ends included)."""
    return ([col(day) >= since] if since else []) + ([col(day) <= until] if until else [])


def made_within(since: dt.date | None, until: dt.date | None) -> list[Any]:
    """Decisions made (by their day, UTC) in the period."""
    made = col(Decision.created_at)
    return ([made >= midnight(since)] if since else []) + ([made < midnight(until, 1)] if until else [])


def outcomes(session: Session, since: dt.date | None, until: dt.date | None) -> dict[str, int]:
    """Standing decisions per outcome, made in the period."""
    return dict(sorted(rows(session, select(Decision.outcome, func.count())
                            .where(standing(), *made_within(since, until)).group_by(Decision.outcome))))


def count_if(condition: Any) -> Any:
    """SQL: how many rows meet a condition (0 of none)."""
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


DOWN, UP = col(Decision.step) < col(Decision.step_before), col(Decision.step) > col(Decision.step_before)


def moves(session: Session, since: dt.date | None, until: dt.date | None) -> dict[str, Any]:
    """Moves down and up in the period, and the share of the moves on the lowest step considered (no
    alternative weighed on a lower step)."""
    below = step_below_in(Decision.alternatives, Decision.step)
    placed, down, up, higher = rows(session, select(func.count(), count_if(DOWN), count_if(UP), count_if(below))
                                    .where(*moving(), *made_within(since, until)))[0]
    return {"moves_down": int(down), "moves_up": int(up), "lowest_step_pct": pct(placed - int(higher), placed)}


def moves_by_month(session: Session, months: list[dt.date]) -> dict[str, dict[str, int]]:
    """Moves down and up per calendar month of `months`."""
    month = month_of(Decision.created_at)
    found = {m.strftime("%Y-%m"): {"down": 0, "up": 0} for m in months}
    for key, down, up in rows(session, select(month, count_if(DOWN), count_if(UP)).where(*moving()).group_by(month)):
        if key in found:
            found[key] = {"down": int(down), "up": int(up)}
    return found


Move = tuple[int, dt.date, int, int]
"""A standing move of a child: case id, day (start date, else decision date), step before, step."""


def placement_moves(session: Session) -> list[Move]:
    """The standing moves onto, off or between the placement steps (4 and up), oldest first.

    Read from the thin decision index; `stays` follows each child's path through them.
    """
    step, before = col(Decision.step), col(Decision.step_before)
    touching = (step != before) & ((step >= PLACED_FROM) | (before >= PLACED_FROM))
    return [(case_id, _day(start or made), was, to)
            for case_id, start, made, was, to in rows(session, select(
                Decision.case_id, cast(Decision.start, String), func.date(Decision.created_at), Decision.step_before,
                Decision.step).where(*moving(), touching).order_by(col(Decision.id)))]


def stays(moves: list[Move], today: dt.date, inside: Callable[[int], bool]) -> list[int]:
    """Days each stay on the steps `inside` holds lasted (or has lasted, to today): from a move onto them from
    another step to the move off them."""
    began: dict[int, dt.date] = {}
    days = []
    for case_id, day, before, to in moves:
        if inside(to) and not inside(before):
            began.setdefault(case_id, day)
        elif inside(before) and not inside(to) and case_id in began:
            days.append(max(0, (day - began.pop(case_id)).days))
    return days + [max(0, (today - start).days) for start in began.values()]


def placed(step: int) -> bool:
    """Whether a step is a placement outside the home (4 and up)."""
    return step >= PLACED_FROM


def mean(values: list[int] | list[float]) -> float | None:
    """The mean to one decimal; None of nothing."""
    return round(statistics.fmean(values), 1) if values else None


def median(values: list[int]) -> float | None:
    """The median as a float; None of nothing."""
    return float(statistics.median(values)) if values else None


def month_index(moment: Any, months: list[dt.date]) -> Any:
    """SQL: the index of the first of `months` (month ends) on or after a timestamp's day; len(months) after."""
    return case(*[(col(moment) < midnight(m, 1), i) for i, m in enumerate(months)], else_=len(months))


def steps_by_month(session: Session, months: list[dt.date]) -> dict[str, dict[int, int]]:
    """Children per step at each month's end, replayed from the standing moves.

    Each open case contributes, per step it stood on, a run of months (a difference array: +1 where the
    run begins, -1 where it ends): from the month it was opened on its first step, then from each move's
    month until the next. Both reads come from indexes, never from the wide rows.
    """
    end = len(months)
    moved: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
    for case_id, at, before, after in rows(session, select(Decision.case_id, month_index(Decision.created_at, months),
                                                           Decision.step_before, Decision.step)
                                           .where(*moving()).order_by(col(Decision.id))):
        moved[case_id].append((at, before, after))
    changes: dict[int, list[int]] = defaultdict(lambda: [0] * (end + 1))
    for case_id, current, opened in rows(session, select(Case.id, Case.current_step, month_index(Case.created_at, months))
                                         .where(Case.status == "open")):
        steps = moved.get(case_id)
        if not steps:
            changes[current][opened] += 1
            continue
        begins = list(itertools.accumulate([opened, *(at for at, _, _ in steps), end], max))
        for on, begin, until in zip([steps[0][1], *(after for _, _, after in steps)], begins, begins[1:]):
            changes[on][begin] += 1
            changes[on][until] -= 1
    by_month = [Counter[int]() for _ in months]
    for on, delta in changes.items():
        for i, n in enumerate(itertools.accumulate(delta[:-1])):
            by_month[i][on] += n
    return {m.strftime("%Y-%m"): {k: v for k, v in sorted(c.items()) if v} for m, c in zip(months, by_month)}


def meetings(session: Session, since: dt.date | None, until: dt.date | None) -> dict[str, object]:
    """Meeting figures: the cases on the dockets, the time each took (from its docket item started to
    its decision there), and the placements whose case came back on a docket within 6 months."""
    period = within(Meeting.date, since, until)
    held, items = rows(session, select(func.count(func.distinct(Meeting.id)), func.count(DocketItem.id))
                       .select_from(Meeting).outerjoin(DocketItem, col(DocketItem.meeting_id) == Meeting.id)
                       .where(*period))[0]
    return {"meetings": held, "cases_per_meeting": round(items / held, 1) if held else None,
            **_time_per_case(session, period), "back_within_6m_pct": _back_again(session, period)}


def _time_per_case(session: Session, period: list[Any]) -> dict[str, float | None]:
    """Minutes used per case against its time box; the decision is the last standing one of the case there."""
    timed: dict[tuple[int, int], tuple[int, float, int]] = {}
    query = (select(Decision.id, Decision.meeting_id, Decision.case_id,
                    seconds_between(DocketItem.started_at, Decision.created_at), DocketItem.minutes)
             .join(DocketItem, (col(DocketItem.meeting_id) == Decision.meeting_id)
                   & (col(DocketItem.case_id) == Decision.case_id))
             .where(standing(), col(DocketItem.started_at).is_not(None), *period))
    if period:  # the meeting's date is needed only to bound the period
        query = query.join(Meeting, col(Meeting.id) == Decision.meeting_id)
    for decision_id, meeting_id, case_id, seconds, minutes in rows(session, query):
        if decision_id > timed.get((meeting_id, case_id), (0,))[0]:
            timed[meeting_id, case_id] = (decision_id, seconds, minutes)
    used = [max(0.0, round(seconds, 3) / 60) for _, seconds, _ in timed.values()]  # to the ms (SQLite's julianday)
    boxes = [minutes for _, _, minutes in timed.values()]
    return {"minutes_per_case": mean(used), "time_box_per_case": mean(boxes),
            "over_time_box_pct": pct(sum(u > b for u, b in zip(used, boxes, strict=True)), len(used))}


def _back_again(session: Session, period: list[Any]) -> float | None:
    """Of the placements decided at meetings in the period: the share whose case is on a later docket
    within 6 months."""
    day = col(Meeting.date)
    again, on_docket = aliased(Meeting), aliased(DocketItem)
    back = exists().where(col(on_docket.case_id) == Decision.case_id, col(on_docket.meeting_id) == again.id,
                          col(again.date) > day, col(again.date) <= days_after(day, BACK_WITHIN_DAYS))
    placed, came_back = rows(session, select(func.count(), count_if(back)).select_from(Decision)
                             .join(Meeting, col(Meeting.id) == Decision.meeting_id).where(*moving(), *period))[0]
    return pct(int(came_back), placed)


def _day(value: str | dt.date) -> dt.date:
    """A date as the driver gives it: ISO text (SQLite) or a date (PostgreSQL)."""
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value[:10])

