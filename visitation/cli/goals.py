"""`visitation goal add|list|close`: a case's goals and sub-goals, scored 0–10 at follow-ups."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from visitation.cli.face import Typer
from visitation.cli.state import CaseArg, Json, emit_json, note, parse_date, state, table

if TYPE_CHECKING:
    from visitation.services.views import GoalRow

app = Typer(no_args_is_help=True)


@app.command("add")
def add(
    ctx: typer.Context,
    case: CaseArg,
    text: Annotated[str, typer.Option("--text", help="Målet, formuleret sammen med barnet og forældrene.")],
    parent: Annotated[int | None, typer.Option(
        "--parent", help="Gør det til et delmål af dette mål (målets id).")] = None,
    due: Annotated[str | None, typer.Option("--due", metavar="DATO", help="Tidsramme: frist ÅÅÅÅ-MM-DD.")] = None,
) -> None:
    """Tilføj et mål (med --parent et delmål) til en sag; skriver målets id.

    Eksempel: visitation goal add 2026-0042 --text "Liva kommer i skole hver dag" --due 2027-06-01
    """
    from visitation.services import goals

    typer.echo(goals.add(state(ctx).db(), case, text, parent, parse_date(due, "--due")))


@app.command("list")
def list_(ctx: typer.Context, case: CaseArg, as_json: Json = False) -> None:
    """List en sags mål og delmål med frist, seneste score og scorerne over tid.

    Eksempel: visitation goal list 2026-0042 --json
    """
    from visitation.services import goals

    rows = goals.listing(state(ctx).db(), case)
    if as_json:
        emit_json(rows)
    else:
        table([_cells(r) for r in rows],
              ["id", "delmål af", "mål og delmål", "frist", "status", "seneste score", "udvikling"])


def _cells(r: GoalRow) -> list[object]:
    """A goal as table cells: sub-goals indented under their goal, the scores drawn."""
    from visitation.charts import score_line
    from visitation.domain.cpr import redact
    from visitation.domain.format import day
    from visitation.domain.goals import status_label

    text = redact(" ".join(r.text.split()))
    return [r.id, r.parent_id, f"└ {text}" if r.parent_id else text, day(r.due) if r.due else "",
            status_label(r.status), r.latest, score_line(r.scores)]


@app.command("close")
def close(
    ctx: typer.Context,
    goal: Annotated[int, typer.Argument(help="Målets id.")],
    reached: Annotated[bool, typer.Option("--reached", help="Målet er nået.")] = False,
    dropped: Annotated[bool, typer.Option("--dropped", help="Målet er opgivet.")] = False,
) -> None:
    """Luk et mål som nået eller opgivet; det scores ikke længere ved opfølgning.

    Eksempel: visitation goal close 12 --reached
    """
    from visitation.domain.goals import GoalStatus, status_label
    from visitation.errors import InvalidInput
    from visitation.services import goals

    if reached == dropped:
        raise InvalidInput("angiv enten --reached eller --dropped")
    status = GoalStatus.REACHED if reached else GoalStatus.DROPPED
    goals.close(state(ctx).db(), goal, status)
    note(f"Mål {goal} er lukket: {status_label(status)}.")
