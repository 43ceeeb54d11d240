"""Children per step at each month's end, replayed by SQL: only ~150 numbers reach Python.

Each open case stands on a run of steps over the months: from the month it was opened on its first
step (the step before its first standing move, or its current step if it never moved), then from each
move's month on the step the move put it on. A run is a difference array — +1 on its step where it
begins, -1 on the step it leaves where the next one begins — so SQL emits, per case and move, those
±1 at their month index (window functions give each move the step it leaves and the month it takes
effect: never before the case was opened nor before an earlier move), sums them per step and month,
and Python only adds up the sums month by month. Nothing is stored, so a correction is seen at once.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter
from typing import Any

from sqlalchemy import Integer, case, func, literal, select, union_all
from sqlmodel import Session, col

from visitation.services.stats_over_time import PLACING, midnight, rows, standing
from visitation.store.models import Case, Decision


def month_index(moment: Any, months: list[dt.date]) -> Any:
    """SQL: the index of the first of `months` (month ends) on or after a timestamp's day; len(months) after."""
    return case(*[(col(moment) < midnight(m, 1), i) for i, m in enumerate(months)], else_=len(months))


def _later(a: Any, b: Any) -> Any:
    """SQL: the larger of two month indexes (both dialects; SQLite has no GREATEST)."""
    return case((a > b, a), else_=b)


def _deltas(months: list[dt.date]) -> Any:
    """SQL: (step, month index, +1/-1) rows: where each open case's runs on the steps begin and end.

    Every open case is counted on its current step from its month (one scan of the case index); a case
    that moved has that taken back and its first move's step before put in its place.
    """
    opened = month_index(Case.created_at, months)
    moves = (select(col(Decision.case_id), col(Decision.id), month_index(Decision.created_at, months).label("at"),
                    col(Decision.step_before).label("before"), col(Decision.step).label("after"),
                    opened.label("opened"), col(Case.current_step).label("current"))
             .join(Case, col(Case.id) == Decision.case_id)
             .where(col(Case.status) == "open", standing(), col(Decision.outcome).in_(PLACING)).cte("moves"))
    order: dict[str, Any] = {"partition_by": moves.c.case_id, "order_by": moves.c.id}
    runs = select(
        moves.c.after, moves.c.before, moves.c.opened, moves.c.current,
        _later(moves.c.opened, func.max(moves.c.at).over(**order)).label("begin"),
        func.coalesce(func.lag(moves.c.after).over(**order), moves.c.before).label("left"),
        func.row_number().over(**order).label("n")).cte("runs")
    return union_all(
        select(col(Case.current_step), opened, literal(1, Integer)).where(col(Case.status) == "open"),
        select(runs.c.current, runs.c.opened, literal(-1, Integer)).where(runs.c.n == 1),
        select(runs.c.before, runs.c.opened, literal(1, Integer)).where(runs.c.n == 1),
        select(runs.c.after, runs.c.begin, literal(1, Integer)),
        select(runs.c.left, runs.c.begin, literal(-1, Integer))).subquery("deltas")


def steps_by_month(session: Session, months: list[dt.date]) -> dict[str, dict[int, int]]:
    """Children per step at each month's end (the open cases), from the standing moves."""
    deltas = _deltas(months)
    step, at, delta = deltas.c
    change = {(s, i): int(n) for s, i, n in rows(session, select(step, at, func.sum(delta))
                                                 .where(at < len(months)).group_by(step, at))}
    by_month = [Counter[int]() for _ in months]
    for on in {s for s, _ in change}:
        for i, n in enumerate(itertools.accumulate(change.get((on, i), 0) for i in range(len(months)))):
            by_month[i][on] += n
    return {m.strftime("%Y-%m"): {k: v for k, v in sorted(c.items()) if v}
            for m, c in zip(months, by_month, strict=True)}
