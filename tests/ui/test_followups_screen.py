"""The follow-up screen lists what `visitation followups` lists, by caseworker; `o` keeps the overdue only."""

from __future__ import annotations

import datetime as dt

from textual.widgets import DataTable

from screens.app import make_app
from screens.followups import FollowupsScreen, by_caseworker, workers_line
from tests.services.helpers import placement
from tests.ui.helpers import screen_text, settle
from visitation.services import decisions, followups
from visitation.services.db import Db
from visitation.services.views import FollowupRow

NOW = dt.datetime(2027, 5, 15, 9, 0, tzinfo=dt.UTC)  # five and a half months after the decisions below


async def test_the_screen_shows_the_pending_followups_by_caseworker(ui_db: Db) -> None:
    start = dt.date(2026, 12, 1)
    decisions.record(ui_db, "2026-0109", "VM-2026-11-24", placement(start=start))  # Mette Holm: 3 follow-ups
    decisions.record(ui_db, "2026-0104", "VM-2026-11-26-OD",  # Signe Bak (Odder): a support measure, 1 follow-up
                     placement(step=3, interventions=("familiebehandling",), alternatives=(), start=start))
    today = NOW.date()
    pending = followups.pending(ui_db, today=today)
    overdue = followups.pending(ui_db, overdue=True, today=today)
    # Barnets plan (24 February), the first follow-ups (1 March) overdue; the supervision visit (1 June) to come.
    assert (len(pending), len(overdue)) == (4, 3)
    app = make_app(ui_db, "VM-2026-11-24", clock=False, now=lambda: NOW)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        assert isinstance(app.screen, FollowupsScreen)
        table = app.screen.query_one(DataTable)
        keys = [int(k.value) for k in table.rows]  # type: ignore[arg-type]
        assert sorted(keys) == sorted(f.id for f in pending)
        # Grouped: each caseworker's rows together, the name on the first; overdue first within a group.
        rows = [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]
        names = [r[0] for r in rows if r[0]]
        assert names == sorted({f.responsible or "–" for f in pending})
        by_id = {f.id: f for f in pending}
        group: list[bool] = []
        for key, row in zip(keys, rows, strict=True):
            group = [] if row[0] else group
            group.append(by_id[key].overdue)
            assert group == sorted(group, reverse=True)
        assert f"{len(pending)} opfølgninger venter · {len(overdue)} er overskredet" in screen_text(app)

        await pilot.press("o")  # only the overdue, as `followups --overdue`
        await settle(pilot)
        assert sorted(int(k.value) for k in table.rows) == sorted(f.id for f in overdue)  # type: ignore[arg-type]
        assert all(str(table.get_row_at(i)[2]) == "⚠ OVERSKREDET" for i in range(table.row_count))
        await pilot.press("o")
        await settle(pilot)
        assert table.row_count == len(pending)
        await pilot.press("escape")
        await settle(pilot)
        assert "Visitationsmøde" in screen_text(app)


def test_many_caseworkers_take_one_line_those_with_most_overdue_first() -> None:
    def rows(who: str, n: int, late: int) -> list[FollowupRow]:
        return [FollowupRow(id=i, case_id=1, case_ref="S", decision_id=1, due=dt.date(2027, 1, 1), kind="k",
                            label="[BL § 95] første", legal=[], responsible=who, done_on=None, note="",
                            overdue=i < late) for i in range(n)]

    few = by_caseworker(rows("Ole", 2, 1) + rows("Mette", 3, 0))
    assert workers_line(few, 80) == "Mette: 3  ·  Ole: 2 (1 overskredet)"
    many = by_caseworker([f for k in range(9) for f in rows(f"R{k}", 5, k % 4)])
    line = workers_line(many, 110)
    assert line == "R3: 5 (3 overskredet)  ·  R7: 5 (3 overskredet)  ·  og 7 andre rådgivere (se tabellen)"
    assert len(workers_line(many, 140)) <= 140 and workers_line(many, 10).startswith("og 9 andre")
