"""The case file format: parsed and validated whole before anything is written.

`visitation.case/1` carries the case as it stands; `visitation.case/2` adds its history — the decisions
with their follow-ups, and the goals with their scores — so a case moved to another municipality keeps it.
Both carry the seeds' methods as the case stands (the Signs of Safety mapping and plan, the ICS notes, the
prevention triangle: `casefile_methods`).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any

from visitation.domain import cpr
from visitation.domain.casefile_methods import Methods, parse_methods
from visitation.domain.dates import FIRST_YEAR, LAST_YEAR, parse_day
from visitation.domain.decision import (
    SPECS,
    STORED_FIELDS,
    AlternativeDraft,
    Consent,
    DecisionDraft,
    Verdict,
    resulting_step,
)
from visitation.domain.goals import MAX_GOAL_TEXT, SCORES, GoalStatus, goal_text
from visitation.domain.profiles import SECTORS, Profile
from visitation.domain.texts import ONE_LINE, refuse_unsafe, refuse_unsafe_in
from visitation.errors import InvalidInput

FORMAT_1 = "visitation.case/1"
FORMAT = "visitation.case/2"
"""What export writes; import reads both."""
FORMATS = (FORMAT_1, FORMAT)
VALENCES = ("resource", "concern", "both")
AXES = ("child", "parents")
MAX_TEXT = 20_000


@dataclass(frozen=True)
class Child:
    """The child: name, initials, birth date and an optional CPR number."""

    name: str
    initials: str
    birth_date: date
    cpr: str | None = None


@dataclass(frozen=True)
class View:
    """A view (the child's or the parents'), how and when it was obtained, and consent."""

    text: str = ""
    how: str = ""
    date: date | None = None
    consent: Consent = Consent.UNKNOWN


@dataclass(frozen=True)
class Assessment:
    """One rater's placement of the child on the Børnelineal."""

    date: date
    zone: int
    axis: str
    rater: str
    role: str
    protective: tuple[str, ...] = ()
    risk: tuple[str, ...] = ()
    note: str = ""
    consensus: bool = False


@dataclass(frozen=True)
class NetworkPerson:
    """A person on the network map."""

    name: str
    relation: str
    sector: str
    ring: int
    valence: str = "resource"
    placement_candidate: bool = False
    note: str = ""


@dataclass(frozen=True)
class Proposal:
    """The caseworker's proposal (indstilling)."""

    step: int
    interventions: tuple[str, ...]
    purpose: str = ""
    duration: str = ""
    rationale: str = ""


@dataclass(frozen=True)
class SnapshotPerson:
    """A person on the network map as a decision kept it (with the id and version it had where it was made)."""

    person: NetworkPerson
    id: int = 0
    version: int = 1


@dataclass(frozen=True)
class Attendee:
    """Someone at the meeting a decision was made at, as the decision kept them."""

    name: str
    role: str = ""
    organisation: str = ""
    present: bool = True


@dataclass(frozen=True)
class FollowupRecord:
    """A follow-up of a decision as it stood: due, what and who, done or not, or made moot by a later decision."""

    due: date
    kind: str
    label: str
    legal: tuple[str, ...] = ()
    responsible: str = ""
    done_on: date | None = None
    done_by: str = ""
    note: str = ""
    moot_by: int | None = None
    """The index (in the file's decisions) of the later decision that made it moot."""


@dataclass(frozen=True)
class DecisionRecord:
    """A decision of the case's history as it was recorded where it was made; never re-judged by the rules."""

    declared: dict[str, Any]
    """The declared fields a decision row keeps (`STORED_FIELDS`), as stored: choices as their values."""
    step_before: int
    legal_basis: tuple[str, ...]
    law_version: str
    profile_key: str
    profile_version: str
    alternatives: tuple[AlternativeDraft, ...]
    network_snapshot: tuple[SnapshotPerson, ...]
    participants: tuple[Attendee, ...]
    created_at: datetime
    created_by: str
    meeting_ref: str = ""
    meeting_date: date | None = None
    supersedes: int | None = None
    """The index (in the file's decisions) of the earlier decision this one replaced."""
    followups: tuple[FollowupRecord, ...] = ()

    @property
    def leaves_on(self) -> int:
        """The step the decision leaves the child on."""
        return resulting_step(self.declared["outcome"], self.declared["step"], self.step_before)


@dataclass(frozen=True)
class Score:
    """A goal's progress 0–10 on a day, and who scored it (empty: unknown)."""

    date: date
    score: int
    by: str = ""


