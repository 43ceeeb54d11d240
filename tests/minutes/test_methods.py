"""Issue 13 in the minutes: the Signs of Safety mapping and safety plan, the ICS notes, the prevention triangle,
and a step outside the ruler's range with its reason — in every format, as they stood at the meeting, with
the privacy levels respected and the bytes still deterministic."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace

import jsonschema
import pytest

from tests.minutes.helpers import DECIDED, FORMATS, MEETING, SCHEMA, everything, text_of
from visitation.domain.casefile import NetworkPerson
from visitation.domain.decision import AlternativeDraft, Consent, DecisionDraft, Outcome, Verdict
from visitation.domain.ics import triangle
from visitation.minutes import build, render, verify
from visitation.minutes.model import data, sealed
from visitation.services import assessments, decisions, ics, meetings, network, sos
from visitation.services.db import Db

CASE = DECIDED
"""A Socialstyrelsen case (Signs of Safety and the prevention triangle) on MEETING's docket, with Michael
(far) and Inge (farmor) on its network map; Bente Skov (nabo) is added to it."""
NEIGHBOUR = NetworkPerson(name="Bente Skov", relation="nabo", sector="friends", ring=2, valence="resource",
                          placement_candidate=False, note="")
KEEPERS = ("Inge", "Bente Skov")
RULES = ("V sover hos farmor, når far har drukket", "Farmor eller naboen henter V, hvis far ikke er ædru")
REASON = "Teamet vurderer sikkerheden lavere end zonen: en sikkerhedsplan skal prøves, før V bliver hjemme uden den."
PLAN = DecisionDraft(
    outcome=Outcome.APPROVED, step=3, interventions=("sikkerhedsplan",), purpose="V er tryg i hverdagen hos far",
    duration="6 måneder", start=dt.date(2026, 12, 1), rationale="Far vil arbejde med planen, og netværket holder den",
    child_view="Vil gerne bo hos far og se farmor", child_view_how="børnesamtale 2026-11-10",
    parents_view="Far vil gerne have en sikkerhedsplan", consent=Consent.YES, ruler_reason=REASON,
    alternatives=(AlternativeDraft(1, "dialog-med-foraeldre", Verdict.REJECTED, "Dialog alene er ikke nok"),
                  AlternativeDraft(2, "netvaerksgruppe", Verdict.NOT_RELEVANT, "Netværket er med i planen")))


def map_the_case(db: Db) -> None:
    """A mapping with who said it, danger statements, safety goals, two ratings for one person, a plan, ICS
    notes and the prevention triangle; the team's consensus puts the case in zone 2 (usually steps 1–2)."""
    network.add(db, CASE, NEIGHBOUR)
    sos.add(db, CASE, "worries", "Far drikker om aftenen", who="Bente Skov")
    sos.add(db, CASE, "worries", "V kommer sulten i skole")
    sos.add(db, CASE, "working", "V er glad for farmor", who="Inge")
    sos.add(db, CASE, "next", "Farmor og skolen holder øje")
    sos.danger(db, CASE, "Vi er bekymrede for, at V står alene, når far drikker")
    sos.goal(db, CASE, "V har altid en voksen, der er ædru")
    sos.scale(db, CASE, "Michael", 2, on=dt.date(2026, 11, 1))
    sos.scale(db, CASE, "Michael", 5, on=dt.date(2026, 11, 20))
    sos.scale(db, CASE, "Bente Skov", 3, on=dt.date(2026, 11, 20))
    for rule in RULES:
        sos.plan(db, CASE, rule, list(KEEPERS))
    ics.note(db, CASE, "child", "health", strength="Sund og rask")
    ics.note(db, CASE, "parents", "care", concern="Far glemmer madpakken")
    ics.classify(db, CASE, prevention="tertiary", position="exposed", wellbeing="not-thriving")
    meeting_id = next(m.id for m in meetings.listing(db) if m.ref == MEETING)
    assessments.add(db, CASE, zone=2, rater="Teamet", role="visitationsmødet", consensus=True,
                    on=dt.date(2026, 11, 24), meeting_id=meeting_id)


@pytest.fixture
def planned(demo_db: Db) -> Db:
    """The case mapped, then decided: the safety plan instead of more, on a step outside the ruler's range."""
    map_the_case(demo_db)
    decisions.record(demo_db, CASE, MEETING, PLAN)
    return demo_db


def _one(db: Db, level: str, fmt: str) -> str:
    return text_of(render(build(db, MEETING, level, case=CASE), fmt), fmt)


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_shows_the_mapping_the_plan_ics_and_the_warning(planned: Db, fmt: str) -> None:
    text = _one(planned, "internal", fmt)
    expected = ["Far drikker om aftenen", "Bente Skov", "Michael", "V er glad for farmor",
                "Farmor og skolen holder øje",
                "Vi er bekymrede for, at V står alene, når far drikker", "V har altid en voksen, der er ædru",
                *RULES, "Inge", "Sund og rask", "Far glemmer madpakken", "Styrke", "Bekymring",
                "Forældrekompetencer", REASON, "peger normalt på trin 1–2; trin 3 er valgt"]
    if fmt != "json":
        expected += ["Signs of Safety", "Hvad bekymrer os", "Hvad fungerer godt", "Hvad skal der ske",
                     "Farefaktorudsagn", "Sikkerhedsmål", "Sikkerhedsskala", "Sikkerhedsplan", "Inge, Bente Skov",
                     "Sikkerhedsplanens regler (låst med beslutningen)", "Barnets udvikling – Sundhedsforhold",
                     "Trin uden for linealens retning", "Begrundelse for trinnet", "Linealens retning",
                     "Forebyggelsestrekanten", "Tertiær forebyggelse · Udsat position · Mistrivsel",
                     "0: barnet kan ikke blive boende hjemme"]
    assert [x for x in expected if x not in text] == []


