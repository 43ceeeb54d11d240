"""`decide`, `meeting …`, `audit`: the rules of SPEC §3 at the CLI, all or nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.cli.helpers import (
    copied_sqlite_url,
    as_json,
    case_on_docket,
    decide_args,
    fails,
    fingerprint,
    meeting,
    ok,
    out_id,
    pending,
)
from tests.conftest import Cli


sqlite_url = copied_sqlite_url
"""Every test here starts from a copy of an empty, migrated database."""


HOME = "3;familiebehandling;rejected;Afprøvet et halvt år uden effekt"
NETWORK = "4;netvaerksplejefamilie;rejected;Mormor kan ikke tage barnet"
START = "2027-01-31"


def _kerteminde_dates() -> list[tuple[str, str]]:
    """Kerteminde's placement schedule from 2027-01-31, by hand (see tests/domain)."""
    start = dt.date(2027, 1, 31)
    twelve = dt.date(2028, 1, 31)
    items = [(start + dt.timedelta(weeks=2), "anbringelse-2-uger")]
    items += [
        (start + dt.timedelta(weeks=w), "anbringelse-6-uger")
        for w in range(8, 53, 6)
        if start + dt.timedelta(weeks=w) <= twelve
    ]
    items += [
        (dt.date(2027, 7, 31), "tilsyn"),
        (dt.date(2027, 8, 31), "hjemgivelse-review"),
        (twelve, "anbringelse-1-aar-review"),
        (twelve, "tilsyn"),
    ]
    return [(d.isoformat(), k) for d, k in sorted(items)]


def test_placement_without_lower_alternatives_is_refused_and_writes_nothing(
    cli: Cli, tmp_path: Path
) -> None:
    ref, m = case_on_docket(cli, tmp_path)
    before = fingerprint(cli)
    followups_before = pending(cli)
    message = fails(cli(*decide_args(ref, m, step=5, interventions=["plejefamilie"], start=START)))
    assert "Mindst indgribende først" in message
    assert (
        "trin 3 (Indsatser i hjemmet)" in message and "trin 4 (Anbringelse i netværket)" in message
    )
    assert "Anbringelsesprioritet" in message and "netvaerksplejefamilie" in message
    # Only the network alternative missing: the message names only that.
    message = fails(
        cli(
            *decide_args(
                ref, m, step=5, interventions=["plejefamilie"], start=START, alternatives=[HOME]
            )
        )
    )
    assert "trin 4 (Anbringelse i netværket)" in message and "trin 3" not in message
    assert fingerprint(cli) == before
    assert pending(cli) == followups_before == []
    shown = as_json(cli("case", "show", ref, "--json"))
    assert shown["step"] == 3 and shown["decisions"] == [] and shown["alternatives"] == []
    docket = as_json(cli("meeting", "show", str(m), "--json"))["docket"]
    assert [d["state"] for d in docket] == ["waiting"]


def test_placement_with_alternatives_is_recorded_with_its_followups(
    cli: Cli, tmp_path: Path
) -> None:
    ref, m = case_on_docket(cli, tmp_path)
    result = cli(
        *decide_args(
            ref,
            m,
            step=5,
            interventions=["plejefamilie", "kontaktperson"],
            start=START,
            alternatives=[HOME, NETWORK],
        )
    )
    decision_id = out_id(result)
    assert "Opfølgning 2027-02-14" in result.stderr
    shown = as_json(cli("case", "show", ref, "--json"))
    assert shown["step"] == 5
    [decision] = shown["decisions"]
    assert decision["id"] == decision_id and decision["outcome"] == "approved"
    assert (decision["step_before"], decision["step"]) == (3, 5)
    assert decision["interventions"] == ["plejefamilie", "kontaktperson"]
    assert decision["legal_basis"][:2] == [
        "BL § 46 (tidl. SEL § 52, stk. 3, nr. 7)",
        "BL § 43, stk. 1, nr. 1 (tidl. SEL § 66, stk. 1, nr. 1)",
    ]
    assert decision["start"] == START and decision["created_by"] == "tester"
    assert {(a["step"], a["intervention"]) for a in shown["alternatives"]} == {
        (3, "familiebehandling"),
        (4, "netvaerksplejefamilie"),
    }
    rows = pending(cli)
    assert [(f["due"], f["kind"]) for f in rows] == _kerteminde_dates()
    assert all(
        f["decision_id"] == decision_id
        and f["case_ref"] == ref
        and f["responsible"] == "Mette Holm"
        for f in rows
    )
    assert "BL § 95 (tidl. SEL § 70, stk. 1)" in rows[0]["legal"]
    assert [d["state"] for d in as_json(cli("meeting", "show", str(m), "--json"))["docket"]] == [
        "decided"
    ]
    assert [(d["due"], d["kind"]) for d in decision["followups"]] == _kerteminde_dates()


def test_alternatives_from_the_case_file_count(cli: Cli, tmp_path: Path) -> None:
    alternatives = [
        {"step": 3, "intervention": "familiebehandling", "verdict": "rejected", "reason": "Prøvet"},
        {
            "step": 4,
            "intervention": "netvaerksplejefamilie",
            "verdict": "not-relevant",
            "reason": "Intet netværk",
        },
    ]
    ref, m = case_on_docket(cli, tmp_path, alternatives=alternatives)
    out_id(cli(*decide_args(ref, m, step=5, interventions=["plejefamilie"], start=START)))
    assert len(as_json(cli("case", "show", ref, "--json"))["alternatives"]) == 2


