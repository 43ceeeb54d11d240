"""The minutes document: plain frozen dataclasses (no formatting), its canonical data and content hash.

Dates are ISO strings and every field is JSON-ready, so the document *is* its JSON export and the
content hash (SHA-256 of the canonical JSON of everything but the hash) is the same in every format.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, unquote

from visitation.domain.network import NetworkChange
from visitation.minutes.methods import IcsNote, PlanRule, PreventionLine, RulerNote, SignsOfSafety

FORMAT = "visitation.minutes/1"


@dataclass(frozen=True)
class Participant:
    """Someone at (or invited to) the meeting."""

    name: str
    role: str
    organisation: str
    present: bool


@dataclass(frozen=True)
class Meeting:
    """The meeting the minutes are of."""

    ref: str
    title: str
    date: str
    chair: str
    state: str
    participants: tuple[Participant, ...]


@dataclass(frozen=True)
class Step:
    """A step of the case's Indsatstrappe, with the profile's label."""

    number: int
    label: str


@dataclass(frozen=True)
class Child:
    """The child as the privacy level allows: name None at `screen`, cpr only at `full`."""

    initials: str
    name: str | None
    age: int
    birth_date: str | None
    cpr: str | None
    age_facts: tuple[str, ...]


@dataclass(frozen=True)
class Assessment:
    """One rater's mark on the Børnelineal, or the team's consensus."""

    date: str
    axis: str
    axis_label: str
    zone: int
    zone_label: str
    rater: str
    role: str
    consensus: bool
    protective: tuple[str, ...]
    risk: tuple[str, ...]
    note: str


@dataclass(frozen=True)
class Spread:
    """The lowest and highest zone the raters gave on one axis."""

    axis: str
    axis_label: str
    low: int
    high: int


@dataclass(frozen=True)
class Person:
    """A person on the network map (name as the privacy level allows)."""

    name: str
    relation: str
    sector: str
    sector_label: str
    ring: int
    valence: str
    valence_label: str
    placement_candidate: bool
    note: str


@dataclass(frozen=True)
class Network:
    """The map as kept with the decision (or as it is, before any), and what changed since last time."""

    people: tuple[Person, ...]
    compared_with: str | None
    """The date of the previous decision the map is compared with; None if there was none."""
    changes: tuple[NetworkChange, ...]


@dataclass(frozen=True)
class Alternative:
    """An alternative considered: step, intervention, verdict and reason."""

    step: int
    step_label: str
    intervention: str
    intervention_label: str
    verdict: str
    verdict_label: str
    reason: str


@dataclass(frozen=True)
class Intervention:
    """A chosen intervention with its legal basis (BL §, with the old SEL §)."""

    key: str
    label: str
    step: int
    legal: tuple[str, ...]


@dataclass(frozen=True)
class Followup:
    """A planned follow-up: when, what, on what legal basis, who is responsible."""

    due: str
    kind: str
    label: str
    legal: tuple[str, ...]
    responsible: str


@dataclass(frozen=True)
class Decision:
    """The meeting's decision in the case (the newest that no correction superseded)."""

    id: int
    outcome: str
    outcome_label: str
    step: Step
    interventions: tuple[Intervention, ...]
    legal_basis: tuple[str, ...]
    law_version: str
    purpose: str
    duration: str
    start: str | None
    goals: str
    child_view: str
    child_view_how: str
    parents_view: str
    consent: str
    consent_label: str
    youth_consent: str
    youth_consent_label: str
    investigation_done: str | None
    acute: bool
    return_period_months: int | None
    siblings: str
    schooling: str
    foster_assessment: str
    dissent: str
    rationale: str
    followups: tuple[Followup, ...]
    created_at: str
    created_by: str
    supersedes: int | None
    safety_plan: tuple[PlanRule, ...] = ()
    """The safety plan's rules as the decision locked them, when it chose the plan."""
    ruler: RulerNote | None = None
    """The ruler's warning and the meeting's reason, when the decision gave one."""


@dataclass(frozen=True)
class GoalLine:
    """A goal (or sub-goal) of the case with its progress, as the meeting knew it."""

    text: str
    sub: bool
    due: str | None
    status: str
    scores: str
    """The scores 0–10 over time, oldest first: `3 → 5 → 7` (empty before the first follow-up)."""


@dataclass(frozen=True)
class CaseMinutes:
    """One case on the docket: the child, the facts, the assessments, network, alternatives, decision."""

    position: int
    ref: str
    time_box: int
    status: str
    status_label: str
    child: Child
    caseworker: str
    school: str
    reason: str
    profile: str
    step_before: Step
    step_after: Step
    assessments: tuple[Assessment, ...]
    consensus: tuple[Assessment, ...]
    spread: tuple[Spread, ...]
    network: Network
    alternatives: tuple[Alternative, ...]
    decision: Decision | None
    goals: tuple[GoalLine, ...] = ()
    prevention: PreventionLine | None = None
    ics: tuple[IcsNote, ...] = ()
    signs_of_safety: SignsOfSafety | None = None


