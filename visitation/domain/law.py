"""Barnets Lov as data: the paragraphs the profiles refer to (with their Serviceloven predecessors), the rules
a decision must meet, the ages the law attaches rights to, and the follow-ups it creates."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from visitation.domain.durations import Duration
from visitation.domain.tomlcheck import Source, Table, tables

MEASURES = ("preventive", "support", "placement")
"""What a paragraph can ground: a § 30 preventive measure, a § 32 support measure, a §§ 46/47 placement."""
RULE_APPLIES_TO = ("measure", "support", "placement", "return-home")
"""Which decisions a rule of the law concerns ("measure": a § 32 measure or a placement)."""
APPLIES_TO = ("all", "preventive", *RULE_APPLIES_TO, "investigation", "acute", "referral")
"""Which decisions a follow-up rule concerns (see data/law/barnets-lov.toml)."""
COUNTS_FROM = ("start", "decision", "investigation", "return")
RULE_KINDS = ("required", "consent", "investigation")


@dataclass(frozen=True)
class Paragraph:
    """One paragraph (or stk./nr.) of Barnets Lov, with the old Serviceloven paragraph it replaced."""

    key: str
    ref: str
    title: str
    sel: str = ""
    measure: str = ""
    """The kind of measure the paragraph grounds (MEASURES), or blank."""

    def cite(self) -> str:
        """`BL § 32, stk. 1, nr. 5 (tidl. SEL § 52, stk. 3, nr. 3)`."""
        return f"{self.ref} (tidl. {self.sel})" if self.sel else self.ref


@dataclass(frozen=True)
class FollowupRule:
    """When follow-ups fall due after a decision."""

    kind: str
    label: str
    applies_to: str
    after: Duration
    every: Duration | None = None
    until: Duration | None = None
    count: int | None = 1
    """How many; None with `every` and no `until`: as long as the measure lasts (see `continuing`)."""
    legal: tuple[str, ...] = ()
    deadline: bool = False
    """True for a 'no later than' rule: met by any earlier follow-up of the profile."""
    counts_from: str = "start"
    cadence: bool = False
    """Done, it sets the next follow-up at the cadence agreed then, or the profile's (BL § 95, stk. 3)."""
    task: bool = False
    """A task of the caseworker's (barnets plan): it never meets a follow-up deadline."""
    note: str = ""
    """For the jurist (docs/law.md): what in the rule is Visitation's choice, not the law's."""

    @property
    def continuing(self) -> bool:
        """Whether it recurs for as long as the measure lasts (the next is made when one is done)."""
        return self.every is not None and self.until is None and self.count is None


@dataclass(frozen=True)
class LawRule:
    """A rule of SPEC §3 that is the law's: what a decision must hold, checked by `kind` in domain.rules."""

    key: str
    spec: int
    kind: str
    title: str
    text: str
    applies_to: str
    legal: tuple[str, ...]
    fields: tuple[str, ...] = ()
    hint: str = ""
    """Said with a violation: how the fields may be answered."""
    note: str = ""
    """For the jurist (docs/law.md): what is to be checked, or is Visitation's choice, not the law's."""
    youth_from: int | None = None
    referral: tuple[str, ...] = ()
    youth_referral: tuple[str, ...] = ()


@dataclass(frozen=True)
class AgeFact:
    """An age the law attaches a right to (SPEC §3 rule 11)."""

    key: str
    age: int
    fact: str
    legal: tuple[str, ...]


@dataclass(frozen=True)
class Law:
    """The law file: its version, the paragraphs by key, its rules, ages and follow-ups."""

    name: str
    version: str
    paragraphs: dict[str, Paragraph]
    followups: tuple[FollowupRule, ...]
    rules: tuple[LawRule, ...] = ()
    ages: tuple[AgeFact, ...] = ()
    source: str = ""
    """Where each paragraph can be read: a URL that the paragraph's number completes."""

    def source_of(self, key: str) -> str:
        """The page of a paragraph of Barnets lov (`…/46` for `BL § 46, stk. 1`), blank for other laws."""
        ref = self.paragraphs[key].ref
        number = ref.removeprefix("BL §§ ").removeprefix("BL § ").split(",")[0].split("-")[0]
        return f"{self.source}{number}" if self.source and ref.startswith("BL ") and number.isdigit() else ""

    def cite(self, key: str) -> str:
        """The citation of a paragraph key."""
        return self.paragraphs[key].cite()

    def refs(self, keys: tuple[str, ...]) -> str:
        """Short references joined for a message: `BL § 52, stk. 2 og 4; BL § 20` (the stk. of one § together)."""
        groups: list[tuple[str, list[str]]] = []
        for ref in dict.fromkeys(self.paragraphs[k].ref for k in keys):
            head, _, stk = ref.partition(", stk. ")
            if stk and groups and groups[-1][0] == head and groups[-1][1]:
                groups[-1][1].append(stk)
            else:
                groups.append((head, [stk] if stk else []))
        return "; ".join(f"{head}, stk. {' og '.join(stk)}" if stk else head for head, stk in groups)

    def rules_of(self, kind: str) -> tuple[LawRule, ...]:
        """The rules checked by one kind of check, in file order."""
        return tuple(r for r in self.rules if r.kind == kind)


