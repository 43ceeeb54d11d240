"""What the minutes of a meeting are made of, read in one transaction, as plain data.

Read-only apart from the audit log: reading the minutes is a use of each case on them, so each case
gets an audit event with the meeting as purpose. Everything is taken as it stood at the meeting —
ages on the meeting's date, the network as snapshotted with the decision — so the same database
always gives the same data, however much later it is read.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from sqlmodel import Session, col, select

from visitation.domain.privacy import age_facts, age_on
from visitation.domain.profiles import Profile
from visitation.errors import InvalidInput
from visitation.services import audit, ics, lookup, sos
from visitation.services.db import Db, profile_for
from visitation.services.decisions import zone_now
from visitation.services.goals import rows as goal_rows
from visitation.services.method_views import IcsNoteRow, SosView
from visitation.services.rows import (
    alternative_rows,
    assessment_row,
    decision_row,
    followup_row,
    network_rows,
)
from visitation.services.verify import chain_head
from visitation.services.views import (
    AlternativeRow,
    AssessmentRow,
    DecisionRow,
    GoalRow,
    MeetingRow,
    NetworkRow,
    ParticipantRow,
    snapshot_row,
)
from visitation.store.models import (
    Assessment,
    Case,
    Child,
    Decision,
    DocketItem,
    Followup,
    Goal,
    IcsNote,
    Meeting,
    Participant,
)


@dataclass(frozen=True)
class CaseData:
    """One docket case as the minutes need it (raw: privacy is applied by the minutes builder)."""

    position: int
    time_box: int
    docket_state: str
    ref: str
    name: str
    initials: str
    birth_date: dt.date
    cpr: str | None
    age: int
    age_facts: list[str]
    caseworker: str
    school: str
    reason: str
    current_step: int
    profile: Profile
    assessments: list[AssessmentRow]
    decision: DecisionRow | None
    goals: str
    network: list[NetworkRow]
    previous_network: list[NetworkRow] | None
    """The map kept with the case's previous decision; None when there was none."""
    previous_decided_on: dt.date | None
    alternatives: list[AlternativeRow]
    progress: list[GoalRow] = dataclasses.field(default_factory=list)
    """The case's goals with the scores given by the time of the decision in force (all, before one)."""
    sos: SosView | None = None
    """The Signs of Safety mapping and plan by the time of the decision in force (all, before one)."""
    ics: list[IcsNoteRow] = dataclasses.field(default_factory=list)
    """The ICS notes by the same time."""
    prevention: tuple[str, str, str] = ("", "", "")
    """The case's prevention level, position and wellbeing (blank when unset)."""
    zone: int | None = None
    """The case's zone on the meeting's date, as the rules weighed the decision in force (None before one)."""


@dataclass(frozen=True)
class MinutesData:
    """The meeting (with participants) and its docket cases, in docket order, and the decision chain's head."""

    meeting: MeetingRow
    cases: list[CaseData]
    chain_head: str = ""


def gather(db: Db, meeting_ident: str, case_ident: str | None = None, *, action: str = "export",
           detail: str = "referat", then: Callable[[MinutesData], object] | None = None) -> MinutesData:
    """The data of a meeting's minutes (or of one case on it); each case's use is audited.

    `then` (writing the file) runs inside the same transaction before the audit events: if it fails,
    nothing is logged, so a failed export is never recorded as one.
    """
    with db.write() as session:
        meeting = lookup.meeting(session, meeting_ident)
        items = _docket(session, meeting, case_ident)
        found = [_case_data(session, meeting, item) for item in items]
        data = MinutesData(_meeting_row(session, meeting, len(items)), found, chain_head(session))
        if then is not None:
            then(data)
        used = db.for_meeting(meeting.ref)
        for item in items:
            audit.log(session, used, action, item.case_id, "meeting", meeting.id, detail)
        return data


def meeting_ref(db: Db, ident: str) -> str:
    """The reference of a meeting given by id or reference (not logged: no case is read)."""
    with db.read() as session:
        return lookup.meeting(session, ident).ref


def _docket(session: Session, meeting: Meeting, case_ident: str | None) -> list[DocketItem]:
    items = list(session.exec(select(DocketItem).where(DocketItem.meeting_id == meeting.id)
                              .order_by(col(DocketItem.position), col(DocketItem.id))))
    if case_ident is None:
        return items
    case = lookup.case(session, case_ident)
    chosen = [i for i in items if i.case_id == case.id]
    if not chosen:
        raise InvalidInput(f"--case: sagen {case.ref} er ikke på dagsordenen for {meeting.ref}")
    return chosen


def _meeting_row(session: Session, meeting: Meeting, count: int) -> MeetingRow:
    people = session.exec(select(Participant).where(Participant.meeting_id == meeting.id)
                          .order_by(col(Participant.id))).all()
    return MeetingRow(id=meeting.id, ref=meeting.ref, date=meeting.date, title=meeting.title,  # type: ignore[arg-type]
                      chair=meeting.chair, state=meeting.state, cases=count,
                      participants=[ParticipantRow(p.name, p.role, p.organisation, p.present) for p in people])


