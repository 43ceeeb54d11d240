"""`decide`, `meeting …`, `audit`: the rules of SPEC §3 at the CLI, all or nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.cli.helpers import (
    CASE,
    as_json,
    case_file,
    case_on_docket,
    copied_sqlite_url,
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
    """Kerteminde's placement schedule from 2027-01-31, by hand (see tests/domain); the 6-weekly follow-ups
    and the later supervision visits follow as each follow-up is done."""
    start = dt.date(2027, 1, 31)
    twelve = dt.date(2028, 1, 31)
    items = [(start + dt.timedelta(weeks=2), "anbringelse-2-uger")]
    items += [
        (dt.date(2027, 3, 1), "barnets-plan"),  # BL § 91: 3 months after the meeting of 1 December
        (dt.date(2027, 7, 31), "tilsyn"),
        (dt.date(2027, 8, 31), "hjemgivelse-review"),
        (twelve, "anbringelse-1-aar-review"),
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
    assert "Kommunens anbringelsesprioritet (Kerteminde)" in message
    assert "blandt: Anbringelse i slægts- eller netværksplejefamilie" in message
    assert "netvaerksplejefamilie" not in message  # labels on the wall and in the CLI, never keys
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
    assert "Opfølgning 14.02.2027" in result.stderr
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
    # BL § 91: barnets plan before the committee decides.
    assert [(f["kind"], f["due"]) for f in pending(cli)] == [("barnets-plan", "2026-12-15")]
    shown = as_json(cli("case", "show", ref, "--json"))
    assert shown["step"] == 3  # a referral does not place the child
    [decision] = shown["decisions"]
    assert decision["id"] == decision_id and decision["outcome"] == "referred"
    assert [f["kind"] for f in decision["followups"]] == ["barnets-plan"]
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
    out_id(cli("case", "import", str(case_file(tmp_path, "b.json", ref="B-1"))))  # Kerteminde's, as the first
    out_id(cli("meeting", "add-case", "VM-2026-12-01", "B-1", "--minutes", "35"))
    docket = as_json(cli("meeting", "show", "VM-2026-12-01", "--json"))["docket"]
    assert [(d["position"], d["case_ref"], d["minutes"], d["state"]) for d in docket] == [
        (1, ref, 20, "waiting"),
        (2, "B-1", 35, "waiting"),
    ]
    assert "er allerede på dagsordenen" in fails(cli("meeting", "add-case", str(m), "B-1"))
    listing = as_json(cli("meeting", "list", "--json"))
    assert {(r["id"], r["cases"]) for r in listing} == {(m, 2), (m2, 0)}

    assert f"ubehandlede sager: {ref}, B-1" in fails(cli("meeting", "close", str(m)))  # named, refused
    assert ok(cli("meeting", "close", str(m), "--postpone-rest", "Ikke nået på mødet")).strip() == str(m)
    closed = as_json(cli("meeting", "show", str(m), "--json"))
    assert closed["state"] == "closed" and {d["state"] for d in closed["docket"]} == {"postponed"}
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


def test_bl_46_stk_1_a_15_year_old_who_says_no_is_refused_and_can_be_referred(cli: Cli, tmp_path: Path) -> None:
    # 15 on the start date (31 January 2027); the parents consent, the youth does not.
    child = {**CASE["child"], "birth_date": "2011-06-01"}
    ref, m = case_on_docket(cli, tmp_path, child=child)
    args = decide_args(ref, m, step=5, interventions=["plejefamilie"], start=START, alternatives=[HOME, NETWORK])
    before = fingerprint(cli)
    message = fails(cli(*args))  # the youth's consent is not given at all
    assert "Samtykke (BL § 46, stk. 1)" in message and "den unges (fyldt 15 år) samtykke mangler" in message
    message = fails(cli(*args, "--youth-consent", "no"))
    assert "den unges (fyldt 15 år) samtykke mangler" in message and "forældremyndighed" not in message
    assert "'referred'" in message and "BL § 47" in message
    assert "--youth-consent" in fails(cli(*args, "--youth-consent", "måske"))
    assert fingerprint(cli) == before
    referred = args.copy()
    referred[referred.index("approved")] = "referred"
    out_id(cli(*referred, "--youth-consent", "no"))
    [decision] = as_json(cli("case", "show", ref, "--json"))["decisions"]
    assert decision["youth_consent"] == "no" and "BL § 47 (tidl. SEL § 58)" in decision["legal_basis"]


def test_bl_47_stk_4_the_youth_consents_and_the_parents_do_not(cli: Cli, tmp_path: Path) -> None:
    child = {**CASE["child"], "birth_date": "2011-06-01"}
    ref, m = case_on_docket(cli, tmp_path, child=child)
    args = decide_args(ref, m, step=5, interventions=["plejefamilie"], start=START, alternatives=[HOME, NETWORK],
                       consent="no", outcome="referred")
    out_id(cli(*args, "--youth-consent", "yes"))
    [decision] = as_json(cli("case", "show", ref, "--json"))["decisions"]
    assert "BL § 47, stk. 4" in decision["legal_basis"] and "BL § 47 (tidl. SEL § 58)" not in decision["legal_basis"]


def test_bl_32_stk_2_a_support_measure_without_consent_is_refused(cli: Cli, tmp_path: Path) -> None:
    ref, m = case_on_docket(cli, tmp_path)
    lower = "2;konsulentbistand;rejected;Prøvet i foråret"
    args = decide_args(ref, m, step=3, interventions=["familiebehandling"], start=START, consent="no",
                       alternatives=[lower])
    before = fingerprint(cli)
    message = fails(cli(*args))
    assert "Samtykke (BL § 32, stk. 2)" in message and "BL §§ 37-39" in message and "'referred'" in message
    assert fingerprint(cli) == before
    referred = args.copy()
    referred[referred.index("approved")] = "referred"
    out_id(cli(*referred))
    [decision] = as_json(cli("case", "show", ref, "--json"))["decisions"]
    assert "BL §§ 37-39 (tidl. SEL §§ 56 og 57 a-b)" in decision["legal_basis"]


def test_bl_46_stk_3_a_placement_without_a_completed_investigation_is_refused_unless_acute(
    cli: Cli, tmp_path: Path
) -> None:
    ref, m = case_on_docket(cli, tmp_path)
    args = decide_args(ref, m, step=5, interventions=["plejefamilie"], start=START, alternatives=[HOME, NETWORK],
                       placement=False)
    from tests.cli.helpers import PLACEMENT_ARGS

    before = fingerprint(cli)
    message = fails(cli(*args, *PLACEMENT_ARGS))
    assert "Børnefaglig undersøgelse (BL § 46, stk. 3; BL § 20)" in message and "akut" in message
    assert "Søskende (BL § 52, stk. 3)" in fails(cli(*args, "--acute"))  # § 52 asks its three answers
    assert fingerprint(cli) == before
    result = cli(*args, *PLACEMENT_ARGS, "--acute")
    out_id(result)
    assert "Opfølgning 31.05.2027: Akut/foreløbig anbringelse" in result.stderr
    [decision] = as_json(cli("case", "show", ref, "--json"))["decisions"]
    assert decision["acute"] is True and decision["investigation_done"] is None
    assert decision["siblings"] == "Ingen søskende"


def test_bl_100_a_return_period_of_7_months_is_refused_and_writes_nothing(cli: Cli, tmp_path: Path) -> None:
    ref, m = case_on_docket(cli, tmp_path, current_step=5)
    args = decide_args(ref, m, step=3, interventions=["familiebehandling"], start=START,
                       alternatives=["2;konsulentbistand;rejected;Prøvet"])
    before = fingerprint(cli)
    for bad in ("7", "-2", "seks"):
        message = fails(cli(*args, "--return-period-months", bad))
        assert "--return-period-months" in message
    assert "0 til 6" in fails(cli(*args, "--return-period-months", "7"))
    assert fingerprint(cli) == before
    result = cli(*args, "--return-period-months", "6")
    out_id(result)
    assert "Opfølgning 31.07.2027: Hjemgivelsesperioden slutter" in result.stderr
    [decision] = as_json(cli("case", "show", ref, "--json"))["decisions"]
    assert decision["return_period_months"] == 6 and (decision["step_before"], decision["step"]) == (5, 3)



ZONE_4 = [{"date": "2026-11-01", "zone": 4, "axis": "child", "rater": "Ole Berg", "role": "PPR", "protective": [],
           "risk": ["fravær hver mandag"], "note": ""}]
"""A case in zone 4 (Udsat): every profile's ruler points to steps 3–4 (SPEC §9.3)."""


