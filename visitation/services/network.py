"""The network map: people around the child."""

from __future__ import annotations

from visitation.domain.casefile import NetworkPerson
from visitation.services import audit, lookup, rows
from visitation.services.db import Db
from visitation.services.views import NetworkRow, cpr_masked
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
    return cpr_masked(audit.read_logged(  # type: ignore[no-any-return]
        db, ident, lambda session, case: rows.network_rows(session, case.id), "read", "network"))  # type: ignore[arg-type]


EDITABLE = ("name", "relation", "sector", "ring", "valence", "placement_candidate", "note")


def update(db: Db, member_id: int, version: int, person: NetworkPerson,
           base: NetworkPerson | None = None) -> NetworkRow:
    """Change a person on the map; a stale version that touches the same fields is a Conflict."""
    from dataclasses import asdict

    from visitation.errors import Conflict
    from visitation.services import versioning

    changes: dict[str, object] = {}
    case_id = 0
    try:
        with db.write() as session:
            row = _member(session, member_id)
            case_id = row.case_id
            seen = asdict(base) if base else {k: getattr(row, k) for k in EDITABLE}
            changes = {k: v for k, v in asdict(person).items() if k in EDITABLE and seen[k] != v}
            versioning.check(row, version, "Netværkspersonen", changes, seen if base else None)
            if changes:
                versioning.apply(row, changes)
                session.add(row)
                audit.log(session, db, "update", row.case_id, "network_member", row.id,
                          audit.changes_text(session, row.case_id, changes))
            return rows.network_row(row)
    except Conflict:
        audit.log_refused(db, case_id, "network_member", member_id, changes)
        raise


def remove(db: Db, member_id: int, version: int) -> None:
    """Take a person off the map (kept with a removal time, so maps can be compared over time)."""
    from visitation.services import versioning
    from visitation.store.models import utcnow

    with db.write() as session:
        row = _member(session, member_id)
        versioning.check(row, version, f"Netværkspersonen '{row.name}'", {"removed_at": None}, {"removed_at": None})
        versioning.apply(row, {"removed_at": utcnow()})
        session.add(row)
        audit.log(session, db, "delete", row.case_id, "network_member", row.id)


def _member(session, member_id: int) -> NetworkMember:  # type: ignore[no-untyped-def]
    from visitation.errors import NotFound

    row: NetworkMember | None = session.get(NetworkMember, member_id)
    if row is None or row.removed_at is not None:
        raise NotFound(f"netværkspersonen {member_id} findes ikke")
    return row
