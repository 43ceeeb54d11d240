"""TUI figures by frames at 10,000 cases: Enter → case settled, step switch settled, first palette open, quit —
for this checkout ("after"), optionally another checkout ("before", e.g. main), and a bare Textual app
(Header + DataTable + Footer) in the same run.

    python benchmarks/tui.py --only frames [--before DIR] [--rounds 3]
    git archive main | tar -x -C /tmp/before     # a checkout of main to compare with

Each child process runs the app headless (160×45) on its own copy of the database and drives it with key
events posted as the driver posts them. A frame is a call of `App._display` (the compositor handing an
update to the terminal). "Settled" is the time from the key to the LAST frame it caused: the measurement
waits until the workers are done and no frame came for `QUIET` seconds. Timers that repaint by themselves
every second (the case clock, the docket's clock) are created paused, so every frame comes from the key.
Quit is measured from ctrl+q to the end of the process (what the chair waits for before the terminal is
back). Processes are alternated bare, before, after, and the medians compared.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

QUIET = 0.3
"""Seconds without a frame (and with no worker running) after which the screen counts as settled."""
STEP_KEYS = ("3", "5", "2", "6", "4", "1")
CASES = 3
"""Cases opened per process (each: Enter, then every step key)."""


def say(text: str) -> None:
    """One line of the report (or of a child's results) on stdout."""
    print(text, flush=True)  # noqa: T201 - a benchmark reports on stdout


class Frames:
    """Time stamps of the frames the app hands to its driver."""

    def __init__(self, app) -> None:  # type: ignore[no-untyped-def]
        self.stamps: list[float] = []
        original = app._display

        def display(screen, renderable):  # type: ignore[no-untyped-def]
            if renderable is not None:
                self.stamps.append(time.perf_counter())
            original(screen, renderable)

        app._display = display


def busy(app) -> bool:  # type: ignore[no-untyped-def]
    """A worker still running (the app's own work: loads, saves, rule checks), or a message not yet handled
    by the app or any widget (a result on its way to the screen)."""
    return (any(w.state.name in ("PENDING", "RUNNING") for w in app.workers) or not app._message_queue.empty()
            or any(not node._message_queue.empty() for node in list(app._registry)))


async def settled(app, frames: Frames, began: float, limit: float = 15.0) -> float:  # type: ignore[no-untyped-def]
    """Seconds from `began` to the last frame, once nothing has happened for QUIET seconds."""
    while True:
        await asyncio.sleep(0.02)
        now = time.perf_counter()
        last = max([began, *[s for s in frames.stamps if s >= began]])
        if now - began > limit:
            return last - began
        if now - last >= QUIET and not busy(app):
            return last - began


async def database_open(app) -> None:  # type: ignore[no-untyped-def]
    """Wait until the app has opened its database: a checkout that draws the docket first opens it in a thread
    afterwards (`_db_ready`), and a key pressed meanwhile would be timed with that thread's imports competing
    for the interpreter. The chair reads the docket for longer than that; the cold start is measured apart."""
    ready = getattr(app, "_db_ready", None)
    while ready is not None and not ready.is_set():
        await asyncio.sleep(0.02)


async def press(app, frames: Frames, key: str) -> float:  # type: ignore[no-untyped-def]
    """Post a key as the driver does; seconds until its last frame."""
    from textual import events

    chars = {"enter": "\r", "escape": "\x1b"}
    began = time.perf_counter()
    app.post_message(events.Key(key, chars.get(key, key if len(key) == 1 else None)))
    return await settled(app, frames, began)


def pause_clocks() -> None:
    """Timers of a second or more start paused: the clocks must not paint frames of their own (the garbage
    collector's timer paints nothing and runs)."""
    from textual.message_pump import MessagePump

    original = MessagePump.set_interval

    def set_interval(self, interval, *args, **kwargs):  # type: ignore[no-untyped-def]
        clock = interval >= 1 and kwargs.get("name") != "garbage"  # the quiet-moment collector runs as it would
        return original(self, interval, *args, **{**kwargs, "pause": kwargs.get("pause", False) or clock})

    MessagePump.set_interval = set_interval  # type: ignore[method-assign]


def bare_app():  # type: ignore[no-untyped-def]
    """Header + DataTable + Footer; Enter opens a screen with six panes that 1–6 switch; Esc goes back."""
    from textual.app import App
    from textual.binding import Binding
    from textual.screen import Screen
    from textual.widgets import ContentSwitcher, DataTable, Footer, Header, Static

    class Panes(Screen[None]):
        BINDINGS = [*[Binding(str(n), f"show({n})", f"Trin {n}") for n in range(1, 7)],
                    Binding("escape", "app.pop_screen", "Tilbage")]

        def compose(self):  # type: ignore[no-untyped-def]
            yield Header()
            with ContentSwitcher(initial="p1"):
                for n in range(1, 7):
                    yield Static(f"Trin {n}\n" + "tekst " * 200, id=f"p{n}")
            yield Footer()

        def action_show(self, n: int) -> None:
            self.query_one(ContentSwitcher).current = f"p{n}"

    class Bare(App[None]):
        BINDINGS = [Binding("enter", "open", "Åbn")]

        def compose(self):  # type: ignore[no-untyped-def]
            yield Header()
            yield DataTable(cursor_type="row")
            yield Footer()

        def on_mount(self) -> None:
            table = self.query_one(DataTable)
            table.add_columns("#", "Sag", "Barn", "Alder", "Trin", "Tid", "Status", "Opfølgning")
            table.add_rows([(str(i), f"2026-{i:04d}", "AN", "5 år", "2", "20 min", "venter", "") for i in range(12)])

        def on_data_table_row_selected(self) -> None:
            self.push_screen(Panes())

    return Bare()


def visitation_run(db_path: str, script) -> None:  # type: ignore[no-untyped-def]
    """The real app as the CLI runs it (`screens.app.run_tui`, so its way of ending is measured too), on the
    copy, showing the planned meeting with the most cases. A checkout whose `run_tui` takes no options (main
    before this change) ran `make_app(db, meeting).run()` and let the interpreter end: that is done here."""
    import inspect

    from screens import app as screens_app
    from visitation.services import meetings
    from visitation.services.db import open_db

    db = open_db(db_path, "bench")
    planned = [m for m in meetings.listing(db) if m.state == "planned" and m.cases]
    ref = max(planned, key=lambda m: m.cases).ref
    options = {"headless": True, "size": (160, 45), "auto_pilot": script}
    if "options" in inspect.signature(screens_app.run_tui).parameters:
        screens_app.run_tui(db, ref, **options)
    else:
        screens_app.make_app(db, ref).run(**options)


def child(kind: str, db_path: str) -> None:
    """One process: open CASES cases and switch through the steps, open the palette once, quit."""
    pause_clocks()
    results: dict[str, object] = {"enter": [], "step": []}

    async def script(pilot) -> None:  # type: ignore[no-untyped-def]
        app = pilot.app
        frames = Frames(app)
        await settled(app, frames, time.perf_counter())
        await database_open(app)
        for i in range(CASES):
            if i:
                await press(app, frames, "escape")
                await press(app, frames, "down")
            results["enter"].append(await press(app, frames, "enter"))  # type: ignore[attr-defined]
            for key in STEP_KEYS:
                results["step"].append(await press(app, frames, key))  # type: ignore[attr-defined]
        await press(app, frames, "escape")
        results["palette"] = await press(app, frames, "ctrl+p")
        await press(app, frames, "escape")
        say(json.dumps(results))
        say(json.dumps({"quit_at": time.time()}))
        from textual import events

        app.post_message(events.Key("ctrl+q", None))

    if kind == "bare":
        bare_app().run(headless=True, size=(160, 45), auto_pilot=script)
    else:
        visitation_run(db_path, script)


def run_child(kind: str, code: Path, database: Path) -> dict[str, object]:
    """A child process with `code` first on the path and a fresh copy of the database."""
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "bench.db"
        if kind != "bare":
            shutil.copy(database, copy)
        # The user's own HOME: the generated database is keyed with this installation's chain key.
        env = {**os.environ, "PYTHONPATH": str(code), "VISITATION_USER": "bench"}
        proc = subprocess.Popen([sys.executable, __file__, "--child", kind, str(copy)], cwd=code, env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        out, err = proc.communicate(timeout=600)
        ended = time.time()
        if proc.returncode != 0:
            raise SystemExit(f"{kind} child failed:\n{err[-3000:]}")
    lines = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    return {**lines[0], "quit": ended - lines[1]["quit_at"]}


def median_ms(values: list[float]) -> float:
    """The median in milliseconds."""
    return statistics.median(values) * 1000


def report(found: dict[str, list[dict[str, object]]]) -> None:
    """Medians per measurement and kind, and the ratios to the bare app."""
    rows = [("Enter → case settled", "enter"), ("step switch settled", "step"), ("first palette open", "palette"),
            ("ctrl+q → process ended", "quit")]
    kinds = [k for k in ("bare", "before", "after") if k in found]
    say(f"{'':<26}" + "".join(f"{k:>12}" for k in kinds) + "".join(f"{k + '/bare':>14}" for k in kinds[1:]))
    for label, key in rows:
        medians = {}
        for kind in kinds:
            values: list[float] = []
            for result in found[kind]:
                value = result[key]
                values += value if isinstance(value, list) else [value]  # type: ignore[list-item]
            medians[kind] = median_ms(values)
        say(f"{label:<26}" + "".join(f"{medians[k]:>9.0f} ms" for k in kinds)
              + "".join(f"{medians[k] / medians['bare']:>13.2f}×" for k in kinds[1:]))
    if "before" in found:
        say("after/before: " + ", ".join(
            f"{key} {_ratio(found, key):.2f}×" for _, key in rows))


def _ratio(found: dict[str, list[dict[str, object]]], key: str) -> float:
    def med(kind: str) -> float:
        values: list[float] = []
        for result in found[kind]:
            value = result[key]
            values += value if isinstance(value, list) else [value]  # type: ignore[list-item]
        return statistics.median(values)
    return med("after") / med("before")


def database(cases: int, code: Path) -> Path:
    """The generated database of `cases` cases, made by `code`'s schema (the older checkout's, so both can
    open it: the newer one migrates its own copy before anything is timed)."""
    path = Path(tempfile.gettempdir()) / "visitation-bench" / f"frames-{cases}-{code.name}.db"
    if not path.exists():
        path.parent.mkdir(exist_ok=True)
        subprocess.run([sys.executable, str(Path(__file__).parent / "generate.py"), "--cases", str(cases),
                        "--db", str(path), "--audit", str(cases * 2)], check=True, cwd=code,
                       env={**os.environ, "PYTHONPATH": str(code)}, stdout=subprocess.DEVNULL)
    return path


def measure(cases: int, rounds: int, before: Path | None) -> None:
    """Alternate the processes and print the table."""
    here = Path(__file__).resolve().parent.parent
    database_path = database(cases, before or here)
    codes = {"bare": here, "after": here} | ({"before": before} if before else {})
    found: dict[str, list[dict[str, object]]] = {k: [] for k in codes}
    for _ in range(rounds):
        for kind, code in codes.items():
            found[kind].append(run_child("bare" if kind == "bare" else "visitation", code, database_path))
    say(f"TUI by frames at {cases:,} cases, {rounds} processes each "
        f"({CASES} cases × {len(STEP_KEYS)} steps per process), "
          f"settled = last frame after {QUIET * 1000:.0f} ms of quiet:")
    report(found)


if __name__ == "__main__" and len(sys.argv) > 3 and sys.argv[1] == "--child":
    child(sys.argv[2], sys.argv[3])