def test_json_has_the_keys_and_the_newest_rating_per_person(planned: Db) -> None:
    body = json.loads(render(build(planned, MEETING, "internal", case=CASE), "json"))
    jsonschema.validate(body, json.loads(SCHEMA.read_text(encoding="utf-8")))
    case = body["cases"][0]
    mapping = case["signs_of_safety"]
    assert {"text": "Far drikker om aftenen", "who": "Bente Skov"} in mapping["worries"]
    scale = {r["who"]: (r["score"], r["rated_on"]) for r in mapping["scale"]}
    assert len(scale) == len(mapping["scale"])  # one line per person: the newest
    assert (scale["Bente Skov"], scale["Michael"]) == ((3, "2026-11-20"), (5, "2026-11-20"))
    assert [(r["text"], r["keepers"]) for r in mapping["plan"]][-2:] == [(r, list(KEEPERS)) for r in RULES]
    notes = [(n["label"], n["kind"], n["text"]) for n in case["ics"]]
    assert ("Barnets udvikling – Sundhedsforhold", "strength", "Sund og rask") in notes
    assert (triangle().label("parents", "care"), "concern", "Far glemmer madpakken") in notes
    order = [n["dimension"] for n in case["ics"]]
    assert order == sorted(order, key=[d.key for d in triangle().dimensions].index)  # the triangle's order
    assert case["prevention"]["prevention"] == "tertiary" and case["prevention"]["wellbeing"] == "not-thriving"
    decision = case["decision"]
    assert [(r["text"], r["keepers"]) for r in decision["safety_plan"]] == [(r, list(KEEPERS)) for r in RULES]
    ruler = decision["ruler"]
    assert (ruler["zone"], ruler["low"], ruler["high"], ruler["step"], ruler["reason"]) == (2, 1, 2, 3, REASON)
    assert ruler["warning"].startswith("Zone 2 (Begyndende bekymring)")


def test_the_minutes_show_the_mapping_as_it_stood_at_the_decision(planned: Db) -> None:
    before = render(build(planned, MEETING, "internal", case=CASE), "md")
    sos.scale(planned, CASE, "Michael", 9)
    sos.add(planned, CASE, "working", "Far er i behandling")
    sos.plan(planned, CASE, "Far ringer til farmor hver aften", ["Inge"])
    ics.note(planned, CASE, "family", "network", strength="Farbror hjælper nu")
    assert render(build(planned, MEETING, "internal", case=CASE), "md") == before


def test_screen_shows_keepers_sayers_and_raters_by_initials(planned: Db) -> None:
    for fmt in FORMATS:
        data = render(build(planned, MEETING, "screen", case=CASE), fmt)
        assert "Bente Skov" not in everything(data, fmt) and "Skov" not in everything(data, fmt), fmt
        assert RULES[0] in text_of(data, fmt) and (fmt == "json" or "I, BS" in text_of(data, fmt)), fmt
    body = json.loads(render(build(planned, MEETING, "screen", case=CASE), "json"))["cases"][0]
    assert [r["keepers"] for r in body["decision"]["safety_plan"]] == [["I", "BS"]] * 2
    assert {"BS", "M"} <= {r["who"] for r in body["signs_of_safety"]["scale"]}
    assert {"text": "Far drikker om aftenen", "who": "BS"} in body["signs_of_safety"]["worries"]


def test_deterministic_and_verifiable_with_the_methods(planned: Db) -> None:
    for level in ("screen", "internal", "full"):
        for fmt in FORMATS:
            first = render(build(planned, MEETING, level), fmt)
            assert render(build(planned, MEETING, level), fmt) == first, (level, fmt)
            assert verify(planned, first), (level, fmt)


def test_html_escapes_the_mapping(demo_db: Db) -> None:
    sos.add(demo_db, CASE, "worries", "<script>alert(1)</script> & far", who="<b>Mor</b>")
    data = render(build(demo_db, MEETING, "internal", case=CASE), "html").decode()
    assert "<script>" not in data and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; far (&lt;b&gt;Mor&lt;/b&gt;)" in data


def test_a_case_without_the_methods_reads_and_hashes_as_before_them(planned: Db) -> None:
    """Empty parts are left out of the data (so files exported before the methods still verify) and the text."""
    doc = build(planned, MEETING, "internal", case=CASE)
    case = doc.cases[0]
    bare = sealed(replace(doc, cases=(replace(case, prevention=None, ics=(), signs_of_safety=None,
                                              decision=replace(case.decision, safety_plan=(), ruler=None)),)))
    body = data(bare)["cases"][0]
    assert not {"signs_of_safety", "ics", "prevention"} & set(body)
    assert not {"safety_plan", "ruler"} & set(body["decision"])
    text = render(bare, "md").decode()
    assert [x for x in ("### Signs of Safety", "ICS-trekanten", "Sikkerhedsskala", "Sikkerhedsplanens regler",
                        "linealens retning", "Forebyggelsestrekanten") if x in text] == []
