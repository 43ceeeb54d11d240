"""`visitation minutes`: export a meeting's minutes (beslutningsreferat), or verify an exported file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from visitation.cli.state import note, state

FORMATS = ("md", "html", "docx", "json")
MAX_VERIFY_BYTES = 50 * 1024 * 1024
OUTPUT_HELP = "Skriv til denne fil (mode 0600); docx kræver -o."
PRIVACY_HELP = "screen (initialer og alder) | internal (navne, intet CPR) | full (med CPR)"
VERIFY_HELP = ("Kontrollér at en udskrevet fil (md, html, docx, json eller en PDF udskrevet fra HTML) stadig siger "
               "det samme som databasen; ellers nævnes den sag, der er ændret.")


def minutes(
    ctx: typer.Context,
    meeting: Annotated[str | None, typer.Argument(help="Mødets id eller reference (udelades ved --verify).")] = None,
    fmt: Annotated[str, typer.Option("--format", help="md | html | docx | json")] = "md",
    output: Annotated[Path | None, typer.Option("-o", "--output", help=OUTPUT_HELP)] = None,
    privacy: Annotated[str, typer.Option("--privacy", help=PRIVACY_HELP)] = "internal",
    case: Annotated[str | None, typer.Option("--case", help="Kun denne sag på mødet (id eller reference).")] = None,
    check: Annotated[Path | None, typer.Option("--verify", help=VERIFY_HELP)] = None,
    force: Annotated[bool, typer.Option("--force", help="Overskriv en eksisterende fil (-o).")] = False,
) -> None:
    """Beslutningsreferatet for et møde i Markdown, HTML, Word eller JSON; eller --verify FIL.

    Eksempel: visitation minutes VM-2026-11-24 --format docx -o referat.docx
    """
    from visitation.errors import InvalidInput

    if check is not None:
        _verify(ctx, check, meeting)
        return
    if meeting is None:
        raise InvalidInput("MEETING: angiv mødets id eller reference (eller --verify FIL)")
    if fmt not in FORMATS:
        raise InvalidInput(f"--format: skal være {' | '.join(FORMATS)}")
    if fmt == "docx" and output is None:
        raise InvalidInput("--format docx: et Word-dokument skrives til en fil; angiv -o FIL.docx")
    if output is None:
        from visitation.minutes import build, render

        typer.echo(render(build(state(ctx).db(), meeting, privacy, case), fmt), nl=False)
        return
    from visitation.minutes.export import export

    done = export(state(ctx).db(), meeting, fmt, privacy, output, case, force=force)
    note(f"Referatet er skrevet til {output}. Oplysningsniveau: {done.privacy}. Indholdshash: {done.content_hash}.")
    typer.echo(done.content_hash)


def _verify(ctx: typer.Context, path: Path, meeting: str | None) -> None:
    """Exit 0 when the file still matches the database, 1 (one line) when it does not."""
    from visitation.errors import InvalidInput
    from visitation.minutes import verify
    from visitation.minutes.verify import read_stamp, sniff
    from visitation.services.minutes_data import meeting_ref

    data = read_file(path)
    db = state(ctx).db()
    claim = read_stamp(data, sniff(data))
    if meeting is not None and meeting_ref(db, meeting) != claim.meeting:
        raise InvalidInput(f"--verify: filen er referatet af mødet {claim.meeting}, ikke {meeting}")
    result = verify(db, data)
    if not result:
        typer.echo(result.message, err=True)
        raise typer.Exit(1)
    typer.echo(result.message)


def read_file(path: Path) -> bytes:
    """A file to verify, refused with one line if missing, a folder or absurdly large."""
    from visitation.errors import InvalidInput

    try:
        if path.stat().st_size > MAX_VERIFY_BYTES:
            raise InvalidInput(f"--verify: {path.name} er for stor til at være et referat")
        return path.read_bytes()
    except FileNotFoundError:
        raise InvalidInput(f"--verify: {path.name} findes ikke") from None
    except IsADirectoryError:
        raise InvalidInput(f"--verify: {path.name} er en mappe") from None
    except OSError as exc:
        raise InvalidInput(f"--verify: {path.name} kan ikke læses ({exc.strerror})") from None


def register(app: typer.Typer) -> None:
    """Attach the top-level commands of this module."""
    from visitation.cli.face import MEETINGS

    app.command("minutes", rich_help_panel=MEETINGS)(minutes)
