"""Follow-ups: what is due and overdue, and recording one done — what it found, the cadence from here,
and, if the child should move, a proposal for the next meeting (a follow-up never moves a child itself).
A running measure always has a next follow-up: one done sets the next at the cadence agreed (or, without
one, the cadence agreed before or the profile's), and a supervision visit the next visit (BL §§ 95, 156)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlmodel import Session, col, select

from visitation.domain.durations import Duration
from visitation.domain.followups import (
    NEXT_KIND,
    agreed,
    cadence_legal,
    continuing_rule,
    next_due,
    sets_cadence,
)
from visitation.domain.profiles import Profile
from visitation.errors import InvalidInput, NotFound
from visitation.services import audit, goals
from visitation.services.db import Db, profile_for
from visitation.services.meetings import next_for, put_on_docket
from visitation.services.rows import active, followup_row, replaced
from visitation.services.views import FollowupRow
from visitation.store.models import Case, Decision, DocketItem, Followup, Proposal


@dataclass(frozen=True)
class FollowupDone:
    """A follow-up recorded as done, the next one it set, and where a proposed step change was put."""

    followup: FollowupRow
    next: FollowupRow | None = None
    proposed_step: int | None = None
    proposed_at: str | None = None
    """The meeting whose docket the proposal was put on; None when no meeting of its municipality is planned yet."""
    recurring: FollowupRow | None = None
    """The next occurrence of a follow-up that recurs for as long as the measure lasts (supervision visits)."""


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
        return [followup_row(f, ref, today) for f, ref in found]


def parse_cadence(text: str | None) -> Duration | None:
    """`--next`: a cadence such as 6w or 3m (at most two years), or None when not given."""
    if text is None:
        return None
    try:
        cadence = Duration.parse(text)
    except ValueError:
        raise InvalidInput(f"--next: «{text[:20]}» er ikke et interval som 2w, 6w eller 3m") from None
    if cadence.count == 0 or cadence.after(dt.date(2000, 1, 1)) > dt.date(2002, 1, 1):
        raise InvalidInput("--next: intervallet skal være mellem 1 dag og 2 år")
    return cadence


def done(db: Db, followup_id: int, note: str, *, next_in: str | None = None, scores: dict[int, int] | None = None,
         propose_step: int | None = None, today: dt.date | None = None) -> FollowupDone:
    """Record a follow-up done: its note, the next follow-up (`next_in`, e.g. 6w), each goal's progress
    (`scores`, 0–10), and optionally a proposed step change, which puts the case on the docket of its
    municipality's next meeting. Nothing is written on bad input."""
    today = today or dt.date.today()
    cadence = parse_cadence(next_in)
    if not note.strip():
        raise InvalidInput("--note: mangler")
    with db.write() as session:
        f, case = _open(session, followup_id)
        f.done_on, f.note, f.done_by, f.version = today, note.strip(), db.user, f.version + 1
        session.add(f)
        audit.log(session, db, "update", case.id, "followup", f.id, "udført")
        goals.score(session, db, case.id, f.id, scores or {}, today)  # type: ignore[arg-type]
        profile = profile_for(session, case.profile_key, case.profile_version)
        decision = session.get(Decision, f.decision_id)
        assert decision is not None
        following = _next(session, db, case, f, decision, profile, cadence, today)
        recurring = _recurring(session, db, case, f, decision, profile, today)
        meeting = _propose(session, db, case, f, propose_step, today) if propose_step is not None else None
        return FollowupDone(followup_row(f, case.ref, today), following, propose_step, meeting, recurring)


def _open(session: Session, followup_id: int) -> tuple[Followup, Case]:
    """The follow-up, still due, and its case."""
    f = session.get(Followup, followup_id)
    if f is None:
        raise NotFound(f"opfølgningen {followup_id} findes ikke")
    if f.done_on is not None:
        raise InvalidInput(f"opfølgningen {followup_id} er allerede udført ({f.done_on.isoformat()})")
    if (f.superseded_by_id is not None
            or session.exec(replaced().where(Decision.supersedes_id == f.decision_id)).first()):
        raise InvalidInput(f"opfølgningen {followup_id} er bortfaldet: dens beslutning er afløst af en senere")
    case = session.get(Case, f.case_id)
    assert case is not None
    return f, case


