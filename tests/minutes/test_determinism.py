"""Must-show 2: byte-identical exports, a hash that matches, and a correction that `--verify` catches."""

from __future__ import annotations

import datetime as dt
import hashlib
import json

import pytest

from tests.minutes.helpers import DECIDED, FORMATS, LATER, MEETING, changed, decide_three, docx_raw
from visitation.minutes import build, render, verify
from visitation.minutes.model import canonical, find_stamp
from visitation.services import decisions, network
from visitation.services.db import Db


@pytest.fixture
def decided(demo_db: Db) -> Db:
    decide_three(demo_db)
    return demo_db


@pytest.mark.parametrize("privacy", ["screen", "internal", "full"])
def test_two_exports_are_byte_identical_in_every_format(decided: Db, privacy: str) -> None:
    first = build(decided, MEETING, privacy)
    second = build(decided, MEETING, privacy)
    assert first == second
    for fmt in FORMATS:
        assert render(first, fmt) == render(second, fmt), fmt


def test_the_hash_is_sha256_of_the_canonical_json_and_printed_in_every_format(decided: Db) -> None:
    doc = build(decided, MEETING, "internal")
    assert doc.content_hash == hashlib.sha256(canonical(doc)).hexdigest()
    body = json.loads(render(doc, "json"))
    del body["content_hash"], body["case_hashes"], body["draft"]
    again = json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()
    assert hashlib.sha256(again).hexdigest() == doc.content_hash
    for fmt in ("md", "html"):
        assert doc.content_hash in render(doc, fmt).decode()
    assert doc.content_hash in docx_raw(render(doc, "docx"))
    stamp = find_stamp(render(doc, "md").decode())
    assert stamp is not None and (stamp.meeting, stamp.case, stamp.privacy) == (MEETING, None, "internal")


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_correction_changes_the_hash_and_verify_says_so(decided: Db, fmt: str) -> None:
    before = build(decided, MEETING, "full")
    exported = render(before, fmt)
    assert verify(decided, exported)
    in_force = decisions.current(decided, DECIDED, MEETING)
    decisions.record(decided, DECIDED, MEETING, changed(start=dt.date(2027, 1, 4)), supersedes=in_force.id)  # type: ignore[union-attr]
    after = build(decided, MEETING, "full")
    assert after.content_hash != before.content_hash
    result = verify(decided, exported)
    assert not result and "ikke længere" in result.message and "\n" not in result.message
    assert verify(decided, render(after, fmt))


def test_a_file_edited_by_hand_does_not_verify(decided: Db) -> None:
    text = render(build(decided, MEETING, "internal"), "md").decode()
    result = verify(decided, text.replace("En tryg hverdag", "En tryg og god hverdag").encode())
    assert not result and "ændret efter" in result.message


def test_one_case_file_verifies_as_one_case(decided: Db) -> None:
    doc = build(decided, MEETING, "screen", case=DECIDED)
    result = verify(decided, render(doc, "html"))
    assert result and result.stamp.case == DECIDED and result.stamp.privacy == "screen"


def test_the_minutes_show_the_network_as_it_was_and_what_changed_since(decided: Db) -> None:
    from visitation.domain.casefile import NetworkPerson
    from visitation.services import meetings

    first = render(build(decided, MEETING, "internal", case=DECIDED), "md")
    network.add(decided, DECIDED, NetworkPerson(name="Bente", relation="moster", sector="family", ring=2,
                                                valence="resource", placement_candidate=True, note=""))
    assert render(build(decided, MEETING, "internal", case=DECIDED), "md") == first
    later = LATER
    assert any(m.ref == later for m in meetings.listing(decided))
    decisions.record(decided, DECIDED, later, changed(start=dt.date(2027, 1, 4)))
    text = render(build(decided, later, "internal", case=DECIDED), "md").decode()
    assert "ny: Bente (moster)" in text and "siden beslutningen" in text
