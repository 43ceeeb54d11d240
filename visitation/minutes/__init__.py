"""The minutes (beslutningsreferat): `build` the document from the services, `render` it, `verify` a file.

    doc = build(db, "VM-2026-11-24", "internal")          # or case="2026-0101"
    render(doc, "md" | "html" | "docx" | "json") -> bytes
    verify(db, file_bytes) -> Verification (true when it still matches)
"""

from __future__ import annotations

from visitation.errors import InvalidInput
from visitation.minutes.build import build
from visitation.minutes.model import MinutesDocument
from visitation.minutes.verify import Verification, verify

FORMATS = ("md", "html", "docx", "json")


def render(doc: MinutesDocument, fmt: str) -> bytes:
    """The document in a format; each renderer is imported only when used (Word is heavy)."""
    if fmt == "md":
        from visitation.minutes.markdown import render as run
    elif fmt == "html":
        from visitation.minutes.html import render as run
    elif fmt == "docx":
        from visitation.minutes.docx import render as run
    elif fmt == "json":
        from visitation.minutes.jsonfmt import render as run
    else:
        raise InvalidInput(f"--format: skal være {' | '.join(FORMATS)}")
    return run(doc)


__all__ = ["FORMATS", "MinutesDocument", "Verification", "build", "render", "verify"]
