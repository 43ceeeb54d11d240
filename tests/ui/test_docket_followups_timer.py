"""The docket's Opfølgning column shows each case's follow-ups, and only one case has a running timer."""

from __future__ import annotations

from textual.widgets import DataTable

from screens.app import make_app
from tests.services.helpers import placement
from tests.ui.helpers import settle
from visitation.services import decisions, followups, meetings
from visitation.services.db import Db

MEETING = "VM-2026-11-24"


def column(app, name: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """A docket column by its header, per case reference."""
    table = app.screen.query_one("#docket", DataTable)
    index = [str(c.label) for c in table.ordered_columns].index(name)
    return {str(row[1]): str(row[index]) for row in (table.get_row_at(r) for r in range(table.row_count))}


async def test_the_followup_column_shows_the_next_follow_up_of_a_decided_case(ui_db: Db) -> None:
    reason = "Zone 4 peger på trin 3–4; hjemmet kan ikke give omsorgen nu"
    decisions.record(ui_db, "2026-0109", MEETING, placement(ruler_reason=reason))
    first = min(f.due for f in followups.pending(ui_db) if f.case_ref == "2026-0109")
    app = make_app(ui_db, MEETING, clock=False)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        shown = column(app, "Opfølgning")
        assert shown["2026-0109"] == f"{first:%d.%m.%Y}"
        assert shown["2026-0101"] == ""  # no decision, no follow-up


async def test_opening_another_case_stops_the_first_ones_timer(ui_db: Db) -> None:
    app = make_app(ui_db, MEETING, clock=False)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # 2026-0101
        await settle(pilot)
        await pilot.press("escape", "down", "enter")  # 2026-0102, the first left undecided
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        status, times = column(app, "Status"), column(app, "Tid")
        assert [ref for ref, s in status.items() if s == "i gang"] == ["2026-0102"]
        assert status["2026-0101"] == "venter" and times["2026-0101"].endswith(" min")
        assert "/" in times["2026-0102"]  # the running clock: `00:00 / 15 min`
    running = [d.case_ref for d in meetings.show(ui_db, MEETING).docket if d.state == "in_progress"]
    assert running == ["2026-0102"]
