"""Beslutning warns on the wall when the chosen step lies outside the ruler's range for the case's zone: a
warning, not a block; the reason is written in the form and the warning stays, now without asking."""

from __future__ import annotations

import datetime as dt

from screens.app import make_app
from tests.ui.helpers import go_to, screen_text, settle, tab_to, type_text
from visitation.services import drafts
from visitation.services.db import Db

NOW = dt.datetime(2026, 12, 8, 9, 30, tzinfo=dt.UTC)
MEETING = "VM-2026-11-25-HJ"
CASE = "2026-0111"  # Hjørring: zone 3 (the newest mark), proposal: a boarding school (step 6)
WARNING = "⚠ Linealen: zone 3 (Sårbar – bekymring) peger normalt på trin 2–3; trin 6 er valgt"


async def test_the_warning_asks_for_the_reason_and_stays_once_it_is_written(ui_db: Db) -> None:
    app = make_app(ui_db, MEETING, clock=False, now=lambda: NOW)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        app.open_case(CASE, MEETING)
        await settle(pilot)
        await go_to(pilot, "beslutning")
        text = screen_text(app)
        assert f"{WARNING} – skriv hvorfor i feltet «Hvorfor et trin uden for linealens retning»." in text
        assert "• Linealens retning (Hjørring)" in text                 # the rules ask for the reason
        await tab_to(pilot, "ruler_reason")
        await type_text(pilot, "Konflikterne hjemme er eskaleret; et skoleaar paa efterskole giver ro")
        await pilot.press("shift+tab")                                   # leaving the field saves it
        await settle(pilot)
        text = screen_text(app)
        assert f"{WARNING} – begrundelsen er skrevet." in text           # still on the wall
        assert "skriv hvorfor" not in text and "Linealens retning" not in text
    assert drafts.load(ui_db, CASE, MEETING).fields["ruler_reason"].startswith("Konflikterne hjemme")


async def test_a_step_inside_the_range_has_no_warning(ui_db: Db) -> None:
    app = make_app(ui_db, MEETING, clock=False, now=lambda: NOW)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.open_case(CASE, MEETING)
        await settle(pilot)
        await go_to(pilot, "beslutning")
        assert "⚠ Linealen" in screen_text(app)
        await tab_to(pilot, "step")
        await pilot.press("enter", "up", "up", "up", "enter")            # step 6 → 3
        await pilot.press("tab")
        await settle(pilot)
        assert "⚠ Linealen" not in screen_text(app)