def test_a_step_outside_the_rulers_range_asks_the_reason_by_its_option(cli: Cli, tmp_path: Path) -> None:
    assert "--ruler-reason" in ok(cli("decide", "--help"))
    ref, m = case_on_docket(cli, tmp_path, assessments=ZONE_4)
    args = decide_args(ref, m, step=5, interventions=["plejefamilie"], start=START, alternatives=[HOME, NETWORK])
    before = fingerprint(cli)
    assert fails(cli(*args)) == (
        "Fejl: Beslutningen bryder reglerne: Linealens retning (Kerteminde): zone 4 (Udsat – alvorlig bekymring) "
        "peger normalt på trin 3–4; trin 5 er valgt: skriv hvorfor (Hvorfor et trin uden for linealens retning; "
        "--ruler-reason)")
    assert fails(cli(*args, "--ruler-reason", "   ")).startswith("Fejl: Beslutningen bryder reglerne: Linealens")
    assert fingerprint(cli) == before
    out_id(cli(*args, "--ruler-reason", "Netværket er afprøvet; barnet har brug for en plejefamilie nu"))
    [decision] = as_json(cli("case", "show", ref, "--json"))["decisions"]
    assert decision["ruler_reason"] == "Netværket er afprøvet; barnet har brug for en plejefamilie nu"


def test_inside_the_rulers_range_no_reason_is_asked(cli: Cli, tmp_path: Path) -> None:
    ref, m = case_on_docket(cli, tmp_path, assessments=ZONE_4)
    out_id(cli(*decide_args(ref, m, step=4, interventions=["netvaerksplejefamilie"], start=START,
                            alternatives=[HOME])))
    [decision] = as_json(cli("case", "show", ref, "--json"))["decisions"]
    assert decision["ruler_reason"] == ""
