"""The case file format `visitation.case/1`: parsed and validated whole before anything is written."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from visitation.domain import cpr
from visitation.domain.dates import parse_day
from visitation.domain.decision import AlternativeDraft, Consent, Verdict
from visitation.domain.profiles import SECTORS, Profile
from visitation.errors import InvalidInput

FORMAT = "visitation.case/1"
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
        return self.value.strip()

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

    def flag(self) -> bool:
        """A boolean (missing: false)."""
        if self.value is None:
            return False
        if not isinstance(self.value, bool):
            raise self.fail("skal være true eller false")
        return self.value


def parse_case(data: Any) -> CaseFile:
    """Validate a decoded case file; raise InvalidInput naming the first bad field."""
    root = Node(data)
    root.obj()
    if root.at("format").value != FORMAT:
        raise root.at("format").fail(f"skal være \"{FORMAT}\"")
    steps = range(1, 21)
    proposal = root.at("proposal")
    return CaseFile(
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
                         sector=node.at("sector").choice(SECTORS), ring=node.at("ring").integer((1, 2, 3), "1, 2 eller 3"),
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
