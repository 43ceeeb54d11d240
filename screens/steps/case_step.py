"""Step 1, Sagen: the child, the reason, the staircase with the current and proposed step, the ICS triangle's
strengths and concerns, history, the path so far."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from screens.messages import CaseBundle
from screens.modals.method_forms import IcsDialog, IcsInput
from screens.steps.base import StepPane
from screens.steps.case_methods import ics_text, prevention_line
from screens.widgets.staircase import Staircase
from visitation import charts
from visitation.domain.decision import OUTCOME_LABELS, Outcome
from visitation.domain.format import day
from visitation.domain.goals import status_label
from visitation.domain.privacy import Privacy, Scrubber


class CaseStep(StepPane):
    """The case at a glance."""

    BINDINGS = [Binding("i", "ics", "ICS-note", id="case.ics", tooltip="En styrke eller bekymring i ICS-trekanten")]

    def compose(self) -> ComposeResult:
        """Facts, staircase, proposal, history."""
        yield Static(id="case-facts", markup=False)
        yield Static("Indsatstrappen", classes="heading")
        yield Staircase(id="case-stairs")
        yield Static(id="case-proposal", markup=False)
        yield Static(id="case-ics", markup=False)
        yield Static(id="case-history", markup=False)
        yield Static(id="case-trajectory", markup=False)
        yield Static(id="case-goals", markup=False)

    def show(self, bundle: CaseBundle, privacy: bool) -> None:
        """Fill in the case."""
        self.bundle = bundle
        c, p = bundle.case, bundle.profile
        facts = [f"Barn: {self.child(privacy)}   Sag {c.ref}   Rådgiver: {c.caseworker or '–'}",
                 f"Skole/dagtilbud: {c.school or '–'}", f"Anledning: {c.reason or '–'}"]
        facts += [f"! {fact}" for fact in c.age_facts]
        facts += [line for line in [prevention_line(c)] if line]
        self.query_one("#case-facts", Static).update("\n".join(facts))
        stairs = self.query_one("#case-stairs", Staircase)
        stairs.labels = tuple(s.label for s in p.steps)
        stairs.current = c.step
        stairs.proposed = c.proposal.step if c.proposal else 0
        if c.proposal:
            labels = [p.intervention(k).label if p.intervention(k) else k for k in c.proposal.interventions]  # type: ignore[union-attr]
            text = (f"Indstilling: trin {c.proposal.step} – {', '.join(labels)}\nFormål: {c.proposal.purpose or '–'}"
                    f"\nForventet varighed: {c.proposal.duration or '–'}\nBegrundelse: {c.proposal.rationale or '–'}")
        else:
            text = "Ingen indstilling registreret."
        self.query_one("#case-proposal", Static).update(text)
        self.query_one("#case-ics", Static).update(ics_text(c, privacy))
        history = [f"{day(d.created_at)}: {OUTCOME_LABELS[Outcome(d.outcome)]}, trin {d.step_before} → {d.step}"
                   + (" (erstattet af en rettelse)" if d.superseded else "") for d in c.decisions]
        self.query_one("#case-history", Static).update(
            "Tidligere beslutninger:\n" + ("\n".join(history) if history else "ingen"))
        self.query_one("#case-trajectory", Static).update(
            "Forløb – trin og fælles zone over tid:\n" + "\n".join(charts.trajectory(c.trajectory, len(p.steps))))
        self.show_goals(bundle, privacy)

    def show_goals(self, bundle: CaseBundle, privacy: bool) -> None:
        """Each goal and sub-goal with its scores 0–10 over time (hidden while the case has none)."""
        c = bundle.case
        scrub = Scrubber.for_case(c, Privacy.SCREEN if privacy else Privacy.INTERNAL)
        lines = [f"{'  – ' if g.parent_id else ''}{scrub(g.text)}  [{status_label(g.status)}]  "
                 f"{charts.score_line(g.scores) or 'ikke scoret endnu'}" for g in c.goals]
        shown = self.query_one("#case-goals", Static)
        shown.display = bool(lines)
        shown.update("Mål og fremskridt (score 0–10 ved hver opfølgning):\n" + "\n".join(lines))

    def action_ics(self) -> None:
        """Note a strength or a concern on a dimension of the ICS triangle."""
        from visitation.services import ics

        case = self.bundle.case.ref if self.bundle else ""

        def noted(note: object) -> None:
            if isinstance(note, IcsInput):
                strength, concern = (note.text, "") if note.kind == "strength" else ("", note.text)
                self.save(lambda: ics.note(self.db, case, note.side, note.dimension, strength, concern),
                          "ICS-note tilføjet")
        if self.bundle is not None:
            self.app.push_screen(IcsDialog(), noted)
