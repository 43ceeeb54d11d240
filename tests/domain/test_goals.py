"""The `--goal GOAL_ID=SCORE` parser and the goal text check: pure, no database."""

from __future__ import annotations

import pytest

from visitation.domain.goals import MAX_GOAL_TEXT, goal_text, parse_scores
from visitation.errors import InvalidInput


def test_scores_parse() -> None:
    assert parse_scores(["3=7", " 12 = 0 ", "4=10"]) == {3: 7, 12: 0, 4: 10}
    assert parse_scores([]) == {}


@pytest.mark.parametrize("bad", ["x=3", "3=", "3=ten", "=3", "3", "3=7=1", "3:7", "٣=7", ""])
def test_bad_syntax_names_the_option(bad: str) -> None:
    with pytest.raises(InvalidInput, match=r"^--goal: skal have formen MÅL-ID=SCORE"):
        parse_scores([bad])


@pytest.mark.parametrize("bad", ["3=11", "3=-1", "3=100"])
def test_a_score_outside_0_to_10_is_refused(bad: str) -> None:
    with pytest.raises(InvalidInput, match=r"^--goal: scoren for mål 3 skal være et helt tal fra 0 til 10"):
        parse_scores([bad])


def test_a_goal_twice_is_refused() -> None:
    with pytest.raises(InvalidInput, match="^--goal: mål 3 er angivet mere end én gang$"):
        parse_scores(["3=4", "3=5"])


def test_goal_text() -> None:
    assert goal_text("  Liva kommer i skole\nhver dag ") == "Liva kommer i skole\nhver dag"
    for bad, problem in (("", "mangler"), ("x" * (MAX_GOAL_TEXT + 1), "for lang"), ("a\x1b[2Jb", "styretegn"),
                         ("a\u2066b", "styretegn"), ("a\x85b", "styretegn")):
        with pytest.raises(InvalidInput, match=f"^--text: .*{problem}"):
            goal_text(bad)
