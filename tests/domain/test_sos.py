"""Signs of Safety in the domain: the scale's bounds, the columns, the headings (SPEC §9.3)."""

from __future__ import annotations

import pytest

from visitation.domain.sos import (
    COLUMNS,
    KIND_LABELS,
    SCALE_ANCHORS,
    Kind,
    check_scale,
    column,
    kind_label,
)
from visitation.errors import InvalidInput


@pytest.mark.parametrize("score", [0, 1, 5, 9, 10])
def test_every_whole_number_from_0_to_10_is_a_rating(score: int) -> None:
    assert check_scale(score) == score


@pytest.mark.parametrize("score", [-1, 11, 100, 5.0, True, "5"])
def test_anything_else_is_refused_naming_the_option(score: object) -> None:
    with pytest.raises(InvalidInput) as err:
        check_scale(score)  # type: ignore[arg-type]
    assert err.value.message.startswith("--score: skal være et helt tal fra 0 til 10")
    assert err.value.exit_code == 2


def test_the_anchors_say_which_end_is_safe() -> None:
    assert SCALE_ANCHORS == ("0: barnet kan ikke blive boende hjemme", "10: sikkert nok til at lukke sagen")


@pytest.mark.parametrize("value, kind", [
    ("worries", Kind.WORRIES), ("working", Kind.WORKING), ("next", Kind.NEXT),
    (" Worries ", Kind.WORRIES), ("NEXT", Kind.NEXT),
])
def test_a_column_is_one_of_the_three(value: str, kind: Kind) -> None:
    assert column(value) is kind


@pytest.mark.parametrize("value", ["danger", "goal", "bekymringer", "", "worries;next"])
def test_anything_else_is_not_a_column(value: str) -> None:
    """Danger statements and safety goals have commands of their own, never --column."""
    with pytest.raises(InvalidInput) as err:
        column(value)
    assert err.value.message.startswith("--column: skal være worries, working eller next")


def test_the_headings_in_the_order_the_mapping_is_read() -> None:
    assert COLUMNS == (Kind.WORRIES, Kind.WORKING, Kind.NEXT)
    assert list(KIND_LABELS) == [Kind.WORRIES, Kind.WORKING, Kind.NEXT, Kind.DANGER, Kind.GOAL]
    assert [kind_label(k) for k in ("worries", "working", "next", "danger", "goal")] == [
        "Hvad bekymrer os", "Hvad fungerer godt", "Hvad skal der ske", "Farefaktorudsagn", "Sikkerhedsmål"]