@dataclass(frozen=True)
class GoalRecord:
    """A goal, or with `parent` (an index in the file's goals) a sub-goal, with its scores over time."""

    text: str
    parent: int | None = None
    due: date | None = None
    status: GoalStatus = GoalStatus.OPEN
    closed_on: date | None = None
    created_at: datetime | None = None
    created_by: str = ""
    scores: tuple[Score, ...] = ()


@dataclass(frozen=True)
class CaseFile:
    """A whole case as the file format carries it."""

    ref: str
    child: Child
    caseworker: str = ""
    school: str = ""
    reason: str = ""
    current_step: int = 1
    profile: str | None = None
    child_view: View = View()
    parents_view: View = View()
    assessments: tuple[Assessment, ...] = ()
    network: tuple[NetworkPerson, ...] = ()
    proposal: Proposal | None = None
    alternatives: tuple[AlternativeDraft, ...] = field(default=())
    decisions: tuple[DecisionRecord, ...] = ()
    """Oldest first (`/2`); the last one is in force."""
    goals: tuple[GoalRecord, ...] = ()
    methods: Methods = Methods()
    """The Signs of Safety mapping and plan, the ICS notes, the prevention triangle (`/1` and `/2`)."""


class Node:
    """A JSON value with its path, for errors like `network[2].ring: skal være 1, 2 eller 3`."""

    def __init__(self, value: Any, path: str = "") -> None:
        self.value, self.path = value, path

    def fail(self, problem: str) -> InvalidInput:
        """An error naming this node's path."""
        return InvalidInput(f"{self.path or 'filen'}: {problem}")

    def obj(self) -> dict[str, Any]:
        """The value as an object."""
        if not isinstance(self.value, dict):
            raise self.fail("skal være et objekt")
        return self.value

    def at(self, key: str) -> Node:
        """A field of an object (missing fields are None)."""
        if self.path == "--":  # the CLI's options: errors name `--ring`, not `ring`
            return Node(self.obj().get(key), f"--{key.replace('_', '-')}")
        return Node(self.obj().get(key), f"{self.path}.{key}" if self.path else key)

    def items(self) -> list[Node]:
        """The elements of a list (missing: empty)."""
        if self.value is None:
            return []
        if not isinstance(self.value, list):
            raise self.fail("skal være en liste")
        return [Node(v, f"{self.path}[{i}]") for i, v in enumerate(self.value)]

    def text(self, required: bool = False, limit: int = MAX_TEXT) -> str:
        """A string; required strings must not be blank."""
        if self.value is None and not required:
            return ""
        if not isinstance(self.value, str) or (required and not self.value.strip()):
            raise self.fail("skal være en tekst" if not required else "mangler")
        if len(self.value) > limit:
            raise self.fail(f"er for lang (højst {limit} tegn)")
        return refuse_unsafe(self.value.strip(), self.path or "filen", multiline=limit > ONE_LINE)

    def texts(self) -> tuple[str, ...]:
        """A list of strings."""
        return tuple(n.text(required=True) for n in self.items())

    def integer(self, allowed: range | tuple[int, ...], words: str) -> int:
        """An integer among `allowed`."""
        if type(self.value) is not int or self.value not in allowed:
            raise self.fail(f"skal være {words}")
        return self.value

    def choice(self, allowed: tuple[str, ...], default: str | None = None) -> str:
        """One of a set of words."""
        if self.value is None and default is not None:
            return default
        if self.value not in allowed:
            raise self.fail(f"skal være {' | '.join(allowed)}")
        return str(self.value)

    def day(self, required: bool = True) -> date | None:
        """A date as YYYY-MM-DD."""
        if self.value is None and not required:
            return None
        if not isinstance(self.value, str):
            raise self.fail("skal være en dato ÅÅÅÅ-MM-DD")
        try:
            return parse_day(self.value)
        except ValueError as exc:
            raise self.fail(str(exc)) from None

    def flag(self, default: bool = False) -> bool:
        """A boolean (missing: the default)."""
        if self.value is None:
            return default
        if not isinstance(self.value, bool):
            raise self.fail("skal være true eller false")
        return self.value

    def moment(self, required: bool = True) -> datetime | None:
        """A point in time in ISO 8601 with its offset (`2026-11-24T09:15:00Z`), as UTC."""
        if self.value is None and not required:
            return None
        try:
            found = datetime.fromisoformat(self.value) if isinstance(self.value, str) else None
        except ValueError:
            found = None
        if found is None or found.tzinfo is None or not FIRST_YEAR <= found.year <= LAST_YEAR:
            raise self.fail("skal være et tidspunkt med tidszone, fx 2026-11-24T09:15:00Z")
        return found.astimezone(UTC)

    def index(self, allowed: range, problem: str) -> int | None:
        """A position in a list of the file (missing: None), among `allowed`."""
        if self.value is None:
            return None
        if type(self.value) is not int or self.value not in allowed:
            raise self.fail(problem)
        return self.value


