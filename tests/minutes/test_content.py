"""Must-show 1: every item of SPEC §6 for a decided, a postponed and a referred case, in every format."""

from __future__ import annotations

import datetime as dt
import json

import jsonschema
import pytest

from tests.minutes.helpers import (
    DECIDED,
    DECIDED_DRAFT,
    FORMATS,
    MEETING,
    POSTPONED,
    POSTPONED_DRAFT,
    REFERRED,
    REFERRED_DRAFT,
    SCHEMA,
    UNTOUCHED,
    decide_three,
    demo_case,
    parse_html,
    text_of,
)
from tests.services.helpers import LOWER
from visitation.domain.privacy import age_on
from visitation.domain.profiles import load_profile
from visitation.minutes import build, render
from visitation.minutes.text import date as danish_date
from visitation.services import audit, cases
from visitation.services.db import Db

MEETING_PEOPLE = ("Hanne Kjeldsen", "Mette Holm", "Birgitte Lund", "Lone Dalsgaard")


@pytest.fixture
def exported(demo_db: Db) -> dict[str, bytes]:
    """The meeting's minutes at `internal`, in every format."""
    decide_three(demo_db)
    doc = build(demo_db, MEETING, "internal")
    return {fmt: render(doc, fmt) for fmt in FORMATS}


def _date(iso: str, fmt: str) -> str:
    return iso if fmt == "json" else danish_date(iso)


def _child_items(ref: str, fmt: str) -> list[str]:
    """The child, age, reason, caseworker, every rater and every network person, from the case file."""
    data = demo_case(ref)
    child = data["child"]
    age = age_on(dt.date.fromisoformat(child["birth_date"]), dt.date(2026, 11, 24))
    items = [child["name"], f"{age} år" if fmt != "json" else str(age), data["reason"], data["caseworker"]]
    items += [a["rater"] for a in data["assessments"]]
    items += [p["name"] for p in data["network"]]
    items += [a["reason"] for a in data["alternatives"]]
    return items


def _steps(ref: str, before: int, after: int, fmt: str) -> list[str]:
    profile = load_profile(demo_case(ref)["profile"])
    labels = [profile.step(before).label, profile.step(after).label]
    return labels if fmt == "json" else [*labels, "Trin før", "Trin efter"]


def _decided_items(fmt: str) -> list[str]:
    d = DECIDED_DRAFT
    items = [d.purpose, d.duration, d.rationale, d.child_view, d.child_view_how, d.parents_view, d.dissent,
             _date("2026-12-01", fmt), _date("2027-03-01", fmt), _date("2027-06-01", fmt),
             "BL § 46", "tidl. SEL § 52", "Barnets lov, LBK nr. 282 af 17/03/2025", "Anbringelse i almen plejefamilie",
             *(a.reason for a in LOWER), "Godkendt", "ja",
             # What BL §§ 46, stk. 3 and 52 ask of a placement, and barnets plan (BL § 91).
             d.siblings, d.schooling, d.foster_assessment, _date("2026-11-02", fmt), _date("2027-02-24", fmt),
             "BL § 91"]
    if fmt != "json":
        items += ["Søskende", "Skolegang", "Vurdering af plejefamilie", "Børnefaglig undersøgelse afsluttet",
                  "Barnets plan"]
        items += ["Formål", "Forventet varighed", "Start", "Barnets synspunkt", "Forældrenes synspunkt",
                  "Samtykke", "Dissens", "Begrundelse", "Lovgrundlag", "Lovversion", "Opfølgning",
                  "Ansvarlig", "Fælles vurdering", "Spredning", "Ressourcer", "Mulige anbringelses-/støtteressourcer",
                  "Ændringer siden sidst", "Alternativer", "fravalgt"]
    return items


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_item_of_spec_6_is_in_every_format(exported: dict[str, bytes], fmt: str) -> None:
    text = text_of(exported[fmt], fmt)
    expected = [_date("2026-11-24", fmt), *MEETING_PEOPLE, "Karin Friis"]
    expected += _child_items(DECIDED, fmt) + _steps(DECIDED, 3, 5, fmt) + _decided_items(fmt)
    expected += _child_items(POSTPONED, fmt) + _steps(POSTPONED, 1, 1, fmt)
    expected += [POSTPONED_DRAFT.rationale, POSTPONED_DRAFT.parents_view, "Udsat"]
    expected += _child_items(REFERRED, fmt) + _steps(REFERRED, 3, 3, fmt)
    expected += [REFERRED_DRAFT.rationale, REFERRED_DRAFT.parents_view, "nej",
                 "Indstillet til børne- og ungeudvalget", "BL § 47", "BL § 142"]
    for ref in UNTOUCHED:
        expected += _child_items(ref, fmt)
    expected += ["Ikke behandlet" if fmt != "json" else "not_handled"]
    missing = [item for item in expected if item not in text]
    assert missing == []
    if fmt != "json":
        assert "Fraværende: Karin Friis" in text