@dataclass(frozen=True)
class MinutesDocument:
    """The beslutningsreferat of a meeting (or of one case on it) at a privacy level."""

    format: str
    privacy: str
    privacy_label: str
    case: str | None
    """The case reference when the minutes are of one case only."""
    meeting: Meeting
    cases: tuple[CaseMinutes, ...]
    chain_head: str = ""
    """The decision chain's head at export (`beslutning:ID:16 hex`), so a kept copy witnesses the chain;
    empty in a file exported before heads were stamped (the field is then left out)."""
    content_hash: str = ""


OPTIONAL = {"case": ("prevention", "ics", "signs_of_safety"), "decision": ("safety_plan", "ruler")}
"""Keys left out when empty, so a case without the seeds' methods reads (and hashes) as before them."""


def data(doc: MinutesDocument) -> dict[str, Any]:
    """The document as JSON-ready data, hash included (and the chain head and the methods, when there are)."""
    body: dict[str, Any] = _plain(dataclasses.asdict(doc))
    if not body["chain_head"]:
        del body["chain_head"]
    for case in body["cases"]:
        _drop_empty(case, OPTIONAL["case"])
        if case["decision"]:
            _drop_empty(case["decision"], OPTIONAL["decision"])
    return body


def _drop_empty(part: dict[str, Any], keys: tuple[str, ...]) -> None:
    for key in keys:
        if not part[key]:
            del part[key]


def canonical(doc: MinutesDocument) -> bytes:
    """The canonical JSON of everything but the hash: sorted keys, no spaces, UTF-8."""
    body = data(doc)
    body.pop("content_hash", None)
    return json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def content_hash(doc: MinutesDocument) -> str:
    """SHA-256 (hex) of the canonical JSON."""
    return hashlib.sha256(canonical(doc)).hexdigest()


_CASE_HASHES: dict[str, tuple[tuple[str, str], ...]] = {}
"""Each sealed document's case hashes, by its content hash (computed with the hash, in the same pass)."""


def _hashes_of(cases: list[dict[str, Any]]) -> tuple[tuple[str, str], ...]:
    def short(case: dict[str, Any]) -> str:
        text = json.dumps(case, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
    return tuple((str(case["ref"]), short(case)) for case in cases)


def case_hashes(doc: MinutesDocument) -> tuple[tuple[str, str], ...]:
    """Per case on the docket: its reference and the first 12 hex of SHA-256 of its canonical JSON, so a
    changed copy or a changed database names the case that changed."""
    found = _CASE_HASHES.get(doc.content_hash) if doc.content_hash else None
    return found if found is not None else _hashes_of(data(doc)["cases"])


def sealed(doc: MinutesDocument) -> MinutesDocument:
    """The document with its content hash filled in (and its case hashes kept, from the same data)."""
    body = data(doc)
    body.pop("content_hash", None)
    digest = hashlib.sha256(json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
                            .encode("utf-8")).hexdigest()
    if len(_CASE_HASHES) > 256:
        _CASE_HASHES.clear()
    _CASE_HASHES[digest] = _hashes_of(body["cases"])
    return dataclasses.replace(doc, content_hash=digest)


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


STAMP = re.compile(r"visitation\.minutes/1;\s*møde=([^;\s]*);\s*sag=([^;\s]*);\s*niveau=([^;\s]*);\s*"
                   r"sha256=([0-9a-f]{64})(?:;\s*kædehoved=(beslutning:\d+:[0-9a-f]*))?"
                   r"(?:;\s*sager=((?:[^:;\s,]+:[0-9a-f]{12},?)+))?")
"""The stamp; whitespace after each `;` is optional, so it is found in text with every space taken out
(a PDF's text, where a long stamp wraps at any character)."""


@dataclass(frozen=True)
class Stamp:
    """What a file says about itself: the meeting, the case (or none), the privacy level, the hash, and
    the decision chain's head at export ('' in a file from before heads were stamped)."""

    meeting: str
    case: str | None
    privacy: str
    content_hash: str
    chain_head: str = ""
    cases: tuple[tuple[str, str], ...] = ()
    """(reference, 12 hex) per case, as `case_hashes` gives them; empty in a file from before they were stamped."""


def stamp(doc: MinutesDocument, cases: bool = True) -> str:
    """The one line every format carries, so `--verify` can rebuild the same document and check the chain;
    `cases=False` leaves out the hash per case (for Word's 255-character properties)."""
    head = f"; kædehoved={doc.chain_head}" if doc.chain_head else ""
    found = ",".join(f"{quote(ref, safe='')}:{digest}" for ref, digest in case_hashes(doc)) if cases else ""
    return (f"{FORMAT}; møde={quote(doc.meeting.ref, safe='')}; sag={quote(doc.case or '', safe='')}; "
            f"niveau={doc.privacy}; sha256={doc.content_hash}{head}" + (f"; sager={found}" if found else ""))


def find_stamp(text: str) -> Stamp | None:
    """The stamp in a file's text, or None."""
    found = STAMP.search(text)
    if found is None:
        return None
    meeting, case, privacy, digest, head, cases = found.groups()
    pairs = tuple((unquote(ref), value) for ref, value in (x.split(":") for x in (cases or "").split(",") if x))
    return Stamp(unquote(meeting), unquote(case) or None, privacy, digest, head or "", pairs)
