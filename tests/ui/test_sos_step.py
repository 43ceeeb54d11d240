"""The Signs of Safety step: a step of its own for the profiles that use it, filled in with the keyboard alone."""

from __future__ import annotations

import datetime as dt

from textual.widgets import SelectionList

from screens.app import make_app
from screens.modals.export import ExportDialog
from screens.modals.method_forms import ScaleDialog
from tests.ui.helpers import go_to, screen_text, settle, type_text
from visitation.services import cases, sos
from visitation.services.db import Db

NOW = dt.datetime(2026, 12, 8, 9, 30, tzinfo=dt.UTC)
MEETING = "VM-2026-11-25-HJ"
CASE = "2026-0108"  # Hjørring (Signs of Safety), step 4, proposal: a foster family; on VM-2026-11-25-HJ
ODDER = ("2026-0104", "VM-2026-11-26-OD")


def _app(db: Db):  # type: ignore[no-untyped-def]
    return make_app(db, MEETING, clock=False, now=lambda: NOW)


async def _open(pilot, case: str = CASE, meeting: str = MEETING) -> None:  # type: ignore[no-untyped-def]
    await settle(pilot)
    pilot.app.open_case(case, meeting)
    await settle(pilot)


async def test_the_step_is_there_for_signs_of_safety_profiles_and_keys_follow_the_stepper(ui_db: Db) -> None:
    app = _app(ui_db)
    async with app.run_test(size=(160, 45)) as pilot:
        await _open(pilot, *ODDER)                         # Odder: the six steps as before
        text = screen_text(app)
        assert "6 Referat" in text and "Signs of Safety" not in text
        await pilot.press("7")                             # no seventh step: nothing happens
        await settle(pilot)
        assert app.screen.query_one("#panes").current == "sagen"
        await pilot.press("escape")
        await _open(pilot)                                 # Hjørring: seven, Signs of Safety the fourth
        text = screen_text(app)
        assert "3 Netværk › 4 Signs of Safety › 5 Alternativer › 6 Beslutning › 7 Referat" in text
        await pilot.press("3", "ctrl+pagedown")            # walking the steps passes through it
        await settle(pilot)
        assert "[4 Signs of Safety]" in screen_text(app)
        await pilot.press("ctrl+pagedown")
        await settle(pilot)
        assert "[5 Alternativer]" in screen_text(app)
        await pilot.press("6", "e")                        # export belongs to Referat, now step 7
        await settle(pilot)
        assert not isinstance(app.screen, ExportDialog)
        await pilot.press("7", "e")
        await settle(pilot)
        assert isinstance(app.screen, ExportDialog)


async def test_each_kind_is_added_with_the_keyboard_and_names_stay_off_the_wall(ui_db: Db) -> None:
    mother = next(m for m in cases.show(ui_db, CASE).network if m.relation == "mor")
    before = sos.show(ui_db, CASE)                                   # the demo's own mapping
    app = _app(ui_db)
    async with app.run_test(size=(160, 45), notifications=True) as pilot:
        await _open(pilot)
        await go_to(pilot, "sos")
        await pilot.press("a", "enter", "down", "enter", "tab")     # column: Hvad fungerer godt
        await type_text(pilot, "L kommer i vuggestue hver dag")
        await pilot.press("tab", "enter", "down", "enter")          # who: the first on the map (mor)
        await pilot.press("ctrl+s")
        await settle(pilot)
        for key, text in (("f", "Vi er bekymrede for at L bliver passet af en beruset voksen"),
                          ("m", "L er passet af en aedru voksen hver dag i et halvt aar")):
            await pilot.press(key)
            await type_text(pilot, text)
            await pilot.press("ctrl+s")
            await settle(pilot)
        await pilot.press("s", "enter", "down", "enter", "tab", "tab")      # mor rates 4
        await type_text(pilot, "4")
        await pilot.press("ctrl+s")
        await settle(pilot)
        text = screen_text(app)
    view = sos.show(ui_db, CASE)
    added = view.lines[len(before.lines):]
    assert [(line.kind, line.who) for line in added] == [("working", mother.name), ("danger", ""), ("goal", "")]
    rated = view.ratings[len(before.ratings):]
    # rated on the meeting's day
    assert [(r.who, r.score, r.rated_on) for r in rated] == [(mother.name, 4, dt.date(2026, 11, 25))]
    assert "• L kommer i vuggestue hver dag – mor" in text
    assert "Vi er bekymrede for at L bliver passet" in text and "L er passet af en aedru voksen" in text
    assert "0 ├─┼─┼─┼─●─┼─┼─┼─┼─┼─┤ 10   4/10" in text
    assert mother.name not in text                                   # privacy: the relation, never the name


async def test_a_score_outside_0_to_10_is_refused_in_the_dialog_and_nothing_is_saved(ui_db: Db) -> None:
    before = sos.show(ui_db, CASE).ratings
    app = _app(ui_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open(pilot)
        await go_to(pilot, "sos")
        await pilot.press("s", "enter", "down", "enter", "tab", "tab")
        await type_text(pilot, "11")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ScaleDialog)                  # still open, saying why
        assert "Scoren skal være et helt tal fra 0 til 10 (ikke «11»)." in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
    assert sos.show(ui_db, CASE).ratings == before


async def test_a_plan_rule_is_kept_by_people_chosen_from_the_network_map(ui_db: Db) -> None:
    network = cases.show(ui_db, CASE).network
    app = _app(ui_db)
    async with app.run_test(size=(160, 45)) as pilot:
        await _open(pilot)
        await go_to(pilot, "sos")
        await pilot.press("p")
        await type_text(pilot, "Mormor henter L i vuggestuen hver dag kl 15")
        await pilot.press("tab")
        keepers = app.screen.query_one("#keepers", SelectionList)
        assert [str(keepers.get_option_at_index(i).prompt) for i in range(keepers.option_count)] == \
            [m.relation for m in network]                             # the map's people, as the wall names them
        grandmother = [m.relation for m in network].index("mormor")
        await pilot.press(*["down"] * grandmother, "space", "down", "space")
        await pilot.press("ctrl+s")
        await settle(pilot)
        text = screen_text(app)
    [rule] = sos.show(ui_db, CASE).plan
    assert rule.keepers == [network[grandmother].name, network[grandmother + 1].name]
    assert "1. Mormor henter L i vuggestuen hver dag kl 15" in text
    assert f"holdes af: mormor, {network[grandmother + 1].relation}" in text


async def test_a_rule_without_keepers_is_not_saved(ui_db: Db) -> None:
    app = _app(ui_db)
    async with app.run_test(size=(160, 45)) as pilot:
        await _open(pilot)
        await go_to(pilot, "sos")
        await pilot.press("p")
        await type_text(pilot, "Ingen voksne drikker når L er hjemme")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "vælg mindst én fra netværket" in screen_text(app)
    assert sos.show(ui_db, CASE).plan == []
