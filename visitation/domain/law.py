"""The Barnets Lov paragraphs the profiles refer to, with their Serviceloven predecessors."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from visitation.domain.durations import Duration
from visitation.domain.tomlcheck import Source, Table, tables

APPLIES_TO = ("all", "measure", "placement", "investigation")


@dataclass(frozen=True)
class Paragraph:
    """One paragraph (or stk./nr.) of Barnets Lov, with the old Serviceloven paragraph it replaced."""

    key: str
    ref: str
    title: str
    sel: str = ""

    def cite(self) -> str:
        """`BL § 32, stk. 1, nr. 5 (tidl. SEL § 52, stk. 3, nr. 3)`."""
        return f"{self.ref} (tidl. {self.sel})" if self.sel else self.ref


@dataclass(frozen=True)
class FollowupRule:
    """When follow-ups fall due after a decision's start date."""

    kind: str
    label: str
    applies_to: str
    after: Duration
    every: Duration | None = None
    until: Duration | None = None
    count: int = 1
    legal: tuple[str, ...] = ()
    deadline: bool = False
    """True for a 'no later than' rule: met by any earlier follow-up of the profile."""


@dataclass(frozen=True)
class Law:
    """The law file: its version and the paragraphs by key."""

    name: str
    version: str
    paragraphs: dict[str, Paragraph]
    followups: tuple[FollowupRule, ...]

    def cite(self, key: str) -> str:
        """The citation of a paragraph key."""
        return self.paragraphs[key].cite()


def read_followup(table: Table, law_keys: set[str] | dict[str, Paragraph]) -> FollowupRule:
    """A `[[followups]]` table of a law or profile file."""
    def duration(field: str) -> Duration | None:
        if field not in table.data:
            return None
        try:
            return Duration.parse(table.get(field, str))
        except ValueError as exc:
            raise table.fail(field, str(exc)) from None

    after = duration("after")
    if after is None:
        raise table.fail("after", "mangler")
    every, until = duration("every"), duration("until")
    if every is not None and every.count == 0:
        raise table.fail("every", "skal være mindst 1 (fx 6w)")
    count = table.get("count", int, 1, lambda n: 1 <= n <= 100, "skal være 1-100")
    if every is not None and until is None and "count" not in table.data:
        raise table.fail("every", "kræver 'until' eller 'count'")
    legal = table.strings("legal")
    for key in legal:
        if key not in law_keys:
            raise table.fail("legal", f"ukendt lovhenvisning '{key}'")
    return FollowupRule(
        kind=table.get("kind", str), label=table.get("label", str),
        applies_to=table.get("applies_to", str, check=lambda v: v in APPLIES_TO,
                             problem="skal være all, measure, placement eller investigation"),
        after=after, every=every, until=until, count=count, legal=legal,
        deadline=table.get("deadline", bool, False),
    )


def parse_law(source: Source) -> Law:
    """Validate and build the law from its TOML source."""
    head = Table(source, "law", None, source.data.get("law"))
    paragraphs: dict[str, Paragraph] = {}
    for t in tables(source, "paragraphs"):
        p = Paragraph(key=t.get("key", str), ref=t.get("ref", str), title=t.get("title", str),
                      sel=t.get("sel", str, ""))
        if p.key in paragraphs:
            raise t.fail("key", f"'{p.key}' findes allerede")
        paragraphs[p.key] = p
    rules = tuple(read_followup(t, paragraphs) for t in tables(source, "followups"))
    return Law(name=head.get("name", str), version=head.get("version", str),
               paragraphs=paragraphs, followups=rules)


@lru_cache(maxsize=4)
def load_law(path: Path | None = None) -> Law:
    """The shipped Barnets Lov file (cached: it is read-only reference data)."""
    from visitation.paths import law_dir

    return parse_law(Source.read(path or law_dir() / "barnets-lov.toml"))
