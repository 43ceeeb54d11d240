"""Cases: create, find, list, show."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select as core_select
from sqlmodel import Session, col, func, select

from visitation.domain import cpr as cprs
from visitation.domain.casefile import REF_PROBLEM, valid_ref
from visitation.domain.casefile import Child as ChildData
from visitation.domain.privacy import Privacy, Scrubber, age_facts, age_on
from visitation.errors import InvalidInput
from visitation.services import audit, goals, ics, lookup, sos, trajectory
from visitation.services.db import Db, profile_for, remember_profile
from visitation.services.rows import alternative_rows, assessment_row, decision_rows, network_rows
from visitation.services.views import CaseDetail, CaseRow, NetworkChanges, ProposalView, cpr_masked
from visitation.store import search as search_index
from visitation.store.models import Assessment, Case, Child, Decision, Proposal
from visitation.store.textguard import neutralised_row


def search_text(ref: str, child: ChildData | Child, caseworker: str, school: str) -> str:
    """What `--search` matches: reference, name, initials, caseworker and school, lower-cased."""
    return " ".join((ref, child.name, child.initials, caseworker, school)).lower()[:1000]


def next_ref(session: Session, today: dt.date) -> str:
    """The next free reference of the year: 2026-0001, 2026-0002, …"""
    prefix = f"{today.year}-"
    last = session.exec(select(func.max(Case.ref)).where(col(Case.ref).startswith(prefix))).first()
    number = int(last[len(prefix):]) + 1 if last and last[len(prefix):].isdigit() else 1
    return f"{prefix}{number:04d}"


def create(session: Session, db: Db, *, ref: str | None, child: ChildData, caseworker: str = "",
           school: str = "", reason: str = "", step: int = 1, profile_key: str | None = None) -> Case:
    """Insert a child and a case inside the caller's transaction."""
    profile = profile_for(session, profile_key)
    if not profile.has_step(step):
        raise InvalidInput(f"--step: trin {step} findes ikke på trappen i profilen {profile.key}")
    remember_profile(session, profile)
    if ref is not None and not valid_ref(ref):
        raise InvalidInput(f"ref: {REF_PROBLEM}")
    ref = ref or next_ref(session, dt.date.today())
    if session.exec(select(Case.id).where(Case.ref == ref)).first() is not None:
        raise InvalidInput(f"ref: sagen '{ref}' findes allerede")
    row = Child(name=child.name, initials=child.initials, birth_date=child.birth_date, cpr=child.cpr)
    session.add(row)
    session.flush()
    case = Case(ref=ref, child_id=row.id, profile_key=profile.key, profile_version=profile.version,  # type: ignore[arg-type]
                caseworker=caseworker, school=school, reason=reason, current_step=step,
                search_text=search_text(ref, child, caseworker, school))
    session.add(case)
    session.flush()
    audit.log(session, db, "create", case.id, "case", case.id)
    return case


def add(db: Db, *, name: str, birth_date: dt.date, cpr: str | None = None, initials: str | None = None,
        caseworker: str = "", school: str = "", reason: str = "", step: int = 1,
        ref: str | None = None) -> int:
    """Create a case from the CLI's fields; returns its id."""
    if not name.strip():
        raise InvalidInput("--name: mangler")
    if birth_date > dt.date.today():
        raise InvalidInput("--birth-date: ligger i fremtiden")
    number = None
    if cpr:
        try:
            check = cprs.validate(cpr)
        except ValueError as exc:
            raise InvalidInput(f"--cpr: {exc}") from None
        if check.birth_date != birth_date:
            raise InvalidInput("--cpr: passer ikke med --birth-date")
        number = check.number
    child = ChildData(name=name.strip(), initials=initials or _initials(name), birth_date=birth_date, cpr=number)
    with db.write() as session:
        case = create(session, db, ref=ref, child=child, caseworker=caseworker, school=school,
                      reason=reason, step=step)
        return case.id  # type: ignore[return-value]


def _initials(name: str) -> str:
    return "".join(part[0].upper() for part in name.split() if part)[:10]