def test_json_is_valid_against_the_documented_schema(exported: dict[str, bytes]) -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    body = json.loads(exported["json"])
    jsonschema.validate(body, schema)
    assert body["format"] == "visitation.minutes/1"
    states = {c["ref"]: c["status"] for c in body["cases"]}
    assert (states[DECIDED], states[POSTPONED], states[REFERRED]) == ("decided", "postponed", "referred")
    decided = next(c for c in body["cases"] if c["ref"] == DECIDED)
    caseworker = demo_case(DECIDED)["caseworker"]
    assert [f["responsible"] for f in decided["decision"]["followups"]] == [caseworker] * 3
    assert decided["consensus"][0]["zone"] == 4 and decided["step_before"]["number"] == 3
    assert [p["present"] for p in body["meeting"]["participants"]].count(False) == 1


def test_html_is_one_self_contained_file_with_a_drawn_map_per_case(exported: dict[str, bytes]) -> None:
    page = parse_html(exported["html"])
    assert page.tags.count("svg") == 4 and exported["html"].decode().count('<section class="case') == 4
    assert "visitation-minutes" in page.meta and "@page" in exported["html"].decode()
    source = exported["html"].decode()
    assert "http://" not in source.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "https://" not in source and "<script" not in source and "<link" not in source
    assert "page: sag1;" in source and "size: A4" in source


def test_docx_has_headings_tables_and_page_numbers(exported: dict[str, bytes]) -> None:
    import io

    import docx

    word = docx.Document(io.BytesIO(exported["docx"]))
    styles = [p.style.name for p in word.paragraphs]
    assert styles.count("Heading 1") >= 6 and "Heading 2" in styles and "Title" in styles
    assert len(word.tables) > 20
    footer = word.sections[0].footer._element.xml
    assert 'w:instr="PAGE"' in footer and 'w:instr="NUMPAGES"' in footer
    assert abs(word.sections[0].page_width.mm - 210) < 1


def test_user_text_is_escaped_in_html_and_markdown(demo_db: Db) -> None:
    from visitation.services import decisions

    decisions.record(demo_db, POSTPONED, MEETING, POSTPONED_DRAFT.__class__(
        **{**POSTPONED_DRAFT.__dict__, "rationale": "<script>alert('x')</script> & *fed* | rør"}))
    doc = build(demo_db, MEETING, "internal", case=POSTPONED)
    html = render(doc, "html").decode()
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<script>alert('x')</script> & *fed* | rør" in text_of(render(doc, "html"), "html")
    md = render(doc, "md").decode()
    assert "\\<script\\>" in md and "\\*fed\\*" in md and "\\| rør" in md


def test_one_case_only_and_the_export_is_audited(demo_db: Db) -> None:
    decide_three(demo_db)
    doc = build(demo_db, MEETING, "internal", case=DECIDED)
    assert [c.ref for c in doc.cases] == [DECIDED] and doc.case == DECIDED
    case_id = cases.search(demo_db, text=DECIDED, audit_read=False)[0].id
    last = audit.events(demo_db, case_id)[-1]
    assert (last.action, last.purpose, last.entity) == ("export", f"visitationsmøde {MEETING}", "meeting")
    assert "internal" in last.detail
