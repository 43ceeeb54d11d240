"""Assessments on the Børnelineal: each rater's zone and the team's consensus."""

from __future__ import annotations

import datetime as dt

from visitation.domain.casefile import AXES
from visitation.errors import InvalidInput
from visitation.services import audit, lookup
from visitation.services.db import Db, profile_for
from visitation.store.models import Assessment


def add(db: Db, ident: str, *, zone: int, rater: str, role: str, axis: str = "child",
        protective: list[str] | None = None, risk: list[str] | None = None, note: str = "",
        on: dt.date | None = None, consensus: bool = False, meeting_id: int | None = None) -> int:
    """Record an assessment (or the consensus) for a case; returns its id."""
    if axis not in AXES:
        raise InvalidInput("--axis: skal være child eller parents")
    if not rater.strip() or not role.strip():
        raise InvalidInput("--rater og --role: mangler")
    with db.write() as session:
        case = lookup.case(session, ident)
        profile = profile_for(session, case.profile_key, case.profile_version)
        if not any(z.number == zone for z in profile.zones):
            raise InvalidInput(f"--zone: skal være 1-{len(profile.zones)} på linealen i profilen {profile.key}")
        row = Assessment(case_id=case.id, meeting_id=meeting_id, date=on or dt.date.today(), zone=zone,  # type: ignore[arg-type]
                         axis=axis, rater=rater.strip(), role=role.strip(), protective=protective or [],
                         risk=risk or [], note=note, consensus=consensus)
        session.add(row)
        session.flush()
        audit.log(session, db, "create", case.id, "assessment", row.id)
        return row.id  # type: ignore[return-value]
