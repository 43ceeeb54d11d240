"""The footer drawn as one line: it follows the focused step's keys, a click on a key presses it, and a key that
does nothing now is drawn but not pressed."""

from __future__ import annotations

from screens.app import make_app
from screens.widgets.footer import KeyFooter
from tests.ui.helpers import go_to, open_case, screen_text, settle
from visitation.services.db import Db

MEETING = "VM-2026-11-24"


def footer_line(app) -> str:  # type: ignore[no-untyped-def]
    """The footer's text as drawn."""
    return str(app.screen.query_one(KeyFooter).render())


async def test_the_footer_follows_the_step_and_its_keys(ui_db: Db) -> None:
    app = make_app(ui_db, MEETING, clock=False)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        docket = footer_line(app)
        assert "u Udsæt" in docket and "F1 Hjælp" in docket
        await pilot.press("enter")
        await settle(pilot)
        case = footer_line(app)
        assert "esc Dagsorden" in case and "Udsæt" not in case
        await go_to(pilot, "netvaerk")
        assert "a Tilføj person" in footer_line(app)       # the focused step's keys
        await go_to(pilot, "linealen")
        assert "Tilføj person" not in footer_line(app) and "Gem konsensus" not in footer_line(app)
        await pilot.press("down", "enter")                   # a zone marked: Ctrl+S is offered
        await settle(pilot)
        assert "^s Gem konsensus" in footer_line(app)
        drawn = screen_text(app).splitlines()[-1]            # what `render` gives is what the terminal shows
        assert drawn.replace(" ", "") == footer_line(app).replace(" ", "")


async def test_a_click_on_a_key_presses_it(ui_db: Db) -> None:
    app = make_app(ui_db, MEETING, clock=False)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        line = footer_line(app)
        await pilot.click(KeyFooter, offset=(line.index("F1 Hjælp") + 1, 0))
        await settle(pilot)
        assert type(app.screen).__name__ == "HelpDialog", type(app.screen).__name__
        await pilot.press("escape")
        await settle(pilot)
        between = line.index("F1 Hjælp") - 1                 # the space before a key presses nothing
        screen = app.screen
        await pilot.click(KeyFooter, offset=(between, 0))
        await settle(pilot)
        assert app.screen is screen


async def test_at_80_columns_every_key_stays_on_the_line(ui_db: Db) -> None:
    """A step with many keys: descriptions give way from the right (the app's keys), never a key."""
    app = make_app(ui_db, MEETING, clock=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_case(pilot, "netvaerk")
        line = footer_line(app).rstrip()
        assert len(line) <= 80, line
        assert line.startswith("a Tilføj person e Ret person x Fjern person m Sammenlign møder"), line
        assert line.endswith("esc ^q F1 F2 F3"), line
    async with make_app(ui_db, MEETING, clock=False).run_test(size=(160, 45)) as pilot:
        await open_case(pilot, "netvaerk")
        assert footer_line(pilot.app).rstrip().endswith("^q Afslut F1 Hjælp F2 Navne F3 Tema")  # room: all named
