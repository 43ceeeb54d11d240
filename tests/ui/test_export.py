"""Exporting the minutes from the docket and from the Referat step: format, privacy level, file, audit."""

from __future__ import annotations

import stat
from pathlib import Path

from textual.widgets import Input

from screens.app import make_app
from screens.modals.export import ExportDialog
from tests.ui.helpers import go_to, screen_text, settle, type_text
from visitation.services import audit, cases
from visitation.services.db import Db

MEETING = "VM-2026-11-24"


async def _fill_path(pilot, path: Path) -> None:  # type: ignore[no-untyped-def]
    """Tab to the file field, clear it and type the path."""
    while not isinstance(pilot.app.focused, Input):
        await pilot.press("tab")
    await pilot.press("ctrl+u", "ctrl+k")
    await type_text(pilot, str(path))


async def test_the_chair_exports_the_meeting_as_html_from_the_docket(ui_db: Db, tmp_path: Path) -> None:
    target = tmp_path / "out" / "referat.html"
    target.parent.mkdir()
    app = make_app(ui_db, MEETING, clock=False)
    async with app.run_test(size=(160, 45), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, ExportDialog)
        assert "Eksportér referatet af VM-2026-11-24" in screen_text(app)
        await pilot.press("enter", "down", "enter")  # format: the second choice, HTML
        await _fill_path(pilot, target)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, ExportDialog)
        assert any(n.title == "Referatet er gemt" for n in app._notifications)
    html = target.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "<svg" in html and "2026-0101" in html
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert not list(target.parent.glob(".*.tmp"))


async def test_a_case_is_exported_from_the_referat_step_and_the_export_is_audited(
    ui_db: Db, tmp_path: Path
) -> None:
    target = tmp_path / "sag.docx"
    app = make_app(ui_db, MEETING, clock=False)
    async with app.run_test(size=(160, 45), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("e")  # not on the Sagen step
        await settle(pilot)
        assert not isinstance(app.screen, ExportDialog)
        await go_to(pilot, "referat")
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, ExportDialog)
        await _fill_path(pilot, target)
        await pilot.press("ctrl+s")
        await settle(pilot)
    import docx

    text = "\n".join(p.text for p in docx.Document(str(target)).paragraphs)
    case = cases.show(ui_db, "2026-0101")
    assert "2026-0101" in text and case.name in text  # internal level: names, no CPR
    actions = [(e.action, e.detail) for e in audit.events(ui_db, case.id)]
    assert any(a == "read" and "referat" in d for a, d in actions)
    assert any(a == "export" and "internal" in d for a, d in actions)


async def test_a_folder_that_does_not_exist_is_refused_in_the_dialog(ui_db: Db, tmp_path: Path) -> None:
    app = make_app(ui_db, MEETING, clock=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        await _fill_path(pilot, tmp_path / "nope" / "x.docx")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ExportDialog)
        assert "findes ikke" in screen_text(app)
    assert not (tmp_path / "nope").exists()
