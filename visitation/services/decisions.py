"""Recording decisions: the rules of SPEC §3 checked, the decision chained, follow-ups planned, at once."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from sqlmodel import Session, col, select

from visitation.domain.decision import MAX_TEXT, AlternativeDraft, DecisionDraft, Outcome, too_long
from visitation.domain.followups import PlannedFollowup, schedule
from visitation.domain.profiles import Profile
from visitation.domain.rules import Violation, check
from visitation.errors import InvalidInput, RuleViolation
from visitation.services import audit, drafts, lookup
from visitation.services.cases import network_rows
from visitation.services.db import Db, profile_for
from visitation.services.views import FollowupRow, jsonable
from visitation.store import chain
from visitation.store.models import (Alternative, Case, Decision, DocketItem, Followup, Meeting,
                                     Participant)

DOCKET_STATE = {Outcome.POSTPONED: "postponed", Outcome.REFERRED: "referred"}


@dataclass(frozen=True)
class Recorded:
    """A decision just recorded, with the follow-ups it created."""

    id: int
    case_ref: str
    outcome: str
    step: int
    supersedes_id: int | None
    followups: list[FollowupRow]


@dataclass(frozen=True)
class Preview:
    """What a draft would do: the rules it breaks and the follow-ups it would create."""

    violations: list[Violation]
    followups: list[PlannedFollowup]


def _check_new_alternatives(alternatives: tuple[AlternativeDraft, ...], profile: Profile) -> None:
    for alt in alternatives:
        item = profile.intervention(alt.intervention)
        if item is None:
            raise InvalidInput(f"--alternative: ukendt indsats '{alt.intervention}' i profilen {profile.key}")
        if item.step != alt.step:
            raise InvalidInput(f"--alternative: '{alt.intervention}' ligger på trin {item.step}, ikke {alt.step}")


def complete(session: Session, case: Case, draft: DecisionDraft) -> tuple[DecisionDraft, Profile]:
    """The draft with the case's recorded alternatives and the child's view filled in where not given."""
    profile = profile_for(session, case.profile_key, case.profile_version)
    long_field = too_long(draft)
    if long_field:
        raise InvalidInput(f"--{long_field.replace('_', '-')}: teksten er for lang (højst {MAX_TEXT} tegn)")
    _check_new_alternatives(draft.alternatives, profile)
    known = tuple(AlternativeDraft(a.step, a.intervention, a.verdict, a.reason)  # type: ignore[arg-type]
                  for a in session.exec(select(Alternative).where(Alternative.case_id == case.id)))
    how = draft.child_view_how or case.child_view_how
    if how and case.child_view_date and not draft.child_view_how:
        how = f"{how} ({case.child_view_date.isoformat()})"
    full = replace(draft, alternatives=known + draft.alternatives, child_view=draft.child_view or case.child_view,
                   child_view_how=how)
    return full, profile


def preview(db: Db, case_ident: str, draft: DecisionDraft) -> Preview:
    """The rule status and follow-up dates of a draft, without writing anything."""
    with db.read() as session:
        case = lookup.case(session, case_ident)
        full, profile = complete(session, case, draft)
        return Preview(check(full, profile), planned_for(full, profile))


def record(db: Db, case_ident: str, meeting_ident: str | None, draft: DecisionDraft) -> Recorded:
    """Record a decision in one transaction, or raise RuleViolation and write nothing."""
    with db.write() as session:
        case = lookup.case(session, case_ident)
        meeting = _meeting_for(session, meeting_ident, case)
        full, profile = complete(session, case, draft)
        violations = check(full, profile)
        if violations:
            raise RuleViolation(violations)
        for alt in draft.alternatives:
            session.add(Alternative(case_id=case.id, step=alt.step, intervention=alt.intervention,  # type: ignore[arg-type]
                                    verdict=alt.verdict.value, reason=alt.reason))
        decision = insert_decision(session, db, case, meeting, full, profile)
        rows = plan_followups(session, case, decision, full, profile)
        advance_case(session, case, meeting, full)
        if meeting is not None:
            drafts.discard(session, case.id, meeting.id)  # type: ignore[arg-type]
        audit.log(session, db, "decide", case.id, "decision", decision.id,
                  f"{full.outcome.value}, trin {decision.step_before} → {full.step}")
        return Recorded(decision.id, case.ref, full.outcome.value, full.step, decision.supersedes_id, rows)  # type: ignore[arg-type]


def _meeting_for(session: Session, ident: str | None, case: Case) -> Meeting | None:
    if ident is None:
        return None
    meeting = lookup.meeting(session, ident)
    if meeting.state == "closed":
        raise InvalidInput(f"--meeting: mødet {meeting.ref} er lukket")
    on_docket = session.exec(select(DocketItem.id).where(DocketItem.meeting_id == meeting.id,
                                                         DocketItem.case_id == case.id)).first()
    if on_docket is None:
        raise InvalidInput(f"--meeting: sagen {case.ref} er ikke på dagsordenen for {meeting.ref} "
                           f"(visitation meeting add-case {meeting.ref} {case.ref})")
    return meeting


def insert_decision(session: Session, db: Db, case: Case, meeting: Meeting | None, d: DecisionDraft,
            profile: Profile) -> Decision:
    previous = session.exec(select(Decision).where(Decision.case_id == case.id, Decision.meeting_id ==
                                                   (meeting.id if meeting else None))
                            .order_by(col(Decision.id).desc())).first() if meeting else None
    legal = [c for k in d.interventions for c in profile.legal_basis(k)]
    if d.outcome is Outcome.REFERRED:
        legal += [profile.law.cite("bl-47"), profile.law.cite("bl-142")]
    people = session.exec(select(Participant).where(Participant.meeting_id == meeting.id)).all() if meeting else []
    row = Decision(
        case_id=case.id, meeting_id=meeting.id if meeting else None,  # type: ignore[arg-type]
        supersedes_id=previous.id if previous else None, outcome=d.outcome.value,
        step_before=previous.step_before if previous else case.current_step, step=d.step,
        interventions=list(d.interventions), legal_basis=list(dict.fromkeys(legal)),
        law_version=f"{profile.law.name}, {profile.law.version}", profile_key=profile.key,
        profile_version=profile.version, purpose=d.purpose, duration=d.duration, start=d.start,
        goals=d.goals, child_view=d.child_view, child_view_how=d.child_view_how,
        parents_view=d.parents_view, consent=d.consent.value, dissent=d.dissent, rationale=d.rationale,
        alternatives=[jsonable(a) for a in d.alternatives],
        network_snapshot=[jsonable(n) for n in network_rows(session, case.id)],  # type: ignore[arg-type]
        participants=[{"name": p.name, "role": p.role, "organisation": p.organisation, "present": p.present}
                      for p in people],
        created_by=db.user)
    chain.append(session, row)
    return row


def planned_for(d: DecisionDraft, profile: Profile) -> list[PlannedFollowup]:
    """The follow-ups a draft creates: its schedule if it puts the child on a step, and a running BL § 20
    investigation's deadline whatever the outcome."""
    return schedule(d.step, d.start if d.places_child else None, profile, d.investigation_since)


