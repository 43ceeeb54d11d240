"""The docket on the shared screen: loads in a worker, privacy mode on by default, F2 toggles it."""

from __future__ import annotations

from textual.widgets import DataTable, Static

from screens.app import make_app
from screens.messages import MeetingLoaded
from visitation.services.db import Db


def _screen_text(app) -> str:  # type: ignore[no-untyped-def]
    table = app.screen.query_one("#docket", DataTable)
    cells = [str(c) for row in range(table.row_count) for c in table.get_row_at(row)]
    statics = [str(s.render()) for s in app.screen.query(Static)]
    return "\n".join(cells + statics)


async def test_docket_shows_initials_until_privacy_is_toggled(ui_db: Db) -> None:
    messages: list[object] = []
    app = make_app(ui_db, "VM-2026-11-24", clock=False)
    async with app.run_test(size=(160, 45), message_hook=messages.append) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        loaded = next(m for m in messages if isinstance(m, MeetingLoaded))
        assert loaded.meeting is not None and len(loaded.meeting.docket) == 4
        text = _screen_text(app)
        assert "PRIVATLIV TIL" in text and "Landsdækkende standard" in text
        assert "AN" in text and "Alma Nørgaard" not in text
        await pilot.press("f2", "ctrl+s")  # names are shown only when confirmed
        text = _screen_text(app)
        assert "PRIVATLIV FRA" in text and "Alma Nørgaard" in text
        await pilot.press("f2")
        assert "Alma Nørgaard" not in _screen_text(app)


async def test_the_title_names_the_meetings_municipality(ui_db: Db) -> None:
    app = make_app(ui_db, "VM-2026-11-25-HJ", clock=False)
    async with app.run_test(size=(160, 45)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        title = str(app.screen.query_one("#meeting-title", Static).render())
        assert title.startswith("Visitationsmøde Familieafdelingen 25.11.2026 · Hjørring Kommune · mødeleder")


async def test_no_meeting_says_how_to_make_one(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from visitation.services.db import open_db

    app = make_app(open_db(f"sqlite:///{tmp_path / 'empty.db'}", "tester"), clock=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "visitation meeting new" in _screen_text(app)


async def test_unknown_meeting_is_one_line_not_a_crash(ui_db: Db) -> None:
    app = make_app(ui_db, "VM-1999-01-01", clock=False)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert any("findes ikke" in n.message for n in app._notifications)
