"""What every step pane shares: the bundle it shows, privacy-aware labels, running services off the loop."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual import work
from textual.compose import compose
from textual.containers import ScrollableContainer, VerticalScroll
from textual.widget import Widget

from screens.failures import ReportsWorkerFailures
from screens.messages import CaseBundle, CaseChanged
from screens.steps.people import person_label
from visitation.domain.privacy import age_on


class StepPane(ReportsWorkerFailures, VerticalScroll):
    """A pane of the case flow. Subclasses implement `compose` and `show`.

    A pane's widgets are made when it is first shown (`make_widgets`), not with the screen: opening a case pays only
    for the step on the wall (about a fifth of the flow's widgets), each other step on its first visit."""

    bundle: CaseBundle | None = None
    made: bool = False
    """Whether `compose`'s widgets are mounted."""

    async def _compose(self) -> None:
        """Nothing at mount (Textual composes here): see `make_widgets`."""

    async def make_widgets(self) -> None:
        """Mount the pane's widgets, once, before it is first drawn."""
        if not self.made:
            self.made = True
            await self.mount_all(compose(self))
            self.on_made()

    def on_made(self) -> None:
        """Set up what needs the pane's widgets (subclasses)."""

    def show(self, bundle: CaseBundle, privacy: bool) -> None:
        """Render the bundle (names hidden when privacy is on)."""
        raise NotImplementedError

    def focus_first(self) -> None:
        """Focus the pane's first field or table (the pane itself when it has none)."""
        target = next((w for w in self.query("*") if w.focusable and not isinstance(w, ScrollableContainer)), None)
        self.focus_on(target or self)

    def focus_on(self, target: Widget) -> None:
        """Focus a widget and scroll it into view once the layout has settled (the same picture every time)."""
        target.focus(scroll_visible=False)
        self.call_after_refresh(target.scroll_visible, animate=False, immediate=True)

    def child(self, privacy: bool) -> str:
        """The child as the wall may see it."""
        c = self.bundle.case  # type: ignore[union-attr]
        return f"{c.initials}, {c.age} år" if privacy else f"{c.name} ({c.initials}), {c.age} år"

    @property
    def db(self) -> Any:
        """The app's database, as used at the bundle's meeting (a copy); only inside workers."""
        db = self.app.db  # type: ignore[attr-defined]
        return db if self.bundle is None else db.for_meeting(self.bundle.meeting.ref)

    @work(thread=True, exit_on_error=False, group="case-save")
    def save(self, call: Callable[[], object], note: str) -> None:
        """Run one service call in a thread; tell the flow to reload, or say what went wrong."""
        from visitation.errors import VisitationError

        try:
            call()
        except VisitationError as exc:
            self.app.call_from_thread(self.app.notify, exc.message, title="Ikke gemt", severity="error", timeout=10)
            return
        self.post_message(CaseChanged(note))


__all__ = ["StepPane", "person_label", "age_on"]
