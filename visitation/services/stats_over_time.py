"""The key figures over time: the staircase replayed, moves, placements' length, the meetings.

Counted by SQL where a count will do; where a child's path must be followed (the staircase month by
month, a placement from start to end), Python replays rows read from thin indexes (migration 0004), not
from the wide decision rows. Each figure's formula is in `visitation.domain.keyfigures`.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Callable
from typing import Any

from sqlalchemy import String, case, cast
from sqlalchemy import select as core_select
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, func, select

from visitation.services.rows import replaced
from visitation.store.models import Decision, DocketItem, Meeting
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
            for case_id, start, made, was, to in rows(session, core_select(
                col(Decision.case_id), cast(Decision.start, String), func.date(Decision.created_at),
                col(Decision.step_before), col(Decision.step)).where(*moving(), touching).order_by(col(Decision.id)))]


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


def meetings(session: Session, since: dt.date | None, until: dt.date | None) -> dict[str, Any]:
    """Meeting figures: the cases on the dockets, the time each took (from its docket item started to
    its decision there), and the placements whose case came back on a docket within 6 months."""
    period = within(Meeting.date, since, until)
    held, items = rows(session, select(func.count(func.distinct(Meeting.id)), func.count(col(DocketItem.id)))
                       .select_from(Meeting).outerjoin(DocketItem, col(DocketItem.meeting_id) == Meeting.id)
                       .where(*period))[0]
    return {"meetings": held, "cases_per_meeting": round(items / held, 1) if held else None,
            **_time_per_case(session, period), "back_within_6m_pct": _back_again(session, period)}


def _time_per_case(session: Session, period: list[Any]) -> dict[str, float | None]:
    """Minutes used per case against its time box; the decision is the last standing one of the case there.

    One aggregate: the last standing decision per meeting and case (a window over the decisions' thin
    columns, materialised so they are read from the covering index, not the wide rows), joined to its docket
    item; no row reaches Python.
    """
    thin = (select(Decision.id, Decision.meeting_id, Decision.case_id, Decision.created_at).where(standing())
            .cte("thin").prefix_with("MATERIALIZED"))  # read from the covering index, not the wide rows
    newest = func.row_number().over(partition_by=(thin.c.meeting_id, thin.c.case_id), order_by=thin.c.id.desc())
    last = core_select(thin, newest.label("newest")).subquery("last")
    seconds = func.round(seconds_between(DocketItem.started_at, last.c.created_at), 3)  # to the ms (julianday)
    used = case((seconds > 0, seconds / 60.0), else_=0.0)
    query = (select(func.count(), func.avg(used), func.avg(DocketItem.minutes), count_if(used > DocketItem.minutes))
             .select_from(last).join(DocketItem, (col(DocketItem.meeting_id) == last.c.meeting_id)
                                     & (col(DocketItem.case_id) == last.c.case_id))
             .where(last.c.newest == 1, col(DocketItem.started_at).is_not(None), *period))
    if period:  # the meeting's date is needed only to bound the period
        query = query.join(Meeting, col(Meeting.id) == last.c.meeting_id)
    n, used_mean, box_mean, over = rows(session, query)[0]
    return {"minutes_per_case": _one_decimal(used_mean), "time_box_per_case": _one_decimal(box_mean),
            "over_time_box_pct": pct(int(over), n)}


def _one_decimal(value: Any) -> float | None:
    """An SQL average (float, or numeric from PostgreSQL) to one decimal; None of no rows."""
    return None if value is None else round(float(value), 1)


def _back_again(session: Session, period: list[Any]) -> float | None:
    """Of the placements decided at meetings in the period: the share whose case is on a later docket
    within 6 months.

    A join (each placement to its case's docket items at a meeting in the 6 months after), counted by
    distinct decision, rather than a correlated EXISTS per placement: PostgreSQL hashes the join once.
    """
    day = col(Meeting.date)
    again, on_docket = aliased(Meeting), aliased(DocketItem)
    within_6m = ((col(again.id) == on_docket.meeting_id) & (col(again.date) > day)
                 & (col(again.date) <= days_after(day, BACK_WITHIN_DAYS)))
    came = func.count(func.distinct(case((col(again.id).is_not(None), Decision.id))))
    placed, came_back = rows(session, select(func.count(func.distinct(Decision.id)), came).select_from(Decision)
                             .join(Meeting, col(Meeting.id) == Decision.meeting_id)
                             .outerjoin(on_docket, col(on_docket.case_id) == Decision.case_id)
                             .outerjoin(again, within_6m).where(*moving(), *period))[0]
    return pct(int(came_back), placed)


def _day(value: str | dt.date) -> dt.date:
    """A date as the driver gives it: ISO text (SQLite) or a date (PostgreSQL)."""
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value[:10])

