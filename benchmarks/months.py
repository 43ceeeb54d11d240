"""Issue 17's kept months: children per step by month replayed in full against read from the kept months.

    python benchmarks/months.py --db /tmp/mb/c100k.db [--rounds 7]
    python benchmarks/months.py --db postgresql+psycopg://postgres@127.0.0.1:55432/bench17_100k

In one process, interleaved round by round (so machine noise hits each alike), medians of:
- replay: every month replayed from the rows (`steps_by_month`, what each call did before; the baseline);
- first call: the kept months emptied, then counted, replayed and kept (what the first call after a
  correction pays);
- kept: the finished months read back and the running month replayed from the cases opened or moved in it;
- `key_figures` whole, with the months kept and with them emptied first.
Each call's figure is checked equal to the replay. A SQLite file is measured in a copy (the calls write the
kept months); on PostgreSQL the kept months of the database itself are emptied and written.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, text

from visitation.services.db import Db, open_db
from visitation.services.stats import _months, key_figures
from visitation.services.stats_months import _touched_after, kept_steps_by_month, steps_by_month
from visitation.store import month_store
from visitation.store.models import utcnow


def _empty(db: Db) -> None:
    with db.engine.begin() as conn:
        conn.execute(text(f"DELETE FROM {month_store.TABLE}"))


def _replay(db: Db, months: list[dt.date]) -> Any:
    with db.read() as s:
        return steps_by_month(s, months)


def _kept(db: Db, months: list[dt.date]) -> Any:
    with db.read() as s:
        figure, finished = kept_steps_by_month(s, months, utcnow())
    month_store.keep(db.engine, finished)
    return figure


def _first(db: Db, months: list[dt.date]) -> Any:
    _empty(db)
    return _kept(db, months)


def _figures_emptied(db: Db, months: list[dt.date]) -> Any:
    _empty(db)
    return key_figures(db).children_per_step_by_month


def month_end(db: Db) -> None:
    """Move the last 30 days' cases and decisions into the running month, in their order: the month's end,
    when the running month holds a whole month's work (SQLite copies only)."""
    now = utcnow()
    start = now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    with db.engine.begin() as conn:
        newest = conn.execute(text("SELECT max(created_at) FROM decision")).scalar_one()
        last = dt.datetime.fromisoformat(str(newest)).replace(tzinfo=dt.UTC)
        since = last - dt.timedelta(days=30)
        scale = (now - start).total_seconds() / (last - since).total_seconds()
        for table in ('"case"', "decision"):
            conn.execute(text(
                f"UPDATE {table} SET created_at = strftime('%Y-%m-%d %H:%M:%f', julianday(:start) + "
                f"(julianday(created_at) - julianday(:since)) * :scale) WHERE created_at >= :since"),
                {"start": f"{start:%Y-%m-%d %H:%M:%S}", "since": f"{since:%Y-%m-%d %H:%M:%S}", "scale": scale})


def measure(db: Db, rounds: int) -> None:
    months = _months(None, None, dt.date.today())
    calls: dict[str, Callable[[Db, list[dt.date]], Any]] = {
        "replay (baseline)": _replay, "first call": _first, "kept": _kept,
        "key_figures, months emptied": _figures_emptied,
        "key_figures, months kept": lambda d, _m: key_figures(d).children_per_step_by_month}
    truth = _replay(db, months)
    times: dict[str, list[float]] = {k: [] for k in calls}
    for i in range(rounds + 1):  # the first round warms the caches and is not counted
        for name, call in calls.items():
            if name.startswith("key_figures, months kept"):
                _kept(db, months)
            began = time.perf_counter()
            got = call(db, months)
            if i:
                times[name].append(time.perf_counter() - began)
            assert got == truth, name
    with db.read() as s:
        running = s.connection().execute(select(func.count()).select_from(_touched_after(months[-2]).subquery()))
        touched = running.scalar_one()
    base = statistics.median(times["replay (baseline)"])
    print(f"  months: {len(months)} ({months[0]:%Y-%m} to {months[-1]:%Y-%m}); cases opened or moved in the "
          f"running month: {touched}")
    for name, got in times.items():
        med = statistics.median(got)
        print(f"  {name:28} median {med * 1000:7.1f} ms  ({med / base:4.2f}x the replay; {rounds} rounds)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True, help="a SQLite file or a PostgreSQL URL")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--month-end", action="store_true",
                        help="SQLite: first move the last 30 days' rows into the running month")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="months-") as folder:
        url = args.db
        if not url.startswith("postgresql"):
            copy = Path(folder) / "months.db"
            shutil.copyfile(url, copy)
            url = str(copy)
        db = open_db(url, "benchmark")
        if args.month_end and not args.db.startswith("postgresql"):
            month_end(db)
        print(f"# {args.db}{' (the last 30 days moved into the running month)' if args.month_end else ''}")
        measure(db, args.rounds)
        db.engine.dispose()


if __name__ == "__main__":
    main()
