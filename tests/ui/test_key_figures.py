"""The dashboard draws the present at once, then the history; keys only."""

from __future__ import annotations

from screens.app import make_app
from screens.key_figures import FiguresLoaded
from tests.ui.helpers import screen_text, settle
from visitation.services.db import Db


async def test_the_dashboard_shows_the_present_first_then_everything(ui_db: Db) -> None:
    messages: list[object] = []
    app = make_app(ui_db, "VM-2026-11-24", clock=False)
    async with app.run_test(size=(160, 45), message_hook=messages.append) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        loaded = list({id(m): m for m in messages if isinstance(m, FiguresLoaded)}.values())  # (it bubbles: seen twice)
        assert [m.complete for m in loaded] == [False, True]
        assert loaded[0].figures.children_per_step == loaded[1].figures.children_per_step
        text = screen_text(app)
        assert "Børn pr. trin (14 åbne sager)" in text and "Bevægelser ned ad trappen pr. måned" in text
        assert "Beregner" not in text
        assert "Tid i anbringelse pr. type" in text and "Opfølgningens resultater" in text
        await pilot.press("escape")
        await settle(pilot)
        assert "Visitationsmøde" in screen_text(app)
