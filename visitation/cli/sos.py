"""`visitation sos add|danger|goal|scale|plan|show`: a case's Signs of Safety mapping and safety plan (SPEC §9.3)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from visitation.cli.face import Typer
from visitation.cli.state import CaseArg, Json, emit_json, state

if TYPE_CHECKING:
    from visitation.services.method_views import SosView

app = Typer(no_args_is_help=True)
Text = Annotated[str, typer.Option("--text", help="Teksten, som mødet formulerer den.")]


@app.command("add")
def add(
    ctx: typer.Context,
    case: CaseArg,
    column: Annotated[str, typer.Option(
        "--column", help="worries (Hvad bekymrer os) | working (Hvad fungerer godt) | next (Hvad skal der ske).")],
    text: Text,
    who: Annotated[str, typer.Option("--who", help="Hvem der sagde det (valgfrit).")] = "",
) -> None:
    """Tilføj en linje i en af kortlægningens tre kolonner; skriver linjens id.

    Eksempel: visitation sos add 2026-0042 --column worries --text "Mor drikker, når hun er alene" --who Mor
    """
    from visitation.services import sos

    typer.echo(sos.add(state(ctx).db(), case, column, text, who))


@app.command("danger")
def danger(ctx: typer.Context, case: CaseArg, text: Text) -> None:
    """Tilføj et farefaktorudsagn; skriver dets id.

    Eksempel: visitation sos danger 2026-0042 --text "Vi er bekymrede for, at Liva er alene om aftenen"
    """
    from visitation.services import sos

    typer.echo(sos.danger(state(ctx).db(), case, text))


@app.command("goal")
def goal(ctx: typer.Context, case: CaseArg, text: Text) -> None:
    """Tilføj et sikkerhedsmål; skriver dets id.

    Eksempel: visitation sos goal 2026-0042 --text "Liva har altid en voksen hjemme om aftenen"
    """
    from visitation.services import sos

    typer.echo(sos.goal(state(ctx).db(), case, text))


@app.command("scale")
def scale(
    ctx: typer.Context,
    case: CaseArg,
    who: Annotated[str, typer.Option("--who", help="Hvem der vurderer (Mor, Rådgiver, Liva …).")],
    score: Annotated[int, typer.Option(
        "--score", help="0–10. 0: barnet kan ikke blive boende hjemme; 10: sikkert nok til at lukke sagen.")],
) -> None:
    """Registrér én persons vurdering på sikkerhedsskalaen 0–10 i dag; skriver dens id.

    Eksempel: visitation sos scale 2026-0042 --who Mor --score 6
    """
    from visitation.services import sos

    typer.echo(sos.scale(state(ctx).db(), case, who, score))


@app.command("plan")
def plan(
    ctx: typer.Context,
    case: CaseArg,
    rule: Annotated[str, typer.Option("--rule", help="En regel for hverdagen i sikkerhedsplanen.")],
    keeper: Annotated[list[str] | None, typer.Option(
        "--keeper", help="En fra sagens netværkskort, der holder reglen (navnet som på kortet; gentag).")] = None,
) -> None:
    """Tilføj en regel til sikkerhedsplanen med dem fra netværket, der holder den; skriver reglens id.

    Eksempel: visitation sos plan 2026-0042 --rule "Mormor henter Liva hver dag kl. 15" --keeper Grethe
    """
    from visitation.services import sos

    typer.echo(sos.plan(state(ctx).db(), case, rule, keeper or []))


@app.command("show")
def show(ctx: typer.Context, case: CaseArg, as_json: Json = False) -> None:
    """Vis kortlægningen: de tre kolonner, farefaktorudsagn, sikkerhedsmål, skalaen og sikkerhedsplanen.

    Eksempel: visitation sos show 2026-0042 --json
    """
    from visitation.services import sos

    found = masked(sos.show(state(ctx).db(), case))
    if as_json:
        emit_json(found)
    else:
        typer.echo(sos_text(found))


def masked(view: SosView) -> SosView:
    """The free text with CPR-like numbers masked, as everywhere outside `--privacy full` (names are kept)."""
    from dataclasses import replace

    from visitation.domain.cpr import redact

    return replace(view, lines=[replace(line, text=redact(line.text), who=redact(line.who)) for line in view.lines],
                   ratings=[replace(r, who=redact(r.who)) for r in view.ratings],
                   plan=[replace(r, text=redact(r.text)) for r in view.plan])


def sos_text(view: SosView) -> str:
    """The mapping as the terminal shows it: each heading with its lines (– when empty)."""
    from visitation.domain.sos import KIND_LABELS, SCALE_ANCHORS

    lines: list[str] = []
    for kind, heading in KIND_LABELS.items():
        found = view.of(kind.value)
        lines.append(f"{heading}:")
        lines += [f"  - {_one_line(x.text)}" + (f" ({x.who})" if x.who else "") for x in found] or ["  –"]
    lines.append(f"Sikkerhedsskala ({', '.join(SCALE_ANCHORS)}):")
    from visitation.domain.format import day

    lines += [f"  {r.who}: {r.score} ({day(r.rated_on)})" for r in view.latest.values()] or ["  –"]
    lines.append("Sikkerhedsplan:")
    lines += [f"  - {_one_line(r.text)} (holdes af: {', '.join(r.keepers)})" for r in view.plan] or ["  –"]
    return "\n".join(lines)


def _one_line(text: str) -> str:
    return " ".join(text.split())
