"""Strengths and concerns per dimension of the ICS triangle on a case (SPEC §9.3), and Socialstyrelsen's
prevention triangle and position × trivsel on it."""

from __future__ import annotations

from sqlmodel import Session, col, select

from visitation.domain.ics import NoteKind, triangle
from visitation.domain.prevention import Position, Prevention, Wellbeing, choice
from visitation.domain.texts import checked_text
from visitation.errors import InvalidInput
from visitation.services import audit, lookup
from visitation.services.db import Db
from visitation.services.method_views import IcsNoteRow
from visitation.store.models import IcsNote


def note(db: Db, case_ident: str, side: str, dimension: str, strength: str = "", concern: str = "") -> int:
    """`ics`: a strength or a concern (exactly one) on one dimension of one side; returns its id."""
    dim = triangle().dimension(side.strip(), dimension.strip())
    if bool(strength.strip()) == bool(concern.strip()):
        raise InvalidInput("giv enten --strength eller --concern (én af dem)")
    kind, text = (NoteKind.STRENGTH, checked_text(strength, "--strength")) if strength.strip() else \
        (NoteKind.CONCERN, checked_text(concern, "--concern"))
    with db.write() as session:
        case = lookup.case(session, case_ident)
        row = IcsNote(case_id=case.id, side=dim.side, dimension=dim.key, kind=kind.value, text=text,  # type: ignore[arg-type]
                      created_by=db.user)
        session.add(row)
        session.flush()
        audit.log(session, db, "create", case.id, "ics", row.id, f"{dim.side}/{dim.key} {kind.value}")
        return row.id  # type: ignore[return-value]


def rows(session: Session, case_id: int) -> list[IcsNoteRow]:
    """The case's notes in the triangle's order (side, dimension), each dimension's notes as written."""
    tri = triangle()
    order = {(d.side, d.key): d.number for d in tri.dimensions}
    found = session.exec(select(IcsNote).where(IcsNote.case_id == case_id).order_by(col(IcsNote.id))).all()
    ordered = sorted(found, key=lambda n: order.get((n.side, n.dimension), 99))
    return [IcsNoteRow(n.id, n.side, n.dimension, n.kind, n.text, tri.label(n.side, n.dimension))  # type: ignore[arg-type]
            for n in ordered]


def classify(db: Db, case_ident: str, prevention: str | None = None, position: str | None = None,
             wellbeing: str | None = None) -> None:
    """Set the case's level in the prevention triangle and its position × trivsel (the values given)."""
    values = {name: choice(enum, raw, f"--{name}").value
              for name, enum, raw in (("prevention", Prevention, prevention), ("position", Position, position),
                                      ("wellbeing", Wellbeing, wellbeing)) if raw is not None}
    if not values:
        raise InvalidInput("giv mindst én af --prevention, --position og --wellbeing")
    with db.write() as session:
        case = lookup.case(session, case_ident)
        for name, value in values.items():
            setattr(case, name, value)
        case.version += 1
        session.add(case)
        audit.log(session, db, "update", case.id, "case", case.id,
                  ", ".join(f"{k}={v}" for k, v in values.items()))
