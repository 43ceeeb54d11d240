"""Opening a case at a meeting names the meeting in its audit events without changing the app's `Db`."""

from __future__ import annotations

from screens.app import make_app
from screens.steps.minutes_step import MinutesStep
from tests.ui.helpers import go_to, settle
from visitation.services import audit, cases
from visitation.services.db import Db

MEETING, CASE = "VM-2026-11-26-OD", "2026-0104"


async def test_the_case_flow_names_its_meeting_and_leaves_the_apps_db_alone(ui_db: Db) -> None:
    case_id = cases.show(ui_db, CASE).id
    before = len(audit.events(ui_db, case_id))
    app = make_app(ui_db, MEETING, clock=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.open_case(CASE, MEETING)
        await settle(pilot)
        await go_to(pilot, "referat")  # a step is drawn (and gets the case) when it is shown
        assert app.screen.query_one(MinutesStep).db.purpose == f"visitationsmøde {MEETING}"
        await pilot.press("escape")  # back on the docket, whose reload reads with the app's own Db
        await settle(pilot)
        assert app.db.purpose == ""
    reads = [(r.entity, r.purpose) for r in audit.events(ui_db, case_id)[before:] if r.action == "read"]
    assert ("case", f"visitationsmøde {MEETING}") in reads  # the flow's load
    assert reads[-1] == ("meeting", "")  # the docket's reload after it: not the flow's purpose
