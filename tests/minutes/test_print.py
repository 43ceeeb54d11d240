"""Must-show: headless Chromium prints a 20-case meeting (A4, from the HTML's own print CSS). Read back page
by page (pypdf): no page's text is only a table row, a decision's record line or part of the stamp; every
page names the meeting, and a case's pages name the case. `--case` prints no meeting cover and does not end
on a page holding only the hash."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.minutes import build_meeting
from tests.minutes.tools import print_pdf
from visitation.minutes import build, render
from visitation.minutes import text as t
from visitation.minutes.content import pdf_pages, squeeze
from visitation.minutes.model import MinutesDocument
from visitation.services.db import Db, open_db


@pytest.fixture
def big(tmp_path: Path) -> tuple[Db, str]:
    """A meeting of 20 demo-like cases, each decided, referred or postponed (as the benchmark builds it)."""
    path = tmp_path / "big.db"
    meeting = build_meeting(path, 20)
    return open_db(f"sqlite:///{path}", "tester"), meeting


def units(doc: MinutesDocument) -> list[str]:
    """Everything that must never be a page of its own: each table row and field row (with or without its
    table's header), each decision's record line, and the seal (hash and stamp)."""
    found = [squeeze(line) for line in t.seal(doc)]
    sections = [*t.meeting_sections(doc), *(s for c in doc.cases for s in t.case_sections(c))]
    for block in (b for s in sections for b in s.blocks):
        if isinstance(block, t.Fields):
            found += [squeeze(label + value) for label, value in block.rows]
        elif isinstance(block, t.Table):
            found += [squeeze("".join(block.headers) + "".join(row)) for row in block.rows]
            found += [squeeze("".join(row)) for row in block.rows]
        elif isinstance(block, t.Para):
            found.append(squeeze(block.text))
    found.append(squeeze("".join(t.seal(doc))))
    return found


def body(page: str, number: int, total: int, doc: MinutesDocument) -> str:
    """A page's own text: without its footer, page number and the UDKAST mark."""
    text = squeeze(page.replace(f"Side {number} af {total}", "", 1))
    for noise in sorted({squeeze(t.footer(doc, c)) for c in (None, *doc.cases)}, key=len, reverse=True):
        text = text.replace(noise, "")
    return text.replace(t.DRAFT, "")


def strays(pages: list[str], doc: MinutesDocument) -> list[tuple[int, str]]:
    """The pages whose text is no more than one row, one record line or (part of) the seal."""
    known = units(doc)
    found = []
    for n, page in enumerate(pages, start=1):
        own = body(page, n, len(pages), doc)
        if not own or any(own in unit for unit in known):
            found.append((n, own[:120]))
    return found


def test_a_20_case_meeting_prints_without_stray_pages_and_every_page_names_it(big: tuple[Db, str],
                                                                              tmp_path: Path) -> None:
    db, meeting = big
    doc = build(db, meeting, "internal")
    assert len(doc.cases) == 20
    html = tmp_path / "referat.html"
    html.write_bytes(render(doc, "html"))
    pages = pdf_pages(print_pdf(html, tmp_path / "referat.pdf"))
    assert len(pages) > 20
    assert strays(pages, doc) == []
    named = squeeze(f"Beslutningsreferat {meeting}")
    assert [n for n, page in enumerate(pages, start=1) if named not in squeeze(page)] == []
    for case in doc.cases:  # the page a case starts on names it in its footer
        start = next(page for page in pages if squeeze(t.case_title(case)) in squeeze(page))
        assert squeeze(t.footer(doc, case)) in squeeze(start), case.ref
    decisions = [c for c in doc.cases if c.decision is not None]
    for case in decisions:  # a decision's record line is on a page with more of its decision
        record = squeeze(next(b.text for b in t.decision(case).blocks if isinstance(b, t.Para)))
        page = next(p for p in pages if record in squeeze(p))
        assert squeeze("Ansvarlig rådgiver") in squeeze(page), case.ref


def test_one_case_prints_without_the_meeting_cover_and_the_hash_is_not_alone(big: tuple[Db, str],
                                                                            tmp_path: Path) -> None:
    db, meeting = big
    doc = build(db, meeting, "internal", case="2027-B003")
    html = tmp_path / "sag.html"
    html.write_bytes(render(doc, "html"))
    pages = pdf_pages(print_pdf(html, tmp_path / "sag.pdf"))
    assert squeeze(t.case_title(doc.cases[0])) in squeeze(pages[0])  # the case starts on the first page
    assert squeeze("Dagsorden") not in squeeze("".join(pages))  # no other child's name: no docket
    assert strays(pages, doc) == []
    assert all(squeeze(t.footer(doc, doc.cases[0])) in squeeze(page) for page in pages)
