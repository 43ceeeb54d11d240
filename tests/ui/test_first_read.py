"""A case's first read starts with its screen, and the first paint waits a moment for it (`READ_FIRST`): a read
that lands in time is drawn with the screen, a slow one lands later, a refused one says so, one that raises
is reported, and Esc before it lands leaves the docket as it was."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

import pytest
from textual.pilot import Pilot

from screens import case_flow
from screens.app import make_app
from screens.case_flow import CaseFlowScreen
from screens.docket import DocketScreen
from screens.messages import LoadFailed
from tests.ui.helpers import screen_text, settle
from visitation.services.db import Db

MEETING, CASE = "VM-2026-11-24", "2026-0101"


def slowed(seconds: float) -> Callable[..., object]:
    """The real read, after a pause (a slow network share, a busy server)."""
    real = case_flow.read_case

    def read(*args: object) -> object:
        time.sleep(seconds)
        return real(*args)  # type: ignore[arg-type]
    return read


def _errors(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [n.message for n in app._notifications if n.severity == "error"]


@asynccontextmanager
async def _entered(ui_db: Db, monkeypatch: pytest.MonkeyPatch, read: Callable[..., object],
                   waited: bool = True) -> AsyncIterator[tuple[Any, Pilot[Any]]]:
    """The docket with `read` as the case's read, Enter pressed on the first case; then settled, or (not
    `waited`) only the screen's mount let run."""
    monkeypatch.setattr(case_flow, "read_case", read)
    app = make_app(ui_db, MEETING, clock=False)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await (settle(pilot) if waited else pilot.pause())
        yield app, pilot


async def test_a_read_in_time_is_drawn_with_the_screen(ui_db: Db) -> None:
    app = make_app(ui_db, MEETING, clock=False)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await pilot.pause()                                          # the screen's mount, no worker waited for
        assert isinstance(app.screen, CaseFlowScreen) and app.screen.bundle is not None
        assert f"Sag {CASE}" in screen_text(app)


async def test_a_slow_read_lands_after_the_screen(ui_db: Db, monkeypatch: pytest.MonkeyPatch) -> None:
    async with _entered(ui_db, monkeypatch, slowed(4 * case_flow.READ_FIRST), waited=False) as (app, pilot):
        assert isinstance(app.screen, CaseFlowScreen) and app.screen.bundle is None
        await pilot.press("2")                                       # a key meanwhile is not lost
        await settle(pilot)
        assert app.screen.bundle is not None and app.screen.current_pane == "linealen"
        assert "Teamets konsensus" in screen_text(app) and not _errors(app)


async def test_a_refused_read_says_so(ui_db: Db, monkeypatch: pytest.MonkeyPatch) -> None:
    async with _entered(ui_db, monkeypatch, lambda *args: LoadFailed("sagen 2026-0101 findes ikke")) as (app, _):
        assert "sagen 2026-0101 findes ikke" in _errors(app)


async def test_a_read_that_raises_is_reported_and_the_app_runs_on(ui_db: Db, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object) -> object:
        raise RuntimeError("Alma Nørgaard 010203-1234")
    async with _entered(ui_db, monkeypatch, broken) as (app, pilot):
        assert _errors(app) == ["Noget gik galt: en uventet fejl (RuntimeError). Handlingen er ikke gennemført."]
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, DocketScreen)


async def test_esc_before_the_read_lands_goes_back_quietly(ui_db: Db, monkeypatch: pytest.MonkeyPatch) -> None:
    async with _entered(ui_db, monkeypatch, slowed(3 * case_flow.READ_FIRST), waited=False) as (app, pilot):
        await pilot.press("escape")
        await settle(pilot)
        time.sleep(4 * case_flow.READ_FIRST)                         # the read lands after the screen is gone
        await settle(pilot)
        assert isinstance(app.screen, DocketScreen) and not _errors(app)
