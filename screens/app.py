"""The Textual app: themes, global bindings, privacy mode, and the factory the CLI and tests use."""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events, on, work
from textual.app import App
from textual.binding import Binding
from textual.reactive import reactive
from textual.worker import Worker

from screens import danish
from screens.commands import VisitationCommands
from screens.failures import ReportsWorkerFailures, failure_text, log_failure
from screens.messages import DataChanged
from screens.themes import NAMES, PRIVACY_VARIABLES, THEMES

if TYPE_CHECKING:
    from visitation.services.db import Db
    from visitation.services.views import MeetingRow

danish.translate()

Clock = Callable[[], dt.datetime]


class VisitationApp(ReportsWorkerFailures, App[None]):
    """Visitation on the shared screen: the docket first, privacy mode on."""

    TITLE = "Visitation"
    CSS_PATH = "app.tcss"
    COMMANDS = {VisitationCommands}
    """Only Visitation's own commands: Textual's (its theme picker, "Keys", "Screenshot" …) are not offered."""
    BINDINGS = [
        Binding("ctrl+q", "quit", "Afslut", id="app.quit", priority=True),
        Binding("ctrl+p", "command_palette", "Kommandoer", id="app.palette", show=False, priority=True,
                tooltip="Sager, møder og handlinger"),
        Binding("f1", "help", "Hjælp", id="app.help", tooltip="Taster og vejledning", key_display="F1"),
        Binding("f2", "toggle_privacy", "Navne", id="app.privacy", tooltip="Privatliv: vis eller skjul navne",
                key_display="F2"),
        Binding("f3", "next_theme", "Tema", id="app.theme", tooltip="Projektor, mørk eller lys", key_display="F3"),
    ]
    THEMES = tuple(t.name for t in THEMES)

    privacy: reactive[bool] = reactive(True)
    """True: initials and age only, no CPR, no full names (the default on a wall)."""

    def __init__(self, db: Db | Callable[[], Db], meeting: str | None = None, clock: bool = True,
                 now: Clock | None = None, first: MeetingRow | None = None) -> None:
        super().__init__()
        self._db: Db | None = None if callable(db) else db
        self._opener = db if callable(db) else None
        """Opens the database (`run_tui`): in a thread, once the docket is on screen."""
        self._db_ready = threading.Event()
        self.open_error: Exception | None = None
        """Why the database could not be opened (said on stderr when the app has ended)."""
        if self._db is not None:
            self._db_ready.set()
        self.first_docket = first
        """The docket as read before the database stack loaded (`services.docket_fast`), shown first."""
        self.meeting_ident = meeting
        """The meeting asked for on the command line, if any."""
        self.clock = clock
        """Whether headers show the wall clock (off in snapshot tests)."""
        self.now: Clock = now or (lambda: dt.datetime.now(dt.UTC))
        """The time source of timers (fixed in tests)."""
        self.live_stop = threading.Event()
        """Set when the app ends: the live thread stops."""
        self.warmed = False
        """Whether the case flow has been read ahead (`warm_up`)."""
        self.own_process = False
        """Whether the app is its process's one job (`run_tui`), so what it loads lives as long as the process."""
        self.last_key = time.monotonic()
        """When the last key came (garbage is collected in quiet moments)."""

    @property
    def db(self) -> Db:
        """The open database; screens reach it only through services, in thread workers – which wait here until
        it has opened (so a key pressed before then is acted on once it has)."""
        self._db_ready.wait()
        if self._db is None:
            raise self.open_error or RuntimeError("database not opened")
        return self._db

    def on_mount(self) -> None:
        """Register the projector theme and open the docket; the database once it is on screen."""
        from screens.docket import DocketScreen

        self.watch_privacy(self.privacy)
        for theme in THEMES:
            self.register_theme(theme)
        self.theme = self.THEMES[0]
        self.push_screen(DocketScreen(self.meeting_ident, self.first_docket))
        if self._opener is not None:
            self.call_after_refresh(self.open_database)
        if self.own_process:
            from screens import memory

            memory.hold_full_collections()
            self.set_interval(memory.FULL_EVERY, self.collect_garbage, name="garbage")
        self.follow_changes()

    def open_database(self) -> None:
        """Load the database stack and open the database in a thread of its own (not a worker: quitting never
        waits for it); a failure ends the app, and `run_tui` says why."""
        def opening() -> None:
            try:
                self._db = self._opener()  # type: ignore[misc]
                self.settle_memory()
            except Exception as exc:  # said on stderr once the app has ended, as the CLI says every error
                self.open_error = exc
                self.call_from_thread(self.exit, None, getattr(exc, "exit_code", 1))
            finally:
                self._db_ready.set()

        threading.Thread(target=opening, name="visitation-open", daemon=True).start()

    def follow_changes(self) -> None:
        """Live: other writers' changes reach the screens within a second (SQLite's data version, PostgreSQL's
        LISTEN/NOTIFY). A daemon thread of its own, not a worker: it lives as long as the app, quitting never
        waits for it, and waiting for the workers to finish (as tests do) does not wait for it either."""
        def post(cases: frozenset[int | None]) -> None:
            if not self.live_stop.is_set():
                self.post_message(DataChanged(cases))

        def watch() -> None:
            from visitation.services import changes

            self._db_ready.wait()
            if self._db is not None:
                changes.watch(self._db, self.live_stop.is_set, post)

        threading.Thread(target=watch, name="visitation-live", daemon=True).start()

    def warm_up(self) -> None:
        """Once the docket shows: import the case flow in a thread, then read its CSS (screens/warm.py)."""
        if not self.warmed:
            self.warmed = True
            self.run_worker(self._warm, thread=True, group="warm-up", exit_on_error=False)

    def _warm(self) -> None:
        from screens import warm

        warm.import_all()
        self.settle_memory()
        self.call_from_thread(warm.read_css, self)

    def settle_memory(self) -> None:
        """In a process of its own (`run_tui`): what is loaded so far is kept out of garbage collection
        (`screens.memory`). Not in a process that builds many apps (the tests): it would keep their leftovers."""
        if self.own_process:
            from screens import memory

            memory.freeze_loaded()

    def collect_garbage(self) -> None:
        """A full garbage collection while the room is not pressing keys (`screens.memory`)."""
        from screens import memory

        memory.collect_when_quiet(self.last_key, time.monotonic())

    async def on_event(self, event: events.Event) -> None:
        """Note when a key came: garbage is collected only in a quiet moment."""
        if isinstance(event, events.Key):
            self.last_key = time.monotonic()
        await super().on_event(event)

    def on_unmount(self) -> None:
        """Stop the live thread."""
        self.live_stop.set()

    @on(DataChanged)
    def data_changed(self, message: DataChanged) -> None:
        """Hand the news to every screen on the stack (a dialog's screen beneath is visible too)."""
        for screen in self.screen_stack:
            screen.post_message(DataChanged(message.cases))

    def worker_failed(self, worker: Worker[object]) -> None:
        """The one handler of a failed worker: a toast that nothing was done, details to the log."""
        if worker.error is not None:
            log_failure(worker, worker.error)
            self.notify(failure_text(worker.error), title="Fejl", severity="error", timeout=15,
                        markup=False)

    def get_theme_variable_defaults(self) -> dict[str, str]:
        """The privacy banners keep their colours and fields their edges in any theme, even one not ours."""
        return {**super().get_theme_variable_defaults(), **PRIVACY_VARIABLES, "field-edge": "#8C8C8C",
                "placeholder": "#8C8C8C"}

    def action_help_quit(self) -> None:
        """Ctrl+C (a reflex) does not quit: say, in Danish, which key does."""
        self.notify("Tryk Ctrl+Q for at afslutte – alt er allerede gemt.", title="Vil du afslutte?")

    def action_command_palette(self) -> None:
        """Ctrl+P: the palette, asking in Danish."""
        from textual.command import CommandPalette

        if self.use_command_palette and not CommandPalette.is_open(self):  # type: ignore[arg-type]
            self.push_screen(CommandPalette(placeholder="Søg: sag (nummer eller initialer), møde, handling …",
                                            id="--command-palette"))

    def watch_privacy(self, privacy: bool) -> None:
        """The header says which mode is on, on every screen and above every dialog."""
        self.sub_title = "privatliv til – initialer og alder" if privacy else "PRIVATLIV FRA – navne vises"

    def action_toggle_privacy(self) -> None:
        """Hide the names at once; show them only when the chair confirms (the wall may be seen by many)."""
        from screens.modals.confirm import ConfirmDialog

        if not self.privacy:
            self.privacy = True
            return
        if getattr(self.screen, "asks_privacy", False):  # F2 again while asked: the question stays open once
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.privacy = False
        ask = ConfirmDialog(
            "Vis fulde navne?", "Børnenes og netværkets fulde navne vises på skærmen for alle i rummet.\n\n"
            "F2 skjuler dem igen med det samme. Esc beholder initialerne.", "Vis navne")
        ask.asks_privacy = True  # type: ignore[attr-defined]
        self.push_screen(ask, answered)

    def action_next_theme(self) -> None:
        """Cycle projector → dark → light, and say which theme is on now."""
        index = self.THEMES.index(self.theme) if self.theme in self.THEMES else -1
        self.theme = self.THEMES[(index + 1) % len(self.THEMES)]
        self.notify(f"Tema: {NAMES[self.theme]} (F3 skifter)", title="Tema", timeout=3)

    def action_help(self) -> None:
        """F1: the keys of the screen underneath."""
        from screens.modals.help import HelpDialog

        bindings = [active.binding for active in self.screen.active_bindings.values()]
        describe = getattr(self.screen, "describe_binding", lambda b: b.description)  # a screen may name them itself
        keys = [(self.get_key_display(b), describe(b)) for b in bindings if describe(b)]
        self.push_screen(HelpDialog(keys))

    def action_followups(self) -> None:
        """The follow-up screen."""
        from screens.followups import FollowupsScreen

        self.push_screen(FollowupsScreen())

    def action_key_figures(self) -> None:
        """The key figures screen."""
        from screens.key_figures import KeyFiguresScreen

        self.push_screen(KeyFiguresScreen())

    def export_minutes(self, meeting: str, case: str | None = None) -> None:
        """Ask for format, privacy level and file, then write the minutes in a thread."""
        from screens.modals.export import ExportDialog
        from visitation.minutes.export import default_name

        heading = f"Eksportér referatet af {meeting}" + (f", sag {case}" if case else "")
        stem = default_name(meeting, case, "x").removesuffix(".x")

        def chosen(choice: object) -> None:
            if isinstance(choice, tuple):
                self.write_minutes(meeting, case, *choice)

        self.push_screen(ExportDialog(heading, export_folder(), stem), chosen)

    @work(thread=True, exit_on_error=False, group="export", description="Gemmer referatet")
    def write_minutes(self, meeting: str, case: str | None, fmt: str, privacy: str, path: Path) -> None:
        """Build, render and write the minutes; say where they went, or why not."""
        from visitation.errors import VisitationError
        from visitation.minutes.export import export

        try:
            done = export(self.db, meeting, fmt, privacy, path, case)
        except VisitationError as exc:
            self.call_from_thread(self.notify, exc.message, title="Referatet blev ikke gemt", severity="error")
            return
        except OSError as exc:
            self.call_from_thread(self.notify, f"{path.name}: {exc.strerror}", title="Referatet blev ikke gemt",
                                  severity="error")
            return
        self.call_from_thread(self.notify, f"{done.path} · {done.privacy} · hash {done.content_hash[:12]}",
                              title="Referatet er gemt", timeout=8)

    def open_case(self, case: str, meeting: str, started: dt.datetime | None = None, minutes: int = 20) -> None:
        """The six steps of a case at a meeting."""
        from screens.case_flow import CaseFlowScreen

        self.push_screen(CaseFlowScreen(case, meeting, started, minutes))

    def case_started(self, case: str, started: dt.datetime | None) -> None:
        """The open case's timer runs from the start the database holds."""
        from screens.widgets.timer import CaseTimer

        if getattr(self.screen, "case_ref", None) == case:
            for timer in self.screen.query(CaseTimer):
                timer.started = started

    def open_meeting(self, meeting: str) -> None:
        """Another meeting's docket."""
        from screens.docket import DocketScreen

        self.switch_screen(DocketScreen(meeting))


