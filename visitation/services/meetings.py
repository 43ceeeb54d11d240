"""Meetings: participants, the docket, open and closed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import text
from sqlmodel import Session, col, func, select

from visitation.domain.profiles import Profile
from visitation.errors import InvalidInput
from visitation.services import audit, docket_read, lookup
from visitation.services.db import Db, profile_for
from visitation.services.views import MeetingRow
from visitation.store.models import Case, DocketItem, Meeting, Participant, utcnow


@dataclass(frozen=True)
class NewParticipant:
    """A participant as given to `meeting new`."""

    name: str
    role: str = ""
    organisation: str = ""
    present: bool = True

    @classmethod
    def parse(cls, text: str) -> NewParticipant:
        """`NAME;ROLE;ORG`, role and organisation optional."""
        parts = [p.strip() for p in text.split(";")]
        if not parts[0] or len(parts) > 3:
            raise InvalidInput("--participant: skal have formen \"NAVN;ROLLE;ORGANISATION\"")
        return cls(*parts)  # type: ignore[arg-type]


def _free_ref(session: Session, day: dt.date) -> str:
    base = f"VM-{day.isoformat()}"
    taken = set(session.exec(select(Meeting.ref).where(col(Meeting.ref).startswith(base))))
    return base if base not in taken else next(f"{base}-{n}" for n in range(2, 1000) if f"{base}-{n}" not in taken)


def create(session: Session, db: Db, *, day: dt.date, chair: str, title: str = "",
           participants: list[NewParticipant] | None = None, ref: str | None = None) -> Meeting:
    """Insert a meeting inside the caller's transaction."""
    if not chair.strip():
        raise InvalidInput("--chair: mangler")
    ref = ref or _free_ref(session, day)
    if session.exec(select(Meeting.id).where(Meeting.ref == ref)).first() is not None:
        raise InvalidInput(f"ref: mødet '{ref}' findes allerede")
    meeting = Meeting(ref=ref, date=day, title=title or "Visitationsmøde", chair=chair.strip())
    session.add(meeting)
    session.flush()
    for p in participants or []:
        session.add(Participant(meeting_id=meeting.id, name=p.name, role=p.role,  # type: ignore[arg-type]
                                organisation=p.organisation, present=p.present))
    audit.log(session, db, "create", None, "meeting", meeting.id)
    return meeting


def new(db: Db, *, day: dt.date, chair: str, title: str = "",
        participants: list[NewParticipant] | None = None) -> int:
    """Create a meeting; returns its id."""
    with db.write() as session:
        return create(session, db, day=day, chair=chair, title=title, participants=participants).id  # type: ignore[return-value]


def put_on_docket(session: Session, db: Db, meeting: Meeting, case: Case, minutes: int = 20) -> DocketItem:
    """Add a case at the end of a meeting's docket inside the caller's transaction."""
    if not 1 <= minutes <= 240:
        raise InvalidInput("--minutes: skal være 1-240")
    if meeting.state == "closed":
        raise InvalidInput(f"mødet {meeting.ref} er lukket")
    exists = session.exec(select(DocketItem).where(DocketItem.meeting_id == meeting.id,
                                                   DocketItem.case_id == case.id)).first()
    if exists:
        raise InvalidInput(f"sagen {case.ref} er allerede på dagsordenen for {meeting.ref}")
    _same_municipality(session, meeting, case)
    last = session.exec(select(func.max(DocketItem.position)).where(DocketItem.meeting_id == meeting.id)).first()
    item = DocketItem(meeting_id=meeting.id, case_id=case.id, position=(last or 0) + 1, minutes=minutes)  # type: ignore[arg-type]
    session.add(item)
    session.flush()
    audit.log(session, db, "update", case.id, "docket_item", item.id, f"på dagsordenen for {meeting.ref}")
    return item


def _docket_profiles(session: Session, meeting_id: int) -> list[tuple[str, str]]:
    """The (key, version) of the profile of each case on a meeting's docket, in docket order."""
    return list(session.exec(select(Case.profile_key, Case.profile_version)
                             .join(DocketItem, col(DocketItem.case_id) == col(Case.id))
                             .where(DocketItem.meeting_id == meeting_id).order_by(col(DocketItem.position))).all())


def municipality(session: Session, meeting_id: int) -> Profile | None:
    """The profile of the meeting's municipality: that of the cases on its docket; None while it is empty."""
    held = _docket_profiles(session, meeting_id)
    return profile_for(session, *held[0]) if held else None


def accepts(session: Session, meeting: Meeting, case: Case) -> bool:
    """Whether the case's municipality is the meeting's (an empty docket takes any case)."""
    return all(key == case.profile_key for key, _ in _docket_profiles(session, meeting.id))  # type: ignore[arg-type]


