"""The hash chain over decisions and audit events: each row's hash covers its content and the previous hash."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

from sqlmodel import Session, SQLModel, col, select

from visitation.store.models import AuditEvent, Decision, Setting

CHAINED: tuple[type[SQLModel], ...] = (Decision, AuditEvent)


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.UTC).replace(tzinfo=None)
        return value.isoformat(timespec="microseconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def content_of(row: SQLModel) -> dict[str, Any]:
    """The hashed content of a row: every column except the hash itself."""
    names = [c.name for c in row.__table__.columns if c.name != "hash"]  # type: ignore[attr-defined]
    return {name: _plain(getattr(row, name)) for name in names}


def digest(row: SQLModel) -> str:
    """SHA-256 of the row's canonical JSON (which includes `prev_hash`)."""
    text = json.dumps(content_of(row), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def append(session: Session, row: Decision | AuditEvent) -> None:
    """Add a row at the end of its chain; the caller's write transaction serialises appends."""
    model = type(row)
    last = session.exec(select(model.hash).order_by(col(model.id).desc()).limit(1)).first()
    row.prev_hash = last or ""
    session.add(row)
    session.flush()  # assigns the id, which the hash covers, so reordering rows breaks the chain
    row.hash = digest(row)
    session.merge(Setting(key=_anchor_key(model), value=f"{row.id} {row.hash}"))
    session.flush()


def _anchor_key(model: type[SQLModel]) -> str:
    """The setting that remembers a chain's last row, so cutting rows off the end shows too."""
    return f"chain.{model.__tablename__}"  # type: ignore[attr-defined]


def first_break(session: Session, model: type[Decision] | type[AuditEvent]) -> tuple[int, str] | None:
    """The id of the first row whose hash or link is wrong, and why; None when the chain holds."""
    previous, last_id = "", 0
    for row in session.exec(select(model).order_by(col(model.id))).yield_per(1000):
        if row.prev_hash != previous:
            return row.id or 0, "kæden er brudt (forrige hash passer ikke: en række er slettet eller flyttet)"
        if row.hash != digest(row):
            return row.id or 0, "indholdet er ændret efter det blev gemt"
        previous, last_id = row.hash, row.id or 0
    anchor = session.get(Setting, _anchor_key(model))
    if anchor is not None and anchor.value != f"{last_id} {previous}":
        known = anchor.value.split(" ")[0]
        return int(known) if known.isdigit() else last_id, f"kæden slutter ved række {last_id}, men den sidst gemte var {known}: rækker er slettet"
    return None