def export_folder() -> Path:
    """Where exported minutes are proposed: a private folder of the user's (`Visitation` in the documents
    folder, else in the user's data folder), created readable by the user only, never the working folder
    (which may be shared or synced, and the minutes hold names)."""
    from platformdirs import user_data_dir, user_documents_dir

    documents = Path(user_documents_dir())
    folder = documents / "Visitation" if documents.is_dir() else Path(user_data_dir("visitation")) / "referater"
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        folder.chmod(0o700)
    except OSError:  # an unwritable home: the dialog still proposes it and says so when saving
        pass
    return folder


def make_app(db: Db | Callable[[], Db], meeting: str | None = None, clock: bool = True, now: Clock | None = None,
             first: MeetingRow | None = None) -> VisitationApp:
    """The one way to build the app (CLI, tests and snapshots alike): on an open database, or on a function that
    opens it (then the docket read first, `first`, is shown while it opens)."""
    return VisitationApp(db, meeting, clock, now, first)


def tui_app(opener: Callable[[], Db], meeting: str | None = None, sqlite_path: str | None = None,
            clock: bool = True) -> VisitationApp:
    """The app as the terminal gets it: the docket read with `sqlite3` first (a SQLite file only), the database
    opened once that is on screen."""
    from visitation.services.docket_fast import first_paint

    return make_app(opener, meeting, clock, first=first_paint(sqlite_path, meeting) if sqlite_path else None)


def run_tui(opener: Callable[[], Db], meeting: str | None = None, sqlite_path: str | None = None,
            **options: object) -> None:
    """Run the app in the terminal; once it has ended, end the process at once.

    Start-up (`tui_app`): the docket is drawn before SQLAlchemy has loaded, the database opened after the first
    paint. Everything is saved as it happens (each change is
    its own committed transaction), so at the end nothing is left to do but close the database and flush the
    streams. The interpreter's own tear-down of the app's objects took longer than the app's shutdown itself
    (~1.5 s of the 2.3 s from ctrl+q to the prompt); it is skipped. `options` go to `App.run` (the benchmark
    runs it headless)."""
    import logging
    import os
    import sys

    app = tui_app(opener, meeting, sqlite_path)
    app.own_process = True
    app.run(**options)  # type: ignore[arg-type]
    if app._db is not None:
        app._db.engine.dispose()
    if app.open_error is not None:
        from visitation.domain.cpr import redact
        from visitation.errors import VisitationError

        error = app.open_error
        text = error.message if isinstance(error, VisitationError) else f"Uventet fejl ({error.__class__.__name__})"
        sys.stderr.write(f"Fejl: {redact(text)}\n")
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(app.return_code or 0)
