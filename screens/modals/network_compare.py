"""Compare the network map between any two meetings of a case (what `visitation network diff` shows)."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import DataTable, Label, Select, Static

from screens.failures import ReportsWorkerFailures
from screens.steps.base import person_label
from screens.widgets.table import Table
from visitation.domain.network import CHANGE_LABEL
from visitation.errors import VisitationError
from visitation.services.network_diff import NetworkDiff

NOW = "nu"


class DiffReady(Message):
    """The comparison, or why there is none."""

    def __init__(self, found: NetworkDiff | None, problem: str = "") -> None:
        super().__init__()
        self.found, self.problem = found, problem


class NetworkCompareDialog(ReportsWorkerFailures, ModalScreen[None]):
    """Two meetings chosen (the later may be "now"); who joined, left and changed between them."""

    DEFAULT_CSS = """
    NetworkCompareDialog { align: center middle; }
    NetworkCompareDialog > Vertical { width: 90%; max-width: 110; height: auto; max-height: 95%;
                                      border: thick $primary; background: $surface; padding: 0 2 1 2;
                                      overflow-y: auto; }
    NetworkCompareDialog #compare-heading { text-style: bold; margin-top: 1; }
    NetworkCompareDialog #compare-summary { margin: 1 0; }
    NetworkCompareDialog DataTable { height: auto; max-height: 16; }
    """
    BINDINGS = [Binding("escape", "dismiss", "Luk", id="compare.close")]

    def __init__(self, case_ref: str, meetings: list[tuple[str, str]], privacy: bool) -> None:
        super().__init__()
        self.case_ref, self.meetings, self.privacy = case_ref, meetings, privacy

    def compose(self) -> ComposeResult:
        """The two choices, a summary line, the changes."""
        refs = [ref for ref, _ in self.meetings]
        before, after = (refs[-2], refs[-1]) if len(refs) > 1 else (refs[0], NOW)  # the two latest, or since
        with Vertical():
            yield Label(f"Netværket over tid – sag {self.case_ref}  (Esc lukker)", id="compare-heading")
            yield Label("Fra mødet")
            yield Select([(label, ref) for ref, label in self.meetings], value=before, allow_blank=False, id="before")
            yield Label("Til")
            yield Select([(label, ref) for ref, label in self.meetings] + [("Kortet nu", NOW)], value=after,
                         allow_blank=False, id="after")
            yield Static("", id="compare-summary", markup=False)
            yield Table(id="compare-table", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        """Columns, then the first comparison."""
        self.query_one(DataTable).add_columns("Ændring", "Person", "Hvad")
        self.compare_chosen()

    @on(Select.Changed)
    def chosen(self) -> None:
        """Compare again when either meeting changes."""
        if self.is_mounted:
            self.compare_chosen()

    def compare_chosen(self) -> None:
        """Compare the two meetings chosen (read here, on the event loop; the database in a thread)."""
        self.compare(str(self.query_one("#before", Select).value), str(self.query_one("#after", Select).value))

    @work(thread=True, exclusive=True, exit_on_error=False)
    def compare(self, before: str, after: str) -> None:
        """The comparison, read in a thread."""
        from visitation.services import network_diff

        try:
            found = network_diff.diff(self.app.db, self.case_ref, before, None if after == NOW else after)  # type: ignore[attr-defined]
        except VisitationError as exc:
            self.post_message(DiffReady(None, exc.message))
            return
        self.post_message(DiffReady(found))

    @on(DiffReady)
    def show(self, message: DiffReady) -> None:
        """A line of counts and a row per change; names hidden in privacy mode."""
        table = self.query_one(DataTable)
        table.clear()
        found = message.found
        if found is None:
            self.query_one("#compare-summary", Static).update(message.problem)
            return
        count = {kind: sum(c.kind == kind for c in found.changes) for kind in CHANGE_LABEL}
        self.query_one("#compare-summary", Static).update(
            f"{found.before} → {found.after}: " + ", ".join(f"{n} {CHANGE_LABEL[k]}" for k, n in count.items())
            if found.changes else f"{found.before} → {found.after}: ingen ændringer.")
        for c in found.changes:
            table.add_row(CHANGE_LABEL[c.kind], person_label(c.name, c.relation, self.privacy), ", ".join(c.fields))
