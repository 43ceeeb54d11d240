"""`decide`'s options, made from the one declaration of a decision's fields (`domain.decision.SPECS`)."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from enum import StrEnum
from typing import Annotated, Any, cast

import typer

from visitation.domain.decision import ASKED_FIELDS, SPECS, DecisionDraft, FieldSpec

_TYPES: dict[str, tuple[Any, Any]] = {
    "choice": (str, ...), "step": (int, ...), "keys": (list[str] | None, None), "lines": (list[str] | None, None),
    "alternatives": (list[str] | None, None), "date": (str | None, None), "line": (str, ""), "text": (str, ""),
    "flag": (bool, False), "int": (int | None, None),
}
"""Each kind of field as a CLI option: its Python type and its default (`...`: required)."""
_METAVARS = {"date": "DATO", "keys": "INDSATS", "alternatives": "TRIN;INDSATS;VURDERING;BEGRUNDELSE"}
"""What a field's value looks like in the help, where the type alone does not say it."""


def option_name(name: str) -> str:
    """The option a field is given with: `--child-view`, or the declared one (`--goal`, `--alternative`)."""
    return SPECS[name].option or f"--{name.replace('_', '-')}"


def _parameter(name: str, spec: FieldSpec) -> inspect.Parameter:
    kind, default = _TYPES[spec.kind]
    if spec.kind == "choice" and not spec.required:
        kind, default = str, DecisionDraft.__dataclass_fields__[name].default.value
    return inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default,
                             annotation=Annotated[kind, typer.Option(option_name(name), help=spec.help,
                                                                   metavar=_METAVARS.get(spec.kind))])


def with_decision_options(command: Callable[..., None]) -> Callable[..., None]:
    """`command` with one option per declared field after its own parameters (it takes them as **fields)."""
    own = [p for p in inspect.signature(command, eval_str=True).parameters.values()  # again: no second copy
           if p.kind is not inspect.Parameter.VAR_KEYWORD and p.name not in ASKED_FIELDS]
    declared = [_parameter(name, SPECS[name]) for name in ASKED_FIELDS]
    first = [p.replace(kind=inspect.Parameter.KEYWORD_ONLY) for p in own]
    command.__signature__ = inspect.Signature(first + declared)  # type: ignore[attr-defined]
    command.__annotations__ = {p.name: p.annotation for p in first + declared}
    return command


def draft_from_options(values: dict[str, Any]) -> DecisionDraft:
    """The declared options' values as a draft; a bad value names its option."""
    from visitation.cli.parse import alternatives, choice, within
    from visitation.cli.state import parse_date

    draft: dict[str, Any] = {}
    for name in ASKED_FIELDS:
        spec, value, option = SPECS[name], values[name], option_name(name)
        if spec.kind == "choice":
            kinds = cast("type[StrEnum]", type(DecisionDraft.__dataclass_fields__[name].default))
            draft[name] = kinds(choice(value, kinds, option))
        elif spec.kind == "keys":
            draft[name] = tuple(value or ())
        elif spec.kind == "lines":
            draft[name] = "\n".join(v.strip() for v in value or () if v.strip())
        elif spec.kind == "date":
            draft[name] = parse_date(value, option)
        elif spec.kind == "alternatives":
            draft[name] = alternatives(value or [])
        elif spec.kind == "int":
            draft[name] = within(value, spec.range, option)
        else:
            draft[name] = value
    return DecisionDraft(**draft)
