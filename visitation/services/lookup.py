"""Finding cases and meetings by numeric id or external reference."""

from __future__ import annotations

from sqlmodel import Session, select

from visitation.errors import NotFound
from visitation.store.models import Case, Meeting


def case(session: Session, ident: str | int) -> Case:
    """A case by reference (e.g. 2026-0042) or numeric id."""
    text = str(ident).strip()
    found = session.exec(select(Case).where(Case.ref == text)).first()
    if found is None and as_id(text) is not None:
        found = session.get(Case, as_id(text))
    if found is None:
        raise NotFound(f"sagen '{text[:40]}' findes ikke")
    return found


def meeting(session: Session, ident: str | int) -> Meeting:
    """A meeting by reference (e.g. VM-2026-11-24) or numeric id."""
    text = str(ident).strip()
    found = session.exec(select(Meeting).where(Meeting.ref == text)).first()
    if found is None and as_id(text) is not None:
        found = session.get(Meeting, as_id(text))
    if found is None:
        raise NotFound(f"mødet '{text[:40]}' findes ikke")
    return found


def as_id(text: str) -> int | None:
    """A numeric id as typed (ASCII digits that fit a database integer), else None."""
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 18 else None
