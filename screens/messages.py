"""Messages shared across screens: results of thread workers, sent back to the event loop."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from visitation.services.views import MeetingRow


@dataclass
class MeetingLoaded(Message):
    """A meeting (with docket and participants) has been read, or there is none (None)."""

    meeting: MeetingRow | None


@dataclass
class LoadFailed(Message):
    """Reading failed; the text is one line for the user."""

    text: str
