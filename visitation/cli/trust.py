"""`verify`, `backup` and `restore`: proving the database is whole, and keeping a copy that is."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Annotated

import typer

from visitation.cli.face import DATA
from visitation.cli.state import note, state


def verify(ctx: typer.Context) -> None:
    """Kontrollér databasen: de nøglede hashkæder, fremmednøglerne og databasens egen integritet; exit 1 ved fund.

    Uden kædenøglen kontrolleres kun kædernes sammenhæng; det siges på stderr, og exit er 0, hvis intet er fundet.

    Eksempel: visitation verify
    """
    from visitation.services.verify import verify as run

    report = run(state(ctx).db())
    if report.unproven:
        note(f"ADVARSEL: {report.unproven}.")
    _print(report.findings)
    if report.findings:
        raise typer.Exit(1)
    verdict = "Strukturen er hel (ægthed ikke bevist)" if report.unproven else "OK"
    typer.echo(f"{verdict}: " + "; ".join(report.checked))


def _print(findings: Sequence[object]) -> None:
    """Each finding on a line of its own on stderr."""
    for finding in findings:
        typer.echo(f"FEJL {finding}", err=True)


def backup(ctx: typer.Context,
           target: Annotated[Path, typer.Argument(help="Filen, der skal skrives (mode 0600).")],
           force: Annotated[bool, typer.Option("--force", help="Overskriv en eksisterende fil.")] = False) -> None:
    """Tag en sikkerhedskopi: SQLite-kopi online, eller et dump af alle tabeller fra PostgreSQL (aldrig kædenøglen).

    Eksempel: visitation backup ~/kopier/visitation-2026-12-02.bk
    """
    from visitation.services import backup as service

    done = service.backup(state(ctx).db(), target, force=force)
    note(f"Sikkerhedskopi skrevet til {target} ({done.kind}, {done.rows} rækker).")
    note(f"Kædenøglen er ikke med i kopien: den ligger i {done.key_place}. Gem den adskilt fra kopien; "
         "uden den kan en gendannet database ikke bevises ægte.")


def restore(ctx: typer.Context,
            source: Annotated[Path, typer.Argument(help="En sikkerhedskopi fra `visitation backup`.")],
            force: Annotated[bool, typer.Option(
                "--force", help="Erstat indholdet af en database, der ikke er tom.")] = False) -> None:
    """Indlæs en sikkerhedskopi i en tom database; kontrolleres, før den gemmes (ved fund gemmes intet, exit 1).

    Eksempel: visitation --db ny.db restore ~/kopier/visitation-2026-12-02.bk
    """
    from visitation.errors import IntegrityFailure
    from visitation.services import backup as service

    try:
        done = service.restore(state(ctx).db(demo_fallback=False), source, force=force)
    except IntegrityFailure as failure:
        _print(failure.findings)
        raise
    if done.report.unproven:
        note(f"Gendannet {done.rows} rækker fra {source}; strukturen er hel, men {done.report.unproven}. "
             "Gendannelsen er ikke skrevet i auditloggen: det kræver kædenøglen.")
        return
    note(f"Gendannet {done.rows} rækker fra {source}; verify: OK; gendannelsen er skrevet i auditloggen.")


def register(app: typer.Typer) -> None:
    """Attach the commands."""
    app.command("verify", rich_help_panel=DATA)(verify)
    app.command("backup", rich_help_panel=DATA)(backup)
    app.command("restore", rich_help_panel=DATA)(restore)
