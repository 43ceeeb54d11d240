"""A child's path through time: the step on the Indsatstrappe and the team's Børnelineal zone."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session, col, select

from visitation.services.views import TrajectoryPoint
from visitation.store.models import Assessment, Case, Decision

PLACING = ("approved", "changed")
EVENTS = {"approved": "beslutning", "changed": "beslutning (ændret)", "rejected": "afvist",
          "postponed": "udsat", "referred": "indstillet til BUU"}


def points(session: Session, case: Case) -> list[TrajectoryPoint]:
    """From the case's creation: each decision (the step it leaves the child on) and each consensus on the
    ruler (the zone), oldest first, every point carrying the step and zone in force on its day."""
    replaced = set(session.exec(select(Decision.supersedes_id).where(
        Decision.case_id == case.id, col(Decision.supersedes_id).is_not(None))).all())
    decided = [d for d in session.exec(select(Decision).where(Decision.case_id == case.id)
                                       .order_by(col(Decision.id))).all() if d.id not in replaced]
    consensus = session.exec(select(Assessment).where(Assessment.case_id == case.id, col(Assessment.consensus))
                             .order_by(col(Assessment.date), col(Assessment.id))).all()
    events: list[tuple[dt.date, int, str, int | None, int | None]] = [
        (d.created_at.date(), 1, EVENTS.get(d.outcome, d.outcome), d.step if d.outcome in PLACING else None, None)
        for d in decided]
    events += [(a.date, 0, "fælles vurdering på linealen", None, a.zone) for a in consensus]
    step = decided[0].step_before if decided else case.current_step
    zone: int | None = None
    # A case imported with its history began no later than its first decision.
    begun = min([case.created_at.date(), *(d.created_at.date() for d in decided[:1])])
    found = [TrajectoryPoint(begun, step, None, "sagen oprettet")]
    for day, _, event, new_step, new_zone in sorted(events, key=lambda e: (e[0], e[1])):
        step = new_step if new_step is not None else step
        zone = new_zone if new_zone is not None else zone
        found.append(TrajectoryPoint(day, step, zone, event))
    return found
