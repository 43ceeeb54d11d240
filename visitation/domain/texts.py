"""Free text a person types (a goal, a worry, a rule): stripped, bounded, free of characters that disguise it."""

from __future__ import annotations

import re

from visitation.errors import InvalidInput

MAX_TEXT = 2_000
"""A sentence or a short paragraph; longer is a paste gone wrong."""
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""Control characters (newline and tab allowed) and bidi overrides, which could disguise the text."""


def checked_text(text: str, option: str, limit: int = MAX_TEXT) -> str:
    """The text, stripped; refused (naming `option`) when blank, too long or carrying control characters."""
    text = text.strip()
    if not text:
        raise InvalidInput(f"{option}: mangler")
    if len(text) > limit:
        raise InvalidInput(f"{option}: teksten er for lang (højst {limit} tegn)")
    if _UNSAFE.search(text):
        raise InvalidInput(f"{option}: indeholder styretegn, som ikke er tilladt")
    return text


def has_unsafe(text: str) -> bool:
    """Whether the text carries control characters or bidi overrides."""
    return _UNSAFE.search(text) is not None
