"""The blocks the minutes are worded in (fields, tables, paragraphs, sub-headings) and the dates they say:
shared by the wording (text.py, method_text.py) and laid out by every renderer."""

from __future__ import annotations

from dataclasses import dataclass

NONE = "–"
MONTHS = ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober",
          "november", "december")


@dataclass(frozen=True)
class Fields:
    """Label–value pairs."""

    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Table:
    """A table with headers; `empty` is said instead when there are no rows."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    empty: str = "Ingen."


@dataclass(frozen=True)
class Para:
    """A paragraph; `strong` for the case's status line."""

    text: str
    strong: bool = False


@dataclass(frozen=True)
class MapHere:
    """Where a renderer that can draw puts the network map."""


@dataclass(frozen=True)
class Sub:
    """A sub-heading inside a section."""

    title: str


Block = Fields | Table | Para | MapHere | Sub


@dataclass(frozen=True)
class Section:
    """A titled part of a case (or of the meeting)."""

    title: str
    blocks: tuple[Block, ...]


def date(iso: str | None) -> str:
    """`2026-11-24` as `24. november 2026`."""
    if not iso:
        return NONE
    year, month, day = iso[:10].split("-")
    return f"{int(day)}. {MONTHS[int(month) - 1]} {year}"


def short_date(iso: str) -> str:
    """`2026-10-16` as `16.10.2026` (for narrow table columns)."""
    year, month, day = iso[:10].split("-")
    return f"{day}.{month}.{year}"
