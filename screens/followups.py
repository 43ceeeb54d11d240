"""Follow-ups (opfølgninger): due and overdue, by caseworker."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from visitation.services.views import FollowupRow


class FollowupsLoaded(Message):
    """The pending follow-ups."""

    def __init__(self, rows: list[FollowupRow]) -> None:
        super().__init__()
        self.rows = rows


class FollowupsScreen(Screen[None]):
    """Every follow-up not yet done, overdue first, grouped by the responsible caseworker."""

    BINDINGS = [Binding("escape", "app.pop_screen", "Tilbage", id="followups.back")]
    DEFAULT_CSS = """
    FollowupsScreen #followups-title { text-style: bold; color: $primary; padding: 1 1 0 1; }
    FollowupsScreen DataTable { height: 1fr; margin: 1; }
    """

    def compose(self) -> ComposeResult:
        """Header, summary line, table, footer."""
        yield Header(show_clock=self.app.clock)  # type: ignore[attr-defined]
        yield Static("Opfølgninger indlæses …", id="followups-title")
        yield DataTable(id="followups", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        """Columns, then load in a thread."""
        self.query_one(DataTable).add_columns("Rådgiver", "Frist", "Status", "Sag", "Opfølgning", "Hjemmel")
        self.load()

    @work(thread=True, exclusive=True, exit_on_error=False, group="followups")
    def load(self) -> None:
        """Read the pending follow-ups."""
        from visitation.services import followups

        self.post_message(FollowupsLoaded(followups.pending(self.app.db, today=self.app.now().date())))  # type: ignore[attr-defined]

    @on(FollowupsLoaded)
    def show_rows(self, message: FollowupsLoaded) -> None:
        """Overdue first, then by caseworker and date."""
        rows = sorted(message.rows, key=lambda f: (not f.overdue, f.responsible, f.due))
        overdue = sum(1 for f in rows if f.overdue)
        self.query_one("#followups-title", Static).update(
            f"{len(rows)} opfølgninger venter · {overdue} er overskredet")
        table = self.query_one(DataTable)
        table.clear()
        for f in rows:
            table.add_row(f.responsible or "–", f"{f.due:%d-%m-%Y}", "⚠ OVERSKREDET" if f.overdue else "kommende",
                          f.case_ref, f.label, "; ".join(f.legal), key=str(f.id))
