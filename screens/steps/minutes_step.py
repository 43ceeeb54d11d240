"""Referat (the last step): this case's minutes exactly as they will be exported (at the wall's privacy level)."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.message import Message
from textual.widgets import Markdown, Static

from screens.messages import CaseBundle
from screens.steps.base import StepPane


class MinutesReady(Message):
    """The case's minutes as Markdown."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text


class MinutesStep(StepPane):
    """The minutes of this case, rendered by the same code as `visitation minutes`."""

    def compose(self) -> ComposeResult:
        """One Markdown view."""
        yield Static("Referatet som det eksporteres. E: eksportér som Word, HTML, Markdown eller JSON.",
                     id="minutes-hint")
        yield Markdown("Referatet indlæses …", id="minutes")

    def show(self, bundle: CaseBundle, privacy: bool) -> None:
        """Build the minutes in a thread."""
        self.bundle = bundle
        self.build(bundle.case.ref, bundle.meeting.ref, "screen" if privacy else "internal")

    @work(thread=True, exclusive=True, exit_on_error=False, group="minutes")
    def build(self, case: str, meeting: str, privacy: str) -> None:
        """Render the case's minutes as Markdown through the minutes package."""
        from visitation.domain.privacy import Privacy
        from visitation.errors import VisitationError
        from visitation.minutes import build, render

        try:
            doc = build(self.db, meeting, Privacy(privacy), case=case, action="read")
            self.post_message(MinutesReady(render(doc, "md").decode("utf-8")))
        except VisitationError as exc:
            self.post_message(MinutesReady(f"Referatet kunne ikke dannes: {exc.message}"))

    @on(MinutesReady)
    def ready(self, message: MinutesReady) -> None:
        """Show the minutes."""
        message.stop()
        self.query_one("#minutes", Markdown).update(message.text)
