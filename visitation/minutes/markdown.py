"""The minutes as Markdown (CommonMark with pipe tables): for the TUI's Referat step and plain files."""

from __future__ import annotations

import re

from visitation.minutes import text as t
from visitation.minutes.model import MinutesDocument

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")
ITEM_BREAK = "\\\n  "
"""A hard break inside a list item: the next line indented under the item."""


def esc(value: str, br: str = "\\\n") -> str:
    """User text made inert: Markdown specials escaped, each line break kept as a hard break inside the block
    (`br`: a backslash break in a paragraph, indented under a list item, `<br>` in a table cell)."""
    lines = _SPECIAL.sub(r"\\\1", value).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return br.join(line.strip() for line in lines)


def render(doc: MinutesDocument) -> bytes:
    """The whole document."""
    out = [f"# {esc(t.title(doc))}", "", *fields(t.meeting_fields(doc)), ""]
    for section in t.meeting_sections(doc):
        out += section_lines(section, "##")
    for case in doc.cases:
        out += ["---", "", f"## {esc(t.case_title(case))}", "", *block(t.status_line(case))]
        for section in t.case_sections(case):
            out += section_lines(section, "###")
    digest, seal = t.seal(doc)
    out += ["---", "", f"{esc(digest.split(': ')[0])}: `{doc.content_hash}`  ", f"`{seal.split(': ', 1)[1]}`", ""]
    return "\n".join(out).encode("utf-8")


def section_lines(section: t.Section, level: str) -> list[str]:
    """A titled section."""
    lines = [f"{level} {esc(section.title)}", ""]
    for b in section.blocks:
        lines += [f"{level}# {esc(b.title)}", ""] if isinstance(b, t.Sub) else block(b)
    return lines


def block(b: t.Block) -> list[str]:
    """One block, followed by a blank line (the map is drawn only in HTML)."""
    if isinstance(b, t.Fields):
        return [*fields(b), ""]
    if isinstance(b, t.Table):
        return [*table(b), ""]
    if isinstance(b, t.Para):
        return [f"**{esc(b.text)}**" if b.strong else esc(b.text), ""]
    return []


def fields(f: t.Fields) -> list[str]:
    """Label–value pairs as a list."""
    return [f"- **{esc(label)}:** {esc(value, ITEM_BREAK)}" for label, value in f.rows]


def table(tb: t.Table) -> list[str]:
    """A pipe table, or the table's 'empty' sentence."""
    if not tb.rows:
        return [f"*{esc(tb.empty)}*"]
    lines = ["| " + " | ".join(esc(h) for h in tb.headers) + " |", "|" + "---|" * len(tb.headers)]
    lines += ["| " + " | ".join(esc(cell, "<br>") for cell in row) + " |" for row in tb.rows]
    return lines
