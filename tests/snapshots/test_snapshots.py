"""Snapshots of every screen at 80×24 and 160×45, with fixed data and a fixed clock."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import text

from screens.app import make_app
from tests.ui.helpers import settle
from visitation.services import demo
from visitation.services.db import open_db

SIZES = [(80, 24), (160, 45)]
NOW = dt.datetime(2026, 11, 24, 9, 30, tzinfo=dt.UTC)
MEETING = "VM-2026-11-26-OD"  # Odder's meeting in the demo
OPEN = ["enter"]  # the first case on its docket (2026-0104)
SCREENS = {
    "docket": [],
    "docket_names_shown": ["f2", "ctrl+s"],  # F2 asks first (issue 14)
    "step1_sagen": OPEN,
    "step2_linealen": [*OPEN, "2"],
    "step3_netvaerk": [*OPEN, "3"],
    "step4_alternativer": [*OPEN, "4"],
    "step5_beslutning": [*OPEN, "5"],
    "step6_referat": [*OPEN, "5", "ctrl+pagedown"],
    "person_dialog": [*OPEN, "3", "a"],
    "alternative_dialog": [*OPEN, "4", "a"],
    "followups": ["o"],
    "key_figures": ["n"],
    "help": ["f1"],
    "export_dialog": ["e"],
    "field_dialog": [*OPEN, "5", "ctrl+g"],
    "decision_refused": [*OPEN, "5", "ctrl+s"],
    "ruler_marked_not_saved": [*OPEN, "2", "up", "enter"],
}


def _app(tmp_path: Path):  # type: ignore[no-untyped-def]
    db = open_db(f"sqlite:///{tmp_path / 'snap.db'}", "tester")
    demo.load(db)
    with db.engine.begin() as conn:  # the demo is loaded "now"; pin it, so charts over time read the same any day
        conn.execute(text("UPDATE \"case\" SET created_at = '2026-11-20 08:00:00.000000'"))
    return make_app(db, MEETING, clock=False, now=lambda: NOW)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("name", list(SCREENS))
def test_screen(snap_compare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str,  # type: ignore[no-untyped-def]
                size: tuple[int, int]) -> None:
    monkeypatch.setattr("screens.app.export_folder", lambda: Path("/home/mette/Dokumenter"))

    async def drive(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        for key in SCREENS[name]:
            await pilot.press(key)
            await settle(pilot)

    assert snap_compare(_app(tmp_path), terminal_size=size, run_before=drive)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("keys", [["o"], ["o", "o"]], ids=["all", "overdue_only"])
def test_followups_due(snap_compare, tmp_path: Path, keys: list[str], size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    """The follow-up screen with follow-ups of two caseworkers, some overdue on the pinned day."""
    from tests.services.helpers import placement
    from visitation.services import decisions

    app = _app(tmp_path)
    start = dt.date(2026, 8, 1)
    decisions.record(app.db, "2026-0109", "VM-2026-11-24",  # Socialstyrelsen's meeting
                     placement(start=start, investigation_done=dt.date(2026, 7, 15)))
    decisions.record(app.db, "2026-0104", MEETING,
                     placement(step=3, interventions=("familiebehandling",), alternatives=(), start=start))

    async def drive(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=drive)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_network_compare(snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    """The network between two meetings: one joined, one left, one moved ring (privacy on)."""
    from tests.ui.test_network_compare import CASE, SECOND, _two_meetings_apart

    app = _app(tmp_path)
    _two_meetings_apart(app.db)

    async def drive(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        app.open_case(CASE, SECOND)
        for key in ("3", "m"):
            await settle(pilot)
            await pilot.press(key)
        await settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=drive)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_sagen_with_goals(snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    """Sagen with a goal scored twice, a sub-goal not scored yet and a goal reached (privacy on)."""
    from tests.ui.test_goals_on_sagen import CASE, with_goals

    app = _app(tmp_path)
    with_goals(app.db)

    async def drive(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        app.open_case(CASE, MEETING)
        await settle(pilot)
        await pilot.press("end")
        await settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=drive)