def _duration(table: Table, field: str) -> Duration | None:
    if field not in table.data:
        return None
    try:
        return Duration.parse(table.get(field, str))
    except ValueError as exc:
        raise table.fail(field, str(exc)) from None


def _legal(table: Table, field: str, law_keys: set[str] | dict[str, Paragraph]) -> tuple[str, ...]:
    keys = table.strings(field)
    for key in keys:
        if key not in law_keys:
            raise table.fail(field, f"ukendt lovhenvisning '{key}'")
    return keys


def read_followup(table: Table, law_keys: set[str] | dict[str, Paragraph]) -> FollowupRule:
    """A `[[followups]]` table of a law or profile file."""
    after = _duration(table, "after")
    if after is None:
        raise table.fail("after", "mangler")
    every, until = _duration(table, "every"), _duration(table, "until")
    if every is not None and every.count == 0:
        raise table.fail("every", "skal være mindst 1 (fx 6w)")
    count: int | None = table.get("count", int, 1, lambda n: 1 <= n <= 100, "skal være 1-100")
    if every is not None and until is None and "count" not in table.data:
        count = None  # as long as the measure lasts
    return FollowupRule(
        kind=table.get("kind", str), label=table.get("label", str),
        applies_to=table.get("applies_to", str, check=lambda v: v in APPLIES_TO,
                             problem=f"skal være en af {', '.join(APPLIES_TO)}"),
        after=after, every=every, until=until, count=count, legal=_legal(table, "legal", law_keys),
        deadline=table.get("deadline", bool, False),
        counts_from=table.get("from", str, "start", lambda v: v in COUNTS_FROM,
                              f"skal være en af {', '.join(COUNTS_FROM)}"),
        cadence=table.get("cadence", bool, False), task=table.get("task", bool, False),
        note=" ".join(table.get("note", str, "").split()),
    )


def _rule(table: Table, paragraphs: dict[str, Paragraph], fields: set[str]) -> LawRule:
    """A `[[rules]]` table of the law file; `fields` are the decision's field names."""
    wanted = table.strings("fields")
    for name in wanted:
        if name not in fields:
            raise table.fail("fields", f"ukendt beslutningsfelt '{name}'")
    return LawRule(
        key=table.get("key", str), spec=table.get("spec", int),
        kind=table.get("kind", str, check=lambda v: v in RULE_KINDS,
                       problem=f"skal være en af {', '.join(RULE_KINDS)}"),
        title=table.get("title", str), text=" ".join(table.get("text", str).split()),
        applies_to=table.get("applies_to", str, check=lambda v: v in RULE_APPLIES_TO,
                             problem=f"skal være en af {', '.join(RULE_APPLIES_TO)}"),
        legal=_legal(table, "legal", paragraphs), fields=wanted, hint=table.get("hint", str, ""),
        note=" ".join(table.get("note", str, "").split()),
        youth_from=table.get("youth_from", int, None, lambda n: 0 < n < 18, "skal være en alder under 18"),
        referral=_legal(table, "referral", paragraphs), youth_referral=_legal(table, "youth_referral", paragraphs),
    )


def _paragraph(t: Table) -> Paragraph:
    return Paragraph(key=t.get("key", str), ref=t.get("ref", str), title=t.get("title", str),
                     sel=t.get("sel", str, ""),
                     measure=t.get("measure", str, "", lambda v: v in MEASURES,
                                   f"skal være en af {', '.join(MEASURES)}"))


def parse_law(source: Source) -> Law:
    """Validate and build the law from its TOML source."""
    from visitation.domain.decision import SPECS

    head = Table(source, "law", None, source.data.get("law"))
    paragraphs: dict[str, Paragraph] = {}
    for t in tables(source, "paragraphs"):
        p = _paragraph(t)
        if p.key in paragraphs:
            raise t.fail("key", f"'{p.key}' findes allerede")
        paragraphs[p.key] = p
    rules = tuple(read_followup(t, paragraphs) for t in tables(source, "followups"))
    checks = tuple(_rule(t, paragraphs, set(SPECS)) for t in tables(source, "rules"))
    ages = tuple(AgeFact(t.get("key", str), t.get("from", int), t.get("fact", str), _legal(t, "legal", paragraphs))
                 for t in tables(source, "ages"))
    return Law(name=head.get("name", str), version=head.get("version", str),
               paragraphs=paragraphs, followups=rules, rules=checks, ages=ages, source=head.get("source", str, ""))


@lru_cache(maxsize=4)
def load_law(path: Path | None = None) -> Law:
    """The shipped Barnets Lov file (cached: it is read-only reference data)."""
    from visitation.paths import law_dir

    return parse_law(Source.read(path or law_dir() / "barnets-lov.toml"))