def _case_data(session: Session, meeting: Meeting, item: DocketItem) -> CaseData:
    case = session.get(Case, item.case_id)
    assert case is not None
    child = session.get(Child, case.child_id)
    assert child is not None
    profile = profile_for(session, case.profile_key, case.profile_version)
    decisions = list(session.exec(select(Decision).where(Decision.case_id == case.id)
                                  .order_by(col(Decision.id))))
    here = [d for d in decisions if d.meeting_id == meeting.id]
    superseded = {d.supersedes_id for d in decisions if d.supersedes_id}
    current = next((d for d in reversed(here) if d.id not in superseded), None)
    previous = _previous(session, decisions, here, meeting)
    network = ([snapshot_row(p) for p in current.network_snapshot] if current is not None
               else network_rows(session, case.id))  # type: ignore[arg-type]
    return CaseData(
        position=item.position, time_box=item.minutes, docket_state=item.state, ref=case.ref,
        name=child.name, initials=child.initials, birth_date=child.birth_date, cpr=child.cpr,
        age=age_on(child.birth_date, meeting.date), age_facts=age_facts(child.birth_date, meeting.date),
        caseworker=case.caseworker, school=case.school, reason=case.reason,
        current_step=case.current_step, profile=profile,
        assessments=_assessments(session, case.id, meeting, profile),  # type: ignore[arg-type]
        decision=_decision(session, current, case.ref, meeting.date) if current else None,
        goals=current.goals if current else "", network=network,
        progress=_progress(session, case.id, current),  # type: ignore[arg-type]
        sos=sos.view(session, case.id, until=current.created_at if current else None),  # type: ignore[arg-type]
        ics=_ics(session, case.id, current),  # type: ignore[arg-type]
        prevention=(case.prevention, case.position, case.wellbeing),
        zone=zone_now(session, case, meeting.date) if current else None,
        previous_network=[snapshot_row(p) for p in previous.network_snapshot] if previous else None,
        previous_decided_on=previous.created_at.date() if previous else None,
        alternatives=(_alternatives(current.alternatives) if current is not None
                      else alternative_rows(session, case.id)))  # type: ignore[arg-type]


def _progress(session: Session, case_id: int, current: Decision | None) -> list[GoalRow]:
    """The goals as the meeting knew them: made before its decision, scored up to it (stable afterwards)."""
    found = goal_rows(session, case_id)
    if current is None:
        return found
    made = {g.id for g in session.exec(
        select(Goal).where(Goal.case_id == case_id, Goal.created_at <= current.created_at))}
    day = current.created_at.date()
    return [dataclasses.replace(g, scores=[p for p in g.scores if p.date <= day]) for g in found if g.id in made]


def _ics(session: Session, case_id: int, current: Decision | None) -> list[IcsNoteRow]:
    """The ICS notes as the meeting knew them: written before its decision (all, before one)."""
    found = ics.rows(session, case_id)
    if current is None:
        return found
    made = set(session.exec(select(IcsNote.id).where(IcsNote.case_id == case_id,
                                                     IcsNote.created_at <= current.created_at)))
    return [n for n in found if n.id in made]


def _previous(session: Session, decisions: list[Decision], here: list[Decision],
              meeting: Meeting) -> Decision | None:
    """The newest decision on the case before this meeting (corrections at this meeting excluded)."""
    if here:
        return next((d for d in reversed(decisions)  # stored rows: ids are set
                     if d.id < here[0].id and d.meeting_id != meeting.id), None)  # type: ignore[operator]
    dates = {m.id: m.date for m in session.exec(select(Meeting).where(
        col(Meeting.id).in_(sorted({d.meeting_id for d in decisions if d.meeting_id}))))}
    before = [d for d in decisions
              if (dates[d.meeting_id] < meeting.date if d.meeting_id else d.created_at.date() < meeting.date)]
    return before[-1] if before else None


def _decision(session: Session, d: Decision, ref: str, on: dt.date) -> DecisionRow:
    planned = session.exec(select(Followup).where(Followup.decision_id == d.id)
                           .order_by(col(Followup.due), col(Followup.id))).all()
    row = decision_row(d)
    return dataclasses.replace(row, followups=[followup_row(f, ref, on) for f in planned])


def _assessments(session: Session, case_id: int, meeting: Meeting, profile: Profile) -> list[AssessmentRow]:
    """Each rater's newest mark per axis as it stood at the meeting, and the consensus per axis."""
    rows = session.exec(select(Assessment).where(Assessment.case_id == case_id)
                        .order_by(col(Assessment.date), col(Assessment.id))).all()
    labels = {z.number: z.label for z in profile.zones}
    newest: dict[tuple[str, bool, str], Assessment] = {}
    for a in rows:
        if a.meeting_id == meeting.id or (a.meeting_id is None and a.date <= meeting.date) \
                or (a.meeting_id is not None and a.date < meeting.date):
            newest[(a.axis, a.consensus, "" if a.consensus else a.rater)] = a
    return [assessment_row(a, labels) for a in newest.values()]



def _alternatives(stored: list[dict]) -> list[AlternativeRow]:  # type: ignore[type-arg]
    """The alternatives a decision counted, as kept with it."""
    return [AlternativeRow(step=int(a.get("step") or 0), intervention=str(a.get("intervention", "")),
                           verdict=str(a.get("verdict", "")), reason=str(a.get("reason", "")))
            for a in stored]
