"""WordprocessingML for the minutes, written as text in bulk: paragraphs, tables with fitted columns, pictures,
and the package's fixed parts (Danish styles, settings).

python-docx built the document row by row (about 400 ms for a 20-case meeting); the same XML written as
strings takes a few milliseconds. python-docx still reads the files (`--verify`, the tests).
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape, quoteattr

MM = 56.7
"""Twips per millimetre."""
TEXT_WIDTH = 176
"""The text width in mm: A4 less 17 mm margins."""
EMU_MM = 36000
CHAR_MM = 1.95
"""The width of an average character at 10 pt (Liberation Sans / Arial), in mm; bold a little wider."""
CELL_PAD_MM = 2.6
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")

NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
      'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
      'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"')
HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def runs(text: str, bold: bool = False, italic: bool = False, size: float | None = None) -> str:
    """A run of text; each line break in it a `w:br`, so free text keeps its lines as in every format."""
    props = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "") + (
        f'<w:sz w:val="{int(size * 2)}"/>' if size else "")
    lines = _CONTROL.sub("", text).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    body = "<w:br/>".join(f'<w:t xml:space="preserve">{escape(line)}</w:t>' for line in lines)
    return f"<w:r>{f'<w:rPr>{props}</w:rPr>' if props else ''}{body}</w:r>"


def para(text: str = "", style: str = "", *, bold: bool = False, italic: bool = False, size: float | None = None,
         page_break: bool = False, keep_next: bool = False) -> str:
    """A paragraph in a style (by id: Title, Heading1 …)."""
    props = (f'<w:pStyle w:val="{style}"/>' if style else "") + ("<w:keepNext/>" if keep_next else "") + (
        "<w:pageBreakBefore/>" if page_break else "")
    inner = runs(text, bold, italic, size) if text else ""
    return f"<w:p>{f'<w:pPr>{props}</w:pPr>' if props else ''}{inner}</w:p>"


def widths(rows: list[tuple[str, ...]], bold_first_column: bool = False) -> list[float]:
    """Column widths in mm that fit the content: each column at least as wide as its longest word (so no word
    is broken), the rest of the width shared by how much text each column holds."""
    cols = len(rows[0])
    longest = [0.0] * cols
    amount = [0.0] * cols
    for n, row in enumerate(rows):
        for i, cell in enumerate(row):
            wide = 1.1 if n == 0 or (bold_first_column and i == 0) else 1.0
            longest[i] = max(longest[i], max(map(len, cell.split()), default=0) * wide)
            amount[i] = max(amount[i], min(len(cell), 90) * wide)
    least = [w * CHAR_MM + CELL_PAD_MM for w in longest]
    if sum(least) >= TEXT_WIDTH:
        return [TEXT_WIDTH * w / sum(least) for w in least]
    want = [max(a * CHAR_MM + CELL_PAD_MM - m, 0.0) for a, m in zip(amount, least, strict=True)]
    spare = TEXT_WIDTH - sum(least)
    if sum(want) <= spare:
        grow = [w + (spare - sum(want)) / cols for w in want]
    else:
        grow = [spare * w / sum(want) for w in want]
    return [m + g for m, g in zip(least, grow, strict=True)]


def table(rows: list[tuple[str, ...]], header: bool, label_column: bool = False) -> str:
    """A table in the 'Table Grid' style, fixed layout with fitted widths; rows never split over pages; the
    header row (bold) repeats on each page; a label column is bold."""
    grid = [round(w * MM) for w in widths(rows, label_column)]
    out = [f'<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="{sum(grid)}" w:type="dxa"/>'
           '<w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" '
           'w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>',
           "".join(f'<w:gridCol w:w="{w}"/>' for w in grid), "</w:tblGrid>"]
    for n, row in enumerate(rows):
        head = header and n == 0
        out.append("<w:tr><w:trPr><w:cantSplit/>" + ("<w:tblHeader/>" if head else "") + "</w:trPr>")
        for i, (cell, w) in enumerate(zip(row, grid, strict=True)):
            shade = '<w:shd w:val="clear" w:color="auto" w:fill="F1F1F1"/>' if head or (label_column and i == 0) else ""
            out.append(f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/>{shade}</w:tcPr>'
                       f'<w:p><w:pPr><w:spacing w:after="0"/></w:pPr>{runs(cell, head or (label_column and i == 0))}'
                       "</w:p></w:tc>")
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def picture(rel: str, number: int, name: str, description: str, width_mm: float, height_mm: float) -> str:
    """An inline picture (a PNG in the package, by relationship id)."""
    cx, cy = round(width_mm * EMU_MM), round(height_mm * EMU_MM)
    return (f'<w:p><w:pPr><w:keepNext/></w:pPr><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">'
            f'<wp:extent cx="{cx}" cy="{cy}"/><wp:docPr id="{number}" name={quoteattr(name)} '
            f'descr={quoteattr(description)}/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/>'
            '</wp:cNvGraphicFramePr><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/'
            f'picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="{number}" name={quoteattr(name)}/><pic:cNvPicPr/>'
            f'</pic:nvPicPr><pic:blipFill><a:blip r:embed="{rel}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
            f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect">'
            "<a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>")


def field(code: str) -> str:
    """A Word field (PAGE, NUMPAGES) that Word fills in when it lays out the pages."""
    return f'<w:fldSimple w:instr="{code}"><w:r><w:t>1</w:t></w:r></w:fldSimple>'


def _style(kind: str, sid: str, name: str, ppr: str = "", rpr: str = "", extra: str = "") -> str:
    return (f'<w:style w:type="{kind}" w:styleId="{sid}"><w:name w:val="{name}"/>{extra}'
            + (f"<w:pPr>{ppr}</w:pPr>" if ppr else "") + (f"<w:rPr>{rpr}</w:rPr>" if rpr else "") + "</w:style>")


def _heading(level: int, size: float, before: int) -> str:
    return _style("paragraph", f"Heading{level}", f"heading {level}",
                  f'<w:keepNext/><w:keepLines/><w:spacing w:before="{before}" w:after="80"/>'
                  f'<w:outlineLvl w:val="{level - 1}"/>', f'<w:b/><w:sz w:val="{int(size * 2)}"/>',
                  '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/>')


STYLES = HEAD + (
    f'<w:styles {NS}><w:docDefaults><w:rPrDefault><w:rPr>'
    '<w:rFonts w:ascii="Liberation Sans" w:hAnsi="Liberation Sans" w:eastAsia="Liberation Sans" '
    'w:cs="Liberation Sans"/>'
    '<w:sz w:val="21"/><w:szCs w:val="21"/><w:lang w:val="da-DK" w:eastAsia="da-DK" w:bidi="ar-SA"/>'
    '</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/>'
    "</w:pPr></w:pPrDefault></w:docDefaults>"
    + _style("paragraph", "Normal", "Normal", extra='<w:qFormat/>').replace('<w:style ', '<w:style w:default="1" ', 1)
    + _style("paragraph", "Title", "Title", '<w:keepNext/><w:spacing w:after="160"/>', '<w:b/><w:sz w:val="38"/>',
             '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>')
    + _heading(1, 15, 360) + _heading(2, 12.5, 240) + _heading(3, 11, 160) + _heading(4, 10.5, 120)
    + _style("paragraph", "Header", "header", '<w:spacing w:after="0"/>', "", '<w:basedOn w:val="Normal"/>')
    + _style("paragraph", "Footer", "footer", '<w:spacing w:after="0"/>', '<w:sz w:val="16"/>',
             '<w:basedOn w:val="Normal"/>')
    + '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr>'
    '<w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
    '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
    '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/>'
    '<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="19"/></w:rPr><w:tblPr>'
    '<w:tblBorders>' + "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="9E9E9E"/>'
                               for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    + '</w:tblBorders><w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="70" w:type="dxa"/>'
    '<w:bottom w:w="40" w:type="dxa"/><w:right w:w="70" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
    "</w:styles>")
"""Danish (da-DK) throughout: the document defaults carry the language, so Word and LibreOffice spell-check
in Danish."""

SETTINGS = HEAD + (
    '<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:defaultTabStop w:val="709"/><w:hyphenationZone w:val="425"/><w:characterSpacingControl w:val="doNotCompress"/>'
    '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" '
    'w:val="15"/></w:compat><w:themeFontLang w:val="da-DK"/></w:settings>')

CONTENT_TYPES = HEAD + (
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>'
    + "".join(f'<Override PartName="/{part}" ContentType="{kind}"/>' for part, kind in (
        ("word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"),
        ("word/styles.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"),
        ("word/settings.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"),
        ("word/header1.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"),
        ("word/footer1.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"),
        ("docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
        ("docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml")))
    + "</Types>")

REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
PACKAGE_RELS = HEAD + (
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{REL}officeDocument" Target="word/document.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/'
    'core-properties" Target="docProps/core.xml"/>'
    f'<Relationship Id="rId3" Type="{REL}extended-properties" Target="docProps/app.xml"/></Relationships>')

APP = HEAD + ('<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
              "<Application>Visitation</Application></Properties>")


def document_rels(pictures: int) -> str:
    """The document's relationships: styles, settings, header, footer and one per picture (rIdMap1 …)."""
    fixed = (("rIdStyles", "styles", "styles.xml"), ("rIdSettings", "settings", "settings.xml"),
             ("rIdHeader", "header", "header1.xml"), ("rIdFooter", "footer", "footer1.xml"))
    found = [(rid, kind, target) for rid, kind, target in fixed]
    found += [(f"rIdMap{n}", "image", f"media/netvaerk{n}.png") for n in range(1, pictures + 1)]
    return HEAD + ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   + "".join(f'<Relationship Id="{rid}" Type="{REL}{kind}" Target="{target}"/>'
                             for rid, kind, target in found) + "</Relationships>")
