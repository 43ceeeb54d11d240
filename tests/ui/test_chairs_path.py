"""The chair's path on Beslutning and Alternativer (issue 14): one verdict for the rules panel, ctrl+s and the
alternatives step; the proposal pre-fills the form; a refusal puts the keyboard on the first missing field;
ctrl+g goes to a field; the alternative dialog offers the gap's step and filters as one types."""

from __future__ import annotations

import datetime as dt

from textual.widgets import OptionList, Static

from screens.app import make_app
from screens.modals.confirm import ConfirmDialog
from screens.modals.forms import AlternativeDialog
from screens.steps.decision_rules import panel_text, prefill, verdict
from screens.steps.decision_step import DecisionStep
from screens.widgets.filter_list import FilterList
from tests.ui.helpers import go_to, screen_text, settle, type_text
from visitation.services import cases
from visitation.services.db import Db

NOW = dt.datetime(2026, 11, 24, 9, 30, tzinfo=dt.UTC)
MEETING, MEETING_DAY = "VM-2026-11-24", dt.date(2026, 11, 24)
PLACEMENT = "2026-0109"
"""Fourth on the docket: step 3 now, proposed step 5 (forstærket plejefamilie), step 4 not yet considered."""


async def open_fourth(pilot) -> None:  # type: ignore[no-untyped-def]
    """The docket's fourth case (2026-0109)."""
    await settle(pilot)
    await pilot.press("down", "down", "down", "enter")
    await settle(pilot)


def shown(app, selector: str) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one(selector, Static).render())


async def test_panel_shows_the_verdict_of_the_pre_filled_form_and_keeps_it_after_tab(ui_db: Db) -> None:
    app = make_app(ui_db, MEETING, clock=False, now=lambda: NOW)
    async with app.run_test(size=(160, 45)) as pilot:
        await open_fourth(pilot)
        await go_to(pilot, "beslutning")
        step = app.screen.query_one(DecisionStep)
        case = cases.show(ui_db.for_meeting(MEETING), PLACEMENT)
        expected = verdict(ui_db, case, prefill(case, MEETING_DAY, {}), MEETING_DAY)
        assert step.values["step"] == 5 and step.values["interventions"] == ["forstaerket-plejefamilie"]
        assert step.values["start"] == "2026-11-24" and step.values["purpose"].startswith("At V får")
        panel = shown(app, "#decision-rules")
        assert panel == panel_text(expected)
        assert "Formål" not in panel and "varighed" not in panel and "Startdato" not in panel
        assert "vælg mindst én indsats" not in panel
        await pilot.press("tab")
        await settle(pilot)
        assert shown(app, "#decision-rules") == panel                   # a Tab changes nothing


async def test_refusal_focuses_the_first_missing_field_then_the_alternatives(ui_db: Db) -> None:
    app = make_app(ui_db, MEETING, clock=False, now=lambda: NOW)
    async with app.run_test(size=(160, 45)) as pilot:
        await open_fourth(pilot)
        await go_to(pilot, "beslutning")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, ConfirmDialog)
        assert app.focused.id == "investigation_done"                   # the topmost field the rules miss
        await type_text(pilot, "2026-11-01")
        for field, text in (("siblings", "ingen"), ("schooling", "samme skole"), ("foster_assessment", "ja"),
                            ("ruler_reason", "alvorlig")):
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert app.focused.id == field
            await type_text(pilot, text)
        await pilot.press("ctrl+s")                                     # only the alternatives are left: their step
        await settle(pilot)
        assert app.screen.current_pane == "alternativer"
        rules = shown(app, "#alt-rules")
        assert "Mangler for trin 5" in rules and "trin 4 (Anbringelse i slægt eller netværk)" in rules


async def test_alternatives_are_judged_against_the_proposed_step_as_the_form_has_it(ui_db: Db) -> None:
    app = make_app(ui_db, MEETING, clock=False, now=lambda: NOW)
    async with app.run_test(size=(160, 45)) as pilot:
        await open_fourth(pilot)
        await go_to(pilot, "alternativer")
        rules = shown(app, "#alt-rules")
        assert "trin under 3" not in rules                              # not the case's current step
        assert "Mangler for trin 5" in rules and "trin 4" in rules
        await go_to(pilot, "beslutning")
        step = app.screen.query_one(DecisionStep)
        step.query_one("#step").value = 4                               # the meeting lowers the step to 4
        await settle(pilot)
        await go_to(pilot, "alternativer")
        assert "Forslaget er trin 4" in shown(app, "#alt-intro")
        rules = shown(app, "#alt-rules")
        assert rules.startswith("Mangler for trin 4") and "trin 4 (Anbringelse" not in rules
        assert step.shown is not None and step.shown.of_alternatives() == rules.splitlines()[1][2:].split("\n")


async def test_alternative_dialog_offers_the_gap_and_filters_as_one_types(ui_db: Db) -> None:
    app = make_app(ui_db, MEETING, clock=False, now=lambda: NOW)
    async with app.run_test(size=(160, 45)) as pilot:
        await open_fourth(pilot)
        await go_to(pilot, "alternativer")
        await pilot.press("a")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, AlternativeDialog)
        chooser = dialog.query_one(FilterList)
        assert [v for _, v in chooser.shown] == [(4, "netvaerksplejefamilie")]  # step 4 only: the gap
        dialog.query_one("#alt-step").value = 2                         # another step: its interventions
        await settle(pilot)
        assert {v[0] for _, v in chooser.shown} == {2} and len(chooser.shown) > 2
        await type_text(pilot, "slagning")                              # typing filters
        await settle(pilot)
        assert [label for label, _ in chooser.shown] == ["Familierådslagning"]
        assert chooser.query_one(OptionList).option_count == 1
        await pilot.press("enter")                                      # the choice taken: on to the reason
        assert app.focused.id == "reason"
        await type_text(pilot, "Forsøgt i 2025")
        await pilot.press("ctrl+s")
        await settle(pilot)
    added = [a for a in cases.show(ui_db, PLACEMENT).alternatives if a.reason == "Forsøgt i 2025"]
    assert [(a.step, a.intervention, a.verdict) for a in added] == [(2, "familieraadslagning", "rejected")]


async def test_ctrl_g_goes_to_a_field_by_typing_its_name(ui_db: Db) -> None:
    app = make_app(ui_db, MEETING, clock=False, now=lambda: NOW)
    async with app.run_test(size=(160, 45)) as pilot:
        await open_fourth(pilot)
        await go_to(pilot, "beslutning")
        await pilot.press("ctrl+g")
        await settle(pilot)
        first = app.screen.query_one(FilterList).shown[0]
        assert first == ("✘ Undersøgelsen afsluttet (BL § 20; § 46, stk. 3)", "investigation_done")  # missing first
        await type_text(pilot, "begrund")
        await pilot.press("enter")
        await settle(pilot)
        assert app.focused.id == "rationale"
        assert "^g Gå til felt" in screen_text(app)                     # shown in the footer
