"""Step 3, Netværk: the map in rings and sectors, the people in a table, add/edit/remove in a dialog."""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static

from screens.messages import CaseBundle
from screens.modals.confirm import ConfirmDialog
from screens.modals.forms import PersonDialog
from screens.modals.network_compare import NetworkCompareDialog
from screens.steps.base import StepPane, person_label
from screens.widgets.network_map import NetworkMap, Person
from screens.widgets.table import Table
from visitation.domain.casefile import NetworkPerson
from visitation.services.views import NetworkRow

SECTOR = {"family": "familie", "friends": "venner", "school": "skole", "professional": "professionel"}
VALENCE = {"resource": "ressource", "concern": "bekymring", "both": "begge"}


class NetworkStep(StepPane):
    """The network map and its people."""

    BINDINGS = [
        Binding("a", "add", "Tilføj person", id="network.add"),
        Binding("e", "edit", "Ret person", id="network.edit"),
        Binding("x", "remove", "Fjern person", id="network.remove"),
        Binding("m", "compare", "Sammenlign møder", id="network.compare",
                tooltip="Hvem er kommet til, gået ud eller ændret mellem to møder"),
    ]

    def compose(self) -> ComposeResult:
        """Map, changes since last time, table."""
        yield NetworkMap(id="network-map")
        yield Static(id="network-changes", markup=False)
        yield Table(id="network-table", cursor_type="row", zebra_stripes=True)

    def on_made(self) -> None:
        """Table columns."""
        self.query_one("#network-table", DataTable).add_columns(
            "Person", "Sektor", "Ring", "Ressource", "Anbringelse", "Ændring")

    def show(self, bundle: CaseBundle, privacy: bool) -> None:
        """Draw the map and fill the table."""
        self.bundle = bundle
        c = bundle.case
        ch = c.network_changes
        change = dict.fromkeys(ch.joined, "ny") | dict.fromkeys(ch.changed, "ændret")
        self.query_one("#network-map", NetworkMap).people = tuple(
            Person(person_label(m.name, m.relation, privacy), m.sector, m.ring, m.valence, m.placement_candidate,
                   change.get(m.id, "")) for m in c.network)
        self.query_one("#network-map", NetworkMap).centre = self.child(privacy).split(",")[0]
        left = ", ".join(person_label(p["name"], p["relation"], privacy) for p in ch.left)
        self.query_one("#network-changes", Static).update(
            f"Siden sidste beslutning: {len(ch.joined)} nye, {len(ch.changed)} ændrede"
            + (f", ikke længere med: {left}" if left else "") + " · m: sammenlign to møder"
            if c.decisions else "Første gang sagen behandles.")
        table = self.query_one("#network-table", DataTable)
        row = table.cursor_row
        table.clear()
        for m in c.network:
            table.add_row(person_label(m.name, m.relation, privacy), SECTOR.get(m.sector, m.sector), str(m.ring),
                          VALENCE.get(m.valence, m.valence), "★ ja" if m.placement_candidate else "",
                          change.get(m.id, ""), key=str(m.id))
        if c.network:
            table.move_cursor(row=min(row, len(c.network) - 1))

    @work(thread=True, exclusive=True, exit_on_error=False, group="network-compare")
    def action_compare(self) -> None:
        """The map between any two meetings the case was decided at (or a meeting and now)."""
        from visitation.services import network_diff

        if self.bundle is None:
            return
        ref = self.bundle.case.ref
        meetings = network_diff.meetings(self.db, ref)
        if not meetings:
            self.app.call_from_thread(self.app.notify, "Sagen har ikke været på et møde før; der er intet at "
                                      "sammenligne med.", title="Netværket over tid")
            return
        privacy = bool(self.app.privacy)  # type: ignore[attr-defined]
        self.app.call_from_thread(self.app.push_screen, NetworkCompareDialog(ref, meetings, privacy))

    def _selected(self) -> NetworkRow | None:
        table = self.query_one("#network-table", DataTable)
        if self.bundle is None or not self.bundle.case.network or table.cursor_row < 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return next((m for m in self.bundle.case.network if str(m.id) == key), None)

    def action_add(self) -> None:
        """Open the dialog for a new person."""
        from visitation.services import network

        case = self.bundle.case.ref if self.bundle else ""

        def added(person: object) -> None:
            if isinstance(person, NetworkPerson):
                self.save(lambda: network.add(self.db, case, person), f"{person.relation} tilføjet")
        self.app.push_screen(PersonDialog(), added)

    def action_edit(self) -> None:
        """Edit the selected person (the save names any field someone else changed meanwhile)."""
        from visitation.services import network

        row = self._selected()
        if row is None:
            return
        base = NetworkPerson(row.name, row.relation, row.sector, row.ring, row.valence, row.placement_candidate,
                             row.note)

        def edited(person: object) -> None:
            if isinstance(person, NetworkPerson):
                self.save(lambda: network.update(self.db, row.id, row.version, person, base),
                          f"{person.relation} rettet")
        self.app.push_screen(PersonDialog(base, bool(self.app.privacy)), edited)  # type: ignore[attr-defined]

    def action_remove(self) -> None:
        """Remove the selected person after confirmation."""
        from visitation.services import network

        row = self._selected()
        if row is None:
            return

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.save(lambda: network.remove(self.db, row.id, row.version), f"{row.relation} fjernet")
        self.app.push_screen(ConfirmDialog("Fjern fra netværkskortet?", f"{row.relation} fjernes fra kortet. "
                                           "Tidligere kort (ved beslutninger) bevares.", "Fjern"), confirmed)
