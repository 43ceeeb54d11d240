"""Hjørring: a case taken from the Signs of Safety mapping to a safety plan chosen instead of a placement, with
the keyboard alone; the decision keeps the plan's rules and who keeps them."""

from __future__ import annotations

import datetime as dt

from screens.app import make_app
from screens.messages import DecisionRecorded
from screens.modals.confirm import ConfirmDialog
from tests.ui.helpers import go_to, screen_text, settle, tab_to, type_text
from visitation.services import cases
from visitation.services.db import Db

NOW = dt.datetime(2026, 12, 8, 9, 30, tzinfo=dt.UTC)
MEETING = "VM-2026-11-25-HJ"
CASE = "2026-0108"  # Hjørring, 2 years, placed with her grandmother (step 4); proposal: a foster family (step 5)
RULE = "Mormor og morfar henter L hver dag og ringer til raadgiveren hvis mor er paavirket"


async def test_the_team_chooses_a_safety_plan_instead_of_a_placement(ui_db: Db) -> None:
    before = cases.show(ui_db, CASE)
    relations = [m.relation for m in before.network]
    keys = [i.key for i in cases.profile(ui_db, CASE).interventions]
    messages: list[object] = []
    app = make_app(ui_db, MEETING, clock=False, now=lambda: NOW)
    async with app.run_test(size=(160, 45), message_hook=messages.append) as pilot:
        await settle(pilot)
        app.open_case(CASE, MEETING)
        await settle(pilot)

        await go_to(pilot, "sos")                                      # the mapping, then the plan
        await pilot.press("f")
        await type_text(pilot, "Vi er bekymrede for at L passes af en voksen der er paavirket")
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("p")
        await type_text(pilot, RULE)
        await pilot.press("tab", *["down"] * relations.index("mormor"), "space")
        await pilot.press(*["down"] * (relations.index("morfar") - relations.index("mormor")), "space", "ctrl+s")
        await settle(pilot)
        assert "holdes af: mormor, morfar" in screen_text(app)

        await go_to(pilot, "alternativer")                             # the plan is shown as an alternative
        assert "Sagens sikkerhedsplan (Signs of Safety) – et alternativ til anbringelse" in screen_text(app)
        await pilot.press("a", "shift+tab", "enter", "home", "enter")   # a step-1 alternative, rejected
        await settle(pilot)
        await pilot.press("tab", "enter")                              # the step's first intervention → the reason
        await type_text(pilot, "Dialog alene kan ikke passe paa L")
        await pilot.press("ctrl+s")
        await settle(pilot)

        await go_to(pilot, "beslutning")
        text = screen_text(app)                                        # the plan beside the form, and how to choose it
        assert "Sagens sikkerhedsplan:" in text and "Vælg indsatsen «Sikkerhedsplan (Signs of" in text
        await pilot.press("enter", "down", "enter")                    # Godkendt med ændringer
        await tab_to(pilot, "step")
        await pilot.press("enter", "up", "up", "enter")                # step 5 → 3
        await tab_to(pilot, "interventions")
        await pilot.press(*["down"] * keys.index("sikkerhedsplan"), "space")
        await pilot.press(*["down"] * (keys.index("plejefamilie") - keys.index("sikkerhedsplan")), "space")
        await tab_to(pilot, "start")
        await pilot.press("ctrl+u")                                    # the meeting's date, pre-filled, replaced
        await type_text(pilot, "2026-12-15")
        await tab_to(pilot, "return_period_months")                   # L goes home from her grandmother's
        await type_text(pilot, "3")
        await pilot.press("tab")
        await settle(pilot)
        text = screen_text(app)
        assert "✔ Sikkerhedsplanen er valgt" in text
        assert "Reglerne er opfyldt" in text, text[text.find("Mangler"):][:600]
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)                  # the confirmation names the plan's rules
        assert f"Sikkerhedsplan:\n  1. {RULE} (holdes af: mormor, morfar)" in app.screen.body
        await pilot.press("ctrl+s")                                    # confirmed
        await settle(pilot)
        assert [m for m in messages if isinstance(m, DecisionRecorded)]
        assert "[7 Referat]" in screen_text(app)

    [decision] = cases.show(ui_db, CASE).decisions
    assert (decision.step_before, decision.step, decision.interventions) == (4, 3, ["sikkerhedsplan"])
    names = {m.relation: m.name for m in before.network}
    assert decision.safety_plan == f"{RULE} (holdes af: {names['mormor']}, {names['morfar']})"
