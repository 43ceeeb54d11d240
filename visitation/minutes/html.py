"""The minutes as one self-contained HTML file: print CSS for A4, a page per case, the network map in SVG.

Every piece of user text goes through `html.escape`; nothing is loaded from outside the file. Printed
(Chromium), each page's footer names the meeting, and on a case's pages the case (a named page per case
with its own margin boxes); blocks are kept together so no page holds only a stray row, a record line or
part of the stamp.
"""

from __future__ import annotations

from html import escape

from visitation.minutes import netmap
from visitation.minutes import text as t
from visitation.minutes.model import CaseMinutes, MinutesDocument, stamp

CSS = """
:root { --ink: #1a1a1a; --muted: #555; --rule: #9e9e9e; --shade: #f1f1f1; }
* { box-sizing: border-box; }
html { color: var(--ink); background: #fff; }
body { font-family: "Liberation Sans", Arial, Helvetica, sans-serif; font-size: 11pt; line-height: 1.45;
       max-width: 52rem; margin: 2rem auto; padding: 0 1.5rem; }
h1 { font-size: 19pt; margin: 0 0 .6rem; border-bottom: 2px solid var(--ink); padding-bottom: .3rem; }
h2 { font-size: 15pt; margin: 1.6rem 0 .5rem; }
h3 { font-size: 12pt; margin: 1.2rem 0 .35rem; border-bottom: 1px solid var(--rule); padding-bottom: .1rem; }
h4 { font-size: 11pt; margin: .8rem 0 .25rem; }
h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
p.draft { border: 2px dashed var(--ink); padding: .3rem .6rem; font-weight: 700; letter-spacing: .05em; }
table { border-collapse: collapse; width: 100%; margin: .3rem 0 .6rem; font-size: 10pt; }
th, td { border: 1px solid var(--rule); padding: .25rem .4rem; text-align: left; vertical-align: top;
         white-space: pre-line; overflow-wrap: break-word; }
thead th { background: var(--shade); }
tr, p, figure, .keep, footer.seal { break-inside: avoid; page-break-inside: avoid; }
section.decision, section.part:last-of-type { break-inside: avoid; page-break-inside: avoid; }
table.fields th { width: 30%; background: var(--shade); font-weight: 600; }
p.note { white-space: pre-line; }
p.empty { color: var(--muted); font-style: italic; }
p.status { border-left: 5px solid var(--ink); background: var(--shade); padding: .4rem .6rem; font-weight: 700;
           break-after: avoid; }
p.status.not_handled, p.status.postponed { border-left-style: dashed; }
p.record { color: var(--muted); font-size: 9pt; }
figure.map { margin: .4rem 0 .6rem; }
figure.map figcaption { font-size: 9pt; color: var(--muted); }
svg.netmap { width: 100%; height: auto; max-height: 110mm; }
svg .ring { fill: none; stroke: #9e9e9e; stroke-width: 1; }
svg .axis { stroke: #bdbdbd; stroke-width: 1; stroke-dasharray: 4 3; }
svg .child { fill: #fff; stroke: #1a1a1a; stroke-width: 2; }
svg .centre { font: 700 12px sans-serif; text-anchor: middle; }
svg .shape { stroke: #1a1a1a; stroke-width: 1; }
svg .candidate { fill: none; stroke: #1a1a1a; stroke-width: 1.6; }
svg .label { font: 11px sans-serif; fill: #1a1a1a; }
svg .halo { font: 11px sans-serif; fill: none; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
svg .sector { font: 700 12px sans-serif; fill: #424242; }
svg .legend { font: 11px sans-serif; fill: #1a1a1a; }
footer.seal { margin-top: 1rem; border-top: 1px solid var(--rule); font-size: 8.5pt; color: var(--muted);
              word-break: break-all; break-before: avoid; page-break-before: avoid; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; }
  a { color: inherit; text-decoration: none; }
}
"""
PAGE = """@page {name}{{ size: A4; margin: 18mm 16mm 20mm 16mm;
  @bottom-left {{ content: "{footer}"; font: 8pt "Liberation Sans", Arial, sans-serif; }}
  @bottom-right {{ content: "Side " counter(page) " af " counter(pages);
                   font: 8pt "Liberation Sans", Arial, sans-serif; }}
  {top}}}
"""


def _css_string(text: str) -> str:
    """Text as a CSS string's content (inside double quotes, inside <style>)."""
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3c ").replace("\n", " ")


