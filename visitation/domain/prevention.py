"""Socialstyrelsen's target group: the prevention triangle (figur 1, skema 1) and position × trivsel
(skema 2) of "Strategisk ramme & Faglig retning" (seed socialstyrelsen-strategisk-ramme.txt)."""

from __future__ import annotations

from enum import StrEnum

from visitation.errors import InvalidInput


class Prevention(StrEnum):
    """The level of the prevention triangle a child's case belongs to."""

    PRIMARY = "primary"
    SECONDARY = "secondary"
    TERTIARY = "tertiary"


class Position(StrEnum):
    """The child's position: the surroundings the child is in, or at risk of coming into."""

    NOT_EXPOSED = "not-exposed"
    AT_RISK = "at-risk"
    EXPOSED = "exposed"


class Wellbeing(StrEnum):
    """Whether the child thrives (trivsel) or not (mistrivsel)."""

    THRIVING = "thriving"
    NOT_THRIVING = "not-thriving"


PREVENTION_LABELS = {
    Prevention.PRIMARY: "Primær forebyggelse", Prevention.SECONDARY: "Sekundær forebyggelse",
    Prevention.TERTIARY: "Tertiær forebyggelse",
}
PREVENTION_HELP = {
    Prevention.PRIMARY: "hindre sociale problemer i at opstå (børn, der (endnu) ikke er i udsatte positioner)",
    Prevention.SECONDARY: "opspore og begrænse sociale problemer og risikofaktorer tidligst muligt (børn i risiko)",
    Prevention.TERTIARY: "begrænse tilbagefald og forhindre udvikling og forværring (børn i udsatte positioner)",
}
"""Skema 1's definitions, in its words."""
POSITION_LABELS = {
    Position.NOT_EXPOSED: "Ikke udsat position", Position.AT_RISK: "Potentielt udsat position",
    Position.EXPOSED: "Udsat position",
}
WELLBEING_LABELS = {Wellbeing.THRIVING: "Trivsel", Wellbeing.NOT_THRIVING: "Mistrivsel"}


def in_target_group(position: Position, wellbeing: Wellbeing) -> bool:
    """Skema 2: every cell is the target group except a child who thrives and is not in an exposed position."""
    return not (position == Position.NOT_EXPOSED and wellbeing == Wellbeing.THRIVING)


def choice(enum: type[StrEnum], value: str, option: str) -> StrEnum:
    """A CLI value as its enum; anything else is refused naming the choices."""
    try:
        return enum(value.strip().lower())
    except ValueError:
        raise InvalidInput(f"{option}: skal være {' | '.join(e.value for e in enum)} (ikke «{value[:40]}»)") from None
