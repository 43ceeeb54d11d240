"""A meeting belongs to one municipality (SPEC §9.3): that of the cases on its docket. A case of another
profile is refused, naming both; an empty docket takes any case; a follow-up's proposal goes to the next
meeting of the case's own municipality. The demo shows one municipality per meeting, with its own staff."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlmodel import col, select

from tests.services.helpers import counts
from tests.services.test_demo_decidable import _case, _proposed
from visitation.errors import InvalidInput
from visitation.paths import demo_dir
from visitation.services import decisions, followups, meetings
from visitation.services.db import Db
from visitation.store.models import DocketItem, Meeting

PLAN = json.loads((demo_dir() / "meetings.json").read_text(encoding="utf-8"))
TODAY = dt.date(2026, 12, 2)  # after the municipalities' first meetings, before Socialstyrelsen's second


def _docket(db: Db, ref: str) -> list[tuple[int, int]]:
    """(case id, position) of every docket row of a meeting, as stored."""
    with db.read() as session:
        meeting = session.exec(select(Meeting).where(Meeting.ref == ref)).one()
        return list(session.exec(select(DocketItem.case_id, DocketItem.position)
                                 .where(DocketItem.meeting_id == meeting.id).order_by(col(DocketItem.id))).all())


def test_a_case_of_another_municipality_is_refused_naming_both_and_nothing_is_written(demo_db: Db) -> None:
    before, docket = counts(demo_db), _docket(demo_db, "VM-2026-11-24")
    with pytest.raises(InvalidInput) as err:
        meetings.add_case(demo_db, "VM-2026-11-24", "2026-0105")
    assert err.value.message == ("Sag 2026-0105 (Hjørring Kommune) kan ikke komme på dagsordenen for VM-2026-11-24 "
                                 "(Landsdækkende standard): et møde hører til én kommune")
    assert counts(demo_db) == before and _docket(demo_db, "VM-2026-11-24") == docket


def test_an_empty_docket_takes_any_case_and_then_belongs_to_its_municipality(demo_db: Db) -> None:
    mid = str(meetings.new(demo_db, day=dt.date(2027, 1, 6), chair="Jette Kristiansen"))
    empty = meetings.show(demo_db, mid)
    assert (empty.municipality, empty.profile) == (None, None)
    meetings.add_case(demo_db, mid, "2026-0111")
    meetings.add_case(demo_db, mid, "2026-0105")  # Hjørring's too
    shown = meetings.show(demo_db, mid)
    assert (shown.municipality, shown.profile) == ("Hjørring Kommune", "hjoerring")
    with pytest.raises(InvalidInput, match=r"Sag 2026-0104 \(Odder Kommune\) .* \(Hjørring Kommune\)"):
        meetings.add_case(demo_db, mid, "2026-0104")
    assert [d.case_ref for d in meetings.show(demo_db, mid).docket] == ["2026-0111", "2026-0105"]


def test_each_demo_meeting_holds_one_municipalitys_cases_and_their_caseworkers_are_at_it(demo_db: Db) -> None:
    profiles = {}
    for plan in PLAN["meetings"]:
        files = [_case(item["case"]) for item in plan["docket"]]
        assert len({f["profile"] for f in files}) == 1, plan["ref"]
        staff = {p["name"] for p in plan["participants"]}
        assert plan["chair"] in staff
        assert {f["caseworker"] for f in files} <= staff, plan["ref"]
        shown = meetings.show(demo_db, plan["ref"])
        assert shown.profile == files[0]["profile"]
        profiles[plan["ref"]] = shown.municipality
    assert set(profiles.values()) == {"Landsdækkende standard", "Odder Kommune", "Kerteminde Kommune",
                                      "Hjørring Kommune"}
    assert profiles["VM-2026-11-24"] == profiles["VM-2026-12-08"] == "Landsdækkende standard"


def test_no_demo_staff_member_works_for_two_municipalities() -> None:
    seen: dict[str, str] = {}
    for plan in PLAN["meetings"]:
        profile = _case(plan["docket"][0]["case"])["profile"]
        for person in plan["participants"]:
            assert seen.setdefault(person["name"], profile) == profile, person["name"]


def _propose(db: Db) -> followups.FollowupDone:
    """2026-0104 (Odder) decided at Odder's meeting; its first follow-up done, proposing step 2."""
    decisions.record(db, "2026-0104", "VM-2026-11-26-OD", _proposed(_case("2026-0104")))
    first = next(f for f in followups.pending(db) if f.case_ref == "2026-0104")
    return followups.done(db, first.id, "Bedre i skolen", propose_step=2, today=TODAY)


def test_a_proposal_goes_to_the_next_meeting_of_the_cases_own_municipality(demo_db: Db) -> None:
    later = meetings.new(demo_db, day=dt.date(2026, 12, 17), chair="Bente Kirkegaard")
    meetings.add_case(demo_db, str(later), "2026-0107")  # Odder's next meeting; Socialstyrelsen's is on 8 Dec
    done = _propose(demo_db)
    assert done.proposed_at == "VM-2026-12-17"
    assert [d.case_ref for d in meetings.show(demo_db, "VM-2026-12-17").docket] == ["2026-0107", "2026-0104"]
    assert "2026-0104" not in {d.case_ref for d in meetings.show(demo_db, "VM-2026-12-08").docket}


def test_a_proposal_takes_an_earlier_meeting_with_an_empty_docket(demo_db: Db) -> None:
    meetings.add_case(demo_db, str(meetings.new(demo_db, day=dt.date(2026, 12, 17), chair="B")), "2026-0107")
    meetings.new(demo_db, day=dt.date(2026, 12, 10), chair="Bente Kirkegaard")
    done = _propose(demo_db)
    assert done.proposed_at == "VM-2026-12-10"
    assert meetings.show(demo_db, "VM-2026-12-10").municipality == "Odder Kommune"


def test_without_a_meeting_of_its_municipality_the_proposal_waits_for_one(demo_db: Db) -> None:
    before = _docket(demo_db, "VM-2026-12-08")
    done = _propose(demo_db)
    assert done.proposed_at is None and done.proposed_step == 2
    assert _docket(demo_db, "VM-2026-12-08") == before
