"""The ICS triangle (Integrated Children's System): three sides and their ten dimensions, read from
`data/methods/ics.toml` with its source (REFERENCE §6.2). Strengths and concerns are noted per dimension."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from visitation.domain.tomlcheck import Source, equals, tables
from visitation.errors import InvalidInput


class NoteKind(StrEnum):
    """A note on a dimension: a strength (ressource) or a concern (bekymring)."""

    STRENGTH = "strength"
    CONCERN = "concern"


NOTE_LABELS = {NoteKind.STRENGTH: "Styrke", NoteKind.CONCERN: "Bekymring"}


@dataclass(frozen=True)
class Dimension:
    """One dimension of the triangle, on its side."""

    number: int
    side: str
    key: str
    label: str


@dataclass(frozen=True)
class Side:
    """One side of the triangle."""

    key: str
    label: str


@dataclass(frozen=True)
class Triangle:
    """The triangle as data, with where it comes from."""

    name: str
    source: str
    url: str
    sides: tuple[Side, ...]
    dimensions: tuple[Dimension, ...]

    def side(self, key: str) -> Side:
        """A side by key; an unknown key is refused naming the choices."""
        found = next((s for s in self.sides if s.key == key), None)
        if found is None:
            raise InvalidInput(f"--side: skal være {' | '.join(s.key for s in self.sides)} (ikke «{key[:40]}»)")
        return found

    def dimension(self, side: str, key: str) -> Dimension:
        """A dimension of a side by key; unknown (or on another side) is refused naming the side's choices."""
        self.side(side)
        on_side = [d for d in self.dimensions if d.side == side]
        found = next((d for d in on_side if d.key == key), None)
        if found is None:
            raise InvalidInput(f"--dimension: siden {side} har {', '.join(d.key for d in on_side)} (ikke «{key[:40]}»)")
        return found

    def label(self, side: str, key: str) -> str:
        """`Barnets udvikling – Sundhedsforhold` for a stored note (the key as written if the data lost it)."""
        dim = next((d for d in self.dimensions if d.side == side and d.key == key), None)
        side_label = next((s.label for s in self.sides if s.key == side), side)
        return f"{side_label} – {dim.label if dim else key}"


def parse_triangle(source: Source) -> Triangle:
    """Validate the data file; every error names line and field."""
    head = tables(source, "method", {"method": [source.data.get("method", {})]})[0]
    sides = tuple(Side(t.get("key", str), t.get("label", str)) for t in tables(source, "sides"))
    keys = {s.key for s in sides}
    dims = []
    for n, t in enumerate(tables(source, "dimensions"), start=1):
        dims.append(Dimension(
            number=t.get("number", int, check=equals(n), problem=f"skal være {n}"),
            side=t.get("side", str, check=lambda v: v in keys, problem="skal være en af siderne"),
            key=t.get("key", str), label=t.get("label", str)))
    if len(sides) != 3 or any(not any(d.side == s.key for d in dims) for s in sides):
        raise source.fail("sides", None, None, "trekanten har tre sider, hver med mindst én dimension")
    return Triangle(head.get("name", str), head.get("source", str), head.get("url", str), sides, tuple(dims))


@cache
def triangle() -> Triangle:
    """The ICS triangle shipped with the tool."""
    from visitation.paths import reference_dir

    return parse_triangle(Source.read(reference_dir() / "methods" / "ics.toml"))
