"""A meeting with its participants and docket, read by the docket's SQL (`store.docket_sql`) through whichever
driver the caller has: a SQLAlchemy session (`meetings.detail`) or `sqlite3` (`docket_fast`, the TUI's first
paint). Light on purpose: no SQLAlchemy here, so both readers build the very same rows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from visitation.domain.privacy import age_on
from visitation.domain.texts import neutralised
from visitation.services.views import DocketRow, MeetingRow, ParticipantRow, cpr_masked
from visitation.store import docket_sql as sql

Execute = Callable[[str, dict[str, Any]], list[tuple[Any, ...]]]
"""Run one statement with named parameters; the rows as tuples."""
Municipality = Callable[[str, str], str]
"""The municipality of a profile (key, version)."""


def meeting_id(execute: Execute, ident: str | None, today: dt.date) -> int | None:
    """The meeting to show: the one asked for (reference, else numeric id), else today's or the next, else the
    latest; None if there is none (or the one asked for is not found)."""
    if ident is not None:
        text = ident.strip()
        found = execute(sql.MEETING_BY_REF, {"ref": text})
        if not found and text.isascii() and text.isdigit() and len(text) <= 18:
            found = execute(sql.MEETING_BY_ID, {"id": int(text)})
        return int(found[0][0]) if found else None
    found = execute(sql.NEXT_MEETING, {"today": today}) or execute(sql.LATEST_MEETING, {})
    return int(found[0][0]) if found else None


def meeting_row(execute: Execute, meeting: int, municipality: Municipality,
                today: dt.date | None = None) -> MeetingRow:
    """The meeting with participants and docket, texts neutralised and CPR numbers masked as every view is;
    follow-ups counted on `today` (default: the meeting's date)."""
    (head,) = execute(sql.MEETING_BY_ID, {"id": meeting})
    mid, ref, date, title, chair, state = _texts(head)
    on = today or _date(date)
    items = [_texts(r) for r in execute(sql.DOCKET, {"meeting": mid})]
    due = {int(c): (int(n or 0), _date(first))
           for c, n, first in execute(sql.FOLLOWUPS, {"meeting": mid, "today": on})}
    decided = {int(c): _moment(at) for c, at in execute(sql.DECIDED, {"meeting": mid})}
    people = [ParticipantRow(name, role, organisation, bool(present))
              for name, role, organisation, present in map(_texts, execute(sql.PARTICIPANTS, {"meeting": mid}))]
    docket = [DocketRow(position=pos, case_id=cid, case_ref=cref, name=name, initials=initials,
                        age=age_on(_date(born), on), step=step, minutes=minutes, state=dstate,
                        started_at=_moment(started), overdue=due.get(cid, (0, None))[0],
                        next_followup=due.get(cid, (0, None))[1], decided_at=decided.get(cid))
              for pos, cid, cref, name, initials, born, step, minutes, dstate, started, _, _ in items]
    key = (items[0][10], items[0][11]) if items else None
    return cpr_masked(MeetingRow(  # type: ignore[no-any-return]
        id=mid, ref=ref, date=_date(date), title=title, chair=chair, state=state, cases=len(items),
        participants=people, docket=docket, municipality=municipality(*key) if key else None,
        profile=key[0] if key else None))


def _texts(row: tuple[Any, ...]) -> tuple[Any, ...]:
    """A row's texts neutralised as the ORM's load hook does (every text of the docket is a one-line column)."""
    return tuple(neutralised(v, multiline=False) if isinstance(v, str) else v for v in row)


def _date(value: Any) -> Any:
    """A date as the driver gives it: a `date` (PostgreSQL) or ISO text (SQLite)."""
    return dt.date.fromisoformat(value[:10]) if isinstance(value, str) else value


def _moment(value: Any) -> dt.datetime | None:
    """A timestamp, aware and in UTC (every timestamp in the database is UTC; SQLite keeps it as text)."""
    if value is None:
        return None
    moment = dt.datetime.fromisoformat(value) if isinstance(value, str) else value
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)
