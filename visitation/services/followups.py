"""Follow-ups: what is due and overdue, and marking one done (possibly moving the child)."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session, col, select

from visitation.domain.decision import Consent, DecisionDraft, Outcome
from visitation.errors import InvalidInput, NotFound
from visitation.services import audit
from visitation.services.db import Db, profile_for
from visitation.services.views import FollowupRow
from visitation.store.models import Case, Decision, Followup


def replaced():  # type: ignore[no-untyped-def]
    """SQL: the ids of the decisions a correction replaced."""
    return select(Decision.supersedes_id).where(col(Decision.supersedes_id).is_not(None))


def active():  # type: ignore[no-untyped-def]
    """Follow-ups still due: their decision not replaced by a correction, and not made moot by a later one."""
    return col(Followup.decision_id).not_in(replaced()) & col(Followup.superseded_by_id).is_(None)


def row(f: Followup, ref: str, today: dt.date) -> FollowupRow:
    """A follow-up as plain data."""
    return FollowupRow(id=f.id, case_id=f.case_id, case_ref=ref, decision_id=f.decision_id, due=f.due,  # type: ignore[arg-type]
                       kind=f.kind, label=f.label, legal=list(f.legal), responsible=f.responsible,
                       done_on=f.done_on, note=f.note, overdue=f.done_on is None and f.due < today)


def pending(db: Db, *, due_before: dt.date | None = None, caseworker: str | None = None,
            overdue: bool = False, today: dt.date | None = None) -> list[FollowupRow]:
    """Follow-ups not yet done, earliest first; `overdue` keeps those due before today."""
    today = today or dt.date.today()
    with db.read() as session:
        query = (select(Followup, Case.ref).join(Case, col(Followup.case_id) == col(Case.id))
                 .where(col(Followup.done_on).is_(None), active()))
        if due_before:
            query = query.where(Followup.due < due_before)
        if overdue:
            query = query.where(Followup.due < today)
        if caseworker:
            query = query.where(Followup.responsible == caseworker)
        found = session.exec(query.order_by(col(Followup.due), col(Followup.id))).all()
        return [row(f, ref, today) for f, ref in found]


def done(db: Db, followup_id: int, note: str, step: int | None = None,
         today: dt.date | None = None) -> FollowupRow:
    """Mark a follow-up done; with `step`, record the move down the staircase as a decision."""
    today = today or dt.date.today()
    if not note.strip():
        raise InvalidInput("--note: mangler")
    with db.write() as session:
        f = session.get(Followup, followup_id)
        if f is None:
            raise NotFound(f"opfølgningen {followup_id} findes ikke")
        if f.done_on is not None:
            raise InvalidInput(f"opfølgningen {followup_id} er allerede udført ({f.done_on.isoformat()})")
        case = session.get(Case, f.case_id)
        assert case is not None
        f.done_on, f.note, f.done_by, f.version = today, note.strip(), db.user, f.version + 1
        if step is not None and step != case.current_step:
            f.outcome_decision_id = _move(session, db, case, f, step, note.strip(), today)
        session.add(f)
        audit.log(session, db, "update", case.id, "followup", f.id, "udført")
        return row(f, case.ref, today)


def _move(session: Session, db: Db, case: Case, f: Followup, step: int, note: str, today: dt.date) -> int:
    """A step change from a follow-up, recorded as a decision so the staircase history stays whole."""
    from visitation.services import decisions

    profile = profile_for(session, case.profile_key, case.profile_version)
    if not profile.has_step(step):
        raise InvalidInput(f"--step: trin {step} findes ikke på trappen i profilen {profile.key}")
    if step > case.current_step:
        raise InvalidInput("--step: en flytning op ad trappen besluttes på et visitationsmøde (visitation decide)")
    source = session.get(Decision, f.decision_id)
    keep = [k for k in (source.interventions if source else [])
            if (item := profile.intervention(k)) is not None and item.step <= step]
    draft = DecisionDraft(outcome=Outcome.CHANGED, step=step, interventions=tuple(keep),
                          purpose=source.purpose if source else "", duration=source.duration if source else "",
                          start=today, rationale=f"Opfølgning: {note}", child_view=case.child_view,
                          child_view_how=case.child_view_how, parents_view=case.parents_view,
                          consent=Consent(case.parents_consent))
    decision = decisions.insert_decision(session, db, case, None, draft, profile)
    audit.log(session, db, "decide", case.id, "decision", decision.id,
              f"{draft.outcome.value}, trin {decision.step_before} → {step} (opfølgning {f.id})")
    _retire(session, db, case, f, decision.id)  # type: ignore[arg-type]
    decisions.plan_followups(session, case, decision, draft, profile)
    decisions.advance_case(session, case, None, draft)
    return decision.id  # type: ignore[return-value]


def _retire(session: Session, db: Db, case: Case, done: Followup, decision_id: int) -> None:
    """The case's other pending follow-ups belong to the step it left: no longer due (kept, marked)."""
    pending_rows = session.exec(select(Followup).where(Followup.case_id == case.id, col(Followup.done_on).is_(None),
                                                      col(Followup.superseded_by_id).is_(None),
                                                      Followup.id != done.id)).all()
    for item in pending_rows:
        item.superseded_by_id, item.version = decision_id, item.version + 1
        session.add(item)
    if pending_rows:
        audit.log(session, db, "update", case.id, "followup", None,
                  f"{len(pending_rows)} opfølgninger bortfaldet ved beslutning {decision_id}")
