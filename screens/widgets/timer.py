"""A per-case timer against its time box, and the meeting clock."""

from __future__ import annotations

import datetime as dt

from textual.reactive import reactive
from textual.widget import Widget


def elapsed_text(started: dt.datetime | None, now: dt.datetime, minutes: int) -> tuple[str, bool]:
    """`12:30 / 20 min` and whether the time box is exceeded."""
    if started is None:
        return f"– / {minutes} min", False
    seconds = max(0, int((now - started).total_seconds()))
    return f"{seconds // 60:02d}:{seconds % 60:02d} / {minutes} min", seconds > minutes * 60


class CaseTimer(Widget):
    """Shows the time spent on the case against its time box; turns red (and says so) when it runs over."""

    DEFAULT_CSS = """
    CaseTimer { height: 1; width: auto; padding: 0 1; }
    CaseTimer.-over { background: $error; color: $text; text-style: bold; }
    """
    started: reactive[dt.datetime | None] = reactive(None)
    """When the case was started (UTC)."""
    minutes: reactive[int] = reactive(20)
    """The case's time box."""

    def __init__(self, now=None, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(**kwargs)
        self.now = now or (lambda: dt.datetime.now(dt.UTC))
        """The clock (fixed in tests)."""

    def on_mount(self) -> None:
        """Tick once a second."""
        self.set_interval(1, self.refresh)

    def render(self) -> str:
        """The elapsed time, with a warning word when over (not colour alone)."""
        text, over = elapsed_text(self.started, self.now(), self.minutes)
        self.set_class(over, "-over")
        return f"⏱ {text}" + (" OVER TID" if over else "")
