"""The minutes as JSON (`visitation.minutes/1`): everything, for other systems; see schema.json."""

from __future__ import annotations

import json

from visitation.minutes.model import MinutesDocument, case_hashes, data


def render(doc: MinutesDocument) -> bytes:
    """The document's data (hash and each case's hash included; `draft` until the meeting is closed), indented,
    keys in the model's order, UTF-8."""
    body = data(doc)
    body["draft"] = doc.meeting.state != "closed"
    body["case_hashes"] = [list(pair) for pair in case_hashes(doc)]
    return (json.dumps(body, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
