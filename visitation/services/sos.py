"""A case's Signs of Safety mapping and safety plan (SPEC §9.3): written one line at a time, audit-logged,
read as one plain view for the CLI, the TUI's step, the minutes and the case file."""

from __future__ import annotations

import datetime as dt
from typing import TypeVar

from sqlmodel import Session, col, select
from sqlmodel.sql.expression import SelectOfScalar

from visitation.domain.sos import MAX_KEEPERS, Kind, check_scale, column
from visitation.domain.texts import checked_text
from visitation.errors import InvalidInput
from visitation.services import audit, lookup
from visitation.services.db import Db
from visitation.services.method_views import PlanRule, ScaleRating, SosLine, SosView
from visitation.store.models import Case, NetworkMember, SafetyRule, SosEntry, SosScale

T = TypeVar("T", SosEntry, SosScale, SafetyRule)


def add(db: Db, case_ident: str, column_name: str, text: str, who: str = "") -> int:
    """`sos add`: an item in one of the three columns; returns its id."""
    return _line(db, case_ident, column(column_name), checked_text(text, "--text"),
                 checked_text(who, "--who", 200) if who.strip() else "")


def danger(db: Db, case_ident: str, text: str) -> int:
    """`sos danger`: a danger statement (farefaktorudsagn); returns its id."""
    return _line(db, case_ident, Kind.DANGER, checked_text(text, "--text"), "")


def goal(db: Db, case_ident: str, text: str) -> int:
    """`sos goal`: a safety goal (sikkerhedsmål); returns its id."""
    return _line(db, case_ident, Kind.GOAL, checked_text(text, "--text"), "")


def _line(db: Db, case_ident: str, kind: Kind, text: str, who: str) -> int:
    with db.write() as session:
        case = lookup.case(session, case_ident)
        row = SosEntry(case_id=case.id, kind=kind.value, text=text, who=who, created_by=db.user)  # type: ignore[arg-type]
        session.add(row)
        session.flush()
        audit.log(session, db, "create", case.id, "sos", row.id, kind.value)
        return row.id  # type: ignore[return-value]


def scale(db: Db, case_ident: str, who: str, score: int, on: dt.date | None = None) -> int:
    """`sos scale`: one person's rating 0–10 on a day (default today); earlier ratings are kept."""
    who = checked_text(who, "--who", 200)
    check_scale(score)
    with db.write() as session:
        case = lookup.case(session, case_ident)
        row = SosScale(case_id=case.id, who=who, score=score, rated_on=on or dt.date.today(),  # type: ignore[arg-type]
                       created_by=db.user)
        session.add(row)
        session.flush()
        audit.log(session, db, "create", case.id, "sos-scale", row.id, f"skala {score}")
        return row.id  # type: ignore[return-value]


def plan(db: Db, case_ident: str, rule: str, keepers: list[str]) -> int:
    """`sos plan`: a rule of the safety plan, kept by named people of the case's network; returns its id."""
    rule = checked_text(rule, "--rule")
    with db.write() as session:
        case = lookup.case(session, case_ident)
        row = SafetyRule(case_id=case.id, text=rule, keepers=keeper_ids(session, case, keepers),  # type: ignore[arg-type]
                         created_by=db.user)
        session.add(row)
        session.flush()
        audit.log(session, db, "create", case.id, "safety-rule", row.id, f"{len(row.keepers)} holder reglen")
        return row.id  # type: ignore[return-value]


def keeper_ids(session: Session, case: Case, names: list[str]) -> list[int]:
    """The network members named as keepers (one name each, as on the map); an unknown name is refused."""
    wanted = [n.strip() for n in names if n.strip()]
    if not wanted:
        raise InvalidInput("--keeper: mindst én fra netværket skal holde reglen")
    if len(wanted) > MAX_KEEPERS:
        raise InvalidInput(f"--keeper: højst {MAX_KEEPERS} for én regel")
    members = session.exec(select(NetworkMember).where(NetworkMember.case_id == case.id,
                                                       col(NetworkMember.removed_at).is_(None))).all()
    found: list[int] = []
    for name in dict.fromkeys(wanted):
        same = [m for m in members if m.name.casefold() == name.casefold()]
        if not same:
            raise InvalidInput(f"--keeper: «{name[:40]}» er ikke på sagens netværkskort (visitation network list "
                               f"{case.ref})")
        if len(same) > 1:
            raise InvalidInput(f"--keeper: «{name[:40]}» står {len(same)} gange på netværkskortet; "
                               "giv dem forskellige navne")
        found.append(same[0].id)  # type: ignore[arg-type]
    return found


def show(db: Db, case_ident: str) -> SosView:
    """The case's mapping and plan; the read is logged."""
    return audit.read_logged(db, case_ident, lambda session, case: view(session, case.id),  # type: ignore[arg-type]
                             "read", "sos")


def view(session: Session, case_id: int, until: dt.datetime | None = None) -> SosView:
    """The mapping as plain rows (as it stood at `until`, when given: the minutes of a past meeting)."""
    def upto(model: type[T]) -> SelectOfScalar[T]:
        query = select(model).where(model.case_id == case_id)
        return query.where(model.created_at <= until) if until else query

    lines = [SosLine(e.id, e.kind, e.text, e.who)  # type: ignore[arg-type]
             for e in session.exec(upto(SosEntry).order_by(col(SosEntry.id)))]
    ratings = [ScaleRating(r.who, r.score, r.rated_on)
               for r in session.exec(upto(SosScale).order_by(col(SosScale.rated_on), col(SosScale.id)))]
    names = {m.id: m.name for m in session.exec(select(NetworkMember).where(NetworkMember.case_id == case_id))}
    rules = [PlanRule(r.id, r.text, [names.get(k, f"#{k}") for k in r.keepers])  # type: ignore[arg-type]
             for r in session.exec(upto(SafetyRule).order_by(col(SafetyRule.id)))]
    return SosView(lines, ratings, rules)


def plan_text(session: Session, case_id: int) -> str:
    """The safety plan as a decision keeps it: one rule a line, with who keeps it."""
    return "\n".join(f"{r.text} (holdes af: {', '.join(r.keepers)})" for r in view(session, case_id).plan)
