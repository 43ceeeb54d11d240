"""The alternatives considered on a case (afdækning af alternativer), edited in the meeting."""

from __future__ import annotations

from visitation.domain.decision import AlternativeDraft
from visitation.errors import InvalidInput, NotFound
from visitation.services import audit, lookup, versioning
from visitation.services.db import Db, profile_for
from visitation.services.rows import alternative_rows
from visitation.services.views import AlternativeRow
from visitation.store.models import Alternative, Case


def _validate(case: Case, alt: AlternativeDraft, session) -> None:  # type: ignore[no-untyped-def]
    profile = profile_for(session, case.profile_key, case.profile_version)
    item = profile.intervention(alt.intervention)
    if item is None:
        raise InvalidInput(f"indsats: ukendt indsats '{alt.intervention}' i profilen {profile.key}")
    if item.step != alt.step:
        raise InvalidInput(f"indsats: '{alt.intervention}' ligger på trin {item.step}, ikke {alt.step}")
    if not alt.reason.strip():
        raise InvalidInput("begrundelse: mangler")


def add(db: Db, case_ident: str, alt: AlternativeDraft) -> list[AlternativeRow]:
    """Record an alternative considered; returns the case's alternatives."""
    with db.write() as session:
        case = lookup.case(session, case_ident)
        _validate(case, alt, session)
        row = Alternative(case_id=case.id, step=alt.step, intervention=alt.intervention,  # type: ignore[arg-type]
                          verdict=alt.verdict.value, reason=alt.reason.strip())
        session.add(row)
        session.flush()
        audit.log(session, db, "create", case.id, "alternative", row.id)
        return alternative_rows(session, case.id)  # type: ignore[arg-type]


def update(db: Db, alternative_id: int, version: int, alt: AlternativeDraft,
           base: AlternativeDraft | None = None) -> list[AlternativeRow]:
    """Change an alternative; a stale edit of the same field is a Conflict naming it."""
    with db.write() as session:
        row = session.get(Alternative, alternative_id)
        if row is None:
            raise NotFound(f"alternativet {alternative_id} findes ikke")
        case = session.get(Case, row.case_id)
        _validate(case, alt, session)  # type: ignore[arg-type]
        wanted = {"step": alt.step, "intervention": alt.intervention, "verdict": alt.verdict.value,
                  "reason": alt.reason.strip()}
        seen = {k: getattr(row, k) for k in wanted} if base is None else {
            "step": base.step, "intervention": base.intervention, "verdict": base.verdict.value,
            "reason": base.reason.strip()}
        changes = {k: v for k, v in wanted.items() if seen[k] != v}
        versioning.check(row, version, "Alternativet", changes, seen if base else None)
        if changes:
            versioning.apply(row, changes)
            session.add(row)
            audit.log(session, db, "update", row.case_id, "alternative", row.id, ", ".join(changes))
        return alternative_rows(session, row.case_id)
