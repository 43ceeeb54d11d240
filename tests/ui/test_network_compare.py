"""On the network step, `m` compares the map between any two meetings the case was decided at."""

from __future__ import annotations

import dataclasses
import datetime as dt

from textual.widgets import DataTable, Select

from screens.app import make_app
from screens.modals.network_compare import NetworkCompareDialog
from tests.ui.helpers import screen_text, settle
from visitation.domain.casefile import NetworkPerson
from visitation.domain.decision import DecisionDraft, Outcome
from visitation.services import cases, decisions, network
from visitation.services.db import Db

NOW = dt.datetime(2026, 12, 20, 9, 30, tzinfo=dt.UTC)
CASE = "2026-0109"
FIRST, SECOND = "VM-2026-11-24", "VM-2026-12-08"


def _decide(db: Db, meeting: str) -> None:
    decisions.record(db, CASE, meeting, DecisionDraft(outcome=Outcome.POSTPONED, step=3, interventions=(),
                                                      rationale="Mere viden om netværket"))


def _two_meetings_apart(db: Db) -> tuple[str, str]:
    """Decided at FIRST; then a neighbour joins, one person leaves and one moves ring; decided at SECOND."""
    _decide(db, FIRST)
    people = sorted(cases.show(db, CASE).network, key=lambda p: p.name)
    gone, moved = people[0], people[1]
    network.add(db, CASE, NetworkPerson("Karen Vang", "nabo", "friends", 2))
    network.remove(db, gone.id, gone.version)
    person = NetworkPerson(moved.name, moved.relation, moved.sector, moved.ring, moved.valence,
                           moved.placement_candidate, moved.note)
    network.update(db, moved.id, moved.version, dataclasses.replace(person, ring=1 if moved.ring != 1 else 2), person)
    _decide(db, SECOND)
    return gone.relation, moved.relation


def _rows(app) -> list[tuple[str, ...]]:  # type: ignore[no-untyped-def]
    table = app.screen.query_one(DataTable)
    return [tuple(str(cell) for cell in table.get_row_at(i)) for i in range(table.row_count)]


async def test_any_two_meetings_show_who_joined_left_and_changed(ui_db: Db) -> None:
    gone, moved = _two_meetings_apart(ui_db)
    app = make_app(ui_db, SECOND, clock=False, now=lambda: NOW)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        app.open_case(CASE, SECOND)
        await settle(pilot)
        await pilot.press("3", "m")
        await settle(pilot)
        assert isinstance(app.screen, NetworkCompareDialog)
        # At first: the two latest meetings. Privacy is on: relations, never names.
        changes = sorted([("kommet til", "nabo", ""), ("gået ud", gone, ""), ("ændret", moved, "ring")])
        assert sorted(_rows(app)) == changes
        text = screen_text(app)
        assert f"{FIRST} → {SECOND}: 1 kommet til, 1 gået ud, 1 ændret" in text and "Karen Vang" not in text

        app.screen.query_one("#after", Select).value = "nu"
        await settle(pilot)
        assert sorted(_rows(app)) == changes and f"{FIRST} → nu:" in screen_text(app)

        app.screen.query_one("#before", Select).value = SECOND
        await settle(pilot)
        assert _rows(app) == [] and f"{SECOND} → nu: ingen ændringer." in screen_text(app)

        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, NetworkCompareDialog)
        await pilot.press("f2", "ctrl+s", "m")                 # names shown (confirmed): name and relation
        await settle(pilot)
        assert ("kommet til", "Karen Vang (nabo)", "") in _rows(app)


async def test_a_case_never_decided_at_a_meeting_says_so(ui_db: Db) -> None:
    app = make_app(ui_db, FIRST, clock=False, now=lambda: NOW)
    async with app.run_test(size=(160, 45), notifications=True) as pilot:
        await settle(pilot)
        app.open_case(CASE, FIRST)
        await settle(pilot)
        await pilot.press("3", "m")
        await settle(pilot)
        assert not isinstance(app.screen, NetworkCompareDialog)
        assert any("intet at sammenligne" in n.message for n in app._notifications)