def pages(doc: MinutesDocument) -> str:
    """The printed pages' footers: the meeting's on its own pages, and a named page per case naming the case
    (a case's pages start on a new page because the name changes); UDKAST at the top of every page of a draft."""
    top = (f'@top-center {{ content: "{t.DRAFT}"; font: 700 12pt "Liberation Sans", Arial, sans-serif; '
           f'letter-spacing: .2em; }}') if t.draft(doc) else ""
    out = [PAGE.format(name="", footer=_css_string(t.footer(doc, doc.cases[0] if doc.case and doc.cases else None)),
                       top=top)]
    if not doc.case:
        out += [PAGE.format(name=f"sag{c.position} ", footer=_css_string(t.footer(doc, c)), top=top)
                + f"section.case.n{c.position} {{ page: sag{c.position}; }}\n" for c in doc.cases]
    return "".join(out)


def render(doc: MinutesDocument) -> bytes:
    """The whole document."""
    head = (f'<!DOCTYPE html>\n<html lang="da">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<meta name="generator" content="{escape(doc.format)}">\n'
            f'<meta name="visitation-minutes" content="{escape(stamp(doc))}">\n'
            f'<meta name="content-hash" content="sha256:{escape(doc.content_hash)}">\n'
            f"<title>{escape(t.title(doc))} {escape(doc.meeting.ref)}</title>\n"
            f"<style>{CSS}{pages(doc)}</style>\n</head>\n<body>\n")
    draft = f'<p class="draft">{escape(t.draft_note())}</p>\n' if t.draft(doc) else ""
    body = [f"<header>\n<h1>{escape(t.title(doc))}</h1>\n{draft}{fields(t.meeting_fields(doc))}</header>\n",
            '<section class="meeting">\n']
    body += [section_html(s, "h2") for s in t.meeting_sections(doc)]
    body.append("</section>\n")
    body += [case_html(c, seal(doc) if i == len(doc.cases) - 1 else "") for i, c in enumerate(doc.cases)]
    if not doc.cases:
        body.append(seal(doc))
    return (head + "".join(body) + "</body>\n</html>\n").encode("utf-8")


def seal(doc: MinutesDocument) -> str:
    """The closing lines, kept together and with what comes before them (never a page of their own)."""
    digest, line = t.seal(doc)
    return f'<footer class="seal">\n<p>{escape(digest)}</p>\n<p>{escape(line)}</p>\n</footer>\n'


def case_html(c: CaseMinutes, end: str = "") -> str:
    """One case: a (named) page of its own when printed; `end` is the seal after the last case."""
    status = t.status_line(c)
    out = [f'<section class="case n{c.position}" id="sag-{escape(c.ref)}">\n<h2>{escape(t.case_title(c))}</h2>\n',
           f'<p class="status {escape(c.status)}">{escape(status.text)}</p>\n']
    out += [section_html(s, "h3", c) for s in t.case_sections(c)]
    out += [end, "</section>\n"]
    return "".join(out)


def section_html(section: t.Section, tag: str, case: CaseMinutes | None = None) -> str:
    """A titled section and its blocks, kept on one page when it fits; a decision's closing tables and record
    line are kept together."""
    sub = f"h{int(tag[1]) + 1}"
    blocks = [f"<{sub}>{escape(b.title)}</{sub}>\n" if isinstance(b, t.Sub) else block(b, case) for b in section.blocks]
    if section.title == "Beslutning" and len(blocks) > 3:
        blocks[-3:] = [f'<div class="keep">{"".join(blocks[-3:])}</div>\n']
    kind = "part decision" if section.title == "Beslutning" else "part"
    return f'<section class="{kind}">\n<{tag}>{escape(section.title)}</{tag}>\n{"".join(blocks)}</section>\n'


def block(b: t.Block, case: CaseMinutes | None) -> str:
    """One block."""
    if isinstance(b, t.Fields):
        return fields(b)
    if isinstance(b, t.Table):
        return table(b)
    if isinstance(b, t.Para):
        cls = "record" if b.text.startswith("Beslutning nr.") else "note"
        return f'<p class="{cls}">{escape(b.text)}</p>\n'
    if case is None:
        return ""
    caption = "Netværkskortet: ringe 1–3 (tættest inderst), fire sektorer; ● ressource, ▲ bekymring, ◆ begge, " \
              "ekstra ring = mulig anbringelses-/støtteressource."
    return f'<figure class="map">{netmap.svg(case)}<figcaption>{escape(caption)}</figcaption></figure>\n'


def fields(f: t.Fields) -> str:
    """Label–value pairs as a two-column table (line breaks in a value kept by `white-space: pre-line`)."""
    rows = "".join(f'<tr><th scope="row">{escape(label)}</th><td>{escape(value)}</td></tr>' for label, value in f.rows)
    return f'<table class="fields"><tbody>{rows}</tbody></table>\n'


def table(tb: t.Table) -> str:
    """A data table (its header repeated on each printed page), or the table's 'empty' sentence."""
    if not tb.rows:
        return f'<p class="empty">{escape(tb.empty)}</p>\n'
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in tb.headers)
    rows = "".join("<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>" for row in tb.rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>\n"
