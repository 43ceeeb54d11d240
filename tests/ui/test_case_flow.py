"""The chair takes a case through all six steps with the keyboard alone; the database holds the result."""

from __future__ import annotations

import datetime as dt

from screens.app import make_app
from screens.messages import DecisionRecorded
from tests.ui.helpers import screen_text, settle, type_text
from visitation.services import cases, followups
from visitation.services.db import Db

NOW = dt.datetime(2026, 11, 24, 9, 30, tzinfo=dt.UTC)
CASE, MEETING = "2026-0104", "VM-2026-11-26-OD"  # Odder, step 2, proposal step 3, first on Odder's docket


async def test_chair_takes_a_case_through_all_six_steps(ui_db: Db) -> None:
    before = cases.show(ui_db, CASE)
    messages: list[object] = []
    app = make_app(ui_db, MEETING, clock=False, now=lambda: NOW)
    async with app.run_test(size=(160, 45), message_hook=messages.append) as pilot:
        await settle(pilot)
        await pilot.press("enter")                                       # docket → the first case
        await settle(pilot)
        assert "Sag 2026-0104" in screen_text(app)

        await pilot.press("2")                                           # Børnelinealen
        await settle(pilot)
        await pilot.press("up", "enter", "ctrl+s")                       # from the raters' middle (4) to zone 3, saved
        await settle(pilot)

        await pilot.press("3", "a")                                      # Netværk → add a person
        await settle(pilot)
        await type_text(pilot, "Bodil")
        await pilot.press("tab")
        await type_text(pilot, "moster")
        await pilot.press("ctrl+s")
        await settle(pilot)

        answers = (("dialog", "Dialog alene er ikke nok"), ("konsulent", "Konsulentbistand er afprøvet"))
        for search, reason in answers:
            await pilot.press("4", "a")                                  # Alternativer → add one (step 2 offered first)
            await settle(pilot)
            await type_text(pilot, search)                               # type-ahead, then Enter: on to the reason
            await pilot.press("enter")
            await type_text(pilot, reason)
            await pilot.press("ctrl+s")
            await settle(pilot)

        await pilot.press("5")                                           # Beslutning: proposal and start filled in
        await settle(pilot)
        text = screen_text(app)
        assert "Reglerne er opfyldt" in text, text[text.find("Mangler"):][:600]
        await pilot.press("ctrl+s")                                      # the confirmation with the whole decision
        await settle(pilot)
        assert "Bekræft beslutningen" in screen_text(app)
        await pilot.press("ctrl+s")
        await settle(pilot)
        # the message bubbles from the case screen and is seen at each hop: one message, however often seen
        seen = {id(m): m for m in messages if isinstance(m, DecisionRecorded)}
        [recorded] = [m.recorded for m in seen.values()]
        text = screen_text(app)                                          # the flow moved on to Referat
        assert "6 Referat]" in text

    after = cases.show(ui_db, CASE)
    [decision] = after.decisions
    assert decision.id == recorded.id and decision.step_before == 2 and decision.step == 3
    assert decision.start == dt.date(2026, 11, 26)                       # the meeting's date, pre-filled
    assert [a.zone for a in after.assessments if a.consensus] == [3]
    assert "moster" in [m.relation for m in after.network]
    new = [a for a in after.alternatives if a not in before.alternatives]
    assert len(new) == 2 and all(a.verdict == "rejected" and a.step < 3 for a in new)
    assert [f.due for f in followups.pending(ui_db) if f.case_ref == CASE] == [dt.date(2027, 2, 26)]  # 3 months on
