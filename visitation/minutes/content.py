"""What a minutes file says, read back from any format and cut into parts (the meeting, each case).

`--verify` compares these parts, not bytes: whitespace, line endings, indentation, page breaks, page
footers and the document properties a case system adds do not count; a changed word does, and the part
it is in names the case. Markdown, HTML, Word and a PDF printed from the HTML are read as text (Word
with python-docx, PDF with pypdf); JSON is parsed and compared as data.
"""

from __future__ import annotations

import io
import json
import re
import unicodedata
from html.parser import HTMLParser
from typing import TYPE_CHECKING

from visitation.errors import InvalidInput
from visitation.minutes import text as t

if TYPE_CHECKING:
    from visitation.minutes.model import MinutesDocument

MEETING_PART = "mødet"
"""The part before the first case: the meeting's head, participants and docket."""
_SPACE = re.compile(r"[\s\u00ad\u200b\u200c\u200d\u2060\ufeff]+")
_MD_ESCAPE = re.compile(r"\\(.)")


def squeeze(text: str) -> str:
    """The text with every kind of whitespace (and soft hyphen) taken out, in Unicode NFKC (a PDF's
    ligatures read as their letters)."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", text))


def file_text(data: bytes, fmt: str) -> str:
    """What a reader of the file sees, as one text (JSON is compared as data, not here)."""
    if fmt == "md":
        return _MD_ESCAPE.sub(r"\1", data.decode("utf-8", errors="replace"))
    if fmt == "html":
        return html_text(data.decode("utf-8", errors="replace"))
    if fmt == "docx":
        return docx_text(data)
    if fmt == "pdf":
        found = pdf_pages(data)
        return "\n".join(page.replace(f"Side {n} af {len(found)}", "", 1) for n, page in enumerate(found, start=1))
    raise InvalidInput(f"--verify: ukendt format {fmt}")


class _Visible(HTMLParser):
    """The text a browser shows: not the head, the style sheet or the SVG's tooltips."""

    HIDDEN = frozenset(("head", "style", "title", "script"))

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.HIDDEN:
            self._hidden += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in self.HIDDEN and self._hidden:
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


def html_text(markup: str) -> str:
    """The visible text of an HTML file."""
    parser = _Visible()
    parser.feed(markup)
    parser.close()
    return "".join(parser.parts)


def docx_text(data: bytes) -> str:
    """The body's text in document order (paragraphs and table cells), opened with python-docx; headers,
    footers and document properties are not content."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.oxml.ns import qn

    try:
        body = docx.Document(io.BytesIO(data)).element.body
    except (PackageNotFoundError, KeyError, ValueError):
        raise InvalidInput("--verify: filen er ikke et læsbart Word-dokument") from None
    return "".join(node.text or "" for node in body.iter(qn("w:t")))


def pdf_pages(data: bytes) -> list[str]:
    """Each page's text, read with pypdf."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        return [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]
    except (PdfReadError, ValueError, KeyError):
        raise InvalidInput("--verify: filen er ikke en læsbar PDF") from None


def parts(text: str, doc: MinutesDocument) -> dict[str, str]:
    """The text cut at each case's title, in the docket's order, squeezed; what a printed copy repeats on its
    pages taken out (page numbers are taken out page by page when a PDF is read); the closing seal left out
    (the stamp is checked on its own). A case whose title cannot be found (changed or cut away) is missing."""
    body = squeeze(text)
    for noise in sorted(_noise(doc), key=len, reverse=True):
        body = body.replace(noise, "")
    seal = body.rfind(squeeze(t.seal(doc)[0].split(":")[0]))
    body = body[:seal] if seal >= 0 else body
    found: dict[str, str] = {}
    name, start = MEETING_PART, 0
    for case in doc.cases:
        at = body.find(squeeze(t.case_title(case)), start)
        if at < 0:
            continue
        found[name] = body[start:at]
        name, start = case.ref, at
    found[name] = body[start:]
    return found


def _noise(doc: MinutesDocument) -> set[str]:
    """What a printed copy repeats on its pages: the footers, and the header row of a table that runs over a
    page (fixed labels, not content)."""
    found = {squeeze(t.footer(doc, c)) for c in (None, *doc.cases)} | ({t.DRAFT} if t.draft(doc) else set())
    sections = [*t.meeting_sections(doc), *(s for c in doc.cases for s in t.case_sections(c))]
    found |= {squeeze("".join(b.headers)) for s in sections for b in s.blocks if isinstance(b, t.Table) and b.rows}
    return found


def json_parts(data: bytes) -> dict[str, str]:
    """A JSON export as data: each case, and the rest (the meeting), in canonical JSON (hash fields aside)."""
    try:
        body = json.loads(data)
        cases = body.pop("cases")
        body.pop("content_hash", None)
        body.pop("case_hashes", None)
        body.pop("draft", None)
        found = {MEETING_PART: json.dumps(body, sort_keys=True, ensure_ascii=False)}
        found.update({str(c["ref"]): json.dumps(c, sort_keys=True, ensure_ascii=False) for c in cases})
        return found
    except (ValueError, KeyError, TypeError, AttributeError):
        raise InvalidInput("--verify: JSON-filen er ikke et referat fra visitation minutes") from None


def differences(data: bytes, fmt: str, doc: MinutesDocument) -> list[str]:
    """The parts of the file that do not say what the document says (MEETING_PART or case references)."""
    from visitation.minutes import render

    if fmt == "json":
        have, want = json_parts(data), json_parts(render(doc, "json"))
    else:
        expected = render(doc, "html" if fmt == "pdf" else fmt)
        have, want = parts(file_text(data, fmt), doc), parts(file_text(expected, "html" if fmt == "pdf" else fmt), doc)
    names = [MEETING_PART, *(c.ref for c in doc.cases), *(k for k in have if k not in want)]
    return [n for n in dict.fromkeys(names) if have.get(n) != want.get(n)]
