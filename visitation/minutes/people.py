"""Privacy in the minutes' free text and on the network map; the network's changes since last time."""

from __future__ import annotations

from typing import TYPE_CHECKING

from visitation.domain.network import SECTOR_LABELS, changes, person_order
from visitation.domain.privacy import Scrubber as Scrubber
from visitation.minutes.model import Network, Person

if TYPE_CHECKING:
    from visitation.services.minutes_data import CaseData

VALENCE_LABELS = {"resource": "ressource", "concern": "bekymring", "both": "både ressource og bekymring"}
def network(c: CaseData, scrub: Scrubber) -> Network:
    """The map, sorted by sector, ring and name, with the changes since the previous decision."""
    rows = sorted(c.network, key=person_order)
    people = tuple(Person(name=scrub.person(p.name), relation=scrub(p.relation), sector=p.sector,
                          sector_label=SECTOR_LABELS.get(p.sector, p.sector), ring=p.ring, valence=p.valence,
                          valence_label=VALENCE_LABELS.get(p.valence, p.valence),
                          placement_candidate=p.placement_candidate, note=scrub(p.note)) for p in rows)
    if c.previous_network is None:
        return Network(people, None, ())
    return Network(people, c.previous_decided_on.isoformat() if c.previous_decided_on else None,
                   changes(c.previous_network, c.network, scrub))
