"""`case list --search`: the index gives exactly the cases a plain substring test gives, on both databases."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import inspect

from visitation.services import cases
from visitation.services.db import Db, open_db
from visitation.store import search as search_index

PEOPLE = [
    ("Åse Øster-Ærø", "Mette Holm", "Munkebo Skole, 2.b"),
    ("Liva Jensen", "Ole Berg", "Børnehuset Mariehønen"),
    ("Noah 100% Hansen", "Ali Demir", "Tårs skole, 0.a"),
    ("Emma Under_Score", "Mette Holm", "Skovly \"Frøgruppen\""),
    ("Oscar O'Brien", "Karin Friis", "Engdalskolen, 9.c"),
    ("Zoë Ahmed", "Ole Berg", "Naturbørnehaven Skovly"),
]


def _db(db_url: str) -> Db:
    db = open_db(db_url, "tester")
    for n, (name, worker, school) in enumerate(PEOPLE):
        cases.add(db, name=name, birth_date=dt.date(2015 + n, 1, 2), caseworker=worker, school=school,
                  ref=f"S-{n:03d}")
    return db


def _naive(db: Db, needle: str) -> list[str]:
    everything = cases.search(db, limit=1000, audit_read=False)
    texts = {c.ref: cases.search_text(c.ref, _child(c), c.caseworker, PEOPLE[int(c.ref[2:])][2]) for c in everything}
    return sorted((ref for ref, t in texts.items() if needle.lower() in t), reverse=True)


def _child(row):  # type: ignore[no-untyped-def]
    from visitation.domain.casefile import Child

    return Child(name=row.name, initials=row.initials, birth_date=dt.date(2000, 1, 1))


def _found(db: Db, needle: str) -> list[str]:
    return [c.ref for c in cases.search(db, text=needle, limit=1000, audit_read=False)]


NEEDLES = ["a", "ø", "je", "jensen", "JENSEN", "åse", "øster-ærø", "100%", "%", "_", "under_s", "o'b",
           '"frøgruppen"', "skovly", "s-00", "s-003", "mette holm", "holm munkebo", "2.b", "zoë", "xyz", "  "]


def test_the_index_answers_like_a_substring_test(db_url: str) -> None:
    db = _db(db_url)
    for needle in NEEDLES:
        assert _found(db, needle) == _naive(db, needle), needle


def test_a_changed_name_is_found_by_its_new_name_only(db_url: str) -> None:
    db = _db(db_url)
    with db.write() as session:
        from sqlmodel import select

        from visitation.store.models import Case
        case = session.exec(select(Case).where(Case.ref == "S-001")).one()
        case.search_text = case.search_text.replace("liva jensen", "liva kirkegaard")
        session.add(case)
    assert _found(db, "kirkegaard") == ["S-001"]
    assert _found(db, "jensen") == []


def test_the_index_exists_where_the_database_can_have_it(db_url: str) -> None:
    db = _db(db_url)
    with db.engine.connect() as conn:
        names = inspect(conn).get_table_names()
        if db.engine.dialect.name == "sqlite":
            assert (search_index.FTS_TABLE in names) == search_index.SQLITE_HAS_TRIGRAM
        else:
            indexes = {i["name"] for i in inspect(conn).get_indexes("case")}
            assert search_index.PG_INDEX in indexes


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(needle=st.text(alphabet="abcdeijlnorsæøå -_%'\".0123456789", min_size=1, max_size=6))
def test_any_needle_agrees_with_the_substring_test(sqlite_url: str, needle: str) -> None:
    db = _SHARED.get(sqlite_url) or _SHARED.setdefault(sqlite_url, _db(sqlite_url))
    assert _found(db, needle) == _naive(db, needle)


_SHARED: dict[str, Db] = {}


def test_a_common_needle_walks_the_references_and_finds_the_same_page(db_url: str,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """A needle with `COMMON` matches or more is looked for along the reference index (stops after a page):
    the same cases, in the same order, as through the index."""
    db = _db(db_url)
    through_index = {needle: _found(db, needle) for needle in NEEDLES}
    monkeypatch.setattr(search_index, "COMMON", 1)
    for needle in NEEDLES:
        assert _found(db, needle) == through_index[needle] == _naive(db, needle), needle
    assert [c.ref for c in cases.search(db, text="skov", limit=1, audit_read=False)] == ["S-005"]
