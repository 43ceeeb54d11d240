"""The minutes as a Word document: real headings and tables, the network map as a picture, Danish (da-DK),
page numbers in the footer, UDKAST in the header until the meeting is closed.

The WordprocessingML is written in bulk (docx_xml.py) and zipped with fixed timestamps in a fixed order, so
the same data gives the same bytes; the core properties get fixed dates taken from the stored data.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from xml.sax.saxutils import escape

from visitation.minutes import docx_xml as x
from visitation.minutes import text as t
from visitation.minutes.model import CaseMinutes, MinutesDocument, stamp

MAP_WIDTH_MM = 150.0


class _Body:
    """The document's body as it is written, and the pictures it refers to."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pictures: list[bytes] = []

    def add(self, xml: str) -> None:
        self.parts.append(xml)

    def section(self, section: t.Section, level: int, case: CaseMinutes | None = None) -> None:
        """A heading and its blocks."""
        self.add(x.para(section.title, f"Heading{level}"))
        for b in section.blocks:
            if isinstance(b, t.Fields):
                self.add(x.table(list(b.rows), header=False, label_column=True) + x.para())
            elif isinstance(b, t.Table):
                self.table(b)
            elif isinstance(b, t.Para):
                self.add(x.para(b.text))
            elif isinstance(b, t.Sub):
                self.add(x.para(b.title, f"Heading{level + 1}"))
            elif case is not None:
                self.network_map(case)

    def table(self, tb: t.Table) -> None:
        """A data table with a repeated header row, or the table's 'empty' sentence."""
        if not tb.rows:
            self.add(x.para(tb.empty, italic=True))
            return
        self.add(x.table([tb.headers, *tb.rows], header=True) + x.para())

    def network_map(self, case: CaseMinutes) -> None:
        """The map as a picture, described for a screen reader."""
        from visitation.minutes import netmap_png

        self.pictures.append(netmap_png.png(case))
        n = len(self.pictures)
        height = MAP_WIDTH_MM * netmap_png.HEIGHT / netmap_png.WIDTH
        people = "; ".join(f"{p.name} ({p.relation}, ring {p.ring}, {p.valence_label})" for p in case.network.people)
        self.add(x.picture(f"rIdMap{n}", n, f"Netværkskort {case.ref}", f"Netværkskort: {people or 'ingen'}",
                           MAP_WIDTH_MM, height))


def render(doc: MinutesDocument) -> bytes:
    """The whole document as .docx bytes."""
    body = _Body()
    body.add(x.para(t.title(doc), "Title"))
    if t.draft(doc):
        body.add(x.para(t.draft_note(), bold=True))
    body.add(x.table(list(t.meeting_fields(doc).rows), header=False, label_column=True) + x.para())
    for section in t.meeting_sections(doc):
        body.section(section, 1)
    for n, case in enumerate(doc.cases):
        body.add(x.para(t.case_title(case), "Heading1", page_break=not doc.case or n > 0))
        body.add(x.para(t.status_line(case).text, bold=True))
        for section in t.case_sections(case):
            body.section(section, 2, case)
    body.parts += [x.para(line, size=8) for line in t.seal(doc)]
    return package(doc, "".join(body.parts), body.pictures)


def package(doc: MinutesDocument, body: str, pictures: list[bytes]) -> bytes:
    """The .docx: every part, dated `_moment`, in a fixed order ([Content_Types].xml first)."""
    section = ('<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/>'
               '<w:footerReference w:type="default" r:id="rIdFooter"/><w:pgSz w:w="11906" w:h="16838"/>'
               '<w:pgMar w:top="1021" w:right="964" w:bottom="1134" w:left="964" w:header="567" w:footer="567" '
               'w:gutter="0"/></w:sectPr>')
    parts: dict[str, str] = {
        "[Content_Types].xml": x.CONTENT_TYPES, "_rels/.rels": x.PACKAGE_RELS, "docProps/app.xml": x.APP,
        "docProps/core.xml": core(doc), "word/_rels/document.xml.rels": x.document_rels(len(pictures)),
        "word/document.xml": f"{x.HEAD}<w:document {x.NS}><w:body>{body}{section}</w:body></w:document>",
        "word/styles.xml": x.STYLES, "word/settings.xml": x.SETTINGS,
        "word/header1.xml": f'{x.HEAD}<w:hdr {x.NS}>{x.para(t.DRAFT if t.draft(doc) else "", "Header", bold=True)}'
                            "</w:hdr>",
        "word/footer1.xml": footer(doc),
    }
    when = _moment(doc)
    stamp_at = (max(when.year, 1980), when.month, when.day, when.hour, when.minute, when.second)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        entries: list[tuple[str, str | bytes]] = [
            *parts.items(), *((f"word/media/netvaerk{n}.png", png) for n, png in enumerate(pictures, start=1))]
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=stamp_at)
            info.create_system, info.external_attr = 0, 0o644 << 16
            png = isinstance(data, bytes)
            info.compress_type = zipfile.ZIP_STORED if png else zipfile.ZIP_DEFLATED
            payload = data if isinstance(data, bytes) else data.encode("utf-8")
            target.writestr(info, payload, compresslevel=None if png else 6)
    return out.getvalue()


def footer(doc: MinutesDocument) -> str:
    """The footer on every page: the meeting (and UDKAST on a draft), 'side X af Y'."""
    case = doc.cases[0] if doc.case and doc.cases else None
    text = x.runs(f"{t.footer(doc, case)} · side ", size=8)
    return (f'{x.HEAD}<w:ftr {x.NS}><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>{text}{x.field("PAGE")}'
            f'{x.runs(" af ", size=8)}{x.field("NUMPAGES")}</w:p></w:ftr>')


def _moment(doc: MinutesDocument) -> dt.datetime:
    """The newest stored time in the document: the latest decision, else the meeting's date."""
    stored = [c.decision.created_at for c in doc.cases if c.decision]
    if stored:
        return dt.datetime.strptime(max(stored), "%Y-%m-%dT%H:%M:%SZ")
    return dt.datetime.fromisoformat(doc.meeting.date)


def core(doc: MinutesDocument) -> str:
    """Title, stamp and fixed dates: created = the meeting's date, modified/printed = the newest decision."""
    created = f"{doc.meeting.date}T00:00:00Z"
    modified = _moment(doc).strftime("%Y-%m-%dT%H:%M:%SZ")
    values = (("dc:title", t.title(doc)), ("dc:subject", f"{doc.meeting.ref} {doc.meeting.date}"),
              ("dc:creator", "Visitation"), ("cp:keywords", stamp(doc, cases=False)),
              ("dc:description", f"Oplysningsniveau: {doc.privacy_label}"), ("cp:lastModifiedBy", "Visitation"),
              ("cp:revision", "1"), ("cp:category", "Beslutningsreferat"), ("dc:language", "da-DK"),
              ("dc:identifier", f"sha256:{doc.content_hash}"), ("cp:version", doc.format),
              ("cp:lastPrinted", modified))
    dates = (f'<dcterms:created xsi:type="dcterms:W3CDTF">{created}</dcterms:created>'
             f'<dcterms:modified xsi:type="dcterms:W3CDTF">{modified}</dcterms:modified>')
    return (f'{x.HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
            'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            + "".join(f"<{tag}>{escape(value)}</{tag}>" for tag, value in values) + dates + "</cp:coreProperties>")
