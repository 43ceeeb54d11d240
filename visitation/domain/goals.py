"""Goals (mål) and sub-goals (delmål) of a case, scored 0–10 at each follow-up (BL § 92; SPEC §9.2)."""

from __future__ import annotations

import re
from enum import StrEnum

from visitation.domain.texts import MAX_TEXT, checked_text
from visitation.errors import InvalidInput

MAX_GOAL_TEXT = MAX_TEXT
"""A goal is a sentence or a short paragraph; longer is a paste gone wrong."""
SCORES = range(0, 11)
"""A goal's progress: 0 (nowhere near) to 10 (reached)."""
_SCORE_OPTION = re.compile(r"^\s*(\d{1,18})\s*=\s*(-?\d{1,6})\s*$", re.ASCII)


class GoalStatus(StrEnum):
    """Where a goal stands: open (scored at follow-ups), reached, or dropped."""

    OPEN = "open"
    REACHED = "reached"
    DROPPED = "dropped"


STATUS_LABELS = {GoalStatus.OPEN: "åbent", GoalStatus.REACHED: "nået", GoalStatus.DROPPED: "opgivet"}


def status_label(status: str) -> str:
    """A stored status in Danish (åbent, nået, opgivet)."""
    return STATUS_LABELS[GoalStatus(status)]


def goal_text(text: str, option: str = "--text") -> str:
    """The goal's text, stripped; refused when blank, too long or carrying control characters."""
    return checked_text(text, option, MAX_GOAL_TEXT)


def check_score(goal_id: int, score: int) -> None:
    """A score is a whole number 0–10; the error names `--goal` and the goal."""
    if type(score) is not int or score not in SCORES:
        raise InvalidInput(f"--goal: scoren for mål {goal_id} skal være et helt tal fra 0 til 10 (ikke {score})")


def parse_scores(values: list[str]) -> dict[int, int]:
    """`--goal GOAL_ID=SCORE` options as {goal id: score}; bad syntax, a bad score or a goal twice is refused."""
    scores: dict[int, int] = {}
    for text in values:
        found = _SCORE_OPTION.match(text)
        if found is None:
            raise InvalidInput(f"--goal: skal have formen MÅL-ID=SCORE, fx 12=7 (ikke «{text[:40]}»)")
        goal_id, score = int(found.group(1)), int(found.group(2))
        if goal_id in scores:
            raise InvalidInput(f"--goal: mål {goal_id} er angivet mere end én gang")
        check_score(goal_id, score)
        scores[goal_id] = score
    return scores
