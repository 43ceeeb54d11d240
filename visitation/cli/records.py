"""`visitation decide`, `visitation followups` and `visitation followup done`."""

from __future__ import annotations

from typing import Annotated

import typer

from visitation.cli.state import emit_json, note, parse_date, state, table

followup_app = typer.Typer(no_args_is_help=True)
Json = Annotated[bool, typer.Option("--json", help="Skriv JSON.")]


def decide(
    ctx: typer.Context,
    case: Annotated[str, typer.Argument(help="Sagens id eller reference.")],
    meeting: Annotated[str, typer.Option("--meeting", help="Mødets id eller reference.")],
    outcome: Annotated[str, typer.Option("--outcome", help="approved | changed | rejected | postponed | referred")],
    step: Annotated[int, typer.Option("--step", help="Det valgte trin.")],
    intervention: Annotated[list[str] | None, typer.Option("--intervention", help="Indsats fra tilbudsviften (gentag).")] = None,
    purpose: Annotated[str, typer.Option("--purpose", help="Formål.")] = "",
    duration: Annotated[str, typer.Option("--duration", help="Forventet varighed.")] = "",
    start: Annotated[str | None, typer.Option("--start", help="Startdato ÅÅÅÅ-MM-DD.")] = None,
    rationale: Annotated[str, typer.Option("--rationale", help="Begrundelse.")] = "",
    child_view: Annotated[str, typer.Option("--child-view", help="Barnets synspunkt (eller hvorfor det ikke kunne indhentes).")] = "",
    child_view_how: Annotated[str, typer.Option("--child-view-how", help="Hvordan og hvornår barnets synspunkt er indhentet.")] = "",
    parents_view: Annotated[str, typer.Option("--parents-view", help="Forældrenes synspunkt.")] = "",
    consent: Annotated[str, typer.Option("--consent", help="yes | no | partial | unknown")] = "unknown",
    alternative: Annotated[list[str] | None, typer.Option("--alternative", help="\"TRIN;INDSATS;rejected|not-relevant;BEGRUNDELSE\" (gentag).")] = None,
    dissent: Annotated[str, typer.Option("--dissent", help="Dissens.")] = "",
    investigation_since: Annotated[str | None, typer.Option(
        "--investigation-since",
        help="En børnefaglig undersøgelse (BL § 20) kører, begyndt ÅÅÅÅ-MM-DD: opfølgning, når den senest skal være færdig (4 måneder).")] = None,
    as_json: Json = False,
) -> None:
    """Registrér mødets beslutning i en sag; skriver beslutningens id."""
    from visitation.cli.parse import alternatives, choice
    from visitation.domain.decision import Consent, DecisionDraft, Outcome
    from visitation.services import decisions

    draft = DecisionDraft(
        outcome=Outcome(choice(outcome, Outcome, "--outcome")), step=step, interventions=tuple(intervention or ()),
        purpose=purpose, duration=duration, start=parse_date(start, "--start"), rationale=rationale,
        child_view=child_view, child_view_how=child_view_how, parents_view=parents_view,
        consent=Consent(choice(consent, Consent, "--consent")), dissent=dissent,
        alternatives=alternatives(alternative or []),
        investigation_since=parse_date(investigation_since, "--investigation-since"))
    done = decisions.record(state(ctx).db(), case, meeting, draft)
    if as_json:
        emit_json(done)
        return
    typer.echo(done.id)
    for f in done.followups:
        note(f"Opfølgning {f.due.isoformat()}: {f.label}" + (f" ({', '.join(f.legal)})" if f.legal else ""))


def followups(
    ctx: typer.Context,
    due_before: Annotated[str | None, typer.Option("--due-before", help="Kun dem med frist før denne dato.")] = None,
    caseworker: Annotated[str | None, typer.Option("--caseworker", help="Kun denne rådgivers.")] = None,
    overdue: Annotated[bool, typer.Option("--overdue", help="Kun dem, hvis frist er overskredet.")] = False,
    as_json: Json = False,
) -> None:
    """List opfølgninger, der ikke er udført."""
    from visitation.services import followups as service

    rows = service.pending(state(ctx).db(), due_before=parse_date(due_before, "--due-before"),
                           caseworker=caseworker, overdue=overdue)
    if as_json:
        emit_json(rows)
    else:
        table([[f.id, f.due, "OVERSKREDET" if f.overdue else "", f.case_ref, f.responsible, f.label] for f in rows],
              ["id", "frist", "", "sag", "ansvarlig", "opfølgning"])


@followup_app.command("done")
def followup_done(
    ctx: typer.Context,
    followup: Annotated[int, typer.Argument(help="Opfølgningens id.")],
    note_: Annotated[str, typer.Option("--note", help="Hvad opfølgningen viste.")],
    step: Annotated[int | None, typer.Option("--step", help="Flyt barnet til dette (lavere) trin.")] = None,
) -> None:
    """Marker en opfølgning som udført (evt. med flytning ned ad trappen)."""
    from visitation.services import followups as service

    row = service.done(state(ctx).db(), followup, note_, step)
    typer.echo(row.id)


def register(app: typer.Typer) -> None:
    """Attach the top-level commands of this module."""
    app.command("decide")(decide)
    app.command("followups")(followups)
