"""Snapshots of the wall (issue 14) at 80×24 and 160×45: every dialog scrolled to its buttons, the help scrolled
to its end, the palette, F2's question, the person dialog in privacy mode, and the step screens in the dark and
light themes (focus drawn in the accent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.snapshots.test_methods_snapshots import HJ_MEETING, HJOERRING
from tests.snapshots.test_snapshots import SIZES, _app
from tests.ui.helpers import settle, tab_to, type_text

OPEN = ["enter"]  # Odder's first case (2026-0104)
SAVE = "to:save"
"""Tab until the dialog's save button has the keyboard: the dialog scrolled to its buttons."""

FLOWS = {
    "privacy_question": ["f2"],
    "palette": ["ctrl+p"],
    "palette_case_by_initials": ["ctrl+p", "type:2026-0104"],
    "help_end": [*OPEN, "5", "f1", "end"],
    "person_dialog_buttons": [*OPEN, "3", "a", SAVE],
    "person_edit_privacy": [*OPEN, "3", "e"],
    "person_edit_privacy_buttons": [*OPEN, "3", "e", SAVE],
    "alternative_dialog_buttons": [*OPEN, "4", "a", SAVE],
    "export_dialog_buttons": ["e", SAVE],
    "postpone_dialog_buttons": ["u", SAVE],
    "remove_person_confirm": [*OPEN, "3", "x"],
    "ics_dialog_buttons": [*OPEN, "i", SAVE],
    "decision_focus_dark": [*OPEN, "f3", "5", "tab"],
    "decision_focus_light": [*OPEN, "f3", "f3", "5", "tab"],
    "ruler_light": [*OPEN, "f3", "f3", "2"],
}
METHOD_FLOWS = {
    "sos_line_dialog_buttons": ["4", "a", SAVE],
    "sos_scale_dialog_buttons": ["4", "s", SAVE],
    "sos_plan_dialog_buttons": ["4", "p", SAVE],
}


async def press(pilot, keys: list[str]) -> None:  # type: ignore[no-untyped-def]
    """Keys, typed text (`type:…`) or Tab to a field (`to:ID`), waiting for the workers after each."""
    for key in keys:
        if key.startswith("type:"):
            await type_text(pilot, key[5:])
        elif key.startswith("to:"):
            await tab_to(pilot, key[3:])
        else:
            await pilot.press(key)
        await settle(pilot)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("name", list(FLOWS))
def test_wall(snap_compare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str,  # type: ignore[no-untyped-def]
              size: tuple[int, int]) -> None:
    monkeypatch.setattr("screens.app.export_folder", lambda: Path("/home/mette/Dokumenter/Visitation"))

    async def drive(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        await press(pilot, FLOWS[name])
        pilot.app.clear_notifications()  # F3's toast would cover the picture

    assert snap_compare(_app(tmp_path), terminal_size=size, run_before=drive)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("name", list(METHOD_FLOWS))
def test_method_dialogs_scrolled_to_their_buttons(snap_compare, tmp_path: Path, name: str,  # type: ignore[no-untyped-def]
                                                  size: tuple[int, int]) -> None:
    async def drive(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        pilot.app.open_case(HJOERRING, HJ_MEETING)
        await settle(pilot)
        await press(pilot, METHOD_FLOWS[name])

    assert snap_compare(_app(tmp_path), terminal_size=size, run_before=drive)
