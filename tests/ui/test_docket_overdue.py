"""The docket shows each case's overdue follow-ups (as of the meeting's date)."""

from __future__ import annotations

import datetime as dt

from textual.widgets import DataTable

from screens.app import make_app
from tests.services.helpers import placement
from tests.ui.helpers import settle
from visitation.services import decisions
from visitation.services.db import Db


async def test_the_docket_counts_overdue_followups_per_case(ui_db: Db) -> None:
    # Started 1 June: the first follow-up (1 September) is overdue on 24 November; 1 December is not yet.
    decisions.record(ui_db, "2026-0109", "VM-2026-11-24",
                     placement(start=dt.date(2026, 6, 1), investigation_done=dt.date(2026, 5, 20),
                               ruler_reason="Zone 4 peger på trin 3–4; hjemmet kan ikke give omsorgen nu"))
    app = make_app(ui_db, "VM-2026-11-24", clock=False)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#docket", DataTable)
        shown = {str(table.get_row_at(i)[1]): str(table.get_row_at(i)[-1]) for i in range(table.row_count)}
        assert shown.pop("2026-0109") == "⚠ 1 overskredet"
        assert set(shown.values()) == {""}
