"""`meeting close` names the untreated cases and refuses (exit 2, nothing written) unless --postpone-rest
REASON postpones them; the minutes say UDKAST until the meeting is closed, in every format."""

from __future__ import annotations

import json

from tests.conftest import Cli
from tests.minutes.helpers import FORMATS, MEETING, decide_three, docx_raw, text_of
from tests.services.helpers import counts
from visitation.minutes import build, render
from visitation.services import meetings
from visitation.services.db import Db, open_db

REASON = "Tiden slap op; sagen tages på næste møde."


def test_close_names_the_untreated_cases_and_writes_nothing(demo_cli: Cli, sqlite_url: str) -> None:
    db = open_db(sqlite_url, "tester")
    before = counts(db)
    result = demo_cli("meeting", "close", MEETING)
    assert result.exit_code == 2 and result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert "2026-0101, 2026-0102, 2026-0103, 2026-0109" in result.stderr and "--postpone-rest" in result.stderr
    blank = demo_cli("meeting", "close", MEETING, "--postpone-rest", "  ")
    assert blank.exit_code == 2 and "--postpone-rest" in blank.stderr
    assert counts(db) == before and meetings.show(db, MEETING).state != "closed"


def test_postpone_rest_postpones_the_untreated_with_the_reason_then_closes(demo_cli: Cli, sqlite_url: str) -> None:
    db = open_db(sqlite_url, "tester")
    decide_three(db)  # three of the four cases are treated; 2026-0101 is not
    result = demo_cli("meeting", "close", MEETING, "--postpone-rest", REASON)
    assert result.exit_code == 0, result.output
    shown = meetings.show(db, MEETING)
    assert shown.state == "closed"
    assert {d.case_ref: d.state for d in shown.docket}["2026-0101"] == "postponed"
    body = json.loads(render(build(db, MEETING, "internal"), "json"))
    untreated = next(c for c in body["cases"] if c["ref"] == "2026-0101")
    assert untreated["status"] == "postponed" and untreated["decision"]["rationale"] == REASON
    assert sum(c["status"] == "postponed" for c in body["cases"]) == 2  # the one decided postponed, and this
    again = demo_cli("meeting", "close", MEETING)
    assert again.exit_code == 2 and "allerede lukket" in again.stderr


def test_a_meeting_with_every_case_treated_closes_without_the_option(demo_cli: Cli, sqlite_url: str) -> None:
    db = open_db(sqlite_url, "tester")
    assert demo_cli("meeting", "close", "VM-2026-11-27-KE", "--postpone-rest", REASON).exit_code == 0
    assert meetings.show(db, "VM-2026-11-27-KE").state == "closed"
    assert meetings.untreated(db, "VM-2026-11-27-KE") == []


def test_minutes_say_udkast_until_the_meeting_is_closed(demo_db: Db) -> None:
    decide_three(demo_db)
    draft = build(demo_db, MEETING, "internal")
    for fmt in FORMATS:
        data = render(draft, fmt)
        if fmt == "json":
            assert json.loads(data)["meeting"]["state"] != "closed" and json.loads(data)["draft"] is True
            continue
        assert text_of(data, fmt).lstrip("# \n").startswith("UDKAST – Beslutningsreferat"), fmt
    html = render(draft, "html").decode()
    assert '@top-center { content: "UDKAST"' in html and "UDKAST · Beslutningsreferat VM-2026-11-24" in html
    assert "<w:t xml:space=\"preserve\">UDKAST</w:t>" in docx_raw(render(draft, "docx")).split("<w:hdr")[1]
    meetings.close(demo_db, MEETING, REASON)
    final = build(demo_db, MEETING, "internal")
    for fmt in FORMATS:
        assert "UDKAST" not in text_of(render(final, fmt), fmt), fmt
    assert json.loads(render(final, "json"))["draft"] is False
