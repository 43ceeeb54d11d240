"""`verify`, `backup` and `restore`: proving the database is whole, and keeping a copy that is."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from visitation.cli.state import note, state


def verify(ctx: typer.Context) -> None:
    """Kontrollér databasen: hashkæderne, fremmednøglerne og databasens egen integritet; exit 1 ved fund."""
    from visitation.services.verify import verify as run

    report = run(state(ctx).db())
    for finding in report.findings:
        typer.echo(f"FEJL {finding}", err=True)
    if not report.ok:
        raise typer.Exit(1)
    typer.echo("OK: " + "; ".join(report.checked))


def backup(ctx: typer.Context,
           target: Annotated[Path, typer.Argument(help="Filen, der skal skrives (mode 0600).")],
           force: Annotated[bool, typer.Option("--force", help="Overskriv en eksisterende fil.")] = False) -> None:
    """Tag en sikkerhedskopi: SQLite-kopi online, eller et dump af alle tabeller fra PostgreSQL."""
    from visitation.services import backup as service

    done = service.backup(state(ctx).db(), target, force=force)
    note(f"Sikkerhedskopi skrevet til {target} ({done.kind}, {done.rows} rækker).")


def restore(ctx: typer.Context,
            source: Annotated[Path, typer.Argument(help="En sikkerhedskopi fra `visitation backup`.")],
            force: Annotated[bool, typer.Option("--force", help="Erstat indholdet af en database, der ikke er tom.")] = False) -> None:
    """Indlæs en sikkerhedskopi i en tom database; kontrolleres bagefter med verify."""
    from visitation.services import backup as service
    from visitation.services.verify import verify as run

    db = state(ctx).db(demo_fallback=False)
    rows = service.restore(db, source, force=force)
    report = run(db)
    if not report.ok:
        for finding in report.findings:
            typer.echo(f"FEJL {finding}", err=True)
        raise typer.Exit(1)
    from visitation.services import audit

    audit.log_now(db, "restore", detail=f"gendannet fra {source.name}: {rows} rækker")
    note(f"Gendannet {rows} rækker fra {source}; verify: OK.")


def register(app: typer.Typer) -> None:
    """Attach the commands."""
    app.command("verify")(verify)
    app.command("backup")(backup)
    app.command("restore")(restore)
