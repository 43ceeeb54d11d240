"""The one writer of decisions: the rules of SPEC §3 checked, the decision chained, follow-ups planned, at once.

`record` is the only function that writes a decision row. `decide`, the TUI's ctrl+s, postponing on the
docket — everything that decides — goes through it, so no decision is ever written past the rules, and
none replaces another without saying which (`supersedes`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from sqlmodel import Session, col, select

from visitation.domain.decision import (
    MAX_TEXT,
    OUTCOME_LABELS,
    STORED_FIELDS,
    AlternativeDraft,
    CaseFacts,
    DecisionDraft,
    Outcome,
    resulting_step,
    too_long,
)
from visitation.domain.followups import PlannedFollowup, schedule
from visitation.domain.profiles import Profile
from visitation.domain.rules import Violation, check, referral_basis, ruler_warning
from visitation.domain.sos import SAFETY_PLAN_KEY
from visitation.errors import DecisionExists, InvalidInput, RuleViolation
from visitation.services import audit, drafts, goals, lookup, sos
from visitation.services.db import Db, profile_for
from visitation.services.rows import followup_row, network_rows, replaced
from visitation.services.views import FollowupRow, jsonable
from visitation.store import chain
from visitation.store.models import (
    Alternative,
    Assessment,
    Case,
    Child,
    Decision,
    DocketItem,
    Followup,
    Meeting,
    Participant,
)

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
    ruler_warning: str | None = None
    """`zone 4 (…) peger normalt på trin 3–4; trin 6 er valgt` when the step lies outside the ruler's range."""


@dataclass(frozen=True)
class CurrentDecision:
    """The decision in force for a case at a meeting, as the TUI names it before replacing it."""

    id: int
    outcome: str
    step: int
    created_by: str
    created_at: dt.datetime

    def __str__(self) -> str:
        label = OUTCOME_LABELS.get(Outcome(self.outcome), self.outcome).lower()
        return f"beslutning {self.id} ({label}, trin {self.step}, {self.created_by})"


def _check_new_alternatives(alternatives: tuple[AlternativeDraft, ...], profile: Profile) -> None:
    for alt in alternatives:
        item = profile.intervention(alt.intervention)
        if item is None:
            raise InvalidInput(f"--alternative: ukendt indsats '{alt.intervention}' i profilen {profile.key}")
        if item.step != alt.step:
            raise InvalidInput(f"--alternative: '{alt.intervention}' ligger på trin {item.step}, ikke {alt.step}")


def complete(session: Session, case: Case, draft: DecisionDraft, step_before: int,
             on: dt.date) -> tuple[DecisionDraft, Profile]:
    """The draft with the case's recorded alternatives and the child's view filled in where not given, and
    the facts the rules need: the child's birth date, the step before the decision, the meeting's date (`on`)."""
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
    child = session.get(Child, case.child_id)
    facts = CaseFacts(birth_date=child.birth_date if child else None, step_before=step_before, decided_on=on,
                      zone=zone_now(session, case, on))
    plan = sos.plan_text(session, case.id) if SAFETY_PLAN_KEY in draft.interventions else ""  # type: ignore[arg-type]
    full = replace(draft, alternatives=known + draft.alternatives, child_view=draft.child_view or case.child_view,
                   child_view_how=how, facts=facts, safety_plan=plan)
    return full, profile


def zone_now(session: Session, case: Case, on: dt.date) -> int | None:
    """The case's zone on the ruler by `on`: the newest consensus, else the newest assessment (None before any)."""
    marks = session.exec(select(Assessment).where(Assessment.case_id == case.id, Assessment.date <= on)
                         .order_by(col(Assessment.date), col(Assessment.id))).all()
    agreed = [a for a in marks if a.consensus]
    newest = (agreed or marks)[-1:]
    return newest[0].zone if newest else None


def preview(db: Db, case_ident: str, draft: DecisionDraft, on: dt.date | None = None) -> Preview:
    """The rule status and follow-up dates of a draft decided `on` (default today), without writing anything."""
    with db.read() as session:
        case = lookup.case(session, case_ident)
        full, profile = complete(session, case, draft, case.current_step, on or dt.date.today())
        return Preview(check(full, profile), planned_for(full, profile), ruler_warning(full, profile))


