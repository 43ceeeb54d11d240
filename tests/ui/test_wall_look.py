"""The wall (issue 14, look and feel): visible focus, digits stay in text fields, the Danish palette, F2 asks,
privacy in the person dialog, F3 names the theme, the private export folder, and 80×24."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from textual.command import CommandList, CommandPalette
from textual.widgets import Input

from screens.app import export_folder, make_app
from screens.modals.confirm import ConfirmDialog
from screens.modals.export import ExportDialog
from screens.modals.forms import PersonDialog
from screens.widgets.stepper import Stepper
from tests.ui.helpers import open_case, screen_text, settle, tab_to, type_text
from visitation.services import cases
from visitation.services.db import Db

MEETING = "VM-2026-12-08"
CASE = "2026-0109"


def edge(widget) -> str:  # type: ignore[no-untyped-def]
    """The colour of a widget's top edge as drawn now."""
    return widget.styles.border_top[1].hex.upper()


@pytest.mark.parametrize("presses", [0, 1, 2], ids=["projektor", "mørk", "lys"])
async def test_the_focused_field_is_drawn_in_the_accent_after_tab(ui_db: Db, presses: int) -> None:
    app = make_app(ui_db, MEETING, clock=False)
    async with app.run_test(size=(160, 45)) as pilot:
        for _ in range(presses):
            await pilot.press("f3")
        await open_case(pilot, "beslutning")
        await tab_to(pilot, "purpose")
        await pilot.pause()
        variables = app.theme_variables
        purpose, duration = app.screen.query_one("#purpose"), app.screen.query_one("#duration")
        assert edge(purpose) == variables["border"].upper()          # the field with the keyboard: the accent
        assert edge(duration) == variables["border-blurred"].upper()  # the others: a visible edge of their own
        assert edge(purpose) != edge(duration)
        await pilot.press("tab")
        await pilot.pause()
        assert edge(app.screen.query_one("#duration")) == variables["border"].upper()
        assert edge(app.screen.query_one("#purpose")) == variables["border-blurred"].upper()


