"""A placement on the demo docket is decided in the form, with what BL § 46, stk. 3 and § 52 ask of it."""

from __future__ import annotations

import datetime as dt

from screens.app import make_app
from screens.messages import DecisionRecorded
from tests.ui.helpers import go_to, screen_text, settle, type_text
from visitation.services import cases, followups
from visitation.services.db import Db

NOW = dt.datetime(2026, 11, 24, 9, 30, tzinfo=dt.UTC)
CASE = "2026-0106"  # Kerteminde, 11 years, step 3, proposal: a network placement; first on Kerteminde's docket


async def test_bl_46_stk_3_and_bl_52_a_network_placement_is_decided_in_the_form(ui_db: Db) -> None:
    messages: list[object] = []
    app = make_app(ui_db, "VM-2026-11-27-KE", clock=False, now=lambda: NOW)
    async with app.run_test(size=(160, 45), message_hook=messages.append) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await go_to(pilot, "beslutning")
        for _ in range(5):
            await pilot.press("tab")                     # outcome, step, interventions, purpose, duration → start
        await pilot.press("ctrl+u")                      # the meeting's date, pre-filled, replaced
        await type_text(pilot, "2026-12-01")
        await pilot.press("tab")
        await settle(pilot)
        text = screen_text(app)
        assert "Børnefaglig undersøgelse (BL § 46, stk. 3; BL" in text and "Søskende (BL § 52, stk. 3)" in text
        await pilot.press("tab")                         # the running investigation → the completed one
        await type_text(pilot, "2026-11-18")
        for _ in range(9):
            await pilot.press("tab")                     # acute … youth's consent → siblings
        for answer in ("Ingen søskende", "Bliver på Munkebo Skole", "Mormor er godkendt som netværksplejefamilie"):
            await type_text(pilot, answer)
            await pilot.press("tab")
        await settle(pilot)
        text = screen_text(app)
        assert "Reglerne er opfyldt" in text, text[text.find("Mangler"):][:600]
        assert "Barnets plan udarbejdet" in text         # BL § 91, among the follow-ups it creates
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert [m for m in messages if isinstance(m, DecisionRecorded)]

    [decision] = cases.show(ui_db, CASE).decisions
    assert (decision.step, decision.investigation_done, decision.acute) == (4, dt.date(2026, 11, 18), False)
    assert decision.siblings == "Ingen søskende" and decision.foster_assessment.startswith("Mormor")
    kinds = {f.kind for f in followups.pending(ui_db) if f.case_ref == CASE}
    assert {"anbringelse-2-uger", "barnets-plan", "tilsyn"} <= kinds