def next_for(session: Session, case: Case, today: dt.date) -> Meeting | None:
    """The next meeting from today, not closed, that takes the case: its municipality's or one with an empty docket."""
    upcoming = session.exec(select(Meeting).where(Meeting.state != "closed", Meeting.date >= today)
                            .order_by(col(Meeting.date), col(Meeting.id))).all()
    return next((m for m in upcoming if accepts(session, m, case)), None)


def _same_municipality(session: Session, meeting: Meeting, case: Case) -> None:
    """A meeting belongs to one municipality: refuse a case of another profile, naming both."""
    held = _docket_profiles(session, meeting.id)  # type: ignore[arg-type]
    other = next((p for p in held if p[0] != case.profile_key), None)
    if other is None:
        return
    ours, theirs = profile_for(session, case.profile_key, case.profile_version), profile_for(session, *other)
    same = ours.municipality == theirs.municipality
    names = [f"{p.municipality}, profil {p.key}" if same else p.municipality for p in (ours, theirs)]
    raise InvalidInput(f"Sag {case.ref} ({names[0]}) kan ikke komme på dagsordenen for {meeting.ref} ({names[1]}): "
                       "et møde hører til én kommune")


def add_case(db: Db, meeting_ident: str, case_ident: str, minutes: int = 20) -> int:
    """Put a case on a meeting's docket; returns the docket item's id."""
    with db.write() as session:
        meeting = lookup.meeting(session, meeting_ident)
        case = lookup.case(session, case_ident)
        return put_on_docket(session, db, meeting, case, minutes).id  # type: ignore[return-value]


def listing(db: Db) -> list[MeetingRow]:
    """Every meeting, newest first, with its number of cases."""
    with db.read() as session:
        per_meeting = select(DocketItem.meeting_id, func.count()).group_by(col(DocketItem.meeting_id))
        counts = dict(session.exec(per_meeting).all())
        rows = session.exec(select(Meeting).order_by(col(Meeting.date).desc(), col(Meeting.id).desc())).all()
        return [MeetingRow(id=m.id, ref=m.ref, date=m.date, title=m.title, chair=m.chair, state=m.state,  # type: ignore[arg-type]
                           cases=counts.get(m.id, 0)) for m in rows]  # type: ignore[arg-type]


def detail(session: Session, meeting: Meeting, today: dt.date | None = None) -> MeetingRow:
    """A meeting with participants and docket, from an open session: the docket's SQL (`docket_read`), the same
    the TUI's first paint runs through `sqlite3`."""
    return docket_read.meeting_row(executor(session), meeting.id, lambda key, version: profile_for(  # type: ignore[arg-type]
        session, key, version).municipality, today)


def executor(session: Session) -> docket_read.Execute:
    """Plain SQL with named parameters, in the session's transaction."""
    return lambda statement, values: [tuple(r) for r in session.execute(text(statement), values).all()]


def show(db: Db, ident: str) -> MeetingRow:
    """A meeting with its participants and docket; logged as a read of each case on it (after the read, without
    the write lock: `audit.log_reads`)."""
    with db.read() as session:
        meeting = lookup.meeting(session, ident)
        found, meeting_id, ref = detail(session, meeting), meeting.id, meeting.ref
    audit.log_reads(db, "read", [item.case_id for item in found.docket], "meeting", meeting_id, f"dagsorden {ref}")
    return found


UNTREATED = ("waiting", "in_progress")
"""Docket states of a case no decision was recorded for at the meeting."""


def untreated(db: Db, ident: str) -> list[str]:
    """The references of the cases on a meeting's docket that have no decision, in docket order."""
    with db.read() as session:
        meeting = lookup.meeting(session, ident)
        return _untreated(session, meeting)


def _untreated(session: Session, meeting: Meeting) -> list[str]:
    rows = session.exec(select(Case.ref).join(DocketItem, col(DocketItem.case_id) == col(Case.id))
                        .where(DocketItem.meeting_id == meeting.id, col(DocketItem.state).in_(UNTREATED))
                        .order_by(col(DocketItem.position), col(Case.ref))).all()
    return list(rows)


def close(db: Db, ident: str, postpone_rest: str | None = None) -> MeetingRow:
    """Close a meeting: no more decisions or docket changes. A meeting with untreated cases is closed only
    with `postpone_rest`, the reason each of them is postponed with (a decision per case, then the close);
    without it nothing is written and the cases are named."""
    with db.read() as session:
        meeting = lookup.meeting(session, ident)
        if meeting.state == "closed":
            raise InvalidInput(f"mødet {meeting.ref} er allerede lukket")
        ref, left = meeting.ref, _untreated(session, meeting)
    if left:
        _postpone(db, ref, left, postpone_rest)
    with db.write() as session:
        meeting = lookup.meeting(session, ref)
        if _untreated(session, meeting):
            raise InvalidInput(f"mødet {meeting.ref}: en sag er kommet på dagsordenen imens; prøv igen")
        meeting.state, meeting.closed_at = "closed", utcnow()
        meeting.version += 1
        session.add(meeting)
        audit.log(session, db, "update", None, "meeting", meeting.id, "lukket")
        return detail(session, meeting)


