"""Driving the app as the chair does: keys only, then waiting for the workers (never sleeping)."""

from __future__ import annotations

import html
import re

from textual.pilot import Pilot

KEYS = {" ": "space", "-": "minus", ".": "full_stop", ",": "comma", ";": "semicolon", "/": "slash",
        "_": "underscore"}


async def settle(pilot: Pilot) -> None:
    """Let every worker finish and the screen catch up (results may start more work). Cursors stop blinking
    (shown steadily), so a screenshot never depends on where in its half-second blink the cursor was."""
    for _ in range(4):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
    for field in pilot.app.screen.query("Input, TextArea"):
        field.cursor_blink = False  # type: ignore[attr-defined]
    await pilot.pause()


async def type_text(pilot: Pilot, text: str) -> None:
    """Type text key by key."""
    await pilot.press(*[KEYS.get(ch, ch) for ch in text])


def screen_text(app) -> str:  # type: ignore[no-untyped-def]
    """Every character the terminal shows now, taken from the rendered screenshot, line by line."""
    svg = app.export_screenshot()
    return html.unescape("".join(re.findall(r"<text[^>]*>([^<]*)</text>", svg))).replace("\xa0", " ")


async def go_to(pilot: Pilot, pane: str) -> None:
    """Go to a step of the open case by its pane (sagen, linealen, netvaerk, sos, alternativer, beslutning,
    referat), pressing the number key the stepper shows for it (Signs of Safety profiles have one step more)."""
    await pilot.press(str(pilot.app.screen.shown_panes.index(pane) + 1))  # type: ignore[attr-defined]
    await settle(pilot)


async def open_case(pilot: Pilot, pane: str | None = None) -> None:
    """From the docket: Enter on the case under the cursor (the first), then a step by its pane, if given."""
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    if pane:
        await go_to(pilot, pane)


async def tab_to(pilot: Pilot, field: str, limit: int = 40) -> None:
    """Press Tab until the field with this id has the keyboard (as the chair would)."""
    for _ in range(limit):
        if getattr(pilot.app.focused, "id", None) == field:
            return
        await pilot.press("tab")
    raise AssertionError(f"Tab never reached #{field}")
