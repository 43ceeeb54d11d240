"""`visitation decide`, `visitation followups` and `visitation followup done`."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from visitation.cli.face import MEETINGS, Typer
from visitation.cli.state import emit_json, note, parse_date, state, table

followup_app = Typer(no_args_is_help=True)
Json = Annotated[bool, typer.Option("--json", help="Skriv JSON.")]


def decide(
    ctx: typer.Context,
    case: Annotated[str, typer.Argument(help="Sagens id eller reference.")],
    meeting: Annotated[str, typer.Option("--meeting", help="Mødets id eller reference.")],
    supersedes: Annotated[int | None, typer.Option(
        "--supersedes", help="Erstat sagens gældende beslutning på mødet (dens id); uden den afvises en ny.")] = None,
    as_json: Json = False,
    **fields: Any,
) -> None:
    """Registrér mødets beslutning i en sag; skriver beslutningens id.

    Eksempel: visitation decide 2026-0101 --meeting VM-2026-11-24 --outcome approved --step 1 \\
      --intervention ppr-konsultation --consent yes --rationale "A trives bedre med råd fra PPR"
    """
    from visitation.cli.declared import draft_from_options
    from visitation.domain import format as fmt
    from visitation.services import decisions

    draft = draft_from_options(fields)
    done = decisions.record(state(ctx).db(), case, meeting, draft, supersedes=supersedes)
    if as_json:
        emit_json(done)
        return
    typer.echo(done.id)
    if done.supersedes_id:
        note(f"Erstatter beslutning {done.supersedes_id}.")
    for f in done.followups:
        note(f"Opfølgning {fmt.day(f.due)}: {f.label}" + (f" ({', '.join(f.legal)})" if f.legal else ""))


def followups(
    ctx: typer.Context,
    due_before: Annotated[str | None, typer.Option(
        "--due-before", metavar="DATO", help="Kun dem med frist før denne dato (ÅÅÅÅ-MM-DD).")] = None,
    caseworker: Annotated[str | None, typer.Option("--caseworker", help="Kun denne rådgivers.")] = None,
    overdue: Annotated[bool, typer.Option("--overdue", help="Kun dem, hvis frist er overskredet.")] = False,
    as_json: Json = False,
) -> None:
    """List opfølgninger, der ikke er udført.

    Eksempel: visitation followups --overdue --caseworker "Mette Holm"
    """
    from visitation.domain import format as fmt
    from visitation.services import followups as service

    rows = service.pending(state(ctx).db(), due_before=parse_date(due_before, "--due-before"),
                           caseworker=caseworker, overdue=overdue)
    if as_json:
        emit_json(rows)
    else:
        table([[f.id, fmt.day(f.due), "OVERSKREDET" if f.overdue else "", f.case_ref, f.responsible, f.label]
               for f in rows],
              ["id", "frist", "", "sag", "ansvarlig", "opfølgning"])


@followup_app.command("done")
def followup_done(
    ctx: typer.Context,
    followup: Annotated[int, typer.Argument(help="Opfølgningens id.")],
    note_: Annotated[str, typer.Option("--note", help="Hvad opfølgningen viste.")],
    next_in: Annotated[str | None, typer.Option(
        "--next", help="Næste opfølgning om: 2w, 6w, 3m … (BL § 95: løbende opfølgning).")] = None,
    goal: Annotated[list[str] | None, typer.Option(
        "--goal", help="Et måls fremskridt: MÅL_ID=SCORE, 0–10 (gentag; visitation goal list SAG).")] = None,
    propose_step: Annotated[int | None, typer.Option(
        "--propose-step", help="Foreslå trin N: sagen sættes på næste mødes dagsorden med forslaget.")] = None,
    step: Annotated[int | None, typer.Option("--step", hidden=True)] = None,
) -> None:
    """Registrér en udført opfølgning: hvad den viste, næste opfølgning og evt. et forslag om andet trin.

    Eksempel: visitation followup done 7 --note "Trives i børnehaven igen" --goal 3=8 --next 3m
    """
    from visitation.domain import format as fmt
    from visitation.domain.goals import parse_scores
    from visitation.errors import InvalidInput
    from visitation.services import followups as service

    if step is not None:
        raise InvalidInput("--step findes ikke længere: et trinskift besluttes på et møde (visitation decide); "
                           "foreslå det med --propose-step")
    done = service.done(state(ctx).db(), followup, note_, next_in=next_in, scores=parse_scores(goal or []),
                        propose_step=propose_step)
    typer.echo(done.followup.id)
    for following in (done.next, done.recurring):
        if following:
            note(f"Næste {following.label[:1].lower()}{following.label[1:]}: {fmt.day(following.due)} "
                 f"(id {following.id}).")
    if done.proposed_step is not None:
        note(f"Forslag om trin {done.proposed_step} er sat på dagsordenen for {done.proposed_at}." if done.proposed_at
             else f"Forslag om trin {done.proposed_step} er registreret; intet møde i sagens kommune er "
                  "planlagt endnu (visitation meeting add-case MØDE SAG).")


def register(app: typer.Typer) -> None:
    """Attach the top-level commands of this module."""
    from visitation.cli.declared import with_decision_options

    app.command("decide", rich_help_panel=MEETINGS)(with_decision_options(decide))
    app.command("followups", rich_help_panel=MEETINGS)(followups)
