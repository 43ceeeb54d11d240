"""The store's two text guards (SPEC §9.5), so no path in or out can forget them:

- in: before a flush, every text (and every string inside a JSON column) being written is checked with
  `domain.texts.refuse_unsafe`; a forbidden character refuses the whole transaction (exit 2, nothing
  written), naming the table and the column. Short columns (at most `ONE_LINE` characters: names, roles,
  relations, titles) take one line, no newline or tab.
- out: every row loaded as an object has its texts neutralised (U+FFFD for each forbidden character), so
  tables, the TUI, minutes and docx never see what an old database or an SQL hand put there. Only the
  loaded copy changes: nothing is written back, and the hash chain is checked on the raw rows (Core).
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from sqlalchemy import JSON, String, event, inspect
from sqlalchemy.orm import Mapper, attributes
from sqlmodel import Session, SQLModel

from visitation.domain.texts import (
    ONE_LINE,
    has_unsafe,
    neutralised,
    neutralised_value,
    refuse_unsafe,
    refuse_unsafe_in,
)


@cache
def _texts(mapper: Mapper[Any]) -> tuple[tuple[str, bool, bool], ...]:
    """(attribute, one line?, JSON?) for each text or JSON column of a mapped class."""
    found = []
    for attr in mapper.column_attrs:
        kind = attr.columns[0].type
        kind = getattr(kind, "impl_instance", kind)  # SQLModel's AutoString decorates a String
        if isinstance(kind, JSON):
            found.append((attr.key, False, True))
        elif isinstance(kind, String):
            found.append((attr.key, kind.length is not None and kind.length <= ONE_LINE, False))
    return tuple(found)


def _field(obj: Any, key: str) -> str:
    return f"{obj.__tablename__}.{key}"


def _check_object(obj: Any, new: bool) -> None:
    state = inspect(obj)
    for key, one_line, is_json in _texts(state.mapper):
        if not new and not state.attrs[key].history.has_changes():
            continue
        value = state.dict.get(key)
        if is_json:
            refuse_unsafe_in(value, _field(obj, key))
        elif isinstance(value, str):
            refuse_unsafe(value, _field(obj, key), multiline=not one_line)


def _before_flush(session: Session, _context: Any, _instances: Any) -> None:
    for obj in session.new:
        _check_object(obj, new=True)
    for obj in session.dirty:
        _check_object(obj, new=False)


@cache
def _texts_of(cls: type) -> tuple[tuple[str, bool, bool], ...]:
    return _texts(inspect(cls))


def _neutralise(target: Any, *_args: Any) -> None:
    """A loaded row's texts neutralised in place (a clean row, nearly all of them, costs one scan each)."""
    values = target.__dict__
    for key, one_line, is_json in _texts_of(target.__class__):
        value = values.get(key)
        if not value:
            continue
        if is_json:
            if isinstance(value, str) or has_unsafe(json.dumps(value, ensure_ascii=False)):
                attributes.set_committed_value(target, key, neutralised_value(value))
        elif has_unsafe(value, multiline=not one_line):
            attributes.set_committed_value(target, key, neutralised(value, multiline=not one_line))


def neutralised_row(row: Any) -> tuple[Any, ...]:
    """A plain result row (Core) with its texts neutralised: for the few reads that select columns."""
    return tuple(neutralised(v) if isinstance(v, str) else v for v in row)


@cache
def install() -> None:
    """Hook both guards into every session and every mapped table (once per process)."""
    event.listen(Session, "before_flush", _before_flush)
    for mapper in SQLModel._sa_registry.mappers:
        if issubclass(mapper.class_, SQLModel):
            event.listen(mapper, "load", _neutralise)
            event.listen(mapper, "refresh", _neutralise)
