"""The case flow: six steps with a visible stepper, a key each, loaded and saved through services in threads."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Footer, Header, Static

from screens.failures import ReportsWorkerFailures
from screens.messages import CaseBundle, CaseChanged, CaseLoaded, DecisionRecorded, LoadFailed
from screens.steps.alternatives_step import AlternativesStep
from screens.steps.base import StepPane
from screens.steps.case_step import CaseStep
from screens.steps.decision_step import DecisionStep
from screens.steps.minutes_step import MinutesStep
from screens.steps.network_step import NetworkStep
from screens.steps.ruler_step import RulerStep
from screens.widgets.stepper import STEPS, Stepper
from screens.widgets.timer import CaseTimer

PANES = ("sagen", "linealen", "netvaerk", "alternativer", "beslutning", "referat")


class CaseFlowScreen(ReportsWorkerFailures, Screen[None]):
    """One case at the meeting, step by step."""

    CSS_PATH = "case_flow.tcss"
    BINDINGS = [
        *[Binding(str(n), f"step({n})", label, id=f"flow.step{n}", show=False) for n, label in enumerate(STEPS, 1)],
        # Priority: the panes scroll on ctrl+page keys, but moving between steps must work from anywhere.
        Binding("ctrl+pagedown", "next", "Næste trin", id="flow.next", priority=True),
        Binding("ctrl+pageup", "previous", "Forrige trin", id="flow.previous", priority=True),
        Binding("escape", "back", "Dagsorden", id="flow.back"),
        Binding("e", "export", "Eksportér referat", id="flow.export"),
    ]

    def __init__(self, case: str, meeting: str, started=None, minutes: int = 20) -> None:  # type: ignore[no-untyped-def]
        super().__init__()
        self.case_ref, self.meeting_ref = case, meeting
        self.started, self.minutes = started, minutes
        self.bundle: CaseBundle | None = None

    def compose(self) -> ComposeResult:
        """Header, the case line with privacy and timer, the stepper, the six panes, the footer."""
        yield Header(show_clock=self.app.clock)  # type: ignore[attr-defined]
        with Horizontal(id="flow-top"):
            yield Static(id="flow-case", markup=False)
            yield Static(id="flow-privacy")
            yield CaseTimer(now=self.app.now, id="flow-timer")  # type: ignore[attr-defined]
        yield Stepper(id="stepper")
        with ContentSwitcher(initial=PANES[0], id="panes"):
            for pane, cls in zip(PANES, (CaseStep, RulerStep, NetworkStep, AlternativesStep, DecisionStep, MinutesStep),
                                 strict=True):
                yield cls(id=pane)
        yield Footer()

    def on_mount(self) -> None:
        """Start the timer, follow privacy mode, load the case."""
        timer = self.query_one(CaseTimer)
        timer.started, timer.minutes = self.started, self.minutes
        self.watch(self.app, "privacy", self.show_privacy)
        self.load()

    @work(thread=True, exclusive=True, exit_on_error=False, group="case")
    def load(self) -> None:
        """Read the case, its profile, the saved form and the rule status."""
        from visitation.domain.decision import draft_from_fields
        from visitation.errors import VisitationError
        from visitation.services import cases, decisions, drafts, meetings

        try:
            meeting = meetings.resolve(self.app.db, self.meeting_ref)  # type: ignore[attr-defined]
            db = self.app.db.for_meeting(meeting.ref)  # type: ignore[attr-defined]
            case = cases.show(db, self.case_ref)
            draft = drafts.load(db, case.ref, meeting.ref)
            preview = decisions.preview(db, case.ref, draft_from_fields(draft.fields, case.step), meeting.date)
            self.post_message(CaseLoaded(CaseBundle(case, cases.profile(db, case.ref), meeting, draft, preview)))
        except VisitationError as exc:
            self.post_message(LoadFailed(exc.message))

    @on(CaseLoaded)
    def loaded(self, message: CaseLoaded) -> None:
        """Show the case in every pane."""
        self.bundle = message.bundle
        self.render_all()

    @on(LoadFailed)
    def failed(self, message: LoadFailed) -> None:
        """One line, then back to the docket."""
        self.notify(message.text, title="Sagen kunne ikke åbnes", severity="error")

    @on(CaseChanged)
    def changed(self, message: CaseChanged) -> None:
        """Something was saved: say so and reload."""
        if message.note:
            self.notify(f"Gemt: {message.note}", timeout=3)
        self.load()

    @on(DecisionRecorded)
    def decided(self, message: DecisionRecorded) -> None:
        """The decision is locked: reload and show its minutes."""
        self.notify(f"Beslutning {message.recorded.id} er gemt og låst.", timeout=5)
        self.load()
        self.action_step(6)

    def render_all(self) -> None:
        """Update the case line and every pane for the current privacy mode."""
        if self.bundle is None:
            return
        privacy = self.app.privacy  # type: ignore[attr-defined]
        c = self.bundle.case
        who = f"{c.initials}, {c.age} år" if privacy else f"{c.name}, {c.age} år"
        self.query_one("#flow-case", Static).update(f"Sag {c.ref} · {who} · trin {c.step} · {c.caseworker}")
        for pane in self.query(StepPane):
            pane.show(self.bundle, privacy)

    def show_privacy(self, privacy: bool) -> None:
        """The indicator and every pane follow privacy mode."""
        indicator = self.query_one("#flow-privacy", Static)
        indicator.update(" PRIVATLIV TIL " if privacy else " PRIVATLIV FRA – navne vises ")
        indicator.set_class(not privacy, "-names")
        self.render_all()

    def action_step(self, number: int) -> None:
        """Go to step 1–6 and put the keyboard in it."""
        self.query_one("#panes", ContentSwitcher).current = PANES[number - 1]
        self.query_one(Stepper).current = number
        self.refresh_bindings()
        pane = self.query_one(f"#{PANES[number - 1]}", StepPane)
        self.call_after_refresh(lambda: pane.focus_first())

    def action_next(self) -> None:
        """The next step."""
        self.action_step(min(6, self.query_one(Stepper).current + 1))

    def action_previous(self) -> None:
        """The previous step."""
        self.action_step(max(1, self.query_one(Stepper).current - 1))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Export belongs to the Referat step."""
        if action == "export":
            return self.query_one(Stepper).current == 6 and self.bundle is not None
        return True

    def action_export(self) -> None:
        """This case's minutes to a file."""
        if self.bundle is not None:
            self.app.export_minutes(self.bundle.meeting.ref, self.bundle.case.ref)  # type: ignore[attr-defined]

    def action_back(self) -> None:
        """Back to the docket (everything is already saved)."""
        self.dismiss()
