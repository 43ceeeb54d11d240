"""Alternativer: the staircase from the lowest step up, what was considered on each, the rule status, and the
case's safety plan (Signs of Safety) where it has one: an alternative to placement."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static

from screens.messages import CaseBundle
from screens.modals.forms import AlternativeDialog
from screens.steps.base import StepPane
from screens.steps.decision_text import plan_rules
from screens.widgets.table import Table
from visitation.domain.decision import VERDICT_LABELS, AlternativeDraft, Verdict


class AlternativesStep(StepPane):
    """Alternatives per step below the proposal, and what the rules still miss."""

    BINDINGS = [Binding("a", "add", "Tilføj alternativ", id="alternatives.add"),
                Binding("e", "edit", "Ret alternativ", id="alternatives.edit")]

    def compose(self) -> ComposeResult:
        """Table and rule status."""
        yield Static(id="alt-intro", markup=False)
        yield Table(id="alt-table", cursor_type="row", zebra_stripes=True)
        yield Static(id="alt-rules", markup=False)
        yield Static(id="alt-plan", markup=False)

    def columns(self) -> None:
        """Columns fitted to the width: the reasons get what is left and wrap onto more lines (a row is as high
        as its reason), so no reason is cut off at 80 columns or at 160."""
        table = self.query_one("#alt-table", DataTable)
        inner = max(60, (self.size.width or self.app.size.width) - 4) - 2 * 4 * table.cell_padding
        offer = min(34, int((inner - 14) * 0.4))
        table.clear(columns=True)
        for label, width in (("Trin", 4), ("Indsats", offer), ("Vurdering", 10), ("Begrundelse", inner - 14 - offer)):
            table.add_column(label, width=width)

    def on_resize(self) -> None:
        """Fit the columns again (the rows are drawn anew with them)."""
        if self.bundle is not None:
            self.show(self.bundle, self.app.privacy)  # type: ignore[attr-defined]

    def show(self, bundle: CaseBundle, privacy: bool) -> None:
        """List the steps from the lowest up with what was considered on each."""
        self.bundle = bundle
        c, p = bundle.case, bundle.profile
        target = self._target()
        self.query_one("#alt-intro", Static).update(
            f"Forslaget er trin {target}. Mindst indgribende først: afdæk trinene nedenfor." if target > 1
            else "Forslaget ligger på første trin; der er ingen lavere trin at afdække.")
        table = self.query_one("#alt-table", DataTable)
        cursor = table.cursor_row
        self.columns()
        for step in p.steps:
            if step.number >= max(target, 2):
                break
            rows = [a for a in c.alternatives if a.step == step.number]
            if not rows:
                table.add_row(str(step.number), f"{step.label}: ikke afdækket", "", "", key=f"empty-{step.number}",
                              height=None)
            for a in rows:
                label = p.intervention(a.intervention).label if p.intervention(a.intervention) else a.intervention  # type: ignore[union-attr]
                table.add_row(str(step.number), label, VERDICT_LABELS.get(Verdict(a.verdict), a.verdict),
                              a.reason, key=str(a.id), height=None)
        table.move_cursor(row=max(0, min(cursor, table.row_count - 1)))
        rules = bundle.verdict.of_alternatives()
        self.query_one("#alt-rules", Static).update(
            f"Reglerne er opfyldt for alternativerne til trin {target}." if not rules else
            f"Mangler for trin {target}:\n" + "\n".join(f"• {v}" for v in rules))
        plan = self.query_one("#alt-plan", Static)
        plan.display = bool(c.sos.plan)
        plan.update("\n".join(["Sagens sikkerhedsplan (Signs of Safety) – et alternativ til anbringelse:",
                               *plan_rules(bundle, privacy)]))

    def _target(self) -> int:
        """The proposed step: the decision form's (the caseworker's proposal until the meeting changes it)."""
        return self.bundle.verdict.step if self.bundle else 1

    def _options(self) -> list[tuple[str, tuple[int, str]]]:
        p = self.bundle.profile  # type: ignore[union-attr]
        top = max(self._target(), 2)
        return [(f"{i.step} – {i.label}", (i.step, i.key)) for i in p.interventions if i.step < top]

    def action_add(self, step: int | None = None) -> None:
        """Record an alternative considered: on `step` (`e` on a row not yet considered), else on the gap."""
        from visitation.services import alternatives

        case = self.bundle.case.ref if self.bundle else ""

        def added(alt: object) -> None:
            if isinstance(alt, AlternativeDraft):
                self.save(lambda: alternatives.add(self.db, case, alt), "alternativ tilføjet")
        self.app.push_screen(AlternativeDialog(self._options(), step=step or self._gap()), added)

    def _gap(self) -> int | None:
        """The highest step below the proposal not yet considered (None: every step has a row; the dialog then
        offers the highest)."""
        table = self.query_one("#alt-table", DataTable)
        empty = [int(str(k.value).removeprefix("empty-")) for k in table.rows if str(k.value).startswith("empty-")]
        return max(empty, default=None)

    def action_edit(self) -> None:
        """Edit the selected alternative."""
        from visitation.services import alternatives

        table = self.query_one("#alt-table", DataTable)
        if self.bundle is None or table.row_count == 0:
            return
        key = str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
        row = next((a for a in self.bundle.case.alternatives if str(a.id) == key), None)
        if row is None:
            self.action_add(int(key.removeprefix("empty-")) if key.startswith("empty-") else None)
            return
        base = AlternativeDraft(row.step, row.intervention, Verdict(row.verdict), row.reason)

        def edited(alt: object) -> None:
            if isinstance(alt, AlternativeDraft):
                self.save(lambda: alternatives.update(self.db, row.id, row.version, alt, base), "alternativ rettet")
        self.app.push_screen(AlternativeDialog(self._options(), base), edited)
