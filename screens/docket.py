"""The docket (dagsorden): the meeting's cases in order with time box and state."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from screens.messages import LoadFailed, MeetingLoaded
from visitation.services.views import DocketRow, MeetingRow

STATE = {"waiting": "venter", "in_progress": "i gang", "decided": "besluttet", "postponed": "udsat",
         "referred": "indstillet til BUU"}


class DocketScreen(Screen[None]):
    """The day's meeting: title, chair, participants and the docket; names hidden in privacy mode."""

    CSS_PATH = "docket.tcss"
    BINDINGS = [Binding("r", "reload", "Genindlæs", id="docket.reload", tooltip="Læs dagsordenen igen")]

    def __init__(self, meeting: str | None = None) -> None:
        super().__init__()
        self.meeting_ident = meeting
        """The meeting to show (id or reference); None: today's or the next."""
        self.meeting: MeetingRow | None = None
        """The meeting as last loaded."""

    def compose(self) -> ComposeResult:
        """Header, meeting line, privacy indicator, docket table, footer."""
        yield Header(show_clock=self.app.clock)  # type: ignore[attr-defined]
        with Vertical(id="docket-body"):
            yield Static("Indlæser dagsordenen …", id="meeting-title")
            yield Static("", id="privacy")
            yield DataTable(id="docket", cursor_type="row", zebra_stripes=True)
            yield Static("", id="participants")
        yield Footer()

    def on_mount(self) -> None:
        """Set up the table and start loading in a thread."""
        table = self.query_one("#docket", DataTable)
        table.add_columns("#", "Sag", "Barn", "Alder", "Trin", "Tid", "Status")
        self.watch(self.app, "privacy", self.show_privacy)
        self.load()

    @work(thread=True, exclusive=True, exit_on_error=False, group="docket", description="Indlæser dagsorden")
    def load(self) -> None:
        """Read the meeting through the services (never on the event loop)."""
        from visitation.errors import VisitationError
        from visitation.services import meetings

        try:
            self.post_message(MeetingLoaded(meetings.agenda(self.app.db, self.meeting_ident)))  # type: ignore[attr-defined]
        except VisitationError as exc:
            self.post_message(LoadFailed(exc.message))

    def action_reload(self) -> None:
        """Read the docket again."""
        self.load()

    @on(MeetingLoaded)
    def show_meeting(self, message: MeetingLoaded) -> None:
        """Render the loaded meeting."""
        self.meeting = message.meeting
        self.render_meeting()

    @on(LoadFailed)
    def show_failure(self, message: LoadFailed) -> None:
        """Say what went wrong, in one line."""
        self.notify(message.text, title="Kunne ikke læse", severity="error")

    def show_privacy(self, privacy: bool) -> None:
        """Update the indicator and the names when privacy mode changes."""
        text = "PRIVATLIV TIL: initialer og alder" if privacy else "PRIVATLIV FRA: fulde navne vises"
        indicator = self.query_one("#privacy", Static)
        indicator.update(f" {text}  (F2 skifter) ")
        indicator.set_class(not privacy, "-names")
        self.render_meeting()

    def render_meeting(self) -> None:
        """Fill the title and table from the loaded meeting."""
        m = self.meeting
        title = self.query_one("#meeting-title", Static)
        table = self.query_one("#docket", DataTable)
        table.clear()
        if m is None:
            title.update("Der er ingen møder endnu. Opret et med: visitation meeting new")
            return
        total = sum(d.minutes for d in m.docket)
        title.update(f"{m.title} {m.date:%d-%m-%Y} · mødeleder {m.chair} · {len(m.docket)} sager · {total} min")
        for d in m.docket:
            table.add_row(str(d.position), d.case_ref, self.child(d), f"{d.age} år", str(d.step),
                          f"{d.minutes} min", STATE.get(d.state, d.state), key=str(d.case_id))
        present = [p for p in m.participants if p.present]
        absent = [p for p in m.participants if not p.present]
        self.query_one("#participants", Static).update(
            "Til stede: " + ", ".join(f"{p.name} ({p.role})" for p in present)
            + (("  ·  Afbud: " + ", ".join(p.name for p in absent)) if absent else ""))

    def child(self, row: DocketRow) -> str:
        """The child as privacy mode allows."""
        return row.initials if self.app.privacy else row.name  # type: ignore[attr-defined]
