"""The decision form's BL § 20 field: a running børnefaglig undersøgelse adds its 4-month follow-up."""

from __future__ import annotations

import datetime as dt

from screens.app import make_app
from tests.ui.helpers import screen_text, settle, type_text
from visitation.services.db import Db

NOW = dt.datetime(2026, 11, 24, 9, 30, tzinfo=dt.UTC)


def _shown(app, selector: str) -> str:  # type: ignore[no-untyped-def]
    """The text a Static shows, unwrapped."""
    return str(app.screen.query_one(selector).render())


async def test_an_investigation_date_adds_its_follow_up_and_a_bad_one_is_named(ui_db: Db) -> None:
    app = make_app(ui_db, "VM-2026-11-26-OD", clock=False, now=lambda: NOW)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("enter", "5")                                  # 2026-0104 → Beslutning
        await settle(pilot)
        for _ in range(6):
            await pilot.press("tab")                                     # … start → the BL § 20 field
        await type_text(pilot, "2026-13-02")
        await pilot.press("tab")
        await settle(pilot)
        assert "Børnefaglig undersøgelse i gang siden: «2026-13-02» er ikke en dato" in _shown(app, "#decision-rules")

        await pilot.press("shift+tab", "end", *["backspace"] * 10)
        await type_text(pilot, "2026-11-02")
        await pilot.press("tab")
        await settle(pilot)
        assert "er ikke en dato" not in _shown(app, "#decision-rules")
        assert "02.03.2027  Børnefaglig undersøgelse afsluttet" in _shown(app, "#decision-followups")  # 4 months on
        assert "2026-11-02" in screen_text(app)