def _next(session: Session, db: Db, case: Case, f: Followup, decision: Decision, profile: Profile,
          cadence: Duration | None, today: dt.date) -> FollowupRow | None:
    """The next follow-up of the same decision (BL § 95: continuous follow-up): at the cadence agreed now,
    else – for a follow-up that sets the cadence – the one agreed before, else the profile's for the measure."""
    kinds = profile.measures(decision.interventions, decision.step)
    if cadence is not None:
        label = f"Løbende opfølgning (aftalt {today.isoformat()}: om {cadence.danish()})"
    elif not sets_cadence(f.kind, f.legal, profile):
        return None
    elif (cadence := agreed(f.kind)) is not None:
        label = f"Løbende opfølgning (som aftalt: om {cadence.danish()})"
    elif (default := profile.cadence(kinds)) is not None:
        cadence, label = default.every, default.label
    else:
        return None
    legal = tuple(profile.law.cite(k) for k in cadence_legal(kinds, profile))
    return _add(session, db, case, f, today, cadence.after(today), f"{NEXT_KIND}:{cadence}", label, legal,
                f"næste opfølgning om {cadence.danish()}")


def _recurring(session: Session, db: Db, case: Case, f: Followup, decision: Decision, profile: Profile,
               today: dt.date) -> FollowupRow | None:
    """The next supervision visit (or other follow-up that recurs as long as the measure lasts)."""
    rule = continuing_rule(f.kind, profile)
    due = next_due(rule, decision.start, f.due) if rule and decision.start else None
    if rule is None or due is None:
        return None
    legal = tuple(profile.law.cite(k) for k in rule.legal)
    return _add(session, db, case, f, today, due, rule.kind, rule.label, legal, f"næste {rule.label.lower()}")


def _add(session: Session, db: Db, case: Case, f: Followup, today: dt.date, due: dt.date, kind: str, label: str,
         legal: tuple[str, ...], detail: str) -> FollowupRow:
    """A new follow-up of the same decision, audited."""
    row = Followup(decision_id=f.decision_id, case_id=case.id,  # type: ignore[arg-type]
                   due=due, kind=kind, label=label, legal=list(legal),
                   responsible=f.responsible or case.caseworker)
    session.add(row)
    session.flush()
    audit.log(session, db, "create", case.id, "followup", row.id, detail)
    return followup_row(row, case.ref, today)


def _propose(session: Session, db: Db, case: Case, f: Followup, step: int, today: dt.date) -> str | None:
    """A step change proposed by the follow-up: the caseworker's proposal, put on the docket of the next meeting
    of the case's municipality (or of one with an empty docket)."""
    profile = profile_for(session, case.profile_key, case.profile_version)
    if not profile.has_step(step):
        raise InvalidInput(f"--propose-step: trin {step} findes ikke på trappen i profilen {profile.key}")
    if step == case.current_step:
        raise InvalidInput(f"--propose-step: barnet er allerede på trin {step}")
    session.add(Proposal(case_id=case.id, step=step, interventions=[],  # type: ignore[arg-type]
                         rationale=f"Foreslået ved opfølgning {f.id} ({today.isoformat()}): {f.note}"))
    audit.log(session, db, "create", case.id, "proposal", None,
              f"opfølgning {f.id} foreslår trin {case.current_step} → {step}")
    meeting = next_for(session, case, today)
    if meeting is None:
        return None
    listed = session.exec(select(DocketItem.id).where(DocketItem.meeting_id == meeting.id,
                                                      DocketItem.case_id == case.id)).first()
    if listed is None:
        put_on_docket(session, db, meeting, case)
    return meeting.ref
