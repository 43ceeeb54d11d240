"""`visitation ics`: a strength or a concern on a dimension of the ICS triangle (SPEC §9.3)."""

from __future__ import annotations

from typing import Annotated

import typer

from visitation.cli.face import METHODS
from visitation.cli.state import CaseArg, state

SIDE_HELP = "child (Barnets udvikling) | parents (Forældrekompetencer) | family (Familie og netværk)."
DIMENSION_HELP = ("Dimensionens nøgle på siden – child: health, development, school, leisure; parents: care, "
                  "stimulation, relations; family: background, housing, network.")
"""The sides and dimension keys of data/methods/ics.toml, written out so that starting the CLI reads no data
file (tests/cli/test_ics.py checks they match the data)."""


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
    app.command("ics", rich_help_panel=METHODS)(ics)
