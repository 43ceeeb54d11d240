"""Privacy in the minutes' free text and on the network map; the network's changes since last time."""

from __future__ import annotations

from typing import TYPE_CHECKING

from visitation.domain.privacy import Privacy, Scrubber
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
