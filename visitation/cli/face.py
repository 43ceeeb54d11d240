"""The CLI's face in Danish: Typer's rich help with Click's and Typer's own words translated, metavars instead of
Python types, the help option and shell completion in Danish, and the panels the commands are grouped in.

Typer 0.2x vendors its own Click with the English texts written out (no gettext there); Typer's rich help reads
its panel titles and markers from `typer.rich_utils` constants, and takes the usage prefix and the metavars from
the command. So the texts are set here, in one place: the constants when help is drawn, the rest through the
command classes every `Typer` of the CLI makes (`visitation.cli.face.Typer`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import typer
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption
from typer.models import CommandFunctionType

HELP = "Vis denne hjælp og afslut."
USAGE = "Brug: "
OPTIONS_METAVAR = "[TILVALG]"
SUBCOMMAND_METAVAR = "KOMMANDO [ARGUMENTER]..."
RICH_TEXTS = {
    "ARGUMENTS_PANEL_TITLE": "Argumenter", "OPTIONS_PANEL_TITLE": "Tilvalg", "COMMANDS_PANEL_TITLE": "Kommandoer",
    "ERRORS_PANEL_TITLE": "Fejl", "ABORTED_TEXT": "Afbrudt.", "DEPRECATED_STRING": "(udgået) ",
    "DEFAULT_STRING": "[standard: {}]", "ENVVAR_STRING": "[miljøvariabel: {}]",
    "REQUIRED_LONG_STRING": "[skal angives]",
    "RICH_HELP": "Se [blue]'{command_path} {help_option}'[/] for hjælp.",
}
"""Typer's rich-help texts (`typer.rich_utils` constants) in Danish."""
COMPLETION_HELP = {
    "install_completion": "Installér tab-fuldførelse af kommandoer og tilvalg i din skal "
                          "(bash, zsh, fish, PowerShell).",
    "show_completion": "Vis skriptet til tab-fuldførelse for din skal (til at kopiere eller tilpasse).",
}
TYPE_METAVARS = {"str": "TEKST", "int": "TAL", "float": "TAL", "Path": "FIL"}
"""An option's value by its Python type, when the option names no metavar of its own."""
ARGUMENT_METAVARS = {"case": "SAG", "meeting": "MØDE", "file": "FIL", "files": "FIL", "target": "FIL",
                     "source": "FIL", "name": "PROFIL", "goal": "MÅL", "followup": "OPFØLGNING"}

# The panels of `visitation --help`.
CASES = "Sager og netværk"
MEETINGS = "Møder og beslutninger"
METHODS = "Metoder"
FIGURES = "Profiler og nøgletal"
DATA = "Database og sikkerhed"
PANELS = (CASES, MEETINGS, METHODS, FIGURES, DATA)


def danish_rich() -> None:
    """Typer's rich-help constants in Danish (imported only when help is drawn: rich is not loaded otherwise)."""
    from typer import rich_utils

    for name, text in RICH_TEXTS.items():
        setattr(rich_utils, name, text)


def danish_param(param: Any) -> Any:
    """A parameter as the help shows it: Danish help for the built-in options, a metavar rather than a type."""
    if param.name == "help" and isinstance(param, TyperOption):
        param.help = HELP
    elif param.name in COMPLETION_HELP:
        param.help = COMPLETION_HELP[param.name]
        if param.name == "install_completion":
            param.callback = _install_completion
    if isinstance(param, TyperArgument):
        if param.metavar is None:
            param.metavar = ARGUMENT_METAVARS.get(param.name, (param.name or "").upper())
        param.display_type_rich = _no_type  # type: ignore[method-assign]  # an instance's own, on purpose
    elif isinstance(param, TyperOption) and param.metavar is None:
        param.metavar = "" if param.is_flag else TYPE_METAVARS.get(param.bare_type().removeprefix("list[")
                                                                   .removesuffix("]"), "VÆRDI")
    return param


def _no_type(ctx: Any = None) -> None:
    """An argument's metavar says what it is; the help shows no Python type beside it."""
    return None


def _install_completion(ctx: Any, param: Any, value: Any) -> Any:
    """`--install-completion` as Typer does it, said in Danish."""
    import sys

    from typer._completion_shared import install

    if not value or ctx.resilient_parsing:
        return value
    shell, path = install(shell=value) if isinstance(value, str) else install()
    typer.echo(f"Tab-fuldførelse for {shell} er installeret i {path}; den virker, når terminalen er startet igen.")
    sys.exit(0)


class Danish:
    """What every command and group of the CLI shares: Danish usage line, metavars, help texts."""

    options_metavar: str | None
    subcommand_metavar: str

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.options_metavar = OPTIONS_METAVAR
        if isinstance(self, TyperGroup):
            self.subcommand_metavar = SUBCOMMAND_METAVAR

    def get_params(self, ctx: Any) -> list[Any]:
        return [danish_param(p) for p in super().get_params(ctx)]  # type: ignore[misc]

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        pieces = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=USAGE)

    def format_help(self, ctx: Any, formatter: Any) -> None:
        danish_rich()
        super().format_help(ctx, formatter)  # type: ignore[misc]


class DanishCommand(Danish, TyperCommand):
    """A command with Danish help."""


class DanishGroup(Danish, TyperGroup):
    """A group with Danish help."""


class Typer(typer.Typer):
    """`typer.Typer` with the CLI's defaults: rich help in Danish, `-h` beside `--help`, no pretty tracebacks."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("cls", DanishGroup)
        kwargs.setdefault("rich_markup_mode", "rich")
        kwargs.setdefault("pretty_exceptions_enable", False)
        kwargs.setdefault("add_completion", False)
        super().__init__(**kwargs)

    def command(self, name: str | None = None, **kwargs: Any) -> Callable[[CommandFunctionType], CommandFunctionType]:
        kwargs.setdefault("cls", DanishCommand)
        return super().command(name, **kwargs)
