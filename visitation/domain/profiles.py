"""Municipality profiles (kommuneprofiler): staircase, ruler, catalogue, follow-up rules, roles."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from visitation.domain.durations import Duration
from visitation.domain.law import MEASURES, FollowupRule, Law, load_law, read_followup
from visitation.domain.tomlcheck import DataFileError, Source, Table, equals, tables
from visitation.errors import NotFound

PLACEMENT_TYPES = ("network", "foster", "institution")
SECTORS = ("family", "friends", "school", "professional")


@dataclass(frozen=True)
class Step:
    """One step of the Indsatstrappe."""

    number: int
    label: str
    description: str = ""
    placement: bool = False
    goals: tuple[str, ...] = ()


@dataclass(frozen=True)
class Phase:
    """A group of steps (Kerteminde's four phases), with its methods and actors."""

    key: str
    label: str
    steps: tuple[int, ...]
    description: str = ""
    methods: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()


@dataclass(frozen=True)
class Zone:
    """One zone of the Børnelineal."""

    number: int
    label: str
    colour: str
    hex: str
    who_acts: str
    guidance: str
    legal: tuple[str, ...] = ()
    group: str = ""


@dataclass(frozen=True)
class Intervention:
    """One offer of the tilbudsvifte, on a step, with its legal basis."""

    key: str
    label: str
    step: int
    legal: tuple[str, ...]
    placement_type: str = ""
    description: str = ""


@dataclass(frozen=True)
class PriorityOption:
    """One place in the municipality's placement priority order (its policy, not a paragraph),
    with its interventions."""

    key: str
    label: str
    interventions: tuple[str, ...]


@dataclass(frozen=True)
class Cadence:
    """The profile's default interval between follow-ups of a running measure, when a follow-up agrees none."""

    applies_to: str
    every: Duration
    label: str


@dataclass(frozen=True)
class Methods:
    """The methods the municipality's meeting works with (seeds: Hjørring, Kerteminde, Socialstyrelsen)."""

    signs_of_safety: bool = False
    """The Signs of Safety mapping is a step of its own in the meeting."""
    safety_plan_before_placement: bool = False
    """A safety plan must be weighed (an alternative with a reason) before any placement (Hjørring)."""
    prevention_triangle: bool = False
    """Cases carry the prevention triangle and position × trivsel (Socialstyrelsen, skema 1 and 2)."""


@dataclass(frozen=True)
class RulerSteps:
    """Which steps each zone of the ruler usually calls for: the municipality's guidance, never a paragraph."""

    basis: str
    zones: dict[int, tuple[int, int]]

    def range_for(self, zone: int) -> tuple[int, int] | None:
        """The lowest and highest step the zone usually calls for, if the profile says."""
        return self.zones.get(zone)


@dataclass(frozen=True)
class Role:
    """A participant role at the meeting."""

    key: str
    label: str
    organisation: str = ""


@dataclass(frozen=True)
class Profile:
    """Everything that differs between municipalities, as data."""

    key: str
    name: str
    version: str
    municipality: str
    source: str
    description: str
    steps: tuple[Step, ...]
    zones: tuple[Zone, ...]
    interventions: tuple[Intervention, ...]
    priority: tuple[PriorityOption, ...]
    followups: tuple[FollowupRule, ...]
    roles: tuple[Role, ...]
    required_alternatives: dict[int, tuple[int, ...]]
    caseload_reference: int
    phases: tuple[Phase, ...] = ()
    cadences: tuple[Cadence, ...] = ()
    methods: Methods = Methods()
    ruler_steps: RulerSteps = RulerSteps("", {})
    law: Law = field(default=None, repr=False, compare=False)  # type: ignore[assignment]
    text: str = field(default="", repr=False, compare=False)

    def step(self, number: int) -> Step:
        """The step with this number."""
        return next(s for s in self.steps if s.number == number)

    def has_step(self, number: int) -> bool:
        """Whether the staircase has this step."""
        return any(s.number == number for s in self.steps)

    def zone(self, number: int) -> Zone:
        """The zone with this number."""
        return next(z for z in self.zones if z.number == number)

    def intervention(self, key: str) -> Intervention | None:
        """The catalogue entry for a key, or None."""
        return next((i for i in self.interventions if i.key == key), None)

    def is_placement(self, step: int) -> bool:
        """Whether a step is a placement outside the home."""
        return any(s.number == step and s.placement for s in self.steps)

    def legal_basis(self, key: str) -> tuple[str, ...]:
        """Citations (BL with the SEL predecessor) of an intervention."""
        item = self.intervention(key)
        return tuple(self.law.cite(k) for k in item.legal) if item else ()

    def phase_of(self, step: int) -> Phase | None:
        """The phase a step belongs to, if the profile groups steps."""
        return next((p for p in self.phases if step in p.steps), None)

    def measures(self, keys: tuple[str, ...] | list[str], step: int) -> frozenset[str]:
        """The kinds of measure a decision makes (preventive, support, placement): those of its interventions'
        paragraphs, and a placement on a placement step."""
        kinds = {self.law.paragraphs[k].measure for key in keys if (item := self.intervention(key))
                 for k in item.legal}
        if self.is_placement(step):
            kinds.add("placement")
        return frozenset(kinds & set(MEASURES))

    def cadence(self, measures: frozenset[str]) -> Cadence | None:
        """The most frequent default cadence among the decision's measures, if the profile has one."""
        found = [c for c in self.cadences if c.applies_to in measures]
        return min(found, key=lambda c: c.every.after(_EPOCH), default=None)

    @property
    def policy_owner(self) -> str:
        """Whose policy the profile's own rules are: `Kerteminde`, `Landsdækkende standard`."""
        return self.municipality.removesuffix(" Kommune")


def parse_profile(source: Source, law: Law | None = None) -> Profile:
    """Validate a profile file and build it; every error names line and field."""
    law = law or load_law()
    head = Table(source, "profile", None, source.data.get("profile"))
    steps = _steps(source)
    numbers = {s.number for s in steps}
    zones = _zones(source, law)
    interventions = _interventions(source, numbers, law)
    keys = {i.key for i in interventions}
    rules = Table(source, "rules", None, source.data.get("rules", {}))
    return Profile(
        key=head.get("key", str, check=lambda k: k.replace("-", "").isalnum() and k.islower(),
                     problem="kun små bogstaver, tal og bindestreg"),
        name=head.get("name", str), version=head.get("version", str),
        municipality=head.get("municipality", str), source=head.get("source", str, ""),
        description=head.get("description", str, ""),
        steps=steps, zones=zones, interventions=interventions,
        priority=_priority(source, keys), followups=_followups(source, law),
        roles=tuple(Role(t.get("key", str), t.get("label", str), t.get("organisation", str, ""))
                    for t in tables(source, "roles")),
        required_alternatives=_required(rules, numbers),
        caseload_reference=rules.get("caseload_reference", int, 25, lambda n: n > 0, "skal være > 0"),
        phases=_phases(source, numbers), cadences=_cadences(source), methods=_methods(source),
        ruler_steps=_ruler_steps(source, numbers, {z.number for z in zones}), law=law, text=source.text,
    )


def _steps(source: Source) -> tuple[Step, ...]:
    steps = []
    for n, t in enumerate(tables(source, "steps"), start=1):
        steps.append(Step(
            number=t.get("number", int, check=equals(n), problem=f"skal være {n} (trinene nummereres 1, 2, 3 …)"),
            label=t.get("label", str), description=t.get("description", str, ""),
            placement=t.get("placement", bool, False), goals=t.strings("goals")))
    if len(steps) < 2:
        raise source.fail("steps", None, None, "en trappe skal have mindst 2 trin")
    return tuple(steps)


def _zones(source: Source, law: Law) -> tuple[Zone, ...]:
    zones = []
    for n, t in enumerate(tables(source, "zones"), start=1):
        legal = t.strings("legal")
        _check_legal(t, legal, law)
        zones.append(Zone(
            number=t.get("number", int, check=equals(n), problem=f"skal være {n}"),
            label=t.get("label", str), colour=t.get("colour", str),
            hex=t.get("hex", str, check=_is_hex, problem="skal være en farve som #2e7d32"),
            who_acts=t.get("who_acts", str), guidance=t.get("guidance", str),
            legal=legal, group=t.get("group", str, "")))
    if len(zones) < 2:
        raise source.fail("zones", None, None, "en lineal skal have mindst 2 zoner")
    return tuple(zones)


def _interventions(source: Source, steps: set[int], law: Law) -> tuple[Intervention, ...]:
    items: dict[str, Intervention] = {}
    for t in tables(source, "interventions"):
        key = t.get("key", str)
        if key in items:
            raise t.fail("key", f"'{key}' findes allerede")
        legal = t.strings("legal")
        _check_legal(t, legal, law)
        items[key] = Intervention(
            key=key, label=t.get("label", str),
            step=t.get("step", int, check=lambda v: v in steps, problem="skal være et trin på trappen"),
            legal=legal, description=t.get("description", str, ""),
            placement_type=t.get("placement_type", str, "", lambda v: v in PLACEMENT_TYPES,
                                 "skal være network, foster eller institution"))
    return tuple(items.values())


def _priority(source: Source, keys: set[str]) -> tuple[PriorityOption, ...]:
    options = []
    for t in tables(source, "placement_priority"):
        wanted = t.strings("interventions")
        for key in wanted:
            if key not in keys:
                raise t.fail("interventions", f"ukendt indsats '{key}'")
        options.append(PriorityOption(t.get("key", str), t.get("label", str), wanted))
    return tuple(options)


def _followups(source: Source, law: Law) -> tuple[FollowupRule, ...]:
    return tuple(read_followup(t, law.paragraphs) for t in tables(source, "followups"))


def _cadences(source: Source) -> tuple[Cadence, ...]:
    found = []
    for t in tables(source, "cadence"):
        try:
            every = Duration.parse(t.get("every", str))
        except ValueError as exc:
            raise t.fail("every", str(exc)) from None
        if every.count == 0:
            raise t.fail("every", "skal være mindst 1 (fx 6w)")
        found.append(Cadence(t.get("applies_to", str, check=lambda v: v in MEASURES,
                                   problem=f"skal være en af {', '.join(MEASURES)}"),
                             every, t.get("label", str)))
    return tuple(found)


def _phases(source: Source, steps: set[int]) -> tuple[Phase, ...]:
    phases = []
    for t in tables(source, "phases"):
        numbers = t.ints("steps")
        if not numbers or any(n not in steps for n in numbers):
            raise t.fail("steps", "skal være trin på trappen")
        phases.append(Phase(key=t.get("key", str), label=t.get("label", str), steps=numbers,
                            description=t.get("description", str, ""),
                            methods=t.strings("methods"), actors=t.strings("actors")))
    return tuple(phases)


def _required(rules: Table, steps: set[int]) -> dict[int, tuple[int, ...]]:
    raw: Any = rules.get("required_alternatives", dict, {})
    result: dict[int, tuple[int, ...]] = {}
    for key, lower in raw.items():
        if not key.isdigit() or int(key) not in steps:
            raise rules.fail("required_alternatives", f"'{key}' er ikke et trin på trappen")
        if not isinstance(lower, list) or any(type(n) is not int or n >= int(key) or n not in steps for n in lower):
            raise rules.fail("required_alternatives", f"trin {key}: skal være en liste af lavere trin")
        result[int(key)] = tuple(lower)
    return result


def _methods(source: Source) -> Methods:
    table = Table(source, "methods", None, source.data.get("methods", {}))
    return Methods(**{name: table.get(name, bool, False) for name in Methods.__dataclass_fields__})


def _ruler_steps(source: Source, steps: set[int], zones: set[int]) -> RulerSteps:
    table = Table(source, "ruler_steps", None, source.data.get("ruler_steps", {}))
    raw: Any = table.get("zones", dict, {})
    found: dict[int, tuple[int, int]] = {}
    for key, pair in raw.items():
        if not key.isdigit() or int(key) not in zones:
            raise table.fail("zones", f"'{key}' er ikke en zone på linealen")
        if (not isinstance(pair, list) or len(pair) != 2 or any(type(n) is not int or n not in steps for n in pair)
                or pair[0] > pair[1]):
            raise table.fail("zones", f"zone {key}: skal være [laveste, højeste] trin på trappen")
        found[int(key)] = (pair[0], pair[1])
    if found and set(found) != zones:
        raise table.fail("zones", "skal nævne hver zone på linealen")
    basis = table.get("basis", str, "")
    if found and not basis:
        raise table.fail("basis", "mangler: hvor kommunens retning kommer fra")
    return RulerSteps(basis, found)


def _check_legal(table: Table, keys: tuple[str, ...], law: Law) -> None:
    for key in keys:
        if key not in law.paragraphs:
            raise table.fail("legal", f"ukendt lovhenvisning '{key}' (se data/law/)")


def _is_hex(value: str) -> bool:
    return len(value) == 7 and value[0] == "#" and all(c in "0123456789abcdefABCDEF" for c in value[1:])


_EPOCH = date(2000, 1, 1)
"""A fixed day to compare intervals of different units on."""
BUILTIN = ("socialstyrelsen", "odder", "kerteminde", "hjoerring")
DEFAULT_PROFILE = "socialstyrelsen"
_cache: dict[str, Profile] = {}


def builtin_names() -> tuple[str, ...]:
    """The names of the built-in profiles, the default first."""
    return BUILTIN


def load_profile(name_or_path: str) -> Profile:
    """A built-in profile by name, or a municipality's own profile file by path."""
    if name_or_path in _cache:
        return _cache[name_or_path]
    from visitation.paths import profiles_dir

    if name_or_path in BUILTIN:
        profile = parse_profile(Source.read(profiles_dir() / f"{name_or_path}.toml"))
    elif name_or_path.endswith(".toml") or "/" in name_or_path:
        profile = parse_profile(Source.read(Path(name_or_path)))
    else:
        raise NotFound(f"ukendt profil '{name_or_path}' (kendte: {', '.join(BUILTIN)})")
    _cache[name_or_path] = profile
    return profile


def profile_from_text(text: str, name: str) -> Profile:
    """A profile stored as text (in the database), parsed again."""
    key = f"text:{hash(text)}"
    if key not in _cache:
        _cache[key] = parse_profile(Source(text, name))
    return _cache[key]


__all__ = ["DataFileError", "Profile", "load_profile", "parse_profile", "builtin_names"]
