"""The CLI's edges (SPEC §9.5): hostile arguments refused before anything runs, a closed pipe ended
quietly, and no TUI without a terminal. Click's command tree is only read, never changed."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

import typer


def refused_argument(root: Any, args: Sequence[str]) -> str | None:
    """The error line for the first argument with a forbidden character (SPEC §9.5), naming its option
    or argument; None when every argument is clean. Uses the one definition in `domain.texts`."""
    from visitation.domain.texts import problem_of, unsafe_char

    for index, arg in enumerate(args):
        char = unsafe_char(str(arg))
        if char is not None:
            return f"Fejl: {field_of(root, list(map(str, args)), index)}: {problem_of(char)}; intet er gemt."
    return None


def field_of(root: Any, args: list[str], index: int) -> str:
    """Which option (`--name`) or argument (`CASE`) the `index`-th argument is the value of."""
    from visitation.domain.texts import has_unsafe

    command, positional = root, 0
    wants_value: str | None = None
    for i, token in enumerate(args[: index + 1]):
        if wants_value is not None:
            if i == index:
                return wants_value
            wants_value = None
            continue
        name, eq, _ = token.partition("=")
        if token.startswith("-") and len(token) > 1:
            option = _option(command, name)
            if option is None or has_unsafe(name):
                return f"argument nr. {index + 1}"
            if i == index:
                return option.opts[-1] if eq else f"argument nr. {index + 1}"
            wants_value = None if (option.is_flag or option.count or eq) else max(option.opts, key=len)
            continue
        sub = getattr(command, "commands", {}).get(token)
        if sub is not None and i < index:
            command, positional = sub, 0
            continue
        if i == index:
            return _argument(command, positional) or f"argument nr. {index + 1}"
        positional += 1
    return f"argument nr. {index + 1}"


def _option(command: Any, name: str) -> Any:
    return next((p for p in command.params if p.param_type_name == "option" and name in p.opts), None)


def _argument(command: Any, position: int) -> str | None:
    arguments = [p for p in command.params if p.param_type_name == "argument"]
    for param in arguments:
        if position < 1 or param.nargs == -1:
            return str(param.metavar or param.name or "").upper() or None
        position -= 1
    return None


def require_terminal(what: str) -> None:
    """The TUI needs a terminal on both sides; without one (a pipe, a cron job, CI) one line and exit 2."""
    if not (_is_tty(sys.stdin) and _is_tty(sys.stdout)):
        typer.echo(f"Fejl: {what} kræver en terminal (standard-ind og -ud er ikke en terminal); "
                   "brug kommandoerne, fx 'visitation case list', eller 'visitation demo --no-tui'.", err=True)
        raise typer.Exit(2)


def _is_tty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False
