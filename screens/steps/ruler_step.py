"""Step 2, Børnelinealen: the zones in colour, each rater's mark, the consensus, the guidance of its zone.

Choosing the team's consensus is two deliberate keys: Enter (or space) marks a zone, Ctrl+S saves it. The
choice starts on the current consensus, else the raters' middle zone, so a first ↓ never lands on zone 1."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import RadioButton, RadioSet, Static

from screens.messages import CaseBundle
from screens.steps.base import StepPane
from screens.widgets.marks import MarkedRadioButton
from screens.widgets.ruler import Mark, Ruler


class RulerStep(StepPane):
    """The ruler, the spread of the raters, and a choice of the team's consensus zone."""

    BINDINGS = [Binding("ctrl+s", "save_consensus", "Gem konsensus", id="ruler.save")]
    filling = False
    """Whether the consensus choice is being replaced (`_fill_choices` is due or running)."""
    focus_when_filled = False
    """The step was entered while its choice was being replaced: the new one takes the keyboard."""

    def compose(self) -> ComposeResult:
        """Ruler, consensus choice, guidance, factors."""
        yield Ruler(id="ruler")
        yield Static("Teamets konsensus (↑/↓, Enter vælger, Ctrl+S gemmer):", classes="heading", id="consensus-heading")
        yield RadioSet(id="consensus")
        yield Static(id="ruler-choice", markup=False)
        yield Static(id="ruler-guidance", markup=False)
        yield Static(id="ruler-factors", markup=False)

    def show(self, bundle: CaseBundle, privacy: bool) -> None:
        """Fill in the ruler and the guidance of the consensus (or the raters' median) zone."""
        first = self.bundle is None or self.bundle.case.id != bundle.case.id
        self.bundle = bundle
        c, p = bundle.case, bundle.profile
        consensus = [a for a in c.assessments if a.consensus]
        newest = consensus[-1] if consensus else None  # a replaced consensus is history, not a second marker
        ruler = self.query_one("#ruler", Ruler)
        ruler.zones = tuple((z.label, z.hex) for z in p.zones)
        ruler.marks = tuple(Mark(a.zone, a.role if privacy else f"{a.role} {a.rater}", a.consensus)
                            for a in c.assessments if not a.consensus or a is newest)
        raters = sorted(a.zone for a in c.assessments if not a.consensus)
        middle = raters[len(raters) // 2] if raters else 0
        zone = newest.zone if newest else middle
        if first:
            self.filling = True
            self.call_later(self._fill_choices, bundle, newest.zone if newest else 0, zone or 1)
        self._show_choice()
        if zone:
            z = p.zone(zone)
            self.query_one("#ruler-guidance", Static).update(
                f"{'Konsensus' if newest else 'Vurderingernes midte'}: zone {z.number} {z.label}\n"
                f"Hvem handler: {z.who_acts}\nHandleanvisning: {z.guidance}")
        spread = f"Spredning: zone {raters[0]}–{raters[-1]}" if raters else "Ingen vurderinger endnu"
        protective = sorted({f for a in c.assessments for f in a.protective})
        risk = sorted({f for a in c.assessments for f in a.risk})
        self.query_one("#ruler-factors", Static).update(
            f"{spread}\nBeskyttelsesfaktorer: {'; '.join(protective) or '–'}\nRisikofaktorer: {'; '.join(risk) or '–'}")

    async def _fill_choices(self, bundle: CaseBundle, agreed: int, start: int) -> None:
        """A fresh set, one button per zone, the agreed one on; the keyboard starts at `start` (the consensus or
        the raters' middle). A new RadioSet, so it knows which button is on."""
        buttons = [MarkedRadioButton(f"{z.number} {z.label}", value=z.number == agreed, name=str(z.number))
                   for z in bundle.profile.zones]
        old = self.query_one("#consensus", RadioSet)
        had_focus = old.has_focus
        await old.remove()
        radios = RadioSet(*buttons, id="consensus")
        await self.mount(radios, after="#consensus-heading")
        zones = [z.number for z in bundle.profile.zones]
        radios._selected = zones.index(start) if start in zones else 0  # Textual keeps the highlight here
        self.filling = False
        if had_focus or self.focus_when_filled:
            self.focus_when_filled = False
            self.focus_on(radios)

    def focus_first(self) -> None:
        """The consensus choice takes the keyboard (once it is there, if it is being replaced now)."""
        found = self.query("#consensus")
        if found and not self.filling:
            self.focus_on(found.first())
        else:
            self.focus_when_filled = True

    def _agreed(self) -> int | None:
        found = [a.zone for a in self.bundle.case.assessments if a.consensus] if self.bundle else []
        return found[-1] if found else None

    def _marked(self) -> int | None:
        """The zone marked and not yet saved, read from the buttons themselves (a quick Ctrl+S right after Enter
        must not wait for the radio set's messages): the one on besides the saved consensus."""
        agreed, radios = self._agreed(), self.query("#consensus")
        if not radios:  # the step is drawn when first shown
            return None
        on = [int(b.name) for b in radios.first(RadioSet).query(RadioButton) if b.value and b.name]
        return next((zone for zone in reversed(on) if zone != agreed), None)

    def _show_choice(self) -> None:
        line = self.query_one("#ruler-choice", Static)
        marked = self._marked()
        pending = marked is not None
        line.update(f"Zone {marked} er valgt, ikke gemt – Ctrl+S gemmer den som teamets konsensus." if pending else "")
        line.display = pending
        self.refresh_bindings()

    @on(RadioSet.Changed, "#consensus")
    def consensus_marked(self, event: RadioSet.Changed) -> None:
        """A zone is marked; nothing is saved until Ctrl+S."""
        if self.bundle is not None:
            self._show_choice()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Ctrl+S is offered while a marked zone differs from the saved consensus."""
        if action == "save_consensus":
            return self.bundle is not None and self._marked() is not None
        return True

    def action_save_consensus(self) -> None:
        """Save the marked zone as the team's consensus (an assessment of the meeting)."""
        zone = self._marked() if self.bundle is not None else None
        if zone is None:
            return
        from visitation.services import assessments

        case = self.bundle.case.ref  # type: ignore[union-attr]
        self.save(lambda: assessments.add(self.db, case, zone=zone, rater="Teamet", role="Visitationsmødet",
                                          consensus=True), f"konsensus zone {zone}")