def parse_case(data: Any) -> CaseFile:
    """Validate a decoded case file (`/1` or `/2`); raise InvalidInput naming the first bad field."""
    root = Node(data)
    root.obj()
    refuse_unsafe_in(data, "")  # every string of every format, keys too, before any field is read
    if root.at("format").value not in FORMATS:
        formats = " eller ".join(f'"{f}"' for f in FORMATS)
        raise root.at("format").fail(f"skal være {formats}")
    case = _present(root)
    if root.at("format").value == FORMAT_1:
        return case  # `/1` has no history; fields of `/2` in it are ignored, as any unknown field
    case = dataclasses.replace(case, decisions=_decisions(root.at("decisions")), goals=_goals(root.at("goals")))
    _check_step_follows(case)
    return case


def _present(root: Node) -> CaseFile:
    """The case as it stands: the content of `/1`."""
    steps = range(1, 21)
    proposal = root.at("proposal")
    case = CaseFile(
        ref=_ref(root.at("ref")), child=_child(root.at("child")),
        caseworker=root.at("caseworker").text(limit=200), school=root.at("school").text(limit=300),
        reason=root.at("reason").text(), current_step=root.at("current_step").integer(steps, "et trin (1, 2, 3 …)"),
        profile=root.at("profile").text(limit=200) or None,
        child_view=_view(root.at("child_view")), parents_view=_view(root.at("parents_view")),
        assessments=tuple(_assessment(n) for n in root.at("assessments").items()),
        network=tuple(network_person(n) for n in root.at("network").items()),
        proposal=None if proposal.value is None else _proposal(proposal),
        alternatives=tuple(alternative(n) for n in root.at("alternatives").items()),
    )
    return dataclasses.replace(case, methods=parse_methods(root, case.network))  # keepers are named on its map


REF_PROBLEM = "skal være en sagsreference som 2026-0042 (bogstaver, tal, - _ / .; ikke kun tal)"


def valid_ref(ref: str) -> bool:
    """A case reference: letters, digits and - _ / . , at most 40, never digits only (those are ids)."""
    return (0 < len(ref) <= 40 and not ref.isdigit()
            and all(c.isalnum() or c in "-_/." for c in ref))


def _ref(node: Node) -> str:
    ref = node.text(required=True, limit=40)
    if not valid_ref(ref):
        raise node.fail(REF_PROBLEM)
    return ref


def _child(node: Node) -> Child:
    node.obj()
    born = node.at("birth_date").day()
    number = node.at("cpr")
    found = None
    if number.value is not None:
        try:
            check = cpr.validate(number.text(required=True, limit=20))
        except ValueError as exc:
            raise number.fail(str(exc)) from None
        if check.birth_date != born:
            raise number.fail("passer ikke med fødselsdatoen")
        found = check.number
    initials = node.at("initials")
    return Child(name=node.at("name").text(required=True, limit=200),
                 initials=initials.text(required=True, limit=10), birth_date=born, cpr=found)  # type: ignore[arg-type]


def _view(node: Node) -> View:
    if node.value is None:
        return View()
    node.obj()
    return View(text=node.at("text").text(), how=node.at("how").text(limit=500),
                date=node.at("date").day(required=False),
                consent=Consent(node.at("consent").choice(tuple(Consent), Consent.UNKNOWN)))


def _assessment(node: Node) -> Assessment:
    node.obj()
    return Assessment(date=node.at("date").day(), zone=node.at("zone").integer(range(1, 11), "en zone (1, 2, 3 …)"),  # type: ignore[arg-type]
                      axis=node.at("axis").choice(AXES, "child"), rater=node.at("rater").text(required=True, limit=200),
                      role=node.at("role").text(required=True, limit=200), protective=node.at("protective").texts(),
                      risk=node.at("risk").texts(), note=node.at("note").text(),
                      consensus=node.at("consensus").flag())


def network_person(node: Node) -> NetworkPerson:
    """One person of the network map (also used by the CLI's `network add`)."""
    node.obj()
    return NetworkPerson(name=node.at("name").text(required=True, limit=200),
                         relation=node.at("relation").text(required=True, limit=200),
                         sector=node.at("sector").choice(SECTORS),
                         ring=node.at("ring").integer((1, 2, 3), "1, 2 eller 3"),
                         valence=node.at("valence").choice(VALENCES, "resource"),
                         placement_candidate=node.at("placement_candidate").flag(), note=node.at("note").text())


