"""The issue-16 fixes a reader sees: line breaks kept in every format, each alternative once, the docket
saying the case's own outcome, no nested brackets, Danish Word with columns that fit (no word broken when
LibreOffice lays it out), the network map as a picture, and a self-contained line on stderr."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx

from tests.conftest import Cli
from tests.minutes.helpers import DECIDED, MEETING, changed, decide_three, text_of
from tests.minutes.tools import SOFFICE, need
from visitation.minutes import build, render
from visitation.services import decisions
from visitation.services.db import Db, open_db

LINES = "Første linje i begrundelsen\nAnden linje: hjemmet kan ikke give omsorgen"


def _decided_with_lines(db: Db) -> None:
    decide_three(db)
    current = decisions.current(db, DECIDED, MEETING)
    assert current is not None
    decisions.record(db, DECIDED, MEETING, changed(rationale=LINES), supersedes=current.id)


def test_line_breaks_in_free_text_are_kept_in_every_format(demo_db: Db) -> None:
    _decided_with_lines(demo_db)
    doc = build(demo_db, MEETING, "internal", case=DECIDED)
    first, second = LINES.split("\n")
    assert f"{first}\\\n  {second}" in render(doc, "md").decode()  # a hard break under the list item
    html = render(doc, "html").decode()
    assert f"<td>{first}\n{second}</td>" in html and "white-space: pre-line" in html
    body = zipfile.ZipFile(io.BytesIO(render(doc, "docx"))).read("word/document.xml").decode()
    assert f"{first}</w:t><w:br/><w:t xml:space=\"preserve\">{second}" in body


def test_each_alternative_once_with_every_reason(demo_db: Db) -> None:
    decide_three(demo_db)  # the decision names familiebehandling (step 3) again, with its own reason
    doc = build(demo_db, MEETING, "internal", case=DECIDED)
    keys = [(a.step, a.intervention) for a in doc.cases[0].alternatives]
    assert len(keys) == len(set(keys)) and (3, "familiebehandling") in keys
    row = next(a for a in doc.cases[0].alternatives if a.intervention == "familiebehandling")
    assert "Familiebehandlingen blev afbrudt" in row.reason and "Afprøvet uden effekt" in row.reason


def test_the_docket_says_the_outcome_as_the_case_does_and_no_brackets_nest(demo_db: Db) -> None:
    decide_three(demo_db)
    text = text_of(render(build(demo_db, MEETING, "full"), "md"), "md")
    assert "| Godkendt |" in text and "Besluttet |" not in text and "**Godkendt: trin" in text
    assert re.search(r"\([^()]*\(", text.replace("(AN)", "").replace("(NL)", "")) is None or "((" not in text
    assert "fuldt: med CPR, til sagen" in text and "fuldt (med CPR" not in text


def test_word_is_danish_with_fitted_columns_and_the_network_map_as_a_picture(demo_db: Db) -> None:
    decide_three(demo_db)
    data = render(build(demo_db, MEETING, "internal"), "docx")
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert 'w:lang w:val="da-DK"' in archive.read("word/styles.xml").decode()
    pictures = [n for n in archive.namelist() if n.startswith("word/media/") and n.endswith(".png")]
    assert len(pictures) == 4 and all(archive.read(n).startswith(b"\x89PNG") for n in pictures)
    word = docx.Document(io.BytesIO(data))
    assert len(word.inline_shapes) == 4
    ruler = next(t for t in word.tables if t.rows[0].cells[0].text == "Dato")
    widths = [c.width for c in ruler.columns]
    assert len(set(widths)) > 1  # not equal columns: "Beskyttende faktorer" gets room for its words


def test_no_word_is_broken_when_libreoffice_lays_out_the_word_file(demo_cli: Cli, sqlite_url: str,
                                                                   tmp_path: Path) -> None:
    import subprocess

    from visitation.minutes.content import pdf_pages

    office = need(SOFFICE)
    db = open_db(sqlite_url, "tester")
    decide_three(db)
    doc = build(db, MEETING, "internal")
    source = tmp_path / "referat.docx"
    source.write_bytes(render(doc, "docx"))
    profile = (tmp_path / ".lo").resolve().as_uri()
    subprocess.run([office, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir",
                    str(tmp_path), str(source)], check=True, capture_output=True, timeout=180)
    laid_out = "\n".join(pdf_pages((tmp_path / "referat.pdf").read_bytes()))
    tokens = set(re.findall(r"\w+", laid_out))
    words = {w for w in re.findall(r"\w{9,}", docx_words(source.read_bytes())) if not w.isdigit()}
    broken = sorted(w for w in words if w not in tokens)
    assert broken == [], broken[:10]


def docx_words(data: bytes) -> str:
    """The words of the Word file's paragraphs and cells, as python-docx reads them (hyphenated words split at
    the hyphen, where a line may break)."""
    from tests.minutes.helpers import docx_text

    return re.sub(r"[-/]", " ", docx_text(data))


def test_stderr_says_where_the_minutes_went_in_one_self_contained_line(demo_cli: Cli, tmp_path: Path) -> None:
    result = demo_cli("minutes", MEETING, "--format", "html", "-o", str(tmp_path / "r.html"), "--privacy", "full")
    assert result.exit_code == 0
    digest = result.stdout.strip()
    line = result.stderr.strip()
    assert len(digest) == 64 and len(line.splitlines()) == 1
    assert line.endswith(f"Indholdshash: {digest}.") and "Oplysningsniveau: fuldt: med CPR, til sagen." in line


def test_no_follow_up_label_carries_a_developers_note() -> None:
    """The labels the minutes print for follow-ups (law and profiles) say what is due, not why the code does it:
    the 1-year review once read "… – et revurderingstidspunkt, aldrig et automatisk ophør: …"."""
    import tomllib

    from visitation.paths import law_dir, profiles_dir

    labels = []
    for path in [*sorted(profiles_dir().glob("*.toml")), *sorted(law_dir().glob("*.toml"))]:
        labels += [f["label"] for f in tomllib.loads(path.read_text(encoding="utf-8")).get("followups", [])]
    assert len(labels) > 10
    assert [x for x in labels if "aldrig" in x or "automatisk" in x or " – et " in x] == []