def test_placement_without_consent_can_only_be_referred(cli: Cli, tmp_path: Path) -> None:
    ref, m = case_on_docket(cli, tmp_path)
    before = fingerprint(cli)
    args = decide_args(
        ref,
        m,
        step=5,
        interventions=["plejefamilie"],
        start=START,
        consent="no",
        alternatives=[HOME, NETWORK],
    )
    message = fails(cli(*args))
    assert "BL § 47" in message and "børne- og ungeudvalget" in message and "'referred'" in message
    assert fingerprint(cli) == before
    referred = args.copy()
    referred[referred.index("approved")] = "referred"
    decision_id = out_id(cli(*referred))
    docket = as_json(cli("meeting", "show", str(m), "--json"))["docket"]
    assert [(d["case_ref"], d["state"]) for d in docket] == [(ref, "referred")]
    assert pending(cli) == []
    shown = as_json(cli("case", "show", ref, "--json"))
    assert shown["step"] == 3  # a referral does not place the child
    [decision] = shown["decisions"]
    assert (
        decision["id"] == decision_id
        and decision["outcome"] == "referred"
        and decision["followups"] == []
    )
    assert "BL § 47 (tidl. SEL § 58)" in decision["legal_basis"]


def test_partial_consent_is_no_consent(cli: Cli, tmp_path: Path) -> None:
    ref, m = case_on_docket(cli, tmp_path)
    message = fails(
        cli(
            *decide_args(
                ref,
                m,
                step=4,
                interventions=["netvaerksplejefamilie"],
                start=START,
                consent="partial",
                alternatives=[HOME],
            )
        )
    )
    assert "BL § 47" in message


def test_meeting_new_add_case_show_close(cli: Cli, tmp_path: Path) -> None:
    m = meeting(cli, "2026-12-01")
    shown = as_json(cli("meeting", "show", str(m), "--json"))
    assert shown["id"] == m and shown["ref"] == "VM-2026-12-01" and shown["date"] == "2026-12-01"
    assert (
        shown["chair"] == "Hanne Kjeldsen" and shown["state"] == "planned" and shown["docket"] == []
    )
    assert [
        (p["name"], p["role"], p["organisation"], p["present"]) for p in shown["participants"]
    ] == [
        ("Hanne Kjeldsen", "mødeleder", "Børn og Familie", True),
        ("Ole Berg", "PPR-psykolog", "PPR", True),
    ]
    # A second meeting on the same day gets its own reference.
    m2 = meeting(cli, "2026-12-01")
    assert as_json(cli("meeting", "show", str(m2), "--json"))["ref"] == "VM-2026-12-01-2"

    ref, _ = case_on_docket(cli, tmp_path, meeting_id=m)
    out_id(cli("case", "add", "--name", "Bo Berg", "--birth-date", "2015-01-02", "--ref", "B-1"))
    out_id(cli("meeting", "add-case", "VM-2026-12-01", "B-1", "--minutes", "35"))
    docket = as_json(cli("meeting", "show", "VM-2026-12-01", "--json"))["docket"]
    assert [(d["position"], d["case_ref"], d["minutes"], d["state"]) for d in docket] == [
        (1, ref, 20, "waiting"),
        (2, "B-1", 35, "waiting"),
    ]
    assert "er allerede på dagsordenen" in fails(cli("meeting", "add-case", str(m), "B-1"))
    listing = as_json(cli("meeting", "list", "--json"))
    assert {(r["id"], r["cases"]) for r in listing} == {(m, 2), (m2, 0)}

    assert ok(cli("meeting", "close", str(m))).strip() == str(m)
    assert as_json(cli("meeting", "show", str(m), "--json"))["state"] == "closed"
    before = fingerprint(cli)
    message = fails(
        cli(
            *decide_args(
                ref,
                m,
                step=5,
                interventions=["plejefamilie"],
                start=START,
                alternatives=[HOME, NETWORK],
            )
        )
    )
    assert "lukket" in message
    assert "lukket" in fails(cli("meeting", "add-case", str(m), "B-1"))
    assert "lukket" in fails(cli("meeting", "close", str(m)))
    assert fingerprint(cli) == before


def test_decide_needs_the_case_on_the_docket(cli: Cli, tmp_path: Path) -> None:
    ref, _ = case_on_docket(cli, tmp_path)
    other = meeting(cli, "2026-12-15")
    before = fingerprint(cli)
    message = fails(
        cli(
            *decide_args(
                ref,
                other,
                step=5,
                interventions=["plejefamilie"],
                start=START,
                alternatives=[HOME, NETWORK],
            )
        )
    )
    assert "dagsordenen" in message
    assert fingerprint(cli) == before


def test_audit_has_read_export_and_decide(cli: Cli, tmp_path: Path) -> None:
    ref, m = case_on_docket(cli, tmp_path)
    case_id = as_json(cli("--user", "anna", "case", "show", ref, "--json"))["id"]
    ok(cli("--user", "bo", "case", "export", ref))
    decision_id = out_id(
        cli(
            *decide_args(
                ref,
                m,
                step=5,
                interventions=["plejefamilie"],
                start=START,
                alternatives=[HOME, NETWORK],
            )
        )
    )
    events = as_json(cli("audit", ref, "--json"))
    assert all(e["case_id"] == case_id for e in events)
    actions = [(e["action"], e["user"]) for e in events]
    assert ("import", "tester") in actions
    assert ("read", "anna") in actions
    assert ("export", "bo") in actions
    [decide] = [e for e in events if e["action"] == "decide"]
    assert (
        decide["entity"] == "decision"
        and decide["entity_id"] == decision_id
        and "3 → 5" in decide["detail"]
    )
    assert [e["id"] for e in events] == sorted(e["id"] for e in events)
    # The events of another case are not listed.
    other = out_id(cli("case", "add", "--name", "Bo Berg", "--birth-date", "2015-01-02"))
    assert {e["case_id"] for e in as_json(cli("audit", str(other), "--json"))} == {other}