def _proposal(node: Node) -> Proposal:
    node.obj()
    return Proposal(step=node.at("step").integer(range(1, 21), "et trin"),
                    interventions=node.at("interventions").texts(), purpose=node.at("purpose").text(),
                    duration=node.at("duration").text(limit=200), rationale=node.at("rationale").text())


def alternative(node: Node) -> AlternativeDraft:
    """One alternative considered."""
    node.obj()
    return AlternativeDraft(step=node.at("step").integer(range(1, 21), "et trin"),
                            intervention=node.at("intervention").text(required=True, limit=100),
                            verdict=Verdict(node.at("verdict").choice(tuple(Verdict))),
                            reason=node.at("reason").text())


# --- the history (`/2`) ---------------------------------------------------------------------------

STEPS = range(1, 21)
DEFAULTS: dict[str, Any] = {f.name: f.default for f in dataclasses.fields(DecisionDraft)}


def _earlier(i: int) -> str:
    """The problem of an index that should point back in its list."""
    return f"skal være nummeret på en tidligere i listen (0–{i - 1})" if i else "skal være null (den første i listen)"


def _decisions(node: Node) -> tuple[DecisionRecord, ...]:
    """The decisions, oldest first; each replaces at most an earlier one, and none is replaced twice."""
    items = node.items()
    found: list[DecisionRecord] = []
    replaced_by: dict[int, int] = {}
    for i, item in enumerate(items):
        record = _decision(item, i, len(items))
        if record.supersedes in replaced_by:
            raise item.at("supersedes").fail(
                f"decisions[{record.supersedes}] er allerede erstattet af decisions[{replaced_by[record.supersedes]}]")
        if record.supersedes is not None:
            replaced_by[record.supersedes] = i
        found.append(record)
    return tuple(found)


def _decision(node: Node, i: int, count: int) -> DecisionRecord:
    """One decision: the declared fields, then who, when, where, under which law and what it replaced."""
    node.obj()
    meeting_ref, meeting_date = _meeting(node.at("meeting"))
    return DecisionRecord(
        declared={name: _declared(node.at(name), name) for name in STORED_FIELDS},
        step_before=node.at("step_before").integer(STEPS, "et trin (1, 2, 3 …)"),
        legal_basis=node.at("legal_basis").texts(), law_version=node.at("law_version").text(limit=100),
        profile_key=node.at("profile_key").text(required=True, limit=100),
        profile_version=node.at("profile_version").text(limit=50),
        alternatives=tuple(alternative(n) for n in node.at("alternatives").items()),
        network_snapshot=tuple(_snapshot_person(n) for n in node.at("network_snapshot").items()),
        participants=tuple(_attendee(n) for n in node.at("participants").items()),
        created_at=node.at("created_at").moment(),  # type: ignore[arg-type]
        created_by=node.at("created_by").text(required=True, limit=200),
        meeting_ref=meeting_ref, meeting_date=meeting_date,
        supersedes=node.at("supersedes").index(range(i), _earlier(i)),
        followups=tuple(_followup(n, i, count) for n in node.at("followups").items()),
    )


def _declared(node: Node, name: str) -> Any:
    """A declared decision field, read by its kind (so a field added to the declaration travels too)."""
    spec, default = SPECS[name], DEFAULTS[name]
    if spec.kind == "choice":
        choices: type[StrEnum] = type(default)
        return node.choice(tuple(choices), None if spec.required else default.value)
    if spec.kind == "step":
        return node.integer(STEPS, "et trin (1, 2, 3 …)")
    if spec.kind == "keys":
        return tuple(n.text(required=True, limit=100) for n in node.items())
    if spec.kind == "date":
        return node.day(required=False)
    if spec.kind == "flag":
        return node.flag(default)
    if spec.kind == "int":
        assert spec.range is not None, name  # every int field declares its range
        low, high = spec.range
        return None if node.value is None else node.integer(range(low, high + 1), f"et helt tal {low}-{high}")
    return node.text()  # at most MAX_TEXT, as `decide` allows


def _meeting(node: Node) -> tuple[str, date | None]:
    """The meeting a decision was made at (`ref`, `date`); none for a decision made outside one."""
    if node.value is None:
        return "", None
    node.obj()
    return node.at("ref").text(required=True, limit=40), node.at("date").day()


def _snapshot_person(node: Node) -> SnapshotPerson:
    ids = range(0, 2**31)
    found = node.at("id").index(ids, "skal være et id (et helt tal)")
    version = node.at("version").index(ids, "skal være et helt tal")
    return SnapshotPerson(network_person(node), 0 if found is None else found, 1 if version is None else version)


