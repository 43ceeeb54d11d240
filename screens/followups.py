"""Follow-ups (opfølgninger): due and overdue, by caseworker — what `visitation followups` lists."""

from __future__ import annotations

from itertools import groupby

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from screens.failures import ReportsWorkerFailures
from screens.widgets.table import Table
from visitation.domain.format import day
from visitation.services.views import FollowupRow


class FollowupsLoaded(Message):
    """The pending follow-ups."""

    def __init__(self, rows: list[FollowupRow]) -> None:
        super().__init__()
        self.rows = rows


def by_caseworker(rows: list[FollowupRow]) -> list[tuple[str, list[FollowupRow]]]:
    """The rows grouped by the responsible caseworker (alphabetically), overdue first in each, then by date."""
    ordered = sorted(rows, key=lambda f: (f.responsible, not f.overdue, f.due, f.id))
    return [(who, list(items)) for who, items in groupby(ordered, key=lambda f: f.responsible)]


def workers_line(groups: list[tuple[str, list[FollowupRow]]], room: int) -> str:
    """Follow-ups per caseworker in about `room` characters: everyone when they fit, else those with most
    overdue first and how many more."""
    counted = [(who or "(ingen rådgiver)", len(items), sum(f.overdue for f in items)) for who, items in groups]
    parts = [f"{who}: {n}" + (f" ({late} overskredet)" if late else "") for who, n, late in counted]
    if len("  ·  ".join(parts)) <= room:
        return "  ·  ".join(parts)
    ranked = [parts[i]
              for i in sorted(range(len(counted)), key=lambda i: (-counted[i][2], -counted[i][1], counted[i][0]))]
    shown: list[str] = []
    for part in ranked:
        rest = f"  ·  og {len(ranked) - len(shown) - 1} andre rådgivere (se tabellen)"
        if len("  ·  ".join([*shown, part]) + rest) > room:
            break
        shown.append(part)
    return ("  ·  ".join(shown)
            + f"{'  ·  ' if shown else ''}og {len(ranked) - len(shown)} andre rådgivere (se tabellen)")


class FollowupsScreen(ReportsWorkerFailures, Screen[None]):
    """Every follow-up not yet done, grouped by the responsible caseworker, overdue first in each group."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Tilbage", id="followups.back"),
        Binding("o", "toggle_overdue", "Kun overskredne", id="followups.overdue",
                tooltip="Vis kun de overskredne opfølgninger (som followups --overdue), eller alle igen"),
    ]
    DEFAULT_CSS = """
    FollowupsScreen #followups-title { text-style: bold; color: $primary; padding: 1 1 0 1; }
    FollowupsScreen #followups-workers { padding: 0 1; color: $text-muted; max-height: 3; }
    FollowupsScreen DataTable { height: 1fr; margin: 1; }
    """

    overdue_only: reactive[bool] = reactive(False)
    """Show only the overdue follow-ups."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[FollowupRow] = []
        """The pending follow-ups as last loaded."""

    def compose(self) -> ComposeResult:
        """Header, summary lines, table, footer."""
        yield Header(show_clock=self.app.clock)  # type: ignore[attr-defined]
        yield Static("Opfølgninger indlæses …", id="followups-title")
        yield Static(id="followups-workers", markup=False)
        yield Table(id="followups", cursor_type="row", zebra_stripes=True)
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
    def keep_rows(self, message: FollowupsLoaded) -> None:
        """Keep the loaded rows and draw them."""
        self.rows = message.rows
        self.redraw()

    def action_toggle_overdue(self) -> None:
        """All pending follow-ups, or only the overdue ones."""
        self.overdue_only = not self.overdue_only

    def watch_overdue_only(self) -> None:
        """Redraw with the filter."""
        if self.is_mounted:
            self.redraw()

    def redraw(self) -> None:
        """The table grouped by caseworker (the name on the group's first row) and a line per caseworker."""
        shown = [f for f in self.rows if f.overdue or not self.overdue_only]
        overdue = sum(1 for f in self.rows if f.overdue)
        scope = "overskredne vises (o: alle)" if self.overdue_only else "alle vises (o: kun overskredne)"
        self.query_one("#followups-title", Static).update(
            f"{len(self.rows)} opfølgninger venter · {overdue} er overskredet · {scope}")
        groups = by_caseworker(shown)
        self.query_one("#followups-workers", Static).update(workers_line(groups, 2 * (self.size.width - 2) - 12))
        table = self.query_one(DataTable)
        table.clear()
        for who, items in groups:
            for n, f in enumerate(items):  # Text, not markup: a label may hold brackets, and parsing costs
                table.add_row(*map(Text, ((who or "–") if n == 0 else "", day(f.due),
                                          "⚠ OVERSKREDET" if f.overdue else "kommende", f.case_ref, f.label,
                                          "; ".join(f.legal))), key=str(f.id))
