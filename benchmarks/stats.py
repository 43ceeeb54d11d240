"""Key figures at scale: `stats` on 100,000 cases and 1,000,000 audit events, and the dashboard's open time.

    python benchmarks/stats.py [--cases 100000] [--repeat 5]

Baselines measured in the same run: for `stats`, plain sqlite3 reading the rows the figures are made
from (cases, decisions, follow-ups with their legal basis, docket, meetings, goals and their scores) —
the floor of any implementation; for the dashboard, a bare Textual app opening a screen with one Static
on the same terminal size.
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import run as shared  # noqa: E402  (the cached generated database)

READS = ('SELECT current_step, caseworker, status, created_at FROM "case"',
         "SELECT id, case_id, meeting_id, created_at, start, outcome, step_before, step, alternatives, supersedes_id "
         "FROM decision",
         "SELECT case_id, due, done_on, superseded_by_id, decision_id, legal FROM followup",
         "SELECT meeting_id, case_id, minutes, started_at FROM docket_item", "SELECT id, date FROM meeting",
         "SELECT id, status, closed_on FROM goal", "SELECT goal_id, score, scored_on FROM goal_score")


def say(text: str) -> None:
    """A line of the report, at once (the run is long)."""
    print(text, flush=True)


def raw_reads(path: Path) -> float:
    began = time.perf_counter()
    con = sqlite3.connect(path)
    for statement in READS:
        con.execute(statement).fetchall()
    con.close()
    return time.perf_counter() - began


def service(db) -> float:  # type: ignore[no-untyped-def]
    from visitation.services import stats

    began = time.perf_counter()
    stats.key_figures(db)
    return time.perf_counter() - began


async def dashboard(db) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """From pressing `n` on the docket to the first charts drawn (the present), and to all of them."""
    from screens.app import make_app
    from screens.key_figures import FiguresLoaded

    first, complete = asyncio.Event(), asyncio.Event()

    def hook(message: object) -> None:
        if isinstance(message, FiguresLoaded):
            (complete if message.complete else first).set()

    app = make_app(db, clock=False)
    async with app.run_test(size=(160, 45), message_hook=hook) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        began = time.perf_counter()
        app.action_key_figures()
        await asyncio.wait_for(first.wait(), 60)
        while not str(app.screen.query_one("#steps").render()).strip():  # the chart is in the widget
            await asyncio.sleep(0.002)
        drawn = time.perf_counter() - began  # (not pilot.pause(): it waits for an idle CPU, and the history is busy)
        await asyncio.wait_for(complete.wait(), 60)
        await pilot.pause()
        return drawn, time.perf_counter() - began


async def bare_screen() -> float:
    from textual.app import App
    from textual.screen import Screen
    from textual.widgets import Footer, Header, Static

    shown = asyncio.Event()

    class Figures(Screen[None]):
        def compose(self):  # type: ignore[no-untyped-def]
            yield Header()
            yield Static("\n".join("█" * 40 for _ in range(30)))
            yield Footer()

        def on_mount(self) -> None:
            self.call_after_refresh(shown.set)

    app = App()
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        began = time.perf_counter()
        app.push_screen(Figures())
        await asyncio.wait_for(shown.wait(), 10)
        return time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    from visitation.services.db import open_db

    source = shared.cached_database(args.cases, shared.cache_dir(None), False)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "stats.db"
        shutil.copyfile(source, path)
        db = open_db(str(path), "benchmark")  # brought to the current schema (after a copy of it as it was)
        con = sqlite3.connect(path)
        counts = {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
                  for t in ("case", "decision", "followup", "goal", "goal_score", "audit_event")}
        con.close()
        say(f"database: {', '.join(f'{n:,} {t}' for t, n in counts.items())}")
        raw, ours = [], []
        for _ in range(args.repeat):
            raw.append(raw_reads(path))
            ours.append(service(db))
        say(f"stats (services.stats.key_figures), {args.repeat} runs: median {statistics.median(ours) * 1000:.0f} ms")
        say(f"plain sqlite3 reading the same rows:                  median {statistics.median(raw) * 1000:.0f} ms")
        say(f"ratio: {statistics.median(ours) / statistics.median(raw):.2f}x")
        floor = [asyncio.run(bare_screen()) for _ in range(3)]
        opened = [asyncio.run(dashboard(db)) for _ in range(3)]
        drawn, whole = statistics.median(o[0] for o in opened), statistics.median(o[1] for o in opened)
        base = statistics.median(floor)
        say(f"dashboard: pressing n to the first charts drawn (the present: steps, placements, follow-ups, "
            f"caseload) median {drawn * 1000:.0f} ms "
            f"({drawn / base:.1f}x a bare Textual screen, {base * 1000:.0f} ms); "
            f"to every chart, history included, {whole * 1000:.0f} ms")
        db.engine.dispose()


if __name__ == "__main__":
    main()
