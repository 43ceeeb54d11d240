"""Closing the meeting from the palette: a confirmation names the untreated cases; confirmed, they are
postponed and the meeting is closed; going back changes nothing."""

from __future__ import annotations

from screens.app import make_app
from screens.modals.confirm import ConfirmDialog
from tests.ui.helpers import screen_text, settle, type_text
from visitation.services import meetings
from visitation.services.db import Db

MEETING = "VM-2026-11-24"


async def _ask(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("ctrl+p")
    await settle(pilot)
    await type_text(pilot, "Luk mødet")
    for _ in range(20):  # the palette searches in the background
        await pilot.pause(0.1)
        if "Luk mødet VM" in screen_text(pilot.app):
            break
    await pilot.press("down", "enter")
    await settle(pilot)


async def test_closing_names_the_untreated_cases_and_postpones_them_on_confirmation(ui_db: Db) -> None:
    app = make_app(ui_db, MEETING, clock=False)
    async with app.run_test(size=(160, 45), notifications=True) as pilot:
        await settle(pilot)
        await _ask(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        text = screen_text(app)
        assert "Luk mødet VM-2026-11-24?" in text and "2026-0101, 2026-0102, 2026-0103, 2026-0109" in text
        await pilot.press("escape")
        await settle(pilot)
        assert meetings.show(ui_db, MEETING).state != "closed"
        await _ask(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert any(n.title == "Mødet er lukket" for n in app._notifications)
    shown = meetings.show(ui_db, MEETING)
    assert shown.state == "closed" and {d.state for d in shown.docket} == {"postponed"}