def _postpone(db: Db, meeting: str, cases: list[str], reason: str | None) -> None:
    """Each untreated case postponed with the reason, after checking every draft first (a refusal writes nothing)."""
    from visitation.domain.decision import DecisionDraft, Outcome
    from visitation.domain.texts import checked_text
    from visitation.errors import RuleViolation
    from visitation.services import decisions

    names = ", ".join(cases)
    if reason is None:
        raise InvalidInput(f"mødet {meeting} har ubehandlede sager: {names} – behandl dem, eller luk med "
                           "--postpone-rest BEGRUNDELSE (så udsættes de med den begrundelse)")
    text = checked_text(reason, "--postpone-rest")
    drafts = {ref: DecisionDraft(outcome=Outcome.POSTPONED, step=_step(db, ref), rationale=text) for ref in cases}
    for ref, draft in drafts.items():
        broken = decisions.preview(db, ref, draft).violations
        if broken:
            raise RuleViolation(broken)
    for ref, draft in drafts.items():
        decisions.record(db, ref, meeting, draft)


def _step(db: Db, ref: str) -> int:
    with db.read() as session:
        return lookup.case(session, ref).current_step


def agenda(db: Db, ident: str | None = None, today: dt.date | None = None) -> MeetingRow | None:
    """The meeting to show: the one asked for, else today's or the next, else the latest; None if none (one
    query, however many meetings there are)."""
    if ident is None:
        with db.read() as session:
            found = docket_read.meeting_id(executor(session), None, today or dt.date.today())
        if found is None:
            return None
        ident = str(found)
    return show(db, ident)


def _item(session: Session, meeting: Meeting, case: Case) -> DocketItem:
    item = session.exec(select(DocketItem).where(DocketItem.meeting_id == meeting.id,
                                                 DocketItem.case_id == case.id)).first()
    if item is None:
        raise InvalidInput(f"sagen {case.ref} er ikke på dagsordenen for {meeting.ref}")
    return item


def start_case(db: Db, meeting_ident: str, case_ident: str, at: dt.datetime | None = None) -> MeetingRow:
    """Mark a case as being discussed now (starts its timer) and the meeting as running."""
    with db.write() as session:
        meeting, case = lookup.meeting(session, meeting_ident), lookup.case(session, case_ident)
        if meeting.state == "closed":
            raise InvalidInput(f"mødet {meeting.ref} er lukket")
        item = _item(session, meeting, case)
        started = item.state == "waiting"
        if started:
            _pause_others(session, db, meeting, item)
            item.state, item.started_at, item.version = "in_progress", at or utcnow(), item.version + 1
            session.add(item)
        if meeting.state == "planned":
            meeting.state, meeting.version = "running", meeting.version + 1
            session.add(meeting)
        audit.log(session, db, "update" if started else "read", case.id, "docket_item", item.id,
                  f"behandles på {meeting.ref}")
        return detail(session, meeting)


def _pause_others(session: Session, db: Db, meeting: Meeting, item: DocketItem) -> None:
    """One case is discussed at a time: a case left undecided waits again (its timer stops; the time it
    was started stays, so the meeting clock still counts from the first case)."""
    running = session.exec(select(DocketItem).where(DocketItem.meeting_id == meeting.id,
                                                    DocketItem.state == "in_progress", DocketItem.id != item.id))
    for other in running.all():
        other.state, other.version = "waiting", other.version + 1
        session.add(other)
        audit.log(session, db, "update", other.case_id, "docket_item", other.id, f"sat på pause på {meeting.ref}")


def move(db: Db, meeting_ident: str, case_ident: str, delta: int) -> MeetingRow:
    """Move a case up (−1) or down (+1) the docket."""
    with db.write() as session:
        meeting, case = lookup.meeting(session, meeting_ident), lookup.case(session, case_ident)
        if meeting.state == "closed":
            raise InvalidInput(f"mødet {meeting.ref} er lukket")
        items = list(session.exec(select(DocketItem).where(DocketItem.meeting_id == meeting.id)
                                  .order_by(col(DocketItem.position))))
        index = [i.case_id for i in items].index(_item(session, meeting, case).case_id)
        other = index + delta
        if 0 <= other < len(items):
            a, b = items[index], items[other]
            a.position, b.position = b.position, a.position
            a.version, b.version = a.version + 1, b.version + 1
            session.add_all([a, b])
            audit.log(session, db, "update", None, "meeting", meeting.id, "dagsorden omordnet")
        return detail(session, meeting)


def resolve(db: Db, ident: str) -> MeetingRow:
    """A meeting's head (no docket, not logged as a read of its cases)."""
    with db.read() as session:
        m = lookup.meeting(session, ident)
        return MeetingRow(id=m.id, ref=m.ref, date=m.date, title=m.title, chair=m.chair, state=m.state, cases=0)  # type: ignore[arg-type]
