"""`visitation ics`: a strength or a concern on a dimension of the ICS triangle (SPEC §9.3)."""

from __future__ import annotations

from typing import Annotated

import typer

from visitation.cli.state import CaseArg, state


def _helps() -> tuple[str, str]:
    """The help of --side and --dimension from the data file: the sides, and the dimension keys per side (a
    broken file says where to look instead; the command itself then names the error)."""
    from visitation.domain.ics import triangle
    from visitation.errors import InvalidInput

    try:
        tri = triangle()
    except InvalidInput:
        return "Trekantens side (se data/methods/ics.toml).", "Dimensionens nøgle (se data/methods/ics.toml)."
    sides = " | ".join(f"{s.key} ({s.label})" for s in tri.sides)
    keys = "; ".join(f"{s.key}: {', '.join(d.key for d in tri.dimensions if d.side == s.key)}" for s in tri.sides)
    return f"{sides}.", f"Dimensionens nøgle på siden – {keys}."


SIDE_HELP, DIMENSION_HELP = _helps()


def ics(
    ctx: typer.Context,
    case: CaseArg,
    side: Annotated[str, typer.Option("--side", help=SIDE_HELP)],
    dimension: Annotated[str, typer.Option("--dimension", help=DIMENSION_HELP)],
    strength: Annotated[str, typer.Option("--strength", help="En styrke (ressource) på dimensionen.")] = "",
    concern: Annotated[str, typer.Option("--concern", help="En bekymring på dimensionen.")] = "",
) -> None:
    """Notér en styrke eller en bekymring på en dimension af ICS-trekanten; skriver notens id.

    Eksempel: visitation ics 2026-0042 --side child --dimension school --concern "Stigende fravær"
    """
    from visitation.services import ics as service

    typer.echo(service.note(state(ctx).db(), case, side, dimension, strength=strength, concern=concern))


def register(app: typer.Typer) -> None:
    """Attach `ics` as a top-level command."""
    app.command("ics")(ics)
