"""Step 2, Børnelinealen: the zones in colour, each rater's mark, the consensus, the guidance of its zone."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.widgets import RadioSet, Static

from screens.messages import CaseBundle
from screens.steps.base import StepPane
from screens.widgets.marks import MarkedRadioButton
from screens.widgets.ruler import Mark, Ruler


class RulerStep(StepPane):
    """The ruler, the spread of the raters, and a choice of the team's consensus zone."""

    def compose(self) -> ComposeResult:
        """Ruler, consensus choice, guidance, factors."""
        yield Ruler(id="ruler")
        yield Static("Teamets konsensus (↑/↓ og mellemrum gemmer):", classes="heading")
        yield RadioSet(id="consensus")
        yield Static(id="ruler-guidance", markup=False)
        yield Static(id="ruler-factors", markup=False)

    def show(self, bundle: CaseBundle, privacy: bool) -> None:
        """Fill in the ruler and the guidance of the consensus (or the raters' median) zone."""
        first = self.bundle is None or self.bundle.case.id != bundle.case.id
        self.bundle = bundle
        c, p = bundle.case, bundle.profile
        ruler = self.query_one("#ruler", Ruler)
        ruler.zones = tuple((z.label, z.hex) for z in p.zones)
        ruler.marks = tuple(Mark(a.zone, a.role if privacy else f"{a.role} {a.rater}", a.consensus) for a in c.assessments)
        consensus = [a for a in c.assessments if a.consensus]
        raters = sorted(a.zone for a in c.assessments if not a.consensus)
        zone = consensus[-1].zone if consensus else (raters[len(raters) // 2] if raters else 0)
        if first:
            self._fill_choices(bundle, consensus[-1].zone if consensus else 0)
        if zone:
            z = p.zone(zone)
            self.query_one("#ruler-guidance", Static).update(
                f"{'Konsensus' if consensus else 'Vurderingernes midte'}: zone {z.number} {z.label}\n"
                f"Hvem handler: {z.who_acts}\nHandleanvisning: {z.guidance}")
        spread = f"Spredning: zone {raters[0]}–{raters[-1]}" if raters else "Ingen vurderinger endnu"
        protective = sorted({f for a in c.assessments for f in a.protective})
        risk = sorted({f for a in c.assessments for f in a.risk})
        self.query_one("#ruler-factors", Static).update(
            f"{spread}\nBeskyttelsesfaktorer: {'; '.join(protective) or '–'}\nRisikofaktorer: {'; '.join(risk) or '–'}")

    def _fill_choices(self, bundle: CaseBundle, chosen: int) -> None:
        radios = self.query_one("#consensus", RadioSet)
        radios.remove_children()
        radios.mount_all(MarkedRadioButton(f"{z.number} {z.label}", value=z.number == chosen, name=str(z.number))
                         for z in bundle.profile.zones)

    def focus_first(self) -> None:
        """The consensus choice takes the keyboard."""
        self.focus_on(self.query_one("#consensus", RadioSet))

    @on(RadioSet.Changed, "#consensus")
    def consensus_chosen(self, event: RadioSet.Changed) -> None:
        """Save the team's consensus zone as an assessment of the meeting."""
        if self.bundle is None or event.pressed.name is None:
            return
        zone, case = int(event.pressed.name), self.bundle.case.ref
        current = [a.zone for a in self.bundle.case.assessments if a.consensus]
        if current and current[-1] == zone:
            return
        from visitation.services import assessments

        self.save(lambda: assessments.add(self.db, case, zone=zone, rater="Teamet", role="Visitationsmødet",
                                          consensus=True), f"konsensus zone {zone}")
