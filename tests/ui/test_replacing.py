"""`u` on the docket never replaces a locked decision silently: it names the decision and asks first."""

from __future__ import annotations

import pytest

from screens.app import make_app
from screens.modals.confirm import ConfirmDialog
from screens.modals.forms import ReasonDialog
from tests.services.helpers import counts, placement
from tests.ui.helpers import settle, type_text
from visitation.services import audit, cases, decisions, demo, meetings
from visitation.services.db import Db

MEETING = "VM-2026-11-24"
CASE = "2026-0109"


@pytest.fixture
def decided(db: Db) -> tuple[Db, int]:
    """The demo on SQLite or PostgreSQL, the case placed at the meeting; (db, its decision id)."""
    demo.load(db)
    reason = "Zone 4 peger på trin 3–4; hjemmet kan ikke give omsorgen nu"
    return db, decisions.record(db, CASE, MEETING, placement(ruler_reason=reason)).id


def _without_reads(db: Db) -> dict[str, int]:
    """Rows per table, and what the audit log says besides reads (opening the docket reads)."""
    actions = sorted(e.action for e in audit.events(db) if e.action != "read")
    return {**{t: n for t, n in counts(db).items() if t != "audit_event"}, "actions": actions}  # type: ignore[dict-item]


async def _press_u_on(pilot, app, case: str) -> None:  # type: ignore[no-untyped-def]
    await settle(pilot)
    refs = [d.case_ref for d in app.screen.meeting.docket]
    await pilot.press(*["down"] * refs.index(case), "u")
    await settle(pilot)


async def test_u_on_a_decided_case_names_the_decision_and_declining_changes_nothing(decided) -> None:  # type: ignore[no-untyped-def]
    db, decision = decided
    before = _without_reads(db)
    app = make_app(db, MEETING, clock=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await _press_u_on(pilot, app, CASE)
        assert isinstance(app.screen, ConfirmDialog)
        assert f"beslutning {decision}" in app.screen.body and "trin 5" in app.screen.body
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, (ConfirmDialog, ReasonDialog))
    assert _without_reads(db) == before
    assert cases.show(db, CASE).step == 5
    assert decisions.current(db, CASE, MEETING).id == decision  # type: ignore[union-attr]


async def test_u_confirmed_replaces_the_decision_with_a_postponement(decided) -> None:  # type: ignore[no-untyped-def]
    db, decision = decided
    app = make_app(db, MEETING, clock=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await _press_u_on(pilot, app, CASE)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ReasonDialog)
        await type_text(pilot, "Forældrene vil høres igen")
        await pilot.press("ctrl+s")
        await settle(pilot)
    now = decisions.current(db, CASE, MEETING)
    assert now is not None and now.outcome == "postponed" and now.id != decision
    assert cases.show(db, CASE).decisions[-1].supersedes_id == decision
    assert cases.show(db, CASE).step == 3  # back where the meeting found the child
    assert next(d.state for d in meetings.show(db, MEETING).docket if d.case_ref == CASE) == "postponed"


async def test_u_on_a_waiting_case_asks_only_for_the_reason(ui_db: Db) -> None:
    app = make_app(ui_db, MEETING, clock=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await _press_u_on(pilot, app, "2026-0103")
        assert isinstance(app.screen, ReasonDialog)
