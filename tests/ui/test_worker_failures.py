"""A worker that raises is never silent: one Danish toast, a log line without personal data, the app runs on."""

from __future__ import annotations

import logging
from collections.abc import Callable

import pytest

from screens.app import make_app
from screens.docket import DocketScreen
from screens.messages import MeetingLoaded
from tests.ui.helpers import go_to, settle
from visitation.errors import DatabaseError
from visitation.services import followups, meetings
from visitation.services.db import Db

MEETING, CASE = "VM-2026-11-26-OD", "2026-0104"
SECRET = "Alma Nørgaard 010203-1234"
"""What an exception's text might hold: neither may reach the toast or the log."""


def _raising(kind: type[Exception], text: str) -> Callable[..., None]:
    """A stand-in for a service function that fails (a new exception each call)."""
    def service(*args: object, **kwargs: object) -> None:
        raise kind(text)
    return service


def _errors(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [n.message for n in app._notifications if n.severity == "error"]


async def test_an_unexpected_error_is_a_toast_and_a_log_line_and_the_app_runs_on(
        ui_db: Db, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    real = meetings.agenda
    monkeypatch.setattr(meetings, "agenda", _raising(RuntimeError, SECRET))
    messages: list[object] = []
    app = make_app(ui_db, MEETING, clock=False)
    with caplog.at_level(logging.ERROR, logger="screens.failures"):
        async with app.run_test(size=(120, 40), notifications=True, message_hook=messages.append) as pilot:
            await settle(pilot)
            assert _errors(app) == ["Noget gik galt: en uventet fejl (RuntimeError). Handlingen er ikke gennemført."]
            monkeypatch.setattr(meetings, "agenda", real)
            await pilot.press("r")  # the app still answers keys, and the docket loads once the fault is gone
            await settle(pilot)
            assert app.is_running and isinstance(app.screen, DocketScreen)
            assert any(isinstance(m, MeetingLoaded) for m in messages)
    [record] = caplog.records
    logged = record.getMessage()
    assert logged.startswith("Worker load (group docket) failed:\nbuiltins.RuntimeError\n")
    assert "in load" in logged and "in service" in logged  # where it failed, frame by frame
    assert "Alma" not in logged and "1234" not in logged


async def test_an_expected_error_no_worker_caught_says_its_own_line(
        ui_db: Db, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(followups, "pending", _raising(DatabaseError, "sagen om 010203-1234 er låst."))
    app = make_app(ui_db, MEETING, clock=False)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("o")  # the follow-up screen's worker catches nothing
        await settle(pilot)
        assert _errors(app) == ["Noget gik galt: sagen om 010203-xxxx er låst. Handlingen er ikke gennemført."]


async def test_a_widgets_worker_failure_reaches_the_app(ui_db: Db, monkeypatch: pytest.MonkeyPatch) -> None:
    import visitation.minutes

    # The minutes pane's worker: its node is a widget inside the case flow, not a screen.
    monkeypatch.setattr(visitation.minutes, "build", _raising(KeyError, SECRET))
    app = make_app(ui_db, MEETING, clock=False)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        app.open_case(CASE, MEETING)
        await settle(pilot)
        await go_to(pilot, "referat")  # the minutes are built when their step is shown
        assert _errors(app) == ["Noget gik galt: en uventet fejl (KeyError). Handlingen er ikke gennemført."]