def current(db: Db, case_ident: str, meeting_ident: str) -> CurrentDecision | None:
    """The decision in force for a case at a meeting, if one is recorded (what a new one would replace)."""
    with db.read() as session:
        case, meeting = lookup.case(session, case_ident), lookup.meeting(session, meeting_ident)
        found = _current_at(session, case, meeting)
        return _named(found) if found else None


def record(db: Db, case_ident: str, meeting_ident: str, draft: DecisionDraft,
           supersedes: int | None = None) -> Recorded:
    """Record a decision in one transaction, or raise and write nothing.

    A case that already has a decision at this meeting gets a new one only when `supersedes` names that
    decision; of two people deciding at once, the one whose transaction comes second is refused
    (DecisionExists, naming the decision now in force).
    """
    with db.write() as session:
        case = lookup.case(session, case_ident)
        meeting = _meeting_for(session, meeting_ident, case)
        replaced = _replaced(session, case, meeting, supersedes)
        step_before = replaced.step_before if replaced else case.current_step
        full, profile = complete(session, case, draft, step_before, meeting.date)
        violations = check(full, profile)
        if violations:
            raise RuleViolation(violations)
        _add_alternatives(session, db, case, draft.alternatives)
        goals.adopt(session, db, case, full.goals.splitlines())
        decision = _insert(session, db, case, meeting, full, profile, replaced, step_before)
        rows = _plan_followups(session, case, decision, full, profile)
        _retire_moot(session, db, case, decision, profile)
        _advance(session, case, meeting, decision)
        drafts.discard(session, case.id, meeting.id)  # type: ignore[arg-type]
        what = f"{full.outcome.value}, trin {decision.step_before} → {full.step}"
        audit.log(session, db, "decide", case.id, "decision", decision.id,
                  what + (f"; erstatter beslutning {replaced.id}" if replaced else ""))
        return Recorded(decision.id, case.ref, full.outcome.value, full.step, decision.supersedes_id, rows)  # type: ignore[arg-type]


def _meeting_for(session: Session, ident: str, case: Case) -> Meeting:
    meeting = lookup.meeting(session, ident)
    if meeting.state == "closed":
        raise InvalidInput(f"--meeting: mødet {meeting.ref} er lukket")
    on_docket = session.exec(select(DocketItem.id).where(DocketItem.meeting_id == meeting.id,
                                                         DocketItem.case_id == case.id)).first()
    if on_docket is None:
        raise InvalidInput(f"--meeting: sagen {case.ref} er ikke på dagsordenen for {meeting.ref} "
                           f"(visitation meeting add-case {meeting.ref} {case.ref})")
    return meeting


def _current_at(session: Session, case: Case, meeting: Meeting) -> Decision | None:
    """The newest decision of the case at the meeting that no later decision replaced."""
    return session.exec(select(Decision).where(Decision.case_id == case.id, Decision.meeting_id == meeting.id,
                                               col(Decision.id).not_in(replaced().where(Decision.case_id == case.id)))
                        .order_by(col(Decision.id).desc())).first()


def _named(d: Decision) -> CurrentDecision:
    return CurrentDecision(d.id, d.outcome, d.step, d.created_by, d.created_at)  # type: ignore[arg-type]


def _replaced(session: Session, case: Case, meeting: Meeting, supersedes: int | None) -> Decision | None:
    """The decision the new one replaces, checked against the one in force: never a silent replacement."""
    found = _current_at(session, case, meeting)
    if found is None and supersedes is None:
        return None
    if found is None:
        raise DecisionExists(f"--supersedes {supersedes}: sagen {case.ref} har ingen beslutning på {meeting.ref} "
                             "at erstatte; udelad --supersedes")
    if supersedes is None:
        raise DecisionExists(f"sagen {case.ref} har allerede {_named(found)} på {meeting.ref}; "
                             f"en ny erstatter den kun med --supersedes {found.id}")
    if supersedes != found.id:
        raise DecisionExists(f"--supersedes {supersedes}: den gældende er nu {_named(found)} på {meeting.ref}; "
                             "se den, og erstat den med --supersedes "
                             f"{found.id}, hvis det stadig er meningen")
    return found


