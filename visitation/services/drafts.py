"""The decision form saved field by field, so a crash or a closed lid loses nothing."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, select

from visitation.domain.decision import FORM_FIELDS, MAX_TEXT
from visitation.errors import Conflict, InvalidInput
from visitation.services import audit, lookup
from visitation.services.db import Db
from visitation.store.models import DraftDecision, utcnow

MAX_FIELD = MAX_TEXT


@dataclass(frozen=True)
class DraftState:
    """The saved form: its fields, its version and who saved last."""

    fields: dict[str, Any]
    version: int
    updated_by: str = ""


def _row(session: Session, case_id: int, meeting_id: int) -> DraftDecision | None:
    return session.exec(select(DraftDecision).where(DraftDecision.case_id == case_id,
                                                    DraftDecision.meeting_id == meeting_id)).first()


def load(db: Db, case_ident: str, meeting_ident: str) -> DraftState:
    """The saved form of a case at a meeting (empty when nothing was typed yet)."""
    with db.read() as session:
        case, meeting = lookup.case(session, case_ident), lookup.meeting(session, meeting_ident)
        row = _row(session, case.id, meeting.id)  # type: ignore[arg-type]
        return DraftState(dict(row.fields), row.version, row.updated_by) if row else DraftState({}, 0)


def save(db: Db, case_ident: str, meeting_ident: str, field: str, value: Any, base: Any,
         version: int) -> DraftState:
    """Save one field. `base` is the value the editor last saw: if another user has since changed this
    field to something else, nothing is overwritten and the Conflict names the field and their value."""
    if field not in FORM_FIELDS:
        raise InvalidInput(f"ukendt felt '{field}'")
    if isinstance(value, str) and len(value) > MAX_FIELD:
        raise InvalidInput(f"{field}: teksten er for lang (højst {MAX_FIELD} tegn)")
    refused: tuple[int, int | None] | None = None
    try:
        with db.write() as session:
            case, meeting = lookup.case(session, case_ident), lookup.meeting(session, meeting_ident)
            row = _row(session, case.id, meeting.id)  # type: ignore[arg-type]
            if row is None:
                row = DraftDecision(case_id=case.id, meeting_id=meeting.id, fields={}, version=0)  # type: ignore[arg-type]
            current = row.fields.get(field)
            if row.version != version and current != base and current != value:
                refused = (case.id, row.id)  # type: ignore[assignment]
                raise Conflict(f"{row.updated_by or 'en anden'} har ændret feltet '{field}' imens: "
                               f"'{str(current)[:60]}'. Dit indhold er ikke gemt; indlæs og ret til.")
            row.fields = {**row.fields, field: value}
            row.version, row.updated_at, row.updated_by = row.version + 1, utcnow(), db.user
            session.add(row)
            session.flush()
            audit.log(session, db, "update", case.id, "draft_decision", row.id,
                      audit.changes_text(session, case.id, {field: value}))  # type: ignore[arg-type]
            return DraftState(dict(row.fields), row.version, row.updated_by)
    except Conflict:
        if refused:
            audit.log_refused(db, refused[0], "draft_decision", refused[1], {field: value})
        raise


def discard(session: Session, case_id: int, meeting_id: int) -> None:
    """Remove the form once its decision is recorded (inside the recording transaction)."""
    row = _row(session, case_id, meeting_id)
    if row is not None:
        session.delete(row)
