"""Must-show: `--verify` checks the content, not the bytes. A Word file re-saved by python-docx (with the
properties a case system adds) and by LibreOffice, re-indented JSON, Markdown with CRLF and a PDF printed
from the HTML by headless Chromium all verify; one changed word in each does not, and the message names
the case that changed."""

from __future__ import annotations

import io
import json
from pathlib import Path

import docx
import pytest

from tests.conftest import Cli
from tests.minutes.helpers import DECIDED, MEETING, changed, decide_three
from tests.minutes.tools import libreoffice_resave, print_pdf
from visitation.minutes import build, render, verify
from visitation.services import decisions
from visitation.services.db import Db, open_db

WORD, NEW_WORD = "PPR ville først afprøve netværkspleje.", "PPR ville straks afprøve netværkspleje."
"""The decided case's dissent (said of that case only), and the one-word change made to it."""
NAMED = f"ændret: sag {DECIDED}"


@pytest.fixture
def decided(demo_db: Db) -> Db:
    decide_three(demo_db)
    return demo_db


@pytest.fixture
def local(tmp_path: Path) -> Db:
    """A SQLite demo database with the three decisions (for the tests that run Chromium or LibreOffice)."""
    from visitation.services import demo

    db = open_db(f"sqlite:///{tmp_path / 'local.db'}", "tester")
    demo.load(db)
    decide_three(db)
    return db


def _ok(db: Db, data: bytes) -> None:
    result = verify(db, data)
    assert result, result.message


def _names_the_case(db: Db, data: bytes) -> None:
    result = verify(db, data)
    assert not result and "Filen er ændret" in result.message, result.message
    assert result.message.count("sag ") == 1 and NAMED in result.message, result.message


def _edit_docx(data: bytes, **properties: str) -> bytes:
    """Open and save with python-docx, as a case system's check-in would: properties added, and (if asked)
    one word of the dissent changed."""
    word = docx.Document(io.BytesIO(data))
    for name, value in properties.items():
        setattr(word.core_properties, name, value)
    if properties.get("comments") == "change":
        cells = [p for t in word.tables for row in t.rows for c in row.cells for p in c.paragraphs]
        target = next(p for p in cells if p.text == WORD)
        target.runs[0].text = NEW_WORD
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def test_a_docx_resaved_by_python_docx_with_a_case_systems_properties_verifies(decided: Db) -> None:
    original = render(build(decided, MEETING, "internal"), "docx")
    resaved = _edit_docx(original, subject="Journalnr. 27.12.00-G01-1-26", category="Journaliseret",
                         comments="Indlæst af ESDH 2026-11-25")
    assert resaved != original
    _ok(decided, resaved)
    _names_the_case(decided, _edit_docx(original, comments="change"))


def test_a_docx_resaved_by_libreoffice_verifies(local: Db, tmp_path: Path) -> None:
    source = tmp_path / "referat.docx"
    source.write_bytes(render(build(local, MEETING, "full"), "docx"))
    resaved = libreoffice_resave(source, tmp_path / "lo")
    assert resaved != source.read_bytes()
    _ok(local, resaved)
    _names_the_case(local, _edit_docx(resaved, comments="change"))


def test_reindented_json_verifies_and_a_changed_word_is_named(decided: Db) -> None:
    original = render(build(decided, MEETING, "internal"), "json")
    body = json.loads(original)
    _ok(decided, json.dumps(body, indent=4, ensure_ascii=True).encode())
    _ok(decided, json.dumps(body, separators=(",", ":"), sort_keys=True).encode())
    _names_the_case(decided, original.replace(WORD.encode(), NEW_WORD.encode()))


def test_crlf_markdown_verifies_and_a_changed_word_is_named(decided: Db) -> None:
    original = render(build(decided, MEETING, "internal"), "md")
    _ok(decided, original.replace(b"\n", b"\r\n"))
    _ok(decided, original.replace(b"\n", b"  \r\n"))  # trailing spaces an editor might leave
    _names_the_case(decided, original.replace(b"\n", b"\r\n").replace(WORD.encode(), NEW_WORD.encode()))


def test_html_reindented_verifies_and_a_changed_word_is_named(decided: Db) -> None:
    original = render(build(decided, MEETING, "internal"), "html")
    _ok(decided, original.replace(b">\n<", b">\r\n    <"))
    _names_the_case(decided, original.replace(WORD.encode(), NEW_WORD.encode()))


def test_a_pdf_printed_from_the_html_by_chromium_verifies(local: Db, tmp_path: Path) -> None:
    html = tmp_path / "referat.html"
    html.write_bytes(render(build(local, MEETING, "internal"), "html"))
    pdf = print_pdf(html, tmp_path / "referat.pdf")
    assert pdf.startswith(b"%PDF-")
    _ok(local, pdf)
    edited = tmp_path / "rettet.html"
    edited.write_bytes(html.read_bytes().replace(WORD.encode(), NEW_WORD.encode()))
    _names_the_case(local, print_pdf(edited, tmp_path / "rettet.pdf"))


def test_a_changed_database_is_named_by_case(decided: Db) -> None:
    kept = render(build(decided, MEETING, "internal"), "md")
    current = decisions.current(decided, DECIDED, MEETING)
    assert current is not None
    decisions.record(decided, DECIDED, MEETING, changed(purpose="En tryg og god hverdag"), supersedes=current.id)
    result = verify(decided, kept)
    assert not result and "passer ikke længere med databasen" in result.message
    assert NAMED in result.message and result.message.count("sag ") == 1, result.message


def test_cli_verify_of_a_pdf_exits_1_naming_the_case(demo_cli: Cli, sqlite_url: str, tmp_path: Path) -> None:
    db = open_db(sqlite_url, "tester")
    decide_three(db)
    html = tmp_path / "r.html"
    assert demo_cli("minutes", MEETING, "--format", "html", "-o", str(html)).exit_code == 0
    html.write_bytes(html.read_bytes().replace(WORD.encode(), NEW_WORD.encode()))
    pdf = tmp_path / "r.pdf"
    print_pdf(html, pdf)
    result = demo_cli("minutes", "--verify", str(pdf))
    assert result.exit_code == 1 and NAMED in result.stderr and len(result.stderr.strip().splitlines()) == 1
