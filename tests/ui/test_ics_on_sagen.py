"""Sagen shows the ICS triangle's strengths and concerns by side and takes a new one by keyboard; a
Socialstyrelsen case shows its place in the prevention triangle and position × trivsel in one line."""

from __future__ import annotations

from textual.widgets import Select

from screens.app import make_app
from screens.modals.method_forms import IcsDialog
from tests.ui.helpers import screen_text, settle, type_text
from visitation.services import cases, ics
from visitation.services.db import Db

MEETING = "VM-2026-11-26-OD"


async def test_a_concern_is_noted_on_a_dimension_of_the_chosen_side(ui_db: Db) -> None:
    case = "2026-0114"  # Odder, no ICS notes yet: ICS is shown for every profile
    ics.note(ui_db, case, "child", "school", strength="Glad for sin klasselærer")
    app = make_app(ui_db, MEETING, clock=False)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        app.open_case(case, MEETING)
        await settle(pilot)
        assert "Barnets udvikling:\n  + Dagtilbud, skoleforhold og læring: Glad for sin klasselærer" in screen_text(app)
        await pilot.press("i", "enter", "down", "down", "enter")      # side: Familie og netværk
        await settle(pilot)
        assert isinstance(app.screen, IcsDialog)
        dimension = app.screen.query_one("#dimension", Select)
        assert dimension.value == "background"                        # the side's own dimensions
        await pilot.press("tab", "enter", "down", "down", "enter")     # dimension: Socialt netværk
        await pilot.press("tab", "enter", "down", "enter", "tab")      # a concern
        await type_text(pilot, "Familien kender ingen i byen")
        await pilot.press("ctrl+s")
        await settle(pilot)
        text = screen_text(app)
    assert "Familie og netværk:\n  ! Socialt netværk: Familien kender ingen i byen" in text
    notes = [(n.side, n.dimension, n.kind, n.text) for n in cases.show(ui_db, case).ics]
    assert notes[-1] == ("family", "network", "concern", "Familien kender ingen i byen")


async def test_a_note_without_text_is_not_saved(ui_db: Db) -> None:
    app = make_app(ui_db, MEETING, clock=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.open_case("2026-0114", MEETING)
        await settle(pilot)
        await pilot.press("i", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, IcsDialog) and "Skriv styrken eller bekymringen." in screen_text(app)
    assert cases.show(ui_db, "2026-0114").ics == []


async def test_the_prevention_triangle_and_position_x_trivsel_in_one_line(ui_db: Db) -> None:
    ics.classify(ui_db, "2026-0101", prevention="secondary", position="at-risk", wellbeing="not-thriving")
    app = make_app(ui_db, MEETING, clock=False)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        app.open_case("2026-0101", MEETING)
        await settle(pilot)
        text = screen_text(app)
        app.screen.dismiss()
        await settle(pilot)
        app.open_case("2026-0114", MEETING)                            # not set: no line
        await settle(pilot)
        unset = screen_text(app)
    assert "Forebyggelsestrekanten: Sekundær forebyggelse · Potentielt udsat position × Mistrivsel (i målgruppen)" \
        in text
    assert "Forebyggelsestrekanten" not in unset