def plan_followups(session: Session, case: Case, decision: Decision, d: DecisionDraft,
          profile: Profile) -> list[FollowupRow]:
    planned = planned_for(d, profile)
    today = dt.date.today()
    rows = []
    for p in planned:
        row = Followup(decision_id=decision.id, case_id=case.id, due=p.due, kind=p.kind, label=p.label,  # type: ignore[arg-type]
                       legal=list(p.legal), responsible=case.caseworker)
        session.add(row)
        session.flush()
        rows.append(FollowupRow(id=row.id, case_id=case.id, case_ref=case.ref, decision_id=decision.id,  # type: ignore[arg-type]
                                due=p.due, kind=p.kind, label=p.label, legal=list(p.legal),
                                responsible=case.caseworker, done_on=None, note="", overdue=p.due < today))
    return rows


def advance_case(session: Session, case: Case, meeting: Meeting | None, d: DecisionDraft) -> None:
    if d.places_child:
        case.current_step = d.step
    case.version += 1
    session.add(case)
    if meeting is not None:
        item = session.exec(select(DocketItem).where(DocketItem.meeting_id == meeting.id,
                                                     DocketItem.case_id == case.id)).one()
        item.state = DOCKET_STATE.get(d.outcome, "decided")
        item.version += 1
        session.add(item)
