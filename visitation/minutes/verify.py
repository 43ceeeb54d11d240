"""`--verify`: rebuild the minutes a file claims to be from the database, and compare the content part by part."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from visitation.errors import InvalidInput
from visitation.minutes import content
from visitation.minutes.model import MinutesDocument, Stamp, case_hashes, find_stamp

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
    if data[:5] == b"%PDF-":
        return "pdf"
    head = data.lstrip()[:20].lower()
    if head.startswith(b"{"):
        return "json"
    if head.startswith((b"<!doctype", b"<html")):
        return "html"
    return "md"


def read_stamp(data: bytes, fmt: str) -> Stamp:
    """The stamp a file carries: in its text (the closing lines; Word: also its properties; PDF: the text
    with every space taken out, as a printed stamp wraps anywhere), or in a JSON export's own fields."""
    if fmt == "json":
        found = _json_stamp(data.decode("utf-8", errors="replace"))
    elif fmt in ("docx", "pdf"):
        text = content.file_text(data, fmt)
        found = find_stamp(content.squeeze(text)) or (_docx_properties(data) if fmt == "docx" else None)
    else:
        found = find_stamp(data.decode("utf-8", errors="replace"))
    if found is None:
        raise InvalidInput("--verify: filen har intet kontrolstempel (er den lavet med visitation minutes?)")
    return found


def _docx_properties(data: bytes) -> Stamp | None:
    """The stamp in a Word file's core properties (where files from before the stamp was printed kept it)."""
    try:
        return find_stamp(zipfile.ZipFile(io.BytesIO(data)).read("docProps/core.xml").decode("utf-8", "replace"))
    except (zipfile.BadZipFile, KeyError):
        return None


def _json_stamp(text: str) -> Stamp | None:
    """A JSON export names its meeting, case, level and hash in its own fields."""
    import json

    try:
        body = json.loads(text)
        return Stamp(str(body["meeting"]["ref"]), body.get("case"), str(body["privacy"]), str(body["content_hash"]),
                     str(body.get("chain_head") or ""), tuple((str(k), str(v)) for k, v in body.get("case_hashes", ())))
    except (ValueError, KeyError, TypeError, AttributeError):
        return None


def changed(names: list[str]) -> str:
    """`ændret: sag 2026-0109, mødet`."""
    return "ændret: " + ", ".join(n if n == content.MEETING_PART else f"sag {n}" for n in names)


def changed_since(claim: Stamp, doc: MinutesDocument) -> list[str]:
    """The parts whose data the database no longer gives as the file's stamp says (the cases by their own
    hashes; the meeting when no case explains the difference)."""
    now = dict(case_hashes(doc))
    then = dict(claim.cases)
    names = [ref for ref in dict.fromkeys([*then, *now]) if then.get(ref) != now.get(ref)] if then else []
    return names or [content.MEETING_PART]


def verify(db: Db, data: bytes, fmt: str | None = None) -> Verification:
    """Rebuild the document named by the file's stamp: its hash must match the stamp's (else the database
    changed since), and the file's content, part by part, what the document says (else the file was
    changed); then the decision chain must still hold the head the file was exported at."""
    from visitation.minutes import build
    from visitation.minutes.model import sealed
    from visitation.services.verify import witness

    fmt = fmt or sniff(data)
    claim = read_stamp(data, fmt)
    doc = sealed(replace(build(db, claim.meeting, claim.privacy, claim.case, action="read"),
                         chain_head=claim.chain_head))
    short = doc.content_hash[:12]
    if doc.content_hash != claim.content_hash:
        names = changed(changed_since(claim, doc))
        return Verification(False, f"Referatet passer ikke længere med databasen: {names} (filen "
                                   f"{claim.content_hash[:12]}…, databasen nu {short}…).", claim, doc.content_hash)
    edited = content.differences(data, fmt, doc)
    if edited:
        return Verification(False, f"Filen er ændret efter udskrivningen: {changed(edited)} (stemplet passer, "
                                   f"{short}…, men teksten gør ikke).", claim, doc.content_hash)
    if not claim.chain_head:
        return Verification(True, f"Referatet passer med databasen (sha256 {short}…); filen er fra før "
                                  "kædehovedet kom i stemplet.", claim, doc.content_hash)
    held = witness(db, claim.chain_head)
    if not held.holds:
        return Verification(False, f"Referatet passer med databasen (sha256 {short}…), men {held.message}.",
                            claim, doc.content_hash)
    return Verification(True, f"Referatet passer med databasen (sha256 {short}…); {held.message}.",
                        claim, doc.content_hash)
