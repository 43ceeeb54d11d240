"""TUI figures: cold start to an interactive docket at 10,000 cases against a bare Textual app, and the
time from a key press to the updated screen on the decision form of a case with a 200-person network.

    python benchmarks/tui.py [--cases 10000] [--runs 10] [--only start|keys|frames] [--before DIR] [--rounds 3]

`--only frames` runs benchmarks/tui_frames.py: Enter → case settled, step switch settled, first palette open
and quit, measured by frames, for this checkout, another one (`--before DIR`, e.g. `git archive main | tar -x
-C DIR`) and a bare Textual app in the same run.

Each cold start is a whole process, run headless, that exits as soon as the docket shows the meeting's
cases (the bare app: as soon as its 100-row table is painted). The two are alternated A B A B and the
medians compared, as RECIPES.md asks. Internal marks (imports done, first paint, data shown) break the
figure down.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

T0 = time.perf_counter()
ROOT = Path(__file__).resolve().parent.parent
CACHE = Path(tempfile.gettempdir()) / "visitation-bench"


def child_bare() -> None:
    """A bare Textual app: Header, a 100-row DataTable, Footer; exits once painted."""
    from textual.app import App
    from textual.widgets import DataTable, Footer, Header

    marks = {"imports": time.perf_counter() - T0}

    class Bare(App[None]):
        def compose(self):  # type: ignore[no-untyped-def]
            yield Header()
            yield DataTable()
            yield Footer()

        def on_mount(self) -> None:
            table = self.query_one(DataTable)
            table.add_columns("a", "b", "c")
            table.add_rows([(str(i), f"række {i}", "x") for i in range(100)])
            self.call_after_refresh(self.done)

        def done(self) -> None:
            marks["shown"] = time.perf_counter() - T0
            marks["shown_at"] = time.time()
            self.exit()

    Bare().run(headless=True, size=(160, 45))
    print(json.dumps(marks))


def child_visitation(db_path: str) -> None:
    """The real app on a large database, started as the terminal starts it (`screens.app.tui_app`: the docket
    read first, the database stack loaded after the first paint); exits once the docket's cases are painted."""
    from screens import docket
    from screens.app import tui_app

    marks = {"imports": time.perf_counter() - T0}
    original = docket.DocketScreen.render_meeting

    def render_and_exit(self):  # type: ignore[no-untyped-def]
        original(self)
        if self.meeting is not None and self.meeting.docket and "data shown" not in marks:
            marks["data shown"] = time.perf_counter() - T0
            self.app.call_after_refresh(painted, self.app)

    def painted(app):  # type: ignore[no-untyped-def]
        marks["shown_at"] = time.time()
        app.exit()

    def opener():  # type: ignore[no-untyped-def]
        from visitation.services.db import open_db

        return open_db(db_path, "bench")

    def first_paint(self):  # type: ignore[no-untyped-def]
        marks.setdefault("first paint", time.perf_counter() - T0)

    docket.DocketScreen.render_meeting = render_and_exit  # type: ignore[method-assign]
    docket.DocketScreen.on_show = first_paint  # type: ignore[attr-defined]
    tui_app(opener, None, db_path, clock=False).run(headless=True, size=(160, 45))
    print(json.dumps(marks))


def whole(args: list[str]) -> tuple[float, dict[str, float]]:
    """Wall time of one child process, and its internal marks."""
    began, wall = time.perf_counter(), time.time()
    out = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, cwd=ROOT, check=True)
    marks = json.loads(out.stdout.strip().splitlines()[-1])
    marks["to shown"] = marks.pop("shown_at") - wall
    return time.perf_counter() - began, marks


