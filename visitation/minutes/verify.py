"""`--verify`: rebuild the minutes a file claims to be from the database, and compare."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from visitation.errors import InvalidInput
from visitation.minutes.model import Stamp, find_stamp

if TYPE_CHECKING:
    from visitation.services.db import Db


@dataclass(frozen=True)
class Verification:
    """The outcome: true when the file is exactly what the database gives today."""

    match: bool
    message: str
    stamp: Stamp
    database_hash: str

    def __bool__(self) -> bool:
        return self.match


def sniff(data: bytes) -> str:
    """The format of a minutes file from its first bytes."""
    if data[:2] == b"PK":
        return "docx"
    head = data.lstrip()[:20].lower()
    if head.startswith(b"{"):
        return "json"
    if head.startswith((b"<!doctype", b"<html")):
        return "html"
    return "md"


def read_stamp(data: bytes, fmt: str) -> Stamp:
    """The stamp a file carries (for Word: in the document's properties)."""
    text = data.decode("utf-8", errors="replace")
    if fmt == "docx":
        try:
            text = zipfile.ZipFile(io.BytesIO(data)).read("docProps/core.xml").decode("utf-8", errors="replace")
        except (zipfile.BadZipFile, KeyError):
            raise InvalidInput("--verify: filen er ikke et Word-dokument fra visitation minutes") from None
    found = _json_stamp(text) if fmt == "json" else find_stamp(text)
    if found is None:
        raise InvalidInput("--verify: filen har intet kontrolstempel (er den lavet med visitation minutes?)")
    return found


def _json_stamp(text: str) -> Stamp | None:
    """A JSON export names its meeting, case, level and hash in its own fields."""
    import json

    try:
        body = json.loads(text)
        return Stamp(str(body["meeting"]["ref"]), body.get("case"), str(body["privacy"]), str(body["content_hash"]),
                     str(body.get("chain_head") or ""))
    except (ValueError, KeyError, TypeError, AttributeError):
        return None


def verify(db: Db, data: bytes, fmt: str | None = None) -> Verification:
    """Rebuild the document named by the file's stamp and compare hash and bytes; then check that the
    decision chain still holds the head the file was exported at (later, unrelated decisions are fine)."""
    from visitation.minutes import build, render
    from visitation.minutes.model import sealed
    from visitation.services.verify import witness

    fmt = fmt or sniff(data)
    claim = read_stamp(data, fmt)
    doc = sealed(replace(build(db, claim.meeting, claim.privacy, claim.case, action="read"),
                         chain_head=claim.chain_head))
    short = doc.content_hash[:12]
    if doc.content_hash != claim.content_hash:
        return Verification(False, f"Referatet passer ikke længere med databasen: indholdet er ændret "
                                   f"(filen {claim.content_hash[:12]}…, databasen nu {short}…).", claim, doc.content_hash)
    if render(doc, fmt) != data:
        return Verification(False, f"Filen er ændret efter udskrivningen: stemplet passer ({short}…), "
                                   "men teksten gør ikke.", claim, doc.content_hash)
    if not claim.chain_head:
        return Verification(True, f"Referatet passer med databasen (sha256 {short}…); filen er fra før "
                                  "kædehovedet kom i stemplet.", claim, doc.content_hash)
    held = witness(db, claim.chain_head)
    if not held.holds:
        return Verification(False, f"Referatet passer med databasen (sha256 {short}…), men {held.message}.",
                            claim, doc.content_hash)
    return Verification(True, f"Referatet passer med databasen (sha256 {short}…); {held.message}.",
                        claim, doc.content_hash)
