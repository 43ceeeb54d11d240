"""The network map: people around the child."""

from __future__ import annotations

from visitation.domain.casefile import NetworkPerson
from visitation.services import audit, cases, lookup
from visitation.services.db import Db
from visitation.services.views import NetworkRow
from visitation.store.models import NetworkMember


def add(db: Db, ident: str, person: NetworkPerson) -> int:
    """Add a person to a case's network map; returns the new id."""
    with db.write() as session:
        case = lookup.case(session, ident)
        row = NetworkMember(case_id=case.id, name=person.name, relation=person.relation,  # type: ignore[arg-type]
                            sector=person.sector, ring=person.ring, valence=person.valence,
                            placement_candidate=person.placement_candidate, note=person.note)
        session.add(row)
        session.flush()
        audit.log(session, db, "create", case.id, "network_member", row.id)
        return row.id  # type: ignore[return-value]


def members(db: Db, ident: str) -> list[NetworkRow]:
    """The current network map of a case; the read is logged."""
    with db.write() as session:
        case = lookup.case(session, ident)
        audit.log(session, db, "read", case.id, "network", None)
        return cases.network_rows(session, case.id)  # type: ignore[arg-type]