async def test_a_digit_typed_in_a_text_field_stays_there_and_the_step_stays(ui_db: Db) -> None:
    app = make_app(ui_db, MEETING, clock=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_case(pilot, "beslutning")
        here = app.screen.query_one(Stepper).current
        await tab_to(pilot, "purpose")
        before = app.focused.text  # type: ignore[union-attr]
        await type_text(pilot, " 4 2")
        await pilot.press("tab")
        await settle(pilot)
        assert app.screen.query_one(Stepper).current == here
        assert app.screen.current_pane == "beslutning"  # type: ignore[attr-defined]
        assert app.screen.query_one("#purpose").text == before + " 4 2"  # type: ignore[attr-defined]
        await tab_to(pilot, "duration")  # an Input too
        await pilot.press("end", "3")
        await settle(pilot)
        assert app.screen.current_pane == "beslutning"  # type: ignore[attr-defined]
        assert app.screen.query_one("#duration", Input).value.endswith("3")


async def palette_options(pilot, query: str) -> list[str]:  # type: ignore[no-untyped-def]
    """Open the palette, type, and read what it offers."""
    await pilot.press("ctrl+p")
    await settle(pilot)
    assert CommandPalette.is_open(pilot.app)
    await type_text(pilot, query)
    options: list[str] = []
    for _ in range(40):
        await pilot.pause(0.05)
        command_list = pilot.app.screen.query_one(CommandList)
        options = [str(command_list.get_option_at_index(i).prompt) for i in range(command_list.option_count)]
        if options and "No matches" not in options[0]:
            break
    return options


async def test_the_palette_finds_a_case_by_reference_and_opens_it(ui_db: Db) -> None:
    app = make_app(ui_db, MEETING, clock=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        options = await palette_options(pilot, "0109")
        assert any(f"Sag {CASE}" in o for o in options), options
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.case_ref == CASE  # type: ignore[attr-defined]


async def test_the_palette_finds_a_case_by_initials_and_never_by_name_in_privacy_mode(ui_db: Db) -> None:
    name = cases.show(ui_db, CASE).name
    app = make_app(ui_db, MEETING, clock=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        options = await palette_options(pilot, "VJ")
        assert options and options[0].startswith(f"Sag {CASE} VJ"), options
        assert not any(name in o for o in options)
        await pilot.press("escape")
        surname = name.split()[-1]
        options = await palette_options(pilot, surname)
        assert not any(CASE in o for o in options), options
        assert options and options[0].startswith("Intet fundet for"), options  # Danish, not "No matches found"
        await pilot.press("escape")
        await pilot.press("f2", "ctrl+s")  # names shown (confirmed): now the name finds the case
        await settle(pilot)
        options = await palette_options(pilot, surname)
        assert any(CASE in o and name in o for o in options), options


async def test_the_palette_is_danish_and_has_no_theme_picker_of_its_own(ui_db: Db) -> None:
    app = make_app(ui_db, MEETING, clock=False)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.pause(0.3)
        text = screen_text(app)
        for english in ("Search for commands", "Change the current theme", "Keys", "Screenshot", "Quit the"):
            assert english not in text
        assert "Søg: sag" in text
        assert "Skift tema (F3)" in text and "Eksportér mødets referat" in text
        options = await palette_options(pilot, "theme")
        assert not any("Theme" in o for o in options)


async def test_f2_asks_before_names_are_shown_and_hides_them_at_once(ui_db: Db) -> None:
    app = make_app(ui_db, MEETING, clock=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog) and app.privacy
        await pilot.press("escape")
        await settle(pilot)
        assert app.privacy and "VJ" in screen_text(app)
        await pilot.press("f2", "ctrl+s")
        await settle(pilot)
        assert not app.privacy and "PRIVATLIV FRA" in screen_text(app)
        await pilot.press("f2")  # back to initials: no question
        await settle(pilot)
        assert app.privacy and not isinstance(app.screen, ConfirmDialog)


async def test_editing_a_network_person_in_privacy_mode_never_shows_the_name(ui_db: Db) -> None:
    person = cases.show(ui_db, CASE).network[0]
    app = make_app(ui_db, MEETING, clock=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_case(pilot, "netvaerk")
        await pilot.press("e")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, PersonDialog)
        field = dialog.query_one("#name", Input)
        assert field.value == "" and person.name not in screen_text(app)
        assert "".join(f"{w[0].upper()}." for w in person.name.split()) in field.placeholder
        await tab_to(pilot, "relation")
        await type_text(pilot, " x")
        await pilot.press("ctrl+s")
        await settle(pilot)
    after = next(m for m in cases.show(ui_db, CASE).network if m.id == person.id)
    assert (after.name, after.relation) == (person.name, person.relation + " x")  # name kept, edit saved


async def test_a_name_typed_in_privacy_mode_replaces_the_stored_one(ui_db: Db) -> None:
    person = cases.show(ui_db, CASE).network[0]
    app = make_app(ui_db, MEETING, clock=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_case(pilot, "netvaerk")
        await pilot.press("e")
        await settle(pilot)
        await type_text(pilot, "Ny Person")
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert next(m for m in cases.show(ui_db, CASE).network if m.id == person.id).name == "Ny Person"


async def test_f3_says_which_theme_it_switched_to(ui_db: Db) -> None:
    app = make_app(ui_db, MEETING, clock=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f3")
        await pilot.pause()
        assert app.theme == "visitation-mørk"
        assert any("Tema: mørk" in str(n.message) for n in app._notifications)


def test_exports_are_proposed_in_a_private_folder_not_the_working_folder(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    documents = tmp_path / "Dokumenter"
    documents.mkdir()
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("platformdirs.user_documents_dir", lambda: str(documents))
    folder = export_folder()
    assert folder == documents / "Visitation" and folder.is_dir()
    assert folder.stat().st_mode & 0o777 == 0o700
    assert folder != Path.cwd()
    monkeypatch.setattr("platformdirs.user_documents_dir", lambda: str(tmp_path / "findes-ikke"))
    monkeypatch.setattr("platformdirs.user_data_dir", lambda name: str(tmp_path / "data" / name))
    fallback = export_folder()
    assert fallback == tmp_path / "data" / "visitation" / "referater" and fallback.stat().st_mode & 0o777 == 0o700


async def test_the_export_dialog_proposes_the_private_folder(ui_db: Db, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    documents = tmp_path / "docs"
    documents.mkdir()
    monkeypatch.setattr("platformdirs.user_documents_dir", lambda: str(documents))
    app = make_app(ui_db, MEETING, clock=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, ExportDialog)
        path = Path(app.screen.query_one("#path", Input).value)
        assert path.parent == documents / "Visitation" and path.parent != Path(os.getcwd())


async def test_the_docket_footer_at_80_columns_shows_the_keys_that_matter(ui_db: Db) -> None:
    app = make_app(ui_db, MEETING, clock=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        footer = screen_text(app).splitlines()[-1]
        for key in ("u Udsæt", "e Eksport", "o Opfølgning", "n Nøgletal", "^q Afslut", "F1 Hjælp", "F2 Navne",
                    "F3 Tema"):
            assert key in footer, footer


async def test_the_step_keys_and_whole_zone_labels_show_at_80x24(ui_db: Db) -> None:
    app = make_app(ui_db, MEETING, clock=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_case(pilot, "linealen")
        lines = screen_text(app).splitlines()
        assert any(line.strip().startswith("1 › [2 Børnelinealen] › 3 › 4") for line in lines), lines[:4]
        text = "\n".join(lines)
        assert "1 Barn i" in text and "trivsel" in text and "trivs\n" not in text


async def test_dialogs_at_80x24_scroll_to_their_buttons(ui_db: Db) -> None:
    app = make_app(ui_db, MEETING, clock=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_case(pilot, "netvaerk")
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, PersonDialog)
        await tab_to(pilot, "save")
        await pilot.pause()
        assert "Gem (Ctrl+S)" in screen_text(app)
        save = app.screen.query_one("#save")
        assert app.screen.region.contains_region(save.region) and save.region.height > 0


async def test_f1_help_scrolls_at_80x24_and_is_danish(ui_db: Db) -> None:
    app = make_app(ui_db, MEETING, clock=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_case(pilot, "beslutning")
        await pilot.press("f1")
        await settle(pilot)
        assert "Esc lukker" not in screen_text(app)  # below the fold at 24 lines
        await pilot.press("end")
        await pilot.pause()
        text = screen_text(app)
        assert "Esc lukker" in text
        for english in ("Cursor", "Focus Next", "Scroll", "Page Up", "Toggle"):
            assert english not in text


def test_no_english_key_description_is_left_in_textual_widgets() -> None:
    import textual.command  # noqa: F401 - the palette's bindings too
    import textual.widgets as widgets

    from screens import danish

    danish.translate()
    for name in widgets.__all__:  # loaded after the translation, as the screens load them: Danish all the same
        getattr(widgets, name)
    assert danish.untranslated() == []


async def test_the_privacy_banners_keep_their_colours_in_any_theme(ui_db: Db) -> None:
    from textual.color import Color
    from textual.widgets import Static

    app = make_app(ui_db, MEETING, clock=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.theme = "nord"  # a theme that is not ours (the palette no longer offers it; the banner must hold anyway)
        await pilot.pause()
        banner = app.screen.query_one("#privacy", Static)
        assert banner.styles.background == Color.parse("#14532D")
        await pilot.press("f2", "ctrl+s")
        await settle(pilot)
        assert banner.styles.background == Color.parse("#B00020")
        assert banner.styles.color == Color.parse("#FFFFFF")


async def test_the_case_flow_footer_at_80_columns_shows_the_steps_own_keys(ui_db: Db) -> None:
    app = make_app(ui_db, MEETING, clock=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_case(pilot, "netvaerk")
        footer = screen_text(app).splitlines()[-1]
        for key in ("a Tilføj person", "e Ret person", "x Fjern person", "m Sammenlign møder"):
            assert key in footer, footer