def _add_alternatives(session: Session, db: Db, case: Case, alternatives: tuple[AlternativeDraft, ...]) -> None:
    """The alternatives the decision adds to the case, each in the audit log."""
    for alt in alternatives:
        row = Alternative(case_id=case.id, step=alt.step, intervention=alt.intervention,  # type: ignore[arg-type]
                          verdict=alt.verdict.value, reason=alt.reason)
        session.add(row)
        session.flush()
        audit.log(session, db, "create", case.id, "alternative", row.id,
                  f"trin {alt.step}, {alt.intervention}: {alt.verdict.value}")


def _insert(session: Session, db: Db, case: Case, meeting: Meeting, d: DecisionDraft, profile: Profile,
            replaced: Decision | None, step_before: int) -> Decision:
    legal = [c for k in d.interventions for c in profile.legal_basis(k)]
    if d.outcome is Outcome.REFERRED:
        legal += [profile.law.cite(k) for k in referral_basis(d, profile)]
    people = session.exec(select(Participant).where(Participant.meeting_id == meeting.id)).all()
    declared: dict[str, Any] = {**{name: _stored(getattr(d, name)) for name in STORED_FIELDS},
                                "interventions": list(d.interventions)}
    row = Decision(
        **declared, case_id=case.id, meeting_id=meeting.id,  # type: ignore[arg-type]
        supersedes_id=replaced.id if replaced else None,
        step_before=step_before, legal_basis=list(dict.fromkeys(legal)),
        law_version=f"{profile.law.name}, {profile.law.version}", profile_key=profile.key,
        profile_version=profile.version, alternatives=[jsonable(a) for a in d.alternatives],
        network_snapshot=[jsonable(n) for n in network_rows(session, case.id)],  # type: ignore[arg-type]
        participants=[{"name": p.name, "role": p.role, "organisation": p.organisation, "present": p.present}
                      for p in people],
        created_by=db.user)
    chain.append(session, row)
    return row


def _stored(value: object) -> object:
    """A declared field's value as its column keeps it (a choice as its value)."""
    return value.value if isinstance(value, StrEnum) else value


def planned_for(d: DecisionDraft, profile: Profile) -> list[PlannedFollowup]:
    """The follow-ups a draft creates (the measure's, a referral's task, a running BL § 20 investigation's
    deadline whatever the outcome)."""
    return schedule(d, profile)


def _plan_followups(session: Session, case: Case, decision: Decision, d: DecisionDraft,
                    profile: Profile) -> list[FollowupRow]:
    today = dt.date.today()
    rows = []
    for p in planned_for(d, profile):
        row = Followup(decision_id=decision.id, case_id=case.id, due=p.due, kind=p.kind, label=p.label,  # type: ignore[arg-type]
                       legal=list(p.legal), responsible=case.caseworker)
        session.add(row)
        session.flush()
        rows.append(followup_row(row, case.ref, today))
    return rows


def _retire_moot(session: Session, db: Db, case: Case, decision: Decision, profile: Profile) -> None:
    """A decision that moves the child makes the earlier decisions' pending follow-ups moot (kept, marked);
    a running investigation's deadline (BL § 20) stays."""
    if decision.outcome not in (Outcome.APPROVED, Outcome.CHANGED) or decision.step == decision.step_before:
        return
    lasting = [r.kind for r in profile.law.followups if r.applies_to in ("investigation", "acute")]
    pending = session.exec(select(Followup).where(Followup.case_id == case.id, col(Followup.done_on).is_(None),
                                                  col(Followup.superseded_by_id).is_(None),
                                                  col(Followup.kind).not_in(lasting),
                                                  Followup.decision_id != decision.id)).all()
    for item in pending:
        item.superseded_by_id, item.version = decision.id, item.version + 1
        session.add(item)
    if pending:
        audit.log(session, db, "update", case.id, "followup", None,
                  f"{len(pending)} opfølgninger bortfaldet ved beslutning {decision.id}")


def _advance(session: Session, case: Case, meeting: Meeting, decision: Decision) -> None:
    """The case follows its decision in force; the docket shows the outcome."""
    case.current_step = resulting_step(decision.outcome, decision.step, decision.step_before)
    case.version += 1
    session.add(case)
    item = session.exec(select(DocketItem).where(DocketItem.meeting_id == meeting.id,
                                                 DocketItem.case_id == case.id)).one()
    item.state = DOCKET_STATE.get(Outcome(decision.outcome), "decided")
    item.version += 1
    session.add(item)
