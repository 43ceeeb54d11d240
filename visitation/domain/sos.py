"""Signs of Safety: the mapping's three columns, danger statements, safety goals, the 0–10 scale per person and
the safety plan (REFERENCE §6.1; SPEC §9.3). Hjørring, Kerteminde and Socialstyrelsen name the method."""

from __future__ import annotations

from enum import StrEnum

from visitation.errors import InvalidInput


class Column(StrEnum):
    """The mapping's three columns."""

    WORRIES = "worries"
    WORKING = "working"
    NEXT = "next"


class Kind(StrEnum):
    """What a line of the mapping is: one of the columns, a danger statement or a safety goal."""

    WORRIES = "worries"
    WORKING = "working"
    NEXT = "next"
    DANGER = "danger"
    GOAL = "goal"


KIND_LABELS = {
    Kind.WORRIES: "Hvad bekymrer os", Kind.WORKING: "Hvad fungerer godt", Kind.NEXT: "Hvad skal der ske",
    Kind.DANGER: "Farefaktorudsagn", Kind.GOAL: "Sikkerhedsmål",
}
"""The Danish headings, in the order the mapping is read."""
COLUMNS = (Kind.WORRIES, Kind.WORKING, Kind.NEXT)
SCALE = range(0, 11)
SCALE_ANCHORS = ("0: barnet kan ikke blive boende hjemme", "10: sikkert nok til at lukke sagen")
"""The safety scale's ends as Signs of Safety words them (REFERENCE §6.1); 10 is safe."""
SAFETY_PLAN_KEY = "sikkerhedsplan"
"""The intervention key of the safety plan in every profile's catalogue (step 3, BL § 32)."""
MAX_KEEPERS = 20


def column(value: str) -> Kind:
    """`--column worries|working|next` as a kind; anything else is refused naming the choices."""
    try:
        return Kind(Column(value.strip().lower()).value)
    except ValueError:
        raise InvalidInput(f"--column: skal være worries, working eller next (ikke «{value[:40]}»)") from None


def check_scale(score: int) -> int:
    """A safety scale rating is a whole number 0–10."""
    if type(score) is not int or score not in SCALE:
        raise InvalidInput(f"--score: skal være et helt tal fra 0 til 10 (ikke {score})")
    return score


def kind_label(kind: str) -> str:
    """A stored kind's Danish heading."""
    return KIND_LABELS[Kind(kind)]
