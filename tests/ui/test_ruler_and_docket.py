"""The ruler's consensus needs a deliberate save and shows one marker; the docket moves on after a decision and
shows the time a case took, never its time box as if it were time spent (issue 14)."""

from __future__ import annotations

import datetime as dt

from textual.widgets import DataTable

from screens.app import make_app
from screens.docket import next_waiting, time_text
from screens.widgets.ruler import Ruler
from tests.ui.helpers import go_to, screen_text, settle
from visitation.services import assessments, cases
from visitation.services.db import Db
from visitation.services.views import DocketRow

NOW = dt.datetime(2026, 11, 24, 9, 30, tzinfo=dt.UTC)
MEETING = "VM-2026-11-24"


def consensus(db: Db, case: str) -> list[int]:
    return [a.zone for a in cases.show(db, case).assessments if a.consensus]


async def test_first_down_and_space_save_nothing_until_ctrl_s(ui_db: Db) -> None:
    app = make_app(ui_db, MEETING, clock=False, now=lambda: NOW)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("enter")                                     # 2026-0101: raters 2, 1, 2 – middle zone 2
        await settle(pilot)
        await go_to(pilot, "linealen")
        await pilot.press("down", "space")                             # from zone 2 to 3, marked
        await settle(pilot)
        assert consensus(ui_db, "2026-0101") == []                     # nothing saved
        assert "Zone 3 er valgt, ikke gemt – Ctrl+S gemmer" in screen_text(app)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert consensus(ui_db, "2026-0101") == [3]
        assert "ikke gemt" not in screen_text(app)


async def test_a_replaced_consensus_leaves_one_marker(ui_db: Db) -> None:
    assessments.add(ui_db, "2026-0101", zone=1, rater="Teamet", role="Visitationsmødet", consensus=True)
    app = make_app(ui_db, MEETING, clock=False, now=lambda: NOW)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await go_to(pilot, "linealen")
        await pilot.press("down", "enter", "ctrl+s")                   # from the consensus (1) to zone 2
        await settle(pilot)
        assert consensus(ui_db, "2026-0101") == [1, 2]                 # history kept
        ruler = app.screen.query_one(Ruler)
        assert [m.zone for m in ruler.marks if m.consensus] == [2]
        assert screen_text(app).count("▲ KONSENSUS") == 1


async def test_after_a_decision_the_docket_moves_to_the_next_waiting_case(ui_db: Db) -> None:
    app = make_app(ui_db, MEETING, clock=False, now=lambda: dt.datetime.now(dt.UTC))
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("enter")                                     # 2026-0101: the proposal passes the rules
        await settle(pilot)
        await go_to(pilot, "beslutning")
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("ctrl+s")                                    # confirmed and locked
        await settle(pilot)
        await pilot.press("escape")                                    # Referat → the docket
        await settle(pilot)
        table = app.screen.query_one("#docket", DataTable)
        assert table.cursor_row == 1                                   # the next waiting case
        first = table.get_row_at(0)
        assert first[6] == "besluttet" and first[5].endswith("/ 10 min") and not first[5].startswith("–")
        assert table.get_row_at(1)[5] == "– / 15 min"                  # waiting: the time box, marked as such


def row(case_id: int, state: str, **kw: object) -> DocketRow:
    return DocketRow(position=case_id, case_id=case_id, case_ref=f"R{case_id}", name="", initials="", age=1, step=1,
                     minutes=20, state=state, **kw)  # type: ignore[arg-type]


def test_next_waiting_skips_decided_cases_and_wraps() -> None:
    docket = [row(1, "waiting"), row(2, "decided"), row(3, "decided"), row(4, "postponed")]
    assert next_waiting(docket, 2, {3: "in_progress"}) == 0            # wraps to the top
    assert next_waiting(docket, 2, {3: "decided"}) == 2                # a case decided before stays put
    docket[3] = row(4, "waiting")
    assert next_waiting(docket, 2, {3: "waiting"}) == 3


def test_time_is_the_time_taken_or_the_box_marked_as_a_box() -> None:
    start = NOW
    assert time_text(row(1, "waiting"), NOW) == "– / 20 min"
    assert time_text(row(1, "in_progress", started_at=start), NOW + dt.timedelta(minutes=3)) == "03:00 / 20 min"
    decided = row(1, "decided", started_at=start, decided_at=start + dt.timedelta(minutes=12, seconds=5))
    assert time_text(decided, NOW + dt.timedelta(hours=2)) == "12:05 / 20 min"
    assert time_text(row(1, "decided"), NOW) == "– / 20 min"           # decided elsewhere, never started here
