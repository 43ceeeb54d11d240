"""The `visitation` command: global options, the command groups, and one place that turns errors into lines."""

from __future__ import annotations

import os
import sys
from typing import Annotated, Any

import typer

from visitation import __version__
from visitation.cli import guard, helpcache
from visitation.cli.entry import quiet_broken_pipe
from visitation.cli.face import CASES, FIGURES, MEETINGS, METHODS, PANELS, DanishGroup, Typer
from visitation.cli.state import State, state

MAX_ARGUMENT = 4_000_000
"""No option or argument is longer than this (the longest text field holds 20,000 characters)."""


class GuardedGroup(DanishGroup):
    """Turns every expected error into one line on stderr and its exit code; no traceback without --debug."""

    def main(self, *args: Any, standalone_mode: bool = True, **kwargs: Any) -> Any:
        """Click's own usage errors (a wrong option type, a missing argument) as one line too."""
        click = typer._click.exceptions  # typer vendors its own Click; its exceptions are these

        given = kwargs.get("args") if kwargs.get("args") is not None else (args[0] if args else sys.argv[1:])
        if standalone_mode and any(len(str(a)) > MAX_ARGUMENT for a in given or ()):
            typer.echo(f"Fejl: et argument er for langt (højst {MAX_ARGUMENT} tegn); intet er gemt.", err=True)
            sys.exit(2)
        refused = guard.refused_argument(self, list(given or ()))
        if standalone_mode and refused:
            typer.echo(refused, err=True)
            sys.exit(2)
        try:
            result = super().main(*args, standalone_mode=False, **kwargs)  # type: ignore[misc]  # args: < 4 given
        except click.NoArgsIsHelpError as exc:
            if not standalone_mode:
                raise
            text = exc.ctx.get_help() if exc.ctx else ""  # the rich help prints itself and returns ""
            if text:
                typer.echo(text)
            sys.exit(2)
        except click.ClickException as exc:
            if not standalone_mode:
                raise
            hint = f" (se '{exc.ctx.command_path} --help')" if isinstance(exc, click.UsageError) and exc.ctx else ""
            from visitation.cli.usage import danish

            typer.echo(f"Fejl: {_printable(_redact(danish(exc.format_message())))}{hint}", err=True)
            sys.exit(exc.exit_code)
        except typer.Abort:
            if not standalone_mode:
                raise
            typer.echo("Afbrudt; intet er gemt fra den afbrudte kommando.", err=True)
            sys.exit(1)
        if not standalone_mode:
            return result
        sys.exit(result if isinstance(result, int) else 0)

    def list_commands(self, ctx: Any) -> list[str]:
        """The commands in the order of their panels (the help draws the panels in the order it meets them)."""
        order: dict[str | None, int] = {panel: n for n, panel in enumerate(PANELS)}
        names = super().list_commands(ctx)
        return sorted(names, key=lambda name: order.get(getattr(self.commands[name], "rich_help_panel", None), 0))

    def invoke(self, ctx: Any) -> Any:
        try:
            return self._guarded(ctx)
        finally:
            _close_database(ctx)

    def _guarded(self, ctx: Any) -> Any:
        from visitation.domain.cpr import redact
        from visitation.errors import VisitationError

        try:
            return super().invoke(ctx)
        except VisitationError as exc:
            if _debug(ctx):
                _debug_exit(exc)
            typer.echo(f"Fejl: {_printable(redact(exc.message))}", err=True)
            raise typer.Exit(exc.exit_code) from None
        except (typer.Exit, typer.Abort, typer._click.ClickException, BrokenPipeError):
            raise
        except KeyboardInterrupt:
            typer.echo("Afbrudt; intet er gemt fra den afbrudte kommando.", err=True)
            raise typer.Exit(130) from None
        except Exception as exc:  # the edge of the program: never a traceback for the user
            if _debug(ctx):
                _debug_exit(exc)
            typer.echo(f"Uventet fejl ({exc.__class__.__name__}); intet er gemt. Kør med --debug for detaljer.",
                       err=True)
            raise typer.Exit(1) from None


def _printable(text: str) -> str:
    """One line without control characters (input echoed in an error must not steer the terminal)."""
    return "".join(c if c.isprintable() else "\N{REPLACEMENT CHARACTER}" for c in text)


def _redact(text: str) -> str:
    from visitation.domain.cpr import redact

    return redact(text)


def _debug_exit(exc: BaseException) -> None:
    """--debug: the whole traceback, with CPR numbers taken out like everywhere else."""
    import traceback

    from visitation.domain.cpr import redact

    typer.echo(redact("".join(traceback.format_exception(exc))), err=True)
    raise typer.Exit(getattr(exc, "exit_code", 1)) from None


def _close_database(ctx: Any) -> None:
    """Give the database connections back when the command ends (one process may run many, as in tests)."""
    obj = ctx.find_root().obj
    if isinstance(obj, State) and obj._db is not None:
        obj._db.engine.dispose()
        obj._db = None


def _debug(ctx: Any) -> bool:
    obj = ctx.find_root().obj
    return isinstance(obj, State) and obj.debug


