"""Privacy in the minutes' free text and on the network map; the network's changes since last time."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from visitation.domain.cpr import redact
from visitation.domain.privacy import Privacy
from visitation.minutes.model import Network, NetworkChange, Person

if TYPE_CHECKING:
    from visitation.services.minutes_data import CaseData
    from visitation.services.views import NetworkRow

SECTOR_LABELS = {"family": "Familie", "friends": "Venner og naboer", "school": "Skole, dagtilbud, fritid",
                 "professional": "Professionelle"}
SECTOR_ORDER = tuple(SECTOR_LABELS)
VALENCE_LABELS = {"resource": "ressource", "concern": "bekymring", "both": "både ressource og bekymring"}
FIELD_LABELS = {"name": "navn", "relation": "relation", "sector": "sektor", "ring": "ring",
                "valence": "ressource/bekymring", "placement_candidate": "mulig anbringelses-/støtteressource"}
_ANY_CPR = re.compile(r"(?<!\d)\d{6}[- ]?\d{4}(?!\d)")


class Scrubber:
    """Free text as the privacy level allows: below `full` CPR-like numbers are masked; at `screen`
    they are removed and the child's name becomes the initials (each part of it its first letter)."""

    def __init__(self, name: str, initials: str, level: Privacy) -> None:
        self.name, self.initials, self.level = name.strip(), initials, level
        parts = [re.escape(p) for p in self.name.split() if len(p) > 1]
        self._parts = re.compile(rf"\b({'|'.join(parts)})(?=s?\b)") if parts else None

    def __call__(self, text: str) -> str:
        if self.level is Privacy.FULL or not text:
            return text
        if self.level is Privacy.INTERNAL:
            return redact(text)
        text = _ANY_CPR.sub("[CPR]", text)
        if not self.name:
            return text
        text = text.replace(self.name, self.initials)
        return self._parts.sub(lambda m: m.group(1)[0], text) if self._parts else text

    def person(self, name: str) -> str:
        """A network person's name: initials at `screen` (the wall), else the name as recorded."""
        if self.level is not Privacy.SCREEN:
            return name
        return "".join(part[0].upper() for part in name.split() if part) or "?"


def network(c: CaseData, scrub: Scrubber) -> Network:
    """The map, sorted by sector, ring and name, with the changes since the previous decision."""
    rows = sorted(c.network, key=_order)
    people = tuple(Person(name=scrub.person(p.name), relation=scrub(p.relation), sector=p.sector,
                          sector_label=SECTOR_LABELS.get(p.sector, p.sector), ring=p.ring, valence=p.valence,
                          valence_label=VALENCE_LABELS.get(p.valence, p.valence),
                          placement_candidate=p.placement_candidate, note=scrub(p.note)) for p in rows)
    if c.previous_network is None:
        return Network(people, None, ())
    return Network(people, c.previous_decided_on.isoformat() if c.previous_decided_on else None,
                   changes(c.previous_network, c.network, scrub))


def changes(before: list[NetworkRow], now: list[NetworkRow], scrub: Scrubber) -> tuple[NetworkChange, ...]:
    """Who joined, who left and who changed (and in what), people matched by their id."""
    old = {p.id: p for p in before}
    new = {p.id: p for p in now}
    found = []
    for p in sorted(now, key=_order):
        if p.id not in old:
            found.append(NetworkChange("joined", scrub.person(p.name), scrub(p.relation), ()))
        else:
            what = tuple(label for key, label in FIELD_LABELS.items() if getattr(old[p.id], key) != getattr(p, key))
            if what:
                found.append(NetworkChange("changed", scrub.person(p.name), scrub(p.relation), what))
    for p in sorted(before, key=_order):
        if p.id not in new:
            found.append(NetworkChange("left", scrub.person(p.name), scrub(p.relation), ()))
    return tuple(found)


def _order(p: NetworkRow) -> tuple[int, int, str, str, int]:
    sector = SECTOR_ORDER.index(p.sector) if p.sector in SECTOR_ORDER else len(SECTOR_ORDER)
    return (sector, p.ring, p.name, p.relation, p.id)
