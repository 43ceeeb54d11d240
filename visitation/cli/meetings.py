"""`visitation meeting …`."""

from __future__ import annotations

from typing import Annotated

import typer

from visitation.cli.face import Typer
from visitation.cli.state import emit_json, parse_date, state, table

app = Typer(no_args_is_help=True)
Json = Annotated[bool, typer.Option("--json", help="Skriv JSON.")]
MeetingArg = Annotated[str, typer.Argument(help="Mødets id eller reference (fx VM-2026-11-24).")]


@app.command("new")
def new(
    ctx: typer.Context,
    date: Annotated[str, typer.Option("--date", metavar="DATO", help="Mødedato ÅÅÅÅ-MM-DD.")],
    chair: Annotated[str, typer.Option("--chair", help="Mødeleder.")],
    title: Annotated[str, typer.Option("--title", help="Titel.")] = "",
    participant: Annotated[list[str] | None,
                           typer.Option("--participant", help="\"NAVN;ROLLE;ORGANISATION\" (gentag).")] = None,
) -> None:
    """Opret et møde; skriver mødets id.

    Eksempel: visitation meeting new --date 2026-12-15 --chair "Hanne Kjeldsen" \\
      --participant "Mette Holm;rådgiver;Familieafdelingen"
    """
    from visitation.services import meetings

    people = [meetings.NewParticipant.parse(p) for p in participant or []]
    typer.echo(meetings.new(state(ctx).db(), day=parse_date(date, "--date"), chair=chair, title=title,
                            participants=people))


@app.command("add-case")
def add_case(ctx: typer.Context, meeting: MeetingArg,
             case: Annotated[str, typer.Argument(help="Sagens id eller reference.")],
             minutes: Annotated[int, typer.Option("--minutes", help="Tid til sagen i minutter.")] = 20) -> None:
    """Sæt en sag på mødets dagsorden (et møde hører til én kommune: sagerne har samme profil).

    Eksempel: visitation meeting add-case VM-2026-12-08 2026-0101 --minutes 15
    """
    from visitation.services import meetings

    typer.echo(meetings.add_case(state(ctx).db(), meeting, case, minutes))


@app.command("list")
def list_(ctx: typer.Context, as_json: Json = False) -> None:
    """List møder, nyeste først.

    Eksempel: visitation meeting list
    """
    from visitation.domain import format as fmt
    from visitation.services import meetings

    rows = meetings.listing(state(ctx).db())
    if as_json:
        emit_json(rows)
    else:
        table([[m.id, m.ref, fmt.day(m.date), fmt.label(fmt.MEETING_STATES, m.state), m.cases, m.chair, m.title]
               for m in rows],
              ["id", "ref", "dato", "status", "sager", "mødeleder", "titel"])


@app.command("show")
def show(ctx: typer.Context, meeting: MeetingArg, as_json: Json = False) -> None:
    """Vis et møde med kommune, deltagere og dagsorden.

    Eksempel: visitation meeting show VM-2026-11-24
    """
    from visitation.domain import format as fmt
    from visitation.services import meetings

    m = meetings.show(state(ctx).db(), meeting)
    if as_json:
        emit_json(m)
        return
    typer.echo(f"{m.title} {fmt.prose_day(m.date)} ({m.ref}, {fmt.label(fmt.MEETING_STATES, m.state)}) – "
               f"mødeleder {m.chair}")
    typer.echo(f"Kommune: {m.municipality} (profil {m.profile})" if m.municipality
               else "Kommune: afgøres af den første sag på dagsordenen")
    people = (f"{p.name} ({p.role}){'' if p.present else ' – afbud'}" for p in m.participants)
    typer.echo("Deltagere: " + "; ".join(people))
    table([[d.position, d.case_ref, d.initials, d.age, d.step, d.minutes, fmt.label(fmt.DOCKET_STATES, d.state)]
           for d in m.docket],
          ["#", "sag", "barn", "alder", "trin", "min", "status"])


@app.command("open")
def open_(ctx: typer.Context, meeting: MeetingArg) -> None:
    """Åbn skærmbilledet (TUI) ved mødets dagsorden.

    Eksempel: visitation meeting open VM-2026-11-24
    """
    from visitation.cli.misc import open_tui

    open_tui(state(ctx), meeting)


@app.command("close")
def close(ctx: typer.Context, meeting: MeetingArg,
          postpone_rest: Annotated[str | None, typer.Option(
              "--postpone-rest", metavar="BEGRUNDELSE",
              help="Udsæt de sager, der ikke er behandlet, med denne begrundelse, og luk så mødet.")] = None) -> None:
    """Luk et møde; er der ubehandlede sager, nævnes de, og mødet lukkes kun med --postpone-rest.

    Eksempel: visitation meeting close VM-2026-11-24 --postpone-rest "Tiden slap op"
    """
    from visitation.services import meetings

    m = meetings.close(state(ctx).db(), meeting, postpone_rest)
    typer.echo(m.id)
