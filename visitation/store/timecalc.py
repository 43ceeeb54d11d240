"""SQL that SQLite and PostgreSQL spell differently: date arithmetic, months, a look into JSON.

The two dialects subtract timestamps and add days differently; these elements let a query say what it
means once, so figures over many rows are computed where the rows are instead of in Python.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Boolean, Date, Float, String
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement


class seconds_between(FunctionElement[float]):  # noqa: N801  (used like an SQL function)
    """Seconds from the first timestamp to the second (negative when the second is earlier)."""

    type = Float()
    inherit_cache = True
    name = "seconds_between"


class days_after(FunctionElement[Any]):  # noqa: N801
    """A date column plus a whole number of days."""

    type = Date()
    inherit_cache = True
    name = "days_after"


@compiles(seconds_between, "sqlite")
def _seconds_sqlite(element: seconds_between, compiler: Any, **kw: Any) -> str:
    start, end = (compiler.process(c, **kw) for c in element.clauses)
    return f"((julianday({end}) - julianday({start})) * 86400.0)"


@compiles(seconds_between, "postgresql")
def _seconds_pg(element: seconds_between, compiler: Any, **kw: Any) -> str:
    start, end = (compiler.process(c, **kw) for c in element.clauses)
    return f"EXTRACT(EPOCH FROM ({end} - {start}))"


@compiles(days_after, "sqlite")
def _days_sqlite(element: days_after, compiler: Any, **kw: Any) -> str:
    day, n = (compiler.process(c, **kw) for c in element.clauses)
    return f"date({day}, '+' || {n} || ' days')"


@compiles(days_after, "postgresql")
def _days_pg(element: days_after, compiler: Any, **kw: Any) -> str:
    day, n = (compiler.process(c, **kw) for c in element.clauses)
    return f"({day} + CAST({n} AS INTEGER))"


class month_of(FunctionElement[str]):  # noqa: N801
    """A timestamp's calendar month as text, YYYY-MM (UTC: PostgreSQL sessions run in UTC)."""

    type = String()
    inherit_cache = True
    name = "month_of"


@compiles(month_of, "sqlite")
def _month_sqlite(element: month_of, compiler: Any, **kw: Any) -> str:
    (moment,) = (compiler.process(c, **kw) for c in element.clauses)
    return f"strftime('%Y-%m', {moment})"


@compiles(month_of, "postgresql")
def _month_pg(element: month_of, compiler: Any, **kw: Any) -> str:
    (moment,) = (compiler.process(c, **kw) for c in element.clauses)
    return f"to_char({moment}, 'YYYY-MM')"


class step_below_in(FunctionElement[bool]):  # noqa: N801
    """Whether a JSON list of alternatives holds one whose `step` (a number) is below the given step."""

    type = Boolean()
    inherit_cache = True
    name = "step_below_in"


@compiles(step_below_in, "sqlite")
def _below_sqlite(element: step_below_in, compiler: Any, **kw: Any) -> str:
    alternatives, step = (compiler.process(c, **kw) for c in element.clauses)
    return (f"EXISTS (SELECT 1 FROM json_each({alternatives}) AS a WHERE "
            f"json_type(a.value, '$.step') = 'integer' AND json_extract(a.value, '$.step') < {step})")


@compiles(step_below_in, "postgresql")
def _below_pg(element: step_below_in, compiler: Any, **kw: Any) -> str:
    alternatives, step = (compiler.process(c, **kw) for c in element.clauses)
    return (f"EXISTS (SELECT 1 FROM json_array_elements(CAST({alternatives} AS json)) AS a WHERE "
            f"json_typeof(a -> 'step') = 'number' AND CAST(a ->> 'step' AS numeric) < {step})")
