"""The demo loads once and completely; meetings keep their docket in order."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.services.helpers import counts
from visitation.errors import InvalidInput
from visitation.services import cases, demo, meetings, stats
from visitation.services.db import Db


def test_demo_loads_every_case_and_meeting_once(db: Db) -> None:
    assert demo.load(db) == (14, 5)
    after = counts(db)
    assert demo.load(db) == (0, 0)
    assert counts(db)["case"] == after["case"] == 14
    steps = {r.step for r in cases.search(db, limit=100)}
    assert steps == {1, 2, 3, 4, 5, 6}
    assert {r.profile for r in cases.search(db)} == {"socialstyrelsen", "odder", "kerteminde", "hjoerring"}


def test_meeting_docket_in_order(demo_db: Db) -> None:
    mid = meetings.new(demo_db, day=dt.date(2027, 1, 5), chair="Hanne",
                       participants=[meetings.NewParticipant("Ole", "PPR", "almen", True)])
    meetings.add_case(demo_db, str(mid), "2026-0103", 15)
    meetings.add_case(demo_db, str(mid), "2026-0101", 25)
    shown = meetings.show(demo_db, str(mid))
    assert [(d.position, d.case_ref, d.minutes) for d in shown.docket] == [(1, "2026-0103", 15), (2, "2026-0101", 25)]
    assert shown.ref == "VM-2027-01-05" and shown.participants[0].role == "PPR"
    with pytest.raises(InvalidInput, match="allerede"):
        meetings.add_case(demo_db, str(mid), "2026-0101")


def test_key_figures_of_the_demo(demo_db: Db) -> None:
    figures = stats.key_figures(demo_db)
    assert sum(figures.children_per_step.values()) == figures.cases_open == 14
    assert sum(figures.placements_by_type.values()) == pytest.approx(100.0, abs=0.2)
    assert figures.meetings == 5 and figures.cases_per_meeting == 3.2  # 4 + 4 + 4 + 2 + 2 cases
