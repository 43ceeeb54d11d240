"""The network map as data: sectors in their order, and who joined, left or changed between two maps."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

SECTOR_LABELS = {"family": "Familie", "friends": "Venner og naboer", "school": "Skole, dagtilbud, fritid",
                 "professional": "Professionelle"}
SECTOR_ORDER = tuple(SECTOR_LABELS)
FIELD_LABELS = {"name": "navn", "relation": "relation", "sector": "sektor", "ring": "ring",
                "valence": "ressource/bekymring", "placement_candidate": "mulig anbringelses-/støtteressource"}


CHANGE_LABEL = {"joined": "kommet til", "left": "gået ud", "changed": "ændret"}
"""A change's kind in Danish."""


@dataclass(frozen=True)
class NetworkChange:
    """A change between two maps: joined, left or changed (with what)."""

    kind: str
    name: str
    relation: str
    fields: tuple[str, ...]


def person_order(p: Any) -> tuple[int, int, str, str, int]:
    """Sector, ring, name: the order people are listed in everywhere."""
    sector = SECTOR_ORDER.index(p.sector) if p.sector in SECTOR_ORDER else len(SECTOR_ORDER)
    return (sector, p.ring, p.name, p.relation, p.id)


def changes(before: Sequence[Any], now: Sequence[Any],
            scrub: Callable[[str], str] | Any = None) -> tuple[NetworkChange, ...]:
    """Who joined, who left and who changed (and in what), people matched by their id.

    `scrub` (a privacy Scrubber) shapes names and relations; without it they are shown as recorded.
    """
    name = getattr(scrub, "person", lambda text: text)
    text = scrub if scrub is not None else (lambda value: value)
    old, new = {p.id: p for p in before}, {p.id: p for p in now}
    found = []
    for p in sorted(now, key=person_order):
        if p.id not in old:
            found.append(NetworkChange("joined", name(p.name), text(p.relation), ()))
        else:
            what = tuple(label for key, label in FIELD_LABELS.items() if getattr(old[p.id], key) != getattr(p, key))
            if what:
                found.append(NetworkChange("changed", name(p.name), text(p.relation), what))
    for p in sorted(before, key=person_order):
        if p.id not in new:
            found.append(NetworkChange("left", name(p.name), text(p.relation), ()))
    return tuple(found)