def search(db: Db, *, text: str | None = None, step: int | None = None, caseworker: str | None = None,
           limit: int = 100, audit_read: bool = True) -> list[CaseRow]:
    """Cases matching a search, newest reference first; the criterion goes into the audit log."""
    today = dt.date.today()
    with db.read() as session:
        query = (core_select(col(Case.id), col(Case.ref), col(Child.name), col(Child.initials), col(Child.birth_date),
                             col(Case.current_step), col(Case.caseworker), col(Case.status),
                             col(Case.profile_key))  # plain rows: no ORM objects to build
                 .join(Child, col(Case.child_id) == col(Child.id)))
        if text:
            query = query.where(search_index.matches(session, text))
        if step is not None:
            query = query.where(col(Case.current_step) == step)
        if caseworker:
            query = query.where(col(Case.caseworker) == caseworker)
        rows = [neutralised_row(r)  # plain rows skip the load hook: their texts neutralised here
                for r in session.connection().execute(query.order_by(col(Case.ref).desc()).limit(limit))]
        found = [CaseRow(id=i, ref=ref, name=name, initials=initials, age=age_on(born, today), step=step,
                         caseworker=worker, status=status, profile=profile)
                 for i, ref, name, initials, born, step, worker, status, profile in rows]
    if audit_read:
        typed = text or ""
        for row in found:  # a child's name typed as the criterion goes into the log as initials
            typed = Scrubber(row.name, row.initials, Privacy.SCREEN)(typed)
        criterion = f"søgning: {typed} trin: {step or ''} rådgiver: {caseworker or ''}".strip()
        shown = ", ".join(r.ref for r in found[:40]) + (" …" if len(found) > 40 else "")
        audit.log_now(db, "search", None, "case", None, f"{criterion}; {len(found)} sager: {shown}")
    return cpr_masked(found)  # type: ignore[no-any-return]


def detail(session: Session, case: Case, today: dt.date | None = None) -> CaseDetail:
    """A whole case from an open session."""
    today = today or dt.date.today()
    child = session.get(Child, case.child_id)
    assert child is not None
    profile = profile_for(session, case.profile_key, case.profile_version)
    zone_label = {z.number: z.label for z in profile.zones}
    proposal = session.exec(select(Proposal).where(Proposal.case_id == case.id)
                            .order_by(col(Proposal.id).desc())).first()
    return CaseDetail(
        id=case.id, ref=case.ref, name=child.name, initials=child.initials,  # type: ignore[arg-type]
        birth_date=child.birth_date, age=age_on(child.birth_date, today), cpr=cprs.mask(child.cpr),
        caseworker=case.caseworker, school=case.school, reason=case.reason, step=case.current_step,
        step_label=profile.step(case.current_step).label, status=case.status, profile=case.profile_key,
        profile_version=case.profile_version, child_view=case.child_view,
        child_view_how=case.child_view_how, child_view_date=case.child_view_date,
        parents_view=case.parents_view, parents_consent=case.parents_consent, version=case.version,
        proposal=ProposalView(proposal.step, list(proposal.interventions), proposal.purpose,
                              proposal.duration, proposal.rationale) if proposal else None,
        assessments=[assessment_row(a, zone_label) for a in session.exec(
            select(Assessment).where(Assessment.case_id == case.id).order_by(col(Assessment.id)))],
        network=network_rows(session, case.id),  # type: ignore[arg-type]
        alternatives=alternative_rows(session, case.id),  # type: ignore[arg-type]
        decisions=decision_rows(session, case.id),  # type: ignore[arg-type]
        age_facts=age_facts(child.birth_date, today),
        network_changes=network_changes(session, case.id),  # type: ignore[arg-type]
        trajectory=trajectory.points(session, case),
        goals=goals.rows(session, case.id),  # type: ignore[arg-type]
        sos=sos.view(session, case.id),  # type: ignore[arg-type]
        ics=ics.rows(session, case.id),  # type: ignore[arg-type]
        prevention=case.prevention, position=case.position, wellbeing=case.wellbeing,
    )


def network_changes(session: Session, case_id: int) -> NetworkChanges:
    """Compare the map with the one snapshotted at the case's last decision (empty before any)."""
    last = session.exec(select(Decision).where(Decision.case_id == case_id)
                        .order_by(col(Decision.id).desc())).first()
    if last is None:
        return NetworkChanges([], [], [])
    before = {p["id"]: p for p in last.network_snapshot}
    now = network_rows(session, case_id)
    keys = ("name", "relation", "sector", "ring", "valence", "placement_candidate")
    changed = [m.id for m in now if m.id in before and any(before[m.id].get(k) != getattr(m, k) for k in keys)]
    ids = {m.id for m in now}
    return NetworkChanges(joined=[m.id for m in now if m.id not in before], changed=changed,
                          left=[{"name": p["name"], "relation": p["relation"]}
                                for i, p in before.items() if i not in ids])


def show(db: Db, ident: str) -> CaseDetail:
    """A whole case (CPR numbers in its free text masked); the read is logged before it is returned
    (`audit.read_logged`: no write lock held)."""
    return cpr_masked(audit.read_logged(db, ident, detail, "read", "case", names_case=True))  # type: ignore[no-any-return]


def profile(db: Db, ident: str):  # type: ignore[no-untyped-def]
    """The profile (frozen reference data) a case was created under."""
    with db.read() as session:
        case = lookup.case(session, ident)
        return profile_for(session, case.profile_key, case.profile_version)