def _version(value: bool) -> None:
    if value:
        typer.echo(f"visitation {__version__}")
        raise typer.Exit()


def main(
    ctx: typer.Context,
    db: Annotated[str | None, typer.Option(
        "--db", envvar="VISITATION_DB",
        help="Database: sti til en SQLite-fil eller en URL (postgresql+psycopg://…).")] = None,
    user: Annotated[str | None, typer.Option(
        "--user", envvar="VISITATION_USER",
        help="Hvem der arbejder (til auditloggen); standard er OS-brugeren.")] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Vis tekniske detaljer ved fejl.")] = False,
    version: Annotated[bool, typer.Option("-V", "--version", callback=_version, is_eager=True,
                                          help="Vis versionen.")] = False,
) -> None:
    """Visitation: forbered, afhold og dokumentér visitationsmøder. Uden kommando åbnes skærmbilledet (TUI)."""
    from visitation.domain.texts import refuse_unsafe
    from visitation.paths import current_user

    st = state(ctx)
    st.db_arg, st.user, st.debug = db, refuse_unsafe(user or current_user(), "--user", multiline=False), debug
    if ctx.invoked_subcommand is None:
        from visitation.cli.misc import open_tui

        open_tui(st)


GROUPS: dict[str, tuple[str, str, str, str]] = {  # name: (module, attribute, short help, panel)
    "case": ("cases", "app", "Sager: opret, søg, vis, importér og eksportér.", CASES),
    "network": ("cases", "network_app", "Netværkskortet: personer omkring barnet.", CASES),
    "goal": ("goals", "app", "Mål og delmål med tidsramme, scoret 0-10 ved opfølgning.", CASES),
    "sos": ("sos", "app", "Signs of Safety: kortlægning, sikkerhedsskala og sikkerhedsplan.", METHODS),
    "meeting": ("meetings", "app", "Møder: deltagere, dagsorden, åbn og luk.", MEETINGS),
    "profiles": ("misc", "profiles_app", "Kommuneprofiler: trappe, lineal, tilbudsvifte, opfølgning.", FIGURES),
    "followup": ("records", "followup_app", "Marker en opfølgning som udført.", MEETINGS),
}
"""The command groups; a module's single commands are added by its `register(app)`."""
MODULES: dict[str, tuple[str, ...]] = {
    "cases": ("case", "network"), "goals": ("goal",), "sos": ("sos",), "meetings": ("meeting",),
    "misc": ("profiles", "init", "demo", "assess", "stats", "audit"), "records": ("followup", "decide", "followups"),
    "trust": ("verify", "backup", "restore"), "ics": ("ics",), "minutes": ("minutes",),
}
"""Each module of commands (`visitation.cli.<module>`) and the top-level commands it adds, in the order of the
help. A command line loads only the module of its command (a test checks this table against the modules)."""


def add_module(app: typer.Typer, module: str) -> None:
    """Import a module of commands and add its groups and commands to the CLI."""
    from importlib import import_module

    found = import_module(f"visitation.cli.{module}")
    for name, (owner, attribute, short, panel) in GROUPS.items():
        if owner == module:
            app.add_typer(getattr(found, attribute), name=name, help=short, rich_help_panel=panel)
    if hasattr(found, "register"):
        found.register(app)


VALUED = ("--db", "--user")
"""The global options that take a value."""


def build(only: str | None = None) -> typer.Typer:
    """The CLI with every command, or with only the one named (the others are neither imported nor built)."""
    app = Typer(cls=GuardedGroup, help="Visitation: forbered, afhold og dokumentér visitationsmøder.",
                no_args_is_help=False, add_completion=True,
                context_settings={"help_option_names": ["-h", "--help"]})
    app.callback(invoke_without_command=True)(main)
    for module, names in MODULES.items():
        if only is None or only in names:
            add_module(app, module)
    return app


def command_named(argv: list[str]) -> str | None:
    """The top-level command an argument list runs, if it is one we know; None for the TUI, for help at the top,
    for shell completion and for an unknown word (then every command is built, so Click can name the near ones)."""
    if "_VISITATION_COMPLETE" in os.environ:
        return None
    words = iter(argv)
    for word in words:
        if word in VALUED:
            next(words, None)
        elif word == "--":
            return None
        elif not word.startswith("-"):
            return word if any(word in names for names in MODULES.values()) else None
    return None


def __getattr__(name: str) -> Any:
    """`app`: the whole CLI, built when first asked for (tests and documentation tools read the whole tree)."""
    if name == "app":
        globals()["app"] = whole = build()
        return whole
    raise AttributeError(name)


def run() -> None:
    """The whole CLI; a reader that went away (`| head -1`) ends it quietly. A plain help request is kept for
    `visitation.cli.entry` to replay (`helpcache`)."""
    try:
        try:
            with helpcache.recording(sys.argv[1:]):
                build(command_named(sys.argv[1:]))(prog_name="visitation")
        finally:
            sys.stdout.flush()
    except BrokenPipeError:
        quiet_broken_pipe()


if __name__ == "__main__":
    run()
    sys.exit()
