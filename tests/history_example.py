"""A case file of the second format (`visitation.case/2`) with a history, in the form export writes it:
shared by the domain, service and CLI tests.

The decisions are built from the decision's field declaration, so a field declared later travels here too.
"""

from __future__ import annotations

import copy
import dataclasses
from typing import Any

from visitation.domain.decision import STORED_FIELDS, DecisionDraft
from visitation.services.views import jsonable

LAW = "Barnets lov, LBK nr. 282 af 17/03/2025"
GRETHE = {"id": 7, "name": "Grethe", "relation": "mormor", "sector": "family", "ring": 1, "valence": "resource",
          "placement_candidate": True, "note": "Har plads", "version": 2}
PEOPLE = [{"name": "Hanne Kjeldsen", "role": "mødeleder", "organisation": "Børn og Familie", "present": True},
          {"name": "Ole Berg", "role": "PPR-psykolog", "organisation": "PPR", "present": False}]


def decision(**fields: Any) -> dict[str, Any]:
    """A decision as the export writes it: the declared fields at their defaults, then `fields`."""
    declared = {f.name: jsonable(f.default) for f in dataclasses.fields(DecisionDraft) if f.name in STORED_FIELDS}
    return {**declared, "step_before": 1, "legal_basis": [], "law_version": LAW, "profile_key": "kerteminde",
            "profile_version": "2026.1", "alternatives": [], "network_snapshot": [], "participants": [],
            "created_at": "2025-03-04T10:15:00.000000Z", "created_by": "Hanne Kjeldsen", "supersedes": None,
            "meeting": None, "followups": [], **fields}


def followup(due: str, **fields: Any) -> dict[str, Any]:
    """A follow-up as the export writes it."""
    return {"due": due, "kind": "first", "label": "Første opfølgning", "legal": ["BL § 95"],
            "responsible": "Mette Holm", "done_on": None, "done_by": "", "note": "", "moot_by": None, **fields}


def goal(text: str, **fields: Any) -> dict[str, Any]:
    """A goal as the export writes it."""
    return {"text": text, "parent": None, "due": None, "status": "open", "closed_on": None,
            "created_at": "2025-03-04T10:15:00.000000Z", "created_by": "Mette Holm", "scores": [], **fields}


def score(day: str, value: int, by: str = "Mette Holm") -> dict[str, Any]:
    return {"date": day, "score": value, "by": by}


NO_METHODS: dict[str, Any] = {
    "signs_of_safety": {"worries": [], "working": [], "next": [], "danger": [], "goals": [], "scale": [], "plan": []},
    "ics": [], "prevention": None, "position": None, "wellbeing": None,
}
"""The methods' part of an export of a case without any (SPEC §9.3)."""
METHODS: dict[str, Any] = {
    "signs_of_safety": {
        "worries": [{"text": "Liva kommer for sent og uden morgenmad", "who": "Mette Holm"}],
        "working": [{"text": "Mormor henter Liva hver dag", "who": "Grethe"},
                    {"text": "Liva er glad for sin klasse", "who": ""}],
        "next": [{"text": "En kontaktperson fra september", "who": "Mette Holm"}],
        "danger": [{"text": "Vi er bekymrede for, at Liva ikke får mad og søvn nok, når mor har det dårligt"}],
        "goals": [{"text": "Liva møder i skole hver dag, mæt og udhvilet"}],
        "scale": [{"who": "Grethe", "score": 6, "date": "2025-09-01"},
                  {"who": "Mette Holm", "score": 4, "date": "2025-09-02"}],
        "plan": [{"rule": "Mormor vækker Liva og giver hende morgenmad, når mor er indlagt", "keepers": ["Grethe"]}],
    },
    "ics": [{"side": "child", "dimension": "school", "concern": "Stigende fravær"},
            {"side": "family", "dimension": "network", "strength": "Mormor bor tæt på og hjælper hver dag"}],
    "prevention": "secondary", "position": "at-risk", "wellbeing": "not-thriving",
}
"""The methods' part of the example: the mapping with a plan kept by someone on its map, ICS notes and levels."""

