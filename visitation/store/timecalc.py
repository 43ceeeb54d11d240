"""SQL that SQLite and PostgreSQL spell differently: date arithmetic, months, a look into JSON.

Each is an SQL function element with one template per dialect (SQLAlchemy's compiler extension), so a
query says what it means once and the figures over many rows are computed where the rows are.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Boolean, Date, Float, String
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.types import TypeEngine


def _function(name: str, returns: TypeEngine[Any], doc: str, **templates: str) -> type[FunctionElement[Any]]:
    """An SQL function element; `templates` per dialect name, with {0}, {1} … for the arguments and {rest} for
    the arguments from the second on, comma-separated."""
    element = type(name, (FunctionElement,), {"type": returns, "inherit_cache": True, "name": name, "__doc__": doc})
    for dialect, template in templates.items():
        def render(fn: FunctionElement[Any], compiler: Any, template: str = template, **kw: Any) -> str:
            args = [compiler.process(arg, **kw) for arg in fn.clauses]
            return template.format(*args, rest=", ".join(args[1:]))
        compiles(element, dialect)(render)
    return element


seconds_between = _function(
    "seconds_between", Float(), "Seconds from the first timestamp to the second (negative when it is earlier).",
    sqlite="((julianday({1}) - julianday({0})) * 86400.0)",
    postgresql="EXTRACT(EPOCH FROM ({1} - {0}))")

days_after = _function(
    "days_after", Date(), "A date plus a whole number of days.",
    sqlite="date({0}, '+' || {1} || ' days')",
    postgresql="({0} + CAST({1} AS INTEGER))")

month_of = _function(
    "month_of", String(), "A timestamp's calendar month as YYYY-MM (UTC: PostgreSQL sessions run in UTC).",
    sqlite="strftime('%Y-%m', {0})",
    postgresql="to_char({0}, 'YYYY-MM')")

step_below_in = _function(
    "step_below_in", Boolean(),
    "Whether a JSON list of alternatives holds one whose `step` (a whole number) is below the given step.",
    sqlite="EXISTS (SELECT 1 FROM json_each({0}) AS a WHERE json_type(a.value, '$.step') = 'integer' "
           "AND json_extract(a.value, '$.step') < {1})",
    postgresql="EXISTS (SELECT 1 FROM json_array_elements(CAST({0} AS json)) AS a WHERE "
               "json_typeof(a -> 'step') = 'number' AND CAST(a ->> 'step' AS numeric) < {1})")

cites_paragraph = _function(
    "cites_paragraph", Boolean(),
    "Whether a JSON list of citations (`BL § 95 (tidl. SEL § 70, stk. 1)`) cites one of the given "
    "paragraphs: a citation's paragraph is its text before ` (`. Anything but a list of texts cites nothing.",
    sqlite="EXISTS (SELECT 1 FROM json_each(CASE WHEN json_valid({0}) THEN {0} ELSE '[]' END) AS c "
           "WHERE typeof(c.key) = 'integer' AND c.type = 'text' AND CASE WHEN instr(c.value, ' (') > 0 "
           "THEN substr(c.value, 1, instr(c.value, ' (') - 1) ELSE c.value END IN ({rest}))",
    postgresql="EXISTS (SELECT 1 FROM json_array_elements(CASE WHEN json_typeof(CAST({0} AS json)) = 'array' "
               "THEN CAST({0} AS json) END) AS c(value) WHERE json_typeof(c.value) = 'string' "
               "AND split_part(c.value #>> '{{}}', ' (', 1) IN ({rest}))")
