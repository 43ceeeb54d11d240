"""Children per step at each month's end, replayed by SQL: only ~150 numbers reach Python.

Each open case stands on a run of steps over the months: from the month it was opened on its first
step (the step before its first standing move, or its current step if it never moved), then from each
move's month on the step the move put it on. A run is a difference array — +1 on its step where it
begins, -1 on the step it leaves where the next one begins — so SQL emits, per case and move, those
±1 at their month index (window functions give each move the step it leaves and the month it takes
effect: never before the case was opened nor before an earlier move), sums them per step and month,
and Python only adds up the sums month by month. Finished months are kept (`visitation.store.month_store`,
whose triggers make them stale on a correction or any other change to them), so a call replays the running
month alone, from the cases opened or moved in it.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter
from typing import Any

from sqlalchemy import Integer, case, func, literal, select, union, union_all
from sqlmodel import Session, col

from visitation.services.stats_over_time import PLACING, midnight, rows, standing
from visitation.store import month_store
from visitation.store.models import Case, Decision


def month_index(moment: Any, months: list[dt.date]) -> Any:
    """SQL: the index of the first of `months` (month ends) on or after a timestamp's day; len(months) after."""
    return case(*[(col(moment) < midnight(m, 1), i) for i, m in enumerate(months)], else_=len(months))


def _later(a: Any, b: Any) -> Any:
    """SQL: the larger of two month indexes (both dialects; SQLite has no GREATEST)."""
    return case((a > b, a), else_=b)


def _deltas(months: list[dt.date], only: Any = None) -> Any:
    """SQL: (step, month index, +1/-1) rows: where each open case's runs on the steps begin and end.

    Every open case is counted on its current step from its month (one scan of the case index); a case
    that moved has that taken back and its first move's step before put in its place. `only`: a selection
    of case ids to count (all if None).
    """
    chosen = [] if only is None else [col(Decision.case_id).in_(only)]
    opened = month_index(Case.created_at, months)
    moves = (select(col(Decision.case_id), col(Decision.id), month_index(Decision.created_at, months).label("at"),
                    col(Decision.step_before).label("before"), col(Decision.step).label("after"),
                    opened.label("opened"), col(Case.current_step).label("current"))
             .join(Case, col(Case.id) == Decision.case_id)
             .where(col(Case.status) == "open", standing(), col(Decision.outcome).in_(PLACING), *chosen)
             .cte("moves"))
    order: dict[str, Any] = {"partition_by": moves.c.case_id, "order_by": moves.c.id}
    runs = select(
        moves.c.after, moves.c.before, moves.c.opened, moves.c.current,
        _later(moves.c.opened, func.max(moves.c.at).over(**order)).label("begin"),
        func.coalesce(func.lag(moves.c.after).over(**order), moves.c.before).label("left"),
        func.row_number().over(**order).label("n")).cte("runs")
    return union_all(
        _of(select(col(Case.current_step), opened, literal(1, Integer)).where(col(Case.status) == "open"), only),
        select(runs.c.current, runs.c.opened, literal(-1, Integer)).where(runs.c.n == 1),
        select(runs.c.before, runs.c.opened, literal(1, Integer)).where(runs.c.n == 1),
        select(runs.c.after, runs.c.begin, literal(1, Integer)),
        select(runs.c.left, runs.c.begin, literal(-1, Integer))).subquery("deltas")


def _of(cases: Any, only: Any) -> Any:
    """SQL: a select over the cases narrowed to `only`'s (looked up by id, not found by scanning)."""
    if only is None:
        return cases
    ids = only.subquery("touched")
    return cases.join_from(ids, Case, col(Case.id) == ids.c[0])


def steps_by_month(session: Session, months: list[dt.date]) -> dict[str, dict[int, int]]:
    """Children per step at each month's end (the open cases), from the standing moves."""
    return _replayed(session, months)


def _replayed(session: Session, months: list[dt.date], start: Counter[int] | None = None,
              only: Any = None) -> dict[str, dict[int, int]]:
    """Children per step at each of `months`' ends; or, given the count at the first's (`start`), at each
    later one's: `start` plus the changes after it, of `only`'s cases (all if None)."""
    step, at, delta = _deltas(months, only).c
    first = 0 if start is None else 1
    start = start or Counter()
    query = select(step, at, func.sum(delta)).where(at >= first, at < len(months)).group_by(step, at)
    change = {(s, i - first): int(n) for s, i, n in rows(session, query)}
    months = months[first:]
    by_month = [Counter[int]() for _ in months]
    for on in {s for s, _ in change} | set(start):
        sums = itertools.accumulate((change.get((on, i), 0) for i in range(len(months))), initial=start[on])
        for i, n in enumerate(itertools.islice(sums, 1, None)):
            by_month[i][on] += n
    return {key(m): {k: v for k, v in sorted(c.items()) if v} for m, c in zip(months, by_month, strict=True)}


def key(month: dt.date) -> str:
    """A month's key: YYYY-MM."""
    return month.strftime("%Y-%m")


def month_end(month: str) -> dt.date:
    """The last day of the month a key (YYYY-MM) names."""
    first = dt.date.fromisoformat(month + "-01")
    return (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)


def kept_steps_by_month(session: Session, months: list[dt.date],
                        now: dt.datetime) -> tuple[dict[str, dict[int, int]], month_store.Kept]:
    """`steps_by_month`, finished months read from those kept and only the rest replayed; and the finished
    months to keep (none when they were all kept already).

    The rest is the last kept month's count plus the changes of the cases opened or moved after it, so
    its cost is the running month's cases, not all of them. Should a change bump the generation while this
    reads (PostgreSQL reads statement by statement), everything is replayed.
    """
    conn = session.connection()
    kept = month_store.kept(conn)
    finished = [m for m in months if _finished(m, now)]
    if finished and all(key(m) in kept.months for m in finished):
        rest = months[len(finished):]
        start = Counter(kept.months[key(finished[-1])])
        counted = _replayed(session, [finished[-1], *rest], start, _touched_after(finished[-1])) if rest else {}
        if month_store.generation(conn) == kept.generation:
            return {**{key(m): kept.months[key(m)] for m in finished}, **counted}, month_store.Kept(kept.generation)
    replayed = steps_by_month(session, months)
    return replayed, month_store.Kept(kept.generation, {key(m): replayed[key(m)] for m in finished})


def _touched_after(month_end: dt.date) -> Any:
    """SQL: the ids of the cases opened or decided on after a month's end (from the indexes by creation time;
    a case decided on without a move is counted again to no effect)."""
    after = midnight(month_end, 1)
    return union(select(col(Case.id)).where(col(Case.created_at) >= after),
                 select(col(Decision.case_id)).where(col(Decision.created_at) >= after))


def _finished(month_end: dt.date, now: dt.datetime) -> bool:
    """Whether a month end is its calendar month's and a day has passed since (every clock agrees it ended)."""
    return (month_end + dt.timedelta(days=1)).day == 1 and midnight(month_end, 2) <= now
