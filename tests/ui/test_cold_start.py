"""Start-up as the terminal gets it (`tui_app`): the docket read with sqlite3 is on screen before the database
stack has opened; Enter pressed meanwhile opens the case's screen at once and its read waits for the database;
the docket's read is logged once."""

from __future__ import annotations

import threading

from textual.widgets import DataTable

from screens.app import tui_app
from tests.ui.helpers import screen_text, settle
from visitation.services import audit, meetings
from visitation.services.db import Db


async def test_the_docket_shows_before_the_database_opens_and_enter_waits_for_it(ui_db: Db) -> None:
    path = ui_db.engine.url.database
    opened = threading.Event()

    def opener() -> Db:
        opened.wait(30)  # the stack loading: as long as the test likes
        return ui_db

    before = len(audit.events(ui_db))
    app = tui_app(opener, None, path, clock=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#docket", DataTable)
        first = app.first_docket
        assert first is not None and table.row_count == len(first.docket) > 0
        assert first.docket[0].case_ref in screen_text(app) and first.docket[0].name not in screen_text(app)
        await pilot.press("enter")  # before the database has opened: the case's screen opens, its read waits
        await pilot.pause(0.2)
        assert app.screen.__class__.__name__ == "CaseFlowScreen"
        assert app.screen.case_ref == first.docket[0].case_ref  # type: ignore[attr-defined]
        assert first.docket[0].name not in screen_text(app)
        opened.set()
        await settle(pilot)
        assert app.screen.case_ref == first.docket[0].case_ref  # type: ignore[attr-defined]
        assert f"Sag {first.docket[0].case_ref}" in screen_text(app)
    reads = [e for e in audit.events(ui_db)[before:] if e.action == "read" and e.entity == "meeting"]
    assert sorted(e.case_id for e in reads) == sorted(d.case_id for d in first.docket)  # once per case
    [item] = [d for d in meetings.show(ui_db, first.ref).docket if d.case_id == first.docket[0].case_id]
    assert item.state == "in_progress" and item.started_at is not None  # the start was written meanwhile


async def test_a_database_that_cannot_open_ends_the_app_with_its_reason(ui_db: Db) -> None:
    from visitation.errors import DatabaseError

    def opener() -> Db:
        raise DatabaseError("databasen er låst af en anden")

    app = tui_app(opener, None, None, clock=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.3)
    assert app.return_code == 1 and isinstance(app.open_error, DatabaseError)
