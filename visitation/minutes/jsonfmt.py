"""The minutes as JSON (`visitation.minutes/1`): everything, for other systems; see schema.json."""

from __future__ import annotations

import json

from visitation.minutes.model import MinutesDocument, data


def render(doc: MinutesDocument) -> bytes:
    """The document's data (hash included), indented, keys in the model's order, UTF-8."""
    return (json.dumps(data(doc), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
