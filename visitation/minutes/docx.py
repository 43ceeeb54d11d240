"""The minutes as a Word document (python-docx): real headings and tables, page numbers in the footer.

Byte-identical for the same data: the core properties get fixed dates taken from the stored data and
the zip is rewritten with fixed timestamps in a fixed order.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import _Cell

from visitation.minutes import text as t
from visitation.minutes.model import MinutesDocument, stamp


def render(doc: MinutesDocument) -> bytes:
    """The whole document as .docx bytes."""
    word = Document()
    _page(word, doc)
    heading(word, t.title(doc), 0)
    fields(word, t.meeting_fields(doc))
    for section in t.meeting_sections(doc):
        add_section(word, section, 1)
    for case in doc.cases:
        heading(word, t.case_title(case), 1).paragraph_format.page_break_before = True
        word.add_paragraph().add_run(t.status_line(case).text).bold = True
        for section in t.case_sections(case):
            add_section(word, section, 2)
    for line in t.seal(doc):
        word.add_paragraph(line).runs[0].font.size = Pt(8)
    _properties(word, doc)
    raw = io.BytesIO()
    word.save(raw)
    return fixed_zip(raw.getvalue(), _moment(doc))


def heading(word, text: str, level: int):  # type: ignore[no-untyped-def]
    """A real Word heading (Title, Heading 1, 2 …), its style set by id (looking styles up by name is slow)."""
    paragraph = word.add_paragraph(text)
    paragraph._p.style = _style_id(word, "Title" if level == 0 else f"Heading {level}")
    return paragraph


def _style_id(word, name: str) -> str:  # type: ignore[no-untyped-def]
    cache = word.__dict__.setdefault("_minutes_styles", {})
    if name not in cache:
        cache[name] = word.styles[name].style_id
    return cache[name]


def _grid(word, rows: int, cols: int, widths: tuple[float, ...]):  # type: ignore[no-untyped-def]
    """A table in the 'Table Grid' style with column widths in mm (rows added later inherit them)."""
    grid = word.add_table(rows=rows, cols=cols)
    grid._tbl.tblPr.style = _style_id(word, "Table Grid")
    for column, width in zip(grid.columns, widths, strict=True):
        column.width = Mm(width)
    return grid


def add_section(word, section: t.Section, level: int) -> None:  # type: ignore[no-untyped-def]
    """A heading and its blocks."""
    heading(word, section.title, level)
    for b in section.blocks:
        if isinstance(b, t.Fields):
            fields(word, b)
        elif isinstance(b, t.Table):
            table(word, b)
        elif isinstance(b, t.Para):
            word.add_paragraph(b.text)
        elif isinstance(b, t.Sub):
            heading(word, b.title, level + 1)


def fields(word, f: t.Fields) -> None:  # type: ignore[no-untyped-def]
    """Label–value pairs as a two-column table with bold labels."""
    grid = _grid(word, 0, 2, (50, 126))
    for label, value in f.rows:
        cells = _new_row(grid)
        cells[0].paragraphs[0].add_run(label).bold = True
        cells[1].text = value
    word.add_paragraph()


def table(word, tb: t.Table) -> None:  # type: ignore[no-untyped-def]
    """A data table with a repeated, bold header row; or the table's 'empty' sentence."""
    if not tb.rows:
        word.add_paragraph().add_run(tb.empty).italic = True
        return
    grid = _grid(word, 1, len(tb.headers), (176 / len(tb.headers),) * len(tb.headers))
    grid.alignment = WD_TABLE_ALIGNMENT.LEFT
    for cell, header in zip(grid.rows[0].cells, tb.headers, strict=True):
        cell.paragraphs[0].add_run(header).bold = True
    header_props = grid.rows[0]._tr.get_or_add_trPr()
    header_props.append(OxmlElement("w:tblHeader"))
    for row in tb.rows:
        for cell, value in zip(_new_row(grid), row, strict=True):
            cell.text = value
    word.add_paragraph()


def _new_row(grid) -> list[_Cell]:  # type: ignore[no-untyped-def]
    """A new row's cells, taken straight from the row (`row.cells` re-reads the whole table)."""
    return [_Cell(tc, grid) for tc in grid.add_row()._tr.tc_lst]


def _page(word, doc: MinutesDocument) -> None:  # type: ignore[no-untyped-def]
    """A4 with margins, and the footer: the meeting and 'Side X af Y'."""
    section = word.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(17)
    section.top_margin, section.bottom_margin = Mm(18), Mm(20)
    word.styles["Normal"].font.size = Pt(10.5)
    footer = section.footer.paragraphs[0]
    footer.add_run(f"Beslutningsreferat {doc.meeting.ref} – fortroligt – side ")
    _field(footer, "PAGE")
    footer.add_run(" af ")
    _field(footer, "NUMPAGES")
    for run in footer.runs:
        run.font.size = Pt(8)


def _field(paragraph, code: str) -> None:  # type: ignore[no-untyped-def]
    """A Word field (PAGE, NUMPAGES) that Word fills in when it lays out the pages."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), code)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _moment(doc: MinutesDocument) -> dt.datetime:
    """The newest stored time in the document: the latest decision, else the meeting's date."""
    stored = [c.decision.created_at for c in doc.cases if c.decision]
    if stored:
        return dt.datetime.strptime(max(stored), "%Y-%m-%dT%H:%M:%SZ")
    return dt.datetime.fromisoformat(doc.meeting.date)


def _properties(word, doc: MinutesDocument) -> None:  # type: ignore[no-untyped-def]
    """Title, stamp and fixed dates: created = the meeting's date, modified/printed = the newest decision."""
    props = word.core_properties
    props.title, props.subject = t.title(doc), f"{doc.meeting.ref} {doc.meeting.date}"
    props.author = props.last_modified_by = "Visitation"
    props.category, props.language, props.version = "Beslutningsreferat", "da-DK", doc.format
    props.keywords, props.identifier = stamp(doc, cases=False), f"sha256:{doc.content_hash}"
    props.comments = f"Oplysningsniveau: {doc.privacy_label}"
    props.created = dt.datetime.fromisoformat(doc.meeting.date).replace(tzinfo=dt.UTC)
    props.modified = props.last_printed = _moment(doc).replace(tzinfo=dt.UTC)
    props.revision = 1


def fixed_zip(data: bytes, moment: dt.datetime) -> bytes:
    """The same zip with every member dated `moment`, in sorted order ([Content_Types].xml first)."""
    when = (max(moment.year, 1980), moment.month, moment.day, moment.hour, moment.minute, moment.second)
    source = zipfile.ZipFile(io.BytesIO(data))
    names = sorted(source.namelist(), key=lambda n: (n != "[Content_Types].xml", n))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in names:
            info = zipfile.ZipInfo(name, date_time=when)
            info.compress_type, info.create_system, info.external_attr = zipfile.ZIP_DEFLATED, 0, 0o644 << 16
            target.writestr(info, source.read(name), compresslevel=6)
    return out.getvalue()