def database(cases: int) -> Path:
    """The generated database of `cases` cases (cached)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from generate import generate

    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"tui-{cases}.db"
    if not path.exists():
        generate(path, cases, n_audit=cases * 2, echo=lambda _: None)
    return path


async def key_to_screen(app, pilot, presses: int) -> list[float]:  # type: ignore[no-untyped-def]
    """Seconds from a key event reaching the app to the next frame the compositor hands to the terminal.

    Pilot's own `press` sleeps in 20 ms steps while it waits for idleness, so it cannot time a key;
    here the key is posted as the driver posts it and `App._display` (called with each frame) is
    watched. Before each key the app is left idle past the form's save debounce, and the timers that
    repaint by themselves (the case clock) are paused, so a frame can only come from the key.
    """
    from textual import events

    stamps: list[float] = []
    shown = asyncio.Event()
    original = app._display

    def display(screen, renderable):  # type: ignore[no-untyped-def]
        if renderable is not None and not shown.is_set():
            stamps.append(time.perf_counter())
            shown.set()
        original(screen, renderable)

    app._display = display
    times = []
    for i in range(presses):
        await asyncio.sleep(0.5)
        await app.workers.wait_for_complete()
        await pilot.pause()
        stamps.clear()
        shown.clear()
        key = "a" if i % 2 else "b"
        began = time.perf_counter()
        app.post_message(events.Key(key, key))
        await asyncio.wait_for(shown.wait(), 5)
        times.append(stamps[0] - began)
    app._display = original
    return times


async def keypress(db_path: Path, presses: int = 40) -> list[float]:
    """Key → updated screen while typing the purpose on the decision form of a case with 200 people."""
    from screens.app import make_app
    from screens.widgets.timer import CaseTimer
    from visitation.domain.casefile import NetworkPerson
    from visitation.services import cases, meetings, network
    from visitation.services.db import open_db

    db = open_db(str(db_path), "bench")
    meeting = next(m for m in meetings.listing(db) if m.state == "planned" and m.cases)
    ref = meetings.show(db, meeting.ref).docket[0].case_ref
    while len(cases.show(db, ref).network) < 200:
        network.add(db, ref, NetworkPerson(f"Person {time.perf_counter_ns()}", "nabo", "friends", 3))
    app = make_app(db, meeting.ref, clock=False)
    async with app.run_test(size=(160, 45)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        for _ in range(3):
            await app.workers.wait_for_complete()
            await pilot.pause()
        await pilot.press("5")
        for _ in range(3):
            await app.workers.wait_for_complete()
            await pilot.pause()
        for timer in app.screen.query(CaseTimer):
            timer.display = False
            for t in timer._timers:
                t.pause()
        purpose = app.screen.query_one("#purpose")
        purpose.focus()
        before = len(purpose.value)
        times = await key_to_screen(app, pilot, presses)
        assert len(purpose.value) == before + presses, "every key must have reached the field"
        return times


async def keypress_bare(presses: int = 40) -> list[float]:
    """The same key presses into a bare Textual app's only Input: the floor of the measurement."""
    from textual.app import App
    from textual.widgets import Input

    class Bare(App[None]):
        def compose(self):  # type: ignore[no-untyped-def]
            yield Input()

    app = Bare()
    async with app.run_test(size=(160, 45)) as pilot:
        app.query_one(Input).focus()
        return await key_to_screen(app, pilot, presses)


def ms(values: list[float]) -> str:
    """Median and p95 in milliseconds."""
    ordered = sorted(values)
    return (f"median {statistics.median(ordered) * 1000:6.1f} ms   "
            f"p95 {ordered[int(len(ordered) * 0.95) - 1] * 1000:6.1f} ms")


def main() -> None:
    """Print the figures."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--only", choices=("start", "keys", "frames"), help="one of the measurements")
    parser.add_argument("--before", type=Path, help="frames: a checkout to compare with (e.g. main's)")
    parser.add_argument("--rounds", type=int, default=3, help="frames: processes of each kind")
    args = parser.parse_args()
    if args.only == "frames":
        from tui_frames import measure

        measure(args.cases, args.rounds, args.before.resolve() if args.before else None)
        return
    path = database(args.cases)
    if args.only != "keys":
        cold_start(path, args)
    if args.only != "start":
        key_presses(path)


def cold_start(path: Path, args: argparse.Namespace) -> None:
    """Whole processes, alternated, and the internal marks."""
    whole(["--child", "bare"]), whole(["--child", "visitation", str(path)])  # warm-up
    bare, real, bare_marks, marks = [], [], [], []
    for _ in range(args.runs):
        wall, mark = whole(["--child", "bare"])
        bare.append(wall)
        bare_marks.append(mark)
        wall, mark = whole(["--child", "visitation", str(path)])
        real.append(wall)
        marks.append(mark)
    shown_bare = [m["to shown"] for m in bare_marks]
    shown_real = [m["to shown"] for m in marks]
    print(f"Cold start to an interactive docket, {args.cases:,} cases, {args.runs} runs each, alternated:")
    print("  process start → the table shows its rows (what the chair waits for):")
    print(f"    bare Textual app (Header, 100-row DataTable, Footer): {ms(shown_bare)}")
    print(f"    visitation (docket with the meeting's cases):          {ms(shown_real)}")
    print(f"    ratio of medians: {statistics.median(shown_real) / statistics.median(shown_bare):.2f}×")
    print("  whole process, including exit:")
    print(f"    bare {ms(bare)}   visitation {ms(real)}   "
          f"ratio {statistics.median(real) / statistics.median(bare):.2f}×")
    print("  inside the visitation process (from the script's first line):")
    for key in ("imports", "first paint", "data shown"):
        print(f"    {key:<12} median {statistics.median(m[key] for m in marks if key in m) * 1000:6.1f} ms")


def key_presses(path: Path) -> None:
    """Key → screen on the decision form against a bare Input."""
    floor = asyncio.run(keypress_bare())
    screen = asyncio.run(keypress(path))
    print("Key press to updated screen (key event posted → next frame handed to the terminal):")
    print(f"  bare app, one Input:                           {ms(floor)}")
    print(f"  decision form, case with a 200-person network: {ms(screen)}   "
          f"({statistics.median(screen) / statistics.median(floor):.2f}× bare)")

if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        child_bare() if sys.argv[2] == "bare" else child_visitation(sys.argv[3])
    else:
        main()