def _attendee(node: Node) -> Attendee:
    node.obj()
    return Attendee(name=node.at("name").text(required=True, limit=200), role=node.at("role").text(limit=200),
                    organisation=node.at("organisation").text(limit=200), present=node.at("present").flag(True))


def _followup(node: Node, i: int, count: int) -> FollowupRecord:
    """A follow-up of decision i; only a later decision can have made it moot."""
    node.obj()
    later = range(i + 1, count)
    moot = f"skal være nummeret på en senere beslutning ({i + 1}–{count - 1})" if later else \
        "skal være null (ingen senere beslutning)"
    return FollowupRecord(due=node.at("due").day(), kind=node.at("kind").text(required=True, limit=50),  # type: ignore[arg-type]
                          label=node.at("label").text(required=True, limit=300), legal=node.at("legal").texts(),
                          responsible=node.at("responsible").text(limit=200),
                          done_on=node.at("done_on").day(required=False), done_by=node.at("done_by").text(limit=200),
                          note=node.at("note").text(), moot_by=node.at("moot_by").index(later, moot))


def _goals(node: Node) -> tuple[GoalRecord, ...]:
    """Goals and sub-goals: a sub-goal points back to a goal that is not itself one (so they never go round)."""
    found: list[GoalRecord] = []
    for i, item in enumerate(node.items()):
        goal = _goal(item, i)
        if goal.parent is not None and found[goal.parent].parent is not None:
            raise item.at("parent").fail(
                f"goals[{goal.parent}] er selv et delmål (mål har kun delmål, ikke flere niveauer)")
        found.append(goal)
    return tuple(found)


def _goal(node: Node, i: int) -> GoalRecord:
    node.obj()
    status = GoalStatus(node.at("status").choice(tuple(GoalStatus), GoalStatus.OPEN))
    closed = node.at("closed_on")
    if (status is GoalStatus.OPEN) != (closed.value is None):
        raise closed.fail("mangler for et lukket mål" if closed.value is None else "skal være null for et åbent mål")
    text = node.at("text")
    return GoalRecord(text=goal_text(text.text(required=True, limit=MAX_GOAL_TEXT), text.path),
                      parent=node.at("parent").index(range(i), _earlier(i) + "; mål og delmål kan ikke gå i ring"),
                      due=node.at("due").day(required=False), status=status, closed_on=closed.day(required=False),
                      created_at=node.at("created_at").moment(required=False),
                      created_by=node.at("created_by").text(limit=200),
                      scores=tuple(_score(n) for n in node.at("scores").items()))


def _score(node: Node) -> Score:
    node.obj()
    return Score(date=node.at("date").day(), score=node.at("score").integer(SCORES, "0–10"),  # type: ignore[arg-type]
                 by=node.at("by").text(limit=200))


def _check_step_follows(case: CaseFile) -> None:
    """The case stands where its last decision left it."""
    if case.decisions and case.current_step != case.decisions[-1].leaves_on:
        last = len(case.decisions) - 1
        raise Node(case.current_step, "current_step").fail(
            f"skal være {case.decisions[-1].leaves_on}: det trin den sidste beslutning (decisions[{last}]) "
            "efterlader barnet på")


def check_against(case: CaseFile, profile: Profile) -> None:
    """The steps, zones and intervention keys of a case exist in its profile."""
    def step(value: int, path: str) -> None:
        if not profile.has_step(value):
            raise Node(value, path).fail(f"trin {value} findes ikke i profilen {profile.key}")

    def key(value: str, path: str) -> None:
        if profile.intervention(value) is None:
            raise Node(value, path).fail(f"ukendt indsats '{value}' i profilen {profile.key}")

    step(case.current_step, "current_step")
    for i, a in enumerate(case.assessments):
        if not any(z.number == a.zone for z in profile.zones):
            raise Node(a.zone, f"assessments[{i}].zone").fail(f"zone {a.zone} findes ikke i profilen {profile.key}")
    if case.proposal:
        step(case.proposal.step, "proposal.step")
        for i, k in enumerate(case.proposal.interventions):
            key(k, f"proposal.interventions[{i}]")
    for i, alt in enumerate(case.alternatives):
        step(alt.step, f"alternatives[{i}].step")
        key(alt.intervention, f"alternatives[{i}].intervention")
        on = profile.intervention(alt.intervention).step  # type: ignore[union-attr]
        if on != alt.step:
            raise Node(alt.step, f"alternatives[{i}].step").fail(
                f"'{alt.intervention}' ligger på trin {on}, ikke {alt.step}")
