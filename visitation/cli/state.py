"""What every command shares: the global options and the database, opened on first use."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    from visitation.services.db import Db


Json = Annotated[bool, typer.Option("--json", help="Skriv JSON.")]
"""The `--json` flag every listing has."""
CaseArg = Annotated[str, typer.Argument(help="Sagens id eller reference.")]
"""A CASE argument: the numeric id or the external reference."""


@dataclass
class State:
    """The global options (`--db`, `--user`, `--debug`) and the open database."""

    db_arg: str | None = None
    user: str = ""
    debug: bool = False
    _db: Db | None = field(default=None, repr=False)

    def db(self, demo_fallback: bool = True) -> Db:
        """The database, opened (and created or upgraded) on first use.

        With no `--db` and no database made by `init` yet, but a demo loaded, the demo is used (said
        on stderr): a new user's `visitation demo --no-tui` then `visitation case list` shows the demo.
        """
        if self._db is None:
            from visitation.services.db import open_db

            self._db = open_db(self.resolved_db(demo_fallback), self.user)
        return self._db

    def resolved_db(self, demo_fallback: bool = True) -> str | None:
        """`--db` as given, or the demo database's path when it stands alone (said on stderr, once); light, so
        the TUI can read its first docket before the database stack has loaded."""
        if self.db_arg is None and demo_fallback:
            self.db_arg = _demo_if_alone()
        return self.db_arg


def _demo_if_alone() -> str | None:
    """The demo database's path when it exists and the default database does not."""
    from visitation.paths import default_db_path, demo_db_path

    demo = demo_db_path()
    if default_db_path().exists() or not demo.exists():
        return None
    note(f"Bruger demodatabasen {demo} (fiktive sager); 'visitation init' opretter den rigtige database.")
    return str(demo)


def state(ctx: typer.Context) -> State:
    """The State of the running command."""
    root = ctx.find_root()
    if not isinstance(root.obj, State):
        root.obj = State()
    return root.obj


def emit_json(value: Any) -> None:
    """Print a view (or views) as JSON on stdout."""
    from visitation.services.views import jsonable

    typer.echo(json.dumps(jsonable(value), ensure_ascii=False, indent=2))


def table(rows: list[list[Any]], headers: list[str]) -> None:
    """Print a plain aligned table on stdout."""
    cells = [headers] + [["" if v is None else str(v) for v in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    for n, r in enumerate(cells):
        typer.echo("  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip())
        if n == 0:
            typer.echo("  ".join("-" * w for w in widths))


def note(text: str) -> None:
    """A diagnostic line on stderr (never data)."""
    typer.echo(text, err=True)


def parse_date(value: str | None, option: str) -> Any:
    """A YYYY-MM-DD option as a date; one clear error otherwise."""
    from visitation.domain.dates import parse_day
    from visitation.errors import InvalidInput

    if value is None:
        return None
    try:
        return parse_day(value)
    except ValueError as exc:
        raise InvalidInput(f"{option}: {exc}") from None


def stdout_is_terminal() -> bool:
    """Whether stdout is a terminal (tables) or a pipe."""
    return sys.stdout.isatty()
