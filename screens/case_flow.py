"""The case flow: six steps with a visible stepper, a key each, loaded and saved through services in threads.

A profile that uses Signs of Safety (`profile.methods.signs_of_safety`) has a seventh, between Netværk and
Alternativer. Every pane is composed, and makes its widgets when first shown; the profile, known once the case
is loaded, decides which are shown, and the number keys follow the stepper."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.events import ScreenResume
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Header, Static

from screens.failures import ReportsWorkerFailures
from screens.messages import (
    CaseBundle,
    CaseChanged,
    CaseLoaded,
    DataChanged,
    DecisionRecorded,
    LoadFailed,
    RulesChecked,
)
from screens.steps.alternatives_step import AlternativesStep
from screens.steps.base import StepPane
from screens.steps.case_step import CaseStep
from screens.steps.decision_rules import prefill, verdict
from screens.steps.decision_step import DecisionStep
from screens.steps.minutes_step import MinutesStep
from screens.steps.network_step import NetworkStep
from screens.steps.ruler_step import RulerStep
from screens.steps.sos_step import SosStep
from screens.widgets.footer import KeyFooter
from screens.widgets.stepper import Stepper
from screens.widgets.timer import CaseTimer

if TYPE_CHECKING:
    from visitation.services.db import Db

STEP_PANES = {"sagen": ("Sagen", CaseStep), "linealen": ("Børnelinealen", RulerStep),
              "netvaerk": ("Netværk", NetworkStep), "sos": ("Signs of Safety", SosStep),
              "alternativer": ("Alternativer", AlternativesStep), "beslutning": ("Beslutning", DecisionStep),
              "referat": ("Referat", MinutesStep)}
"""Every pane of the flow in order: its label on the stepper and its class."""
PANES = tuple(STEP_PANES)
METHOD_PANES = {"sos": "signs_of_safety"}
"""Panes shown only for the profiles whose `methods` name them."""
READ_FIRST = 0.1
"""Seconds the screen's first paint waits for the case's read (started with the screen): the case is drawn once,
with its data, instead of empty and again when the read lands. A slower read lands as a message."""


def read_case(db: Db, meeting_ref: str, case_ref: str) -> CaseLoaded | LoadFailed:
    """Read the case, its profile, the saved form and the rule status (in a thread; the read is logged)."""
    from visitation.errors import VisitationError
    from visitation.services import cases, drafts, meetings

    try:
        meeting = meetings.resolve(db, meeting_ref)
        db = db.for_meeting(meeting.ref)
        case = cases.show(db, case_ref)
        draft = drafts.load(db, case.ref, meeting.ref)
        found = verdict(db, case, prefill(case, meeting.date, draft.fields), meeting.date)
        return CaseLoaded(CaseBundle(case, cases.profile(db, case.ref), meeting, draft, found))
    except VisitationError as exc:
        return LoadFailed(exc.message)


def visible_panes(profile: object | None) -> tuple[str, ...]:
    """The panes a case of this profile goes through (before the case is loaded: the steps every profile has)."""
    methods = getattr(profile, "methods", None)
    return tuple(p for p in PANES if p not in METHOD_PANES or getattr(methods, METHOD_PANES[p], False))


class CaseFlowScreen(ReportsWorkerFailures, Screen[None]):
    """One case at the meeting, step by step."""

    CSS_PATH = "case_flow.tcss"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]
    """Narrow terminals stack what wide ones show side by side (the Signs of Safety columns)."""
    BINDINGS = [
        *[Binding(str(n), f"step({n})", f"Trin {n}", id=f"flow.step{n}", show=False)
          for n in range(1, len(PANES) + 1)],
        # Priority: the panes scroll on ctrl+page keys, but moving between steps must work from anywhere.
        # Not in the footer (F1 lists them): the stepper shows the number keys, the footer keeps room for the step's.
        Binding("ctrl+pagedown", "next", "Næste trin", id="flow.next", priority=True, show=False),
        Binding("ctrl+pageup", "previous", "Forrige trin", id="flow.previous", priority=True, show=False),
        Binding("escape", "back", "Dagsorden", id="flow.back"),
        Binding("e", "export", "Eksportér referat", id="flow.export"),
    ]

    def __init__(self, case: str, meeting: str, started=None, minutes: int = 20) -> None:  # type: ignore[no-untyped-def]
        # The breakpoint class from the start: set after mounting, it would restyle every widget once more.
        width = self.app.size.width
        super().__init__(classes=next(c for w, c in reversed(self.HORIZONTAL_BREAKPOINTS) if width >= w))
        self.case_ref, self.meeting_ref = case, meeting
        self.started, self.minutes = started, minutes
        self.bundle: CaseBundle | None = None
        self.resumed = False
        """Whether the screen has been shown once (see `_on_screen_resume`)."""
        self.stale: set[str] = set()
        """Panes not yet drawn with the bundle and privacy mode as they are now (drawn when shown)."""
        self.shown_panes: tuple[str, ...] = visible_panes(None)
        """The panes of this case's profile, in the stepper's order."""
        app = self.app
        self.first = asyncio.ensure_future(asyncio.to_thread(lambda: read_case(app.db, meeting, case)))  # type: ignore[attr-defined]
        """The case's first read, under way while the screen is composed."""
        self.first.add_done_callback(lambda task: task.cancelled() or task.exception())  # an Esc before it lands

    def compose(self) -> ComposeResult:
        """Header, the case line with privacy and timer, the stepper, every pane, the footer."""
        yield Header(show_clock=self.app.clock)  # type: ignore[attr-defined]
        with Horizontal(id="flow-top"):
            yield Static(id="flow-case", markup=False)
            yield Static(id="flow-privacy")
            yield CaseTimer(now=self.app.now, id="flow-timer")  # type: ignore[attr-defined]
        yield Stepper(id="stepper")
        with ContentSwitcher(initial=PANES[0], id="panes"):
            for pane, (_, cls) in STEP_PANES.items():
                yield cls(id=pane)
        yield KeyFooter()  # Ctrl+P is in F1; the step keys need the room

    def _on_screen_resume(self, event: ScreenResume) -> None:
        """The first resume follows the mount, whose styles are fresh: restyling every widget again (Textual's
        default on each resume) would double the cost of opening a case."""
        if not self.resumed:
            self.resumed = True
            event.refresh_styles = False
        super()._on_screen_resume(event)

    async def on_mount(self) -> None:
        """Start the timer, follow privacy mode, show the case: the first paint waits up to READ_FIRST for the
        first read (uncontended, as the event loop waits), and a read that takes longer lands as a message."""
        timer = self.query_one(CaseTimer)
        timer.started, timer.minutes = self.started, self.minutes
        self.show_indicator(self.app.privacy)  # type: ignore[attr-defined]
        self.watch(self.app, "privacy", self.show_privacy, init=False)  # the panes are drawn as the case lands
        await asyncio.wait({self.first}, timeout=READ_FIRST)
        if self.first.done() and self.first.exception() is None:
            found = self.first.result()
            if isinstance(found, CaseLoaded):
                await self.loaded(found)
            else:
                self.failed(found)
        else:
            self.take_first()

    @work(exclusive=True, exit_on_error=False, group="case")
    async def take_first(self) -> None:
        """The first read, once it lands (a failure: the worker's report)."""
        self.post_message(await self.first)

    @work(thread=True, exclusive=True, exit_on_error=False, group="case")
    def load(self) -> None:
        """Read the case again (after a save, or another writer's change)."""
        self.post_message(read_case(self.app.db, self.meeting_ref, self.case_ref))  # type: ignore[attr-defined]

    @on(CaseLoaded)
    async def loaded(self, message: CaseLoaded) -> None:
        """Show the case in every pane, with the steps of its profile."""
        self.bundle = message.bundle
        self.show_steps(visible_panes(message.bundle.profile))
        await self.render_all()

    def show_steps(self, visible: tuple[str, ...]) -> None:
        """The stepper and the number keys follow the profile's steps; the current step stays where it was."""
        if visible == self.shown_panes:
            return
        here = self.current_pane
        self.shown_panes = visible
        stepper = self.query_one(Stepper)
        stepper.steps = tuple(STEP_PANES[p][0] for p in visible)
        stepper.current = visible.index(here) + 1 if here in visible else 1
        if here not in visible:
            self.query_one("#panes", ContentSwitcher).current = visible[0]  # drawn by `render_all`, which follows
        self.refresh_bindings()

    @property
    def current_pane(self) -> str:
        """The pane shown now."""
        return self.query_one("#panes", ContentSwitcher).current or PANES[0]

    @on(RulesChecked)
    async def rules_checked(self, message: RulesChecked) -> None:
        """The decision form changed: the alternatives step judges against the form's step, with its verdict
        (drawn now if it is on the wall, else when it is shown)."""
        if self.bundle is not None and message.verdict.values:
            self.bundle = replace(self.bundle, verdict=message.verdict)
            self.stale.add("alternativer")
            if self.current_pane == "alternativer":
                await self.draw("alternativer")

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

    @on(DataChanged)
    def data_changed(self, message: DataChanged) -> None:
        """Live: another writer changed this case (or the meeting); read it again. A field being typed in keeps
        its text (the decision form says when the other writer changed the same field)."""
        if message.touches(self.bundle.case.id if self.bundle else None):
            self.load()

    @on(DecisionRecorded)
    async def decided(self, message: DecisionRecorded) -> None:
        """The decision is locked: reload and show its minutes."""
        self.notify(f"Beslutning {message.recorded.id} er gemt og låst.", timeout=5)
        self.load()
        await self.go_to("referat")

    async def render_all(self) -> None:
        """Update the case line and the pane on screen for the current privacy mode; the other panes are drawn
        when they are shown (opening a case and switching steps pay only for what is seen)."""
        if self.bundle is None:
            return
        privacy = self.app.privacy  # type: ignore[attr-defined]
        c = self.bundle.case
        who = f"{c.initials}, {c.age} år" if privacy else f"{c.name}, {c.age} år"
        self.query_one("#flow-case", Static).update(f"Sag {c.ref} · {who} · trin {c.step} · {c.caseworker}")
        self.stale = set(PANES)
        await self.draw(self.current_pane)

    async def draw(self, name: str) -> None:
        """Draw a pane if it is stale (making its widgets on its first visit)."""
        if self.bundle is not None and name in self.stale:
            self.stale.discard(name)
            pane = self.query_one(f"#{name}", StepPane)
            await pane.make_widgets()
            pane.show(self.bundle, self.app.privacy)  # type: ignore[attr-defined]

    async def show_privacy(self, privacy: bool) -> None:
        """The indicator and every pane follow privacy mode."""
        self.show_indicator(privacy)
        await self.render_all()

    def show_indicator(self, privacy: bool) -> None:
        """The privacy indicator beside the case line."""
        indicator = self.query_one("#flow-privacy", Static)
        indicator.update(" PRIVATLIV TIL " if privacy else " PRIVATLIV FRA – navne vises ")
        indicator.set_class(not privacy, "-names")

    async def action_step(self, number: int) -> None:
        """Go to the step the stepper shows as `number` and put the keyboard in it."""
        if 1 <= number <= len(self.shown_panes):
            await self.go_to(self.shown_panes[number - 1])

    async def go_to(self, name: str) -> None:
        """Show a pane by name (one of this profile's) and put the keyboard in it."""
        pane = self.query_one(f"#{name}", StepPane)
        await pane.make_widgets()  # also before the case has landed: the keyboard goes to its first field
        await self.draw(name)
        self.query_one("#panes", ContentSwitcher).current = name
        self.query_one(Stepper).current = self.shown_panes.index(name) + 1
        self.refresh_bindings()
        self.call_after_refresh(lambda: pane.focus_first())

    async def action_next(self) -> None:
        """The next step."""
        await self.action_step(min(len(self.shown_panes), self.query_one(Stepper).current + 1))

    async def action_previous(self) -> None:
        """The previous step."""
        await self.action_step(max(1, self.query_one(Stepper).current - 1))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Export belongs to the Referat step; a number key exists for each step the stepper shows."""
        if action == "export":
            return self.current_pane == "referat" and self.bundle is not None
        if action == "step":
            return bool(parameters) and int(parameters[0]) <= len(self.shown_panes)  # type: ignore[call-overload]
        return True

    def describe_binding(self, binding: Binding) -> str:
        """F1 names the step behind each number key, as the stepper shows it for this case's profile."""
        if binding.action.startswith("step(") and binding.key.isdigit() and int(binding.key) <= len(self.shown_panes):
            return STEP_PANES[self.shown_panes[int(binding.key) - 1]][0]
        return binding.description

    def action_export(self) -> None:
        """This case's minutes to a file."""
        if self.bundle is not None:
            self.app.export_minutes(self.bundle.meeting.ref, self.bundle.case.ref)  # type: ignore[attr-defined]

    def action_back(self) -> None:
        """Back to the docket (everything is already saved)."""
        self.dismiss()
