"""The Textual app: themes, global bindings, privacy mode, and the factory the CLI and tests use."""

from __future__ import annotations

from textual.app import App
from textual.binding import Binding
from textual.reactive import reactive

from screens.docket import DocketScreen
from screens.themes import PROJECTOR
from visitation.services.db import Db


class VisitationApp(App[None]):
    """Visitation on the shared screen: the docket first, privacy mode on."""

    TITLE = "Visitation"
    CSS_PATH = "app.tcss"
    BINDINGS = [
        Binding("ctrl+q", "quit", "Afslut", id="app.quit", priority=True),
        Binding("f2", "toggle_privacy", "Privatliv", id="app.privacy", tooltip="Vis eller skjul navne"),
        Binding("f3", "next_theme", "Tema", id="app.theme", tooltip="Projektor, mørk eller lys"),
    ]
    THEMES = ("visitation-projektor", "textual-dark", "textual-light")

    privacy: reactive[bool] = reactive(True)
    """True: initials and age only, no CPR, no full names (the default on a wall)."""

    def __init__(self, db: Db, meeting: str | None = None, clock: bool = True) -> None:
        super().__init__()
        self.clock = clock
        """Whether the header shows the wall clock (off in snapshot tests)."""
        self.db = db
        """The open database; screens reach it only through services, in thread workers."""
        self.meeting_ident = meeting
        """The meeting asked for on the command line, if any."""

    def on_mount(self) -> None:
        """Register the projector theme and open the docket."""
        self.register_theme(PROJECTOR)
        self.theme = self.THEMES[0]
        self.push_screen(DocketScreen(self.meeting_ident))

    def action_toggle_privacy(self) -> None:
        """Show or hide the children's names."""
        self.privacy = not self.privacy

    def action_next_theme(self) -> None:
        """Cycle projector → dark → light."""
        index = self.THEMES.index(self.theme) if self.theme in self.THEMES else -1
        self.theme = self.THEMES[(index + 1) % len(self.THEMES)]


def make_app(db: Db, meeting: str | None = None, clock: bool = True) -> VisitationApp:
    """The one way to build the app (CLI, tests and snapshots alike)."""
    return VisitationApp(db, meeting, clock)


def run_tui(db: Db, meeting: str | None = None) -> None:
    """Run the app in the terminal."""
    make_app(db, meeting).run()