SPRING = {"ref": "VM-2025-03-04", "date": "2025-03-04"}
AUTUMN = {"ref": "VM-2025-09-02", "date": "2025-09-02"}

HISTORY: dict[str, Any] = {
    "format": "visitation.case/2",
    "ref": "K-2025-07",
    "profile": "kerteminde",
    "child": {"name": "Liva Marie Jensen", "initials": "LMJ", "birth_date": "2018-04-11", "cpr": None},
    "caseworker": "Mette Holm",
    "school": "Munkebo Skole, 2.b",
    "reason": "Underretning fra skolen: stigende fravær og uro.",
    "current_step": 3,
    "child_view": {"text": "Vil bo hjemme", "how": "børnesamtale", "date": "2025-02-20"},
    "parents_view": {"text": "Mor ønsker hjælp", "consent": "yes"},
    "assessments": [],
    "network": [{k: v for k, v in GRETHE.items() if k not in ("id", "version")}],
    "proposal": None,
    "alternatives": [{"step": 2, "intervention": "familieraadslagning", "verdict": "rejected", "reason": "Prøvet"}],
    **METHODS,
    "decisions": [
        decision(outcome="approved", step_before=2, step=3, interventions=["familiebehandling"],
                 legal_basis=["BL § 32, stk. 1, nr. 3"], purpose="Struktur i hverdagen", duration="6 måneder",
                 start="2025-03-10", goals="Liva kommer i skole hver dag", child_view="Vil bo hjemme",
                 child_view_how="børnesamtale 2025-02-20", parents_view="Enige", consent="yes",
                 rationale="Familien kan med støtte", network_snapshot=[GRETHE], participants=PEOPLE,
                 alternatives=[{"step": 2, "intervention": "familieraadslagning", "verdict": "rejected",
                                "reason": "Prøvet"}],
                 meeting=SPRING,
                 followups=[followup("2025-06-10", done_on="2025-06-02", done_by="Mette Holm", note="Bedre"),
                            followup("2025-09-01", kind="loebende", label="Løbende opfølgning", moot_by=1)]),
        decision(outcome="approved", step_before=3, step=4, interventions=["netvaerksplejefamilie"],
                 start="2025-09-15", consent="yes", rationale="Hjemme går det ikke",
                 created_at="2025-09-02T09:30:12.345678Z", meeting=AUTUMN,
                 followups=[followup("2025-12-15")]),
        decision(outcome="changed", step_before=3, step=3, interventions=["kontaktperson"],
                 start="2025-09-15", consent="partial", dissent="PPR ønskede anbringelse",
                 rationale="Mormor hjælper i stedet", created_at="2025-09-02T09:48:00.000000Z",
                 created_by="Jonas Kragh", meeting=AUTUMN, supersedes=1,
                 followups=[followup("2025-12-15")]),
    ],
    "goals": [
        goal("Liva kommer i skole hver dag", scores=[score("2025-06-02", 4), score("2025-09-01", 6)]),
        goal("Morgenmad hver dag", parent=0, due="2025-12-31", status="reached", closed_on="2025-09-01",
             scores=[score("2025-06-02", 7, "Jonas Kragh")]),
        goal("Mor i behandling", status="dropped", closed_on="2025-09-02"),
    ],
}


def history(**changes: Any) -> dict[str, Any]:
    """A copy of HISTORY, changed as asked."""
    return {**copy.deepcopy(HISTORY), **copy.deepcopy(changes)}


def changed(where: str, **fields: Any) -> dict[str, Any]:
    """A copy of HISTORY with the object at `where` (`decisions.1`, `goals.0.scores.1`) updated."""
    data = history()
    node: Any = data
    for part in where.split("."):
        node = node[int(part)] if part.isdigit() else node[part]
    node.update(fields)
    return data
