"""Cases: create, search, show, and the case file round trip."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path

import pytest

from tests.services.helpers import counts
from visitation.domain.privacy import Privacy
from visitation.errors import InvalidInput, NotFound
from visitation.paths import demo_dir
from visitation.services import audit, casefiles, cases
from visitation.services.db import Db, open_db


def test_add_and_show_masks_cpr(db: Db) -> None:
    cid = cases.add(db, name="Liva Jensen", birth_date=dt.date(2018, 4, 11), cpr="110418-4002",
                    caseworker="Mette Holm", step=2)
    shown = cases.show(db, str(cid))
    assert (shown.ref, shown.initials, shown.step, shown.cpr) == (
        f"{dt.date.today().year}-0001", "LJ", 2, "110418-xxxx")
    assert [e.action for e in audit.events(db, cid)] == ["create", "read"]


def test_cpr_must_match_birth_date(db: Db) -> None:
    with pytest.raises(InvalidInput, match="--cpr"):
        cases.add(db, name="A B", birth_date=dt.date(2018, 4, 12), cpr="110418-4002")
    assert counts(db)["case"] == 0


def test_search_by_name_initials_and_ref(demo_db: Db) -> None:
    assert {r.ref for r in cases.search(demo_db, text="2026-0109")} == {"2026-0109"}
    by_caseworker = cases.search(demo_db, caseworker="Mette Holm")
    assert by_caseworker and all(r.caseworker == "Mette Holm" for r in by_caseworker)
    assert cases.search(demo_db, text="ingen-saadan-sag") == []
    assert all(r.step == 3 for r in cases.search(demo_db, step=3))


def test_search_escapes_like_wildcards(demo_db: Db) -> None:
    assert cases.search(demo_db, text="%") == []
    assert cases.search(demo_db, text="_") == []


def test_unknown_case_is_not_found(db: Db) -> None:
    with pytest.raises(NotFound):
        cases.show(db, "2099-9999")


def _demo_file(ref: str) -> dict:
    return json.loads((demo_dir() / "cases" / f"{ref}.json").read_text(encoding="utf-8"))


def test_import_export_import_gives_the_same_case(db: Db, tmp_path: Path) -> None:
    original = _demo_file("2026-0110")
    cid = casefiles.import_data(db, original)
    first = casefiles.export(db, str(cid), Privacy.FULL)
    other = open_db(f"sqlite:///{tmp_path / 'other.db'}", "tester")
    casefiles.import_data(other, first)
    second = casefiles.export(other, first["ref"], Privacy.FULL)
    assert first == second
    assert first["child"]["cpr"] == original["child"]["cpr"]
    assert len(first["network"]) == len(original["network"])
    assert casefiles.export(db, str(cid))["child"]["cpr"] is None


def test_import_validates_everything_before_writing(db: Db) -> None:
    bad = copy.deepcopy(_demo_file("2026-0101"))
    bad["network"][2]["ring"] = 4
    before = counts(db)
    with pytest.raises(InvalidInput, match=r"^network\[2\]\.ring: skal være 1, 2 eller 3$"):
        casefiles.import_data(db, bad)
    assert counts(db) == before


def test_import_unknown_intervention_writes_nothing(db: Db) -> None:
    bad = copy.deepcopy(_demo_file("2026-0109"))
    bad["alternatives"][0]["intervention"] = "hokus-pokus"
    before = counts(db)
    with pytest.raises(InvalidInput, match=r"alternatives\[0\]\.intervention"):
        casefiles.import_data(db, bad)
    assert counts(db) == before


def test_duplicate_ref_is_refused(db: Db) -> None:
    casefiles.import_data(db, _demo_file("2026-0101"))
    before = counts(db)
    with pytest.raises(InvalidInput, match="findes allerede"):
        casefiles.import_data(db, _demo_file("2026-0101"))
    assert counts(db) == before


def test_oversized_file_is_refused_unread(tmp_path: Path, db: Db) -> None:
    big = tmp_path / "big.json"
    big.write_bytes(b" " * (casefiles.MAX_FILE_BYTES + 1))
    with pytest.raises(InvalidInput, match="for stor"):
        casefiles.import_file(db, big)
