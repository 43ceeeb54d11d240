"""`case add|show|list|import|export`, `network add|list`: output, privacy, the database."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path

import pytest

from tests.cli.helpers import as_json, case_file, copied_sqlite_url, fails, fingerprint, ok, out_id
from tests.conftest import Cli
from tests.history_example import HISTORY, NO_METHODS, changed, history
from visitation.paths import demo_dir

sqlite_url = copied_sqlite_url
"""Every test here starts from a copy of an empty, migrated database."""


CPR = "110418-4932"  # passes modulus 11 (worked by hand in tests/domain/test_cpr.py)
CPR_NO_MOD11 = "110418-4933"
DEMO = [
    json.loads(p.read_text(encoding="utf-8")) for p in sorted((demo_dir() / "cases").glob("*.json"))
]


def test_case_add_prints_only_the_id(cli: Cli) -> None:
    result = cli(
        "case",
        "add",
        "--name",
        "Liva Marie Jensen",
        "--birth-date",
        "2018-04-11",
        "--cpr",
        CPR,
        "--caseworker",
        "Mette Holm",
        "--school",
        "Munkebo Skole",
        "--reason",
        "Underretning",
        "--step",
        "2",
    )
    case_id = out_id(result)
    assert result.stderr == ""
    [row] = as_json(cli("case", "list", "--json"))
    year = dt.date.today().year
    assert row == {
        "id": case_id,
        "ref": f"{year}-0001",
        "name": "Liva Marie Jensen",
        "initials": "LMJ",
        "age": _age(dt.date(2018, 4, 11)),
        "step": 2,
        "caseworker": "Mette Holm",
        "status": "open",
        "profile": "socialstyrelsen",
    }
    second = out_id(cli("case", "add", "--name", "Bo Berg", "--birth-date", "2015-01-02"))
    assert second != case_id
    assert {r["ref"] for r in as_json(cli("case", "list", "--json"))} == {
        f"{year}-0001",
        f"{year}-0002",
    }


def _age(born: dt.date) -> int:
    today = dt.date.today()
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def test_cpr_without_modulus_11_is_accepted_with_a_warning(cli: Cli) -> None:
    result = cli(
        "case", "add", "--name", "Liva Jensen", "--birth-date", "2018-04-11", "--cpr", CPR_NO_MOD11
    )
    case_id = out_id(result)
    assert "modulus 11" in result.stderr and "4933" not in result.stderr
    assert as_json(cli("case", "show", str(case_id), "--json"))["cpr"] == "110418-xxxx"


def test_case_show_masks_the_cpr(cli: Cli) -> None:
    case_id = out_id(
        cli(
            "case", "add", "--name", "Liva Marie Jensen", "--birth-date", "2018-04-11", "--cpr", CPR
        )
    )
    outputs = [
        cli("case", "show", str(case_id)),
        cli("case", "show", str(case_id), "--json"),
        cli("case", "list"),
        cli("case", "list", "--json"),
        cli("case", "export", str(case_id)),
        cli("audit", str(case_id), "--json"),
        cli("audit"),
    ]
    for result in outputs:
        ok(result)
        assert "4932" not in result.output, result.output
    text = outputs[0].stdout
    assert "CPR 110418-xxxx" in text and "Liva Marie Jensen (LMJ)" in text
    assert as_json(outputs[1])["cpr"] == "110418-xxxx"
    assert json.loads(outputs[4].stdout)["child"]["cpr"] is None  # internal export: no CPR
    # Only an explicit full export carries the number.
    assert (
        json.loads(ok(cli("case", "export", str(case_id), "--privacy", "full")))["child"]["cpr"]
        == CPR
    )


def test_case_show_by_ref_and_age_facts(cli: Cli) -> None:
    ten_today = dt.date.today().replace(year=dt.date.today().year - 10)
    if (dt.date.today().month, dt.date.today().day) == (2, 29):  # pragma: no cover - a leap-day run
        ten_today = ten_today.replace(day=28)
    case_id = out_id(
        cli(
            "case",
            "add",
            "--name",
            "Ida Holm",
            "--birth-date",
            ten_today.isoformat(),
            "--ref",
            "S-7",
        )
    )
    data = as_json(cli("case", "show", "S-7", "--json"))
    assert data["id"] == case_id and data["age"] == 10
    assert data["age_facts"] == ["Barnet er fyldt 10 år og har partsbeføjelser (BL § 3)."]
    assert "partsbeføjelser" in ok(cli("case", "show", str(case_id)))


def test_case_list_search(demo_cli: Cli) -> None:
    def refs(*args: str) -> set[str]:
        return {r["ref"] for r in as_json(demo_cli("case", "list", *args, "--json"))}

    # By a part of the name, case-insensitively.
    surname = DEMO[0]["child"]["name"].split()[-1]
    expected = {
        c["ref"]
        for c in DEMO
        if surname.lower() in c["child"]["name"].lower()
        or surname.lower() in c["school"].lower()
        or surname.lower() in c["caseworker"].lower()
    }
    assert DEMO[0]["ref"] in expected
    assert refs("--search", surname.upper()) == expected
    # By initials.
    initials = DEMO[1]["child"]["initials"]
    found = refs("--search", initials)
    assert DEMO[1]["ref"] in found
    assert all(
        initials.lower()
        in " ".join(
            (c["ref"], c["child"]["name"], c["child"]["initials"], c["caseworker"], c["school"])
        ).lower()
        for c in DEMO
        if c["ref"] in found
    )
    # By reference (whole and part).
    assert refs("--search", "2026-0107") == {"2026-0107"}
    assert refs("--search", "0113") == {"2026-0113"}
    assert refs("--search", "ingen-sådan-sag") == set()
    # LIKE wildcards are searched for literally.
    assert refs("--search", "%") == set() and refs("--search", "_") == set()


def test_case_list_filters(demo_cli: Cli) -> None:
    def refs(*args: str) -> list[str]:
        return sorted(r["ref"] for r in as_json(demo_cli("case", "list", *args, "--json")))

    for step, n in Counter(c["current_step"] for c in DEMO).items():
        expected = sorted(c["ref"] for c in DEMO if c["current_step"] == step)
        assert len(expected) == n and refs("--step", str(step)) == expected
    for worker in {c["caseworker"] for c in DEMO}:
        assert refs("--caseworker", worker) == sorted(
            c["ref"] for c in DEMO if c["caseworker"] == worker
        )
    worker = DEMO[0]["caseworker"]
    assert refs("--caseworker", worker, "--step", "3") == sorted(
        c["ref"] for c in DEMO if c["caseworker"] == worker and c["current_step"] == 3
    )
    assert refs("--step", "6", "--caseworker", "Ingen Rådgiver") == []
    # The plain table has one row per case under a header and a rule.
    table = ok(demo_cli("case", "list", "--step", "3")).splitlines()
    assert len(table) == 2 + sum(1 for c in DEMO if c["current_step"] == 3)


def test_network_add_and_list(cli: Cli) -> None:
    case_id = out_id(cli("case", "add", "--name", "Liva Jensen", "--birth-date", "2018-04-11"))
    grethe = out_id(
        cli(
            "network",
            "add",
            str(case_id),
            "--name",
            "Grethe",
            "--relation",
            "mormor",
            "--sector",
            "family",
            "--ring",
            "1",
            "--placement-candidate",
            "--note",
            "Stabil",
        )
    )
    far = out_id(
        cli(
            "network",
            "add",
            str(case_id),
            "--name",
            "Kasper",
            "--relation",
            "far",
            "--sector",
            "family",
            "--ring",
            "2",
            "--both",
        )
    )
    rows = as_json(cli("network", "list", str(case_id), "--json"))
    assert [
        (r["id"], r["name"], r["ring"], r["valence"], r["placement_candidate"]) for r in rows
    ] == [(grethe, "Grethe", 1, "resource", True), (far, "Kasper", 2, "both", False)]
    message = fails(
        cli(
            "network",
            "add",
            str(case_id),
            "--name",
            "X",
            "--relation",
            "nabo",
            "--sector",
            "friends",
            "--ring",
            "1",
            "--concern",
            "--both",
        )
    )
    assert "--concern" in message and "--both" in message


RICH = {
    "format": "visitation.case/1",
    "ref": "2026-0042",
    "profile": "kerteminde",
    "child": {"name": "Liva Jensen", "initials": "LJ", "birth_date": "2018-04-11", "cpr": CPR},
    "caseworker": "Mette Holm",
    "school": "Munkebo Skole, 2.b",
    "reason": "Underretning fra skolen: stigende fravær og uro.",
    "current_step": 3,
    "child_view": {
        "text": "Vil bo hos mormor",
        "how": "børnesamtale på skolen",
        "date": "2026-11-10",
    },
    "parents_view": {"text": "Mor er enig, far tvivler", "consent": "partial"},
    "assessments": [
        {
            "date": "2026-11-12",
            "zone": 4,
            "axis": "child",
            "rater": "Ole Berg",
            "role": "PPR",
            "protective": ["god til at læse"],
            "risk": ["fravær", "uro"],
            "note": "Bekymret",
        },
        {
            "date": "2026-11-12",
            "zone": 3,
            "axis": "parents",
            "rater": "Mette Holm",
            "role": "rådgiver",
            "protective": [],
            "risk": ["misbrug"],
            "note": "",
            "consensus": True,
        },
    ],
    "network": [
        {
            "name": "Grethe",
            "relation": "mormor",
            "sector": "family",
            "ring": 1,
            "valence": "resource",
            "placement_candidate": True,
            "note": "Har plads",
        },
        {
            "name": "Jonas",
            "relation": "træner",
            "sector": "school",
            "ring": 3,
            "valence": "both",
            "placement_candidate": False,
            "note": "",
        },
        {
            "name": "Nabo",
            "relation": "nabo",
            "sector": "friends",
            "ring": 2,
            "valence": "concern",
            "placement_candidate": False,
            "note": "Larm",
        },
    ],
    "proposal": {
        "step": 4,
        "interventions": ["netvaerksplejefamilie", "kontaktperson"],
        "purpose": "Tryghed",
        "duration": "6 måneder",
        "rationale": "Mormor er en ressource",
    },
    "alternatives": [
        {"step": 3, "intervention": "familiebehandling", "verdict": "rejected", "reason": "Prøvet"},
        {
            "step": 2,
            "intervention": "familieraadslagning",
            "verdict": "not-relevant",
            "reason": "Holdt i foråret",
        },
    ],
}


def test_import_export_import_gives_the_same_case(cli: Cli, tmp_path: Path) -> None:
    source = tmp_path / "in.json"
    source.write_text(json.dumps(RICH, ensure_ascii=False), encoding="utf-8")
    case_id = out_id(cli("case", "import", str(source)))
    first = json.loads(ok(cli("case", "export", str(case_id), "--privacy", "full")))
    path = first.pop("trajectory")  # the export adds the child's path for the reader; import ignores it
    assert [p["event"] for p in path] == ["sagen oprettet", "fælles vurdering på linealen"]
    # A `/1` file comes back in its own form, as `/2` with an empty history.
    assert first == {**RICH, "format": "visitation.case/2", **NO_METHODS, "decisions": [], "goals": []}
    shown = as_json(cli("case", "show", "2026-0042", "--json"))
    assert shown["id"] == case_id and shown["profile"] == "kerteminde" and shown["step"] == 3
    assert (
        len(shown["assessments"]) == 2
        and len(shown["network"]) == 3
        and len(shown["alternatives"]) == 2
    )

    exported = tmp_path / "out.json"
    exported.write_text(json.dumps(first, ensure_ascii=False), encoding="utf-8")
    other = Cli(f"sqlite:///{tmp_path / 'other.db'}")
    other_id = out_id(other("case", "import", str(exported)))
    second = json.loads(ok(other("case", "export", str(other_id), "--privacy", "full")))
    assert second.pop("trajectory") == path
    assert second == first
    # The default (internal) export is the same case without the CPR.
    internal = json.loads(ok(other("case", "export", "2026-0042")))
    internal.pop("trajectory")
    assert internal == {
        **first,
        "child": {**first["child"], "cpr": None},
    }


def test_import_twice_is_refused(cli: Cli, tmp_path: Path) -> None:
    path = case_file(tmp_path)
    out_id(cli("case", "import", str(path)))
    before = fingerprint(cli)
    assert "K-2026-01" in fails(cli("case", "import", str(path)))
    assert fingerprint(cli) == before


def test_case_add_refuses_a_numeric_reference(cli: Cli) -> None:
    first = out_id(cli("case", "add", "--name", "Alma Berg", "--birth-date", "2018-01-01"))
    before = fingerprint(cli)
    line = fails(
        cli("case", "add", "--name", "Carl Dam", "--birth-date", "2018-01-01", "--ref", str(first))
    )
    assert "ref" in line
    assert fingerprint(cli) == before
    assert as_json(cli("case", "show", str(first), "--json"))["name"] == "Alma Berg"


def _write(tmp_path: Path, data: dict, name: str = "sag.json") -> Path:  # type: ignore[type-arg]
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_a_history_moves_to_another_database_and_back_the_same(cli: Cli, tmp_path: Path) -> None:
    case_id = out_id(cli("case", "import", str(_write(tmp_path, HISTORY))))
    first = json.loads(ok(cli("case", "export", str(case_id), "--privacy", "full")))
    path = first.pop("trajectory")
    assert first == HISTORY  # a file in the export's own form comes back unchanged
    assert [(p["date"], p["step"], p["event"]) for p in path] == [
        ("2025-03-04", 2, "sagen oprettet"), ("2025-03-04", 3, "beslutning"),
        ("2025-09-02", 3, "beslutning (ændret)")]
    shown = as_json(cli("case", "show", HISTORY["ref"], "--json"))
    assert [d["meeting_id"] for d in shown["decisions"]] == [None, None, None]
    other = Cli(f"sqlite:///{tmp_path / 'other.db'}")
    other_id = out_id(other("case", "import", str(_write(tmp_path, {**first, "trajectory": path}, "ud.json"))))
    second = json.loads(ok(other("case", "export", str(other_id), "--privacy", "full")))
    assert second == {**first, "trajectory": path}
    assert "OK" in ok(other("verify"))


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (changed("decisions.1", outcome="accepted"), "decisions[1].outcome: "),
        (changed("decisions.1", supersedes=2), "decisions[1].supersedes: "),
        (changed("decisions.2", supersedes=3), "decisions[2].supersedes: "),
        (changed("goals.0.scores.1", score=11), "goals[0].scores[1].score: skal være 0–10"),
        (changed("goals.0", parent=1), "goals[0].parent: "),
        (changed("decisions.0.followups.0", due="2025-13-01"), "decisions[0].followups[0].due: "),
        (history(current_step=4), "current_step: skal være 3"),
        (changed("decisions.2", outcome="rejected", step_before=4), "current_step: skal være 4"),  # left where it was
        (changed("signs_of_safety.scale.0", score=11),
         "signs_of_safety.scale[0].score: skal være et helt tal fra 0 til 10 (ikke 11)"),
        (changed("signs_of_safety.plan.0", keepers=["Bo"]),
         "signs_of_safety.plan[0].keepers[0]: «Bo» er ikke på sagens netværkskort"),
        (changed("ics.0", dimension="hobby"), "ics[0].dimension: siden child har health, development"),
        (changed("decisions.2", outcome="postponed"), None),  # valid, for contrast: postponed leaves it on 3
    ],
)
def test_a_bad_history_is_one_line_and_writes_nothing(cli: Cli, tmp_path: Path, data: dict, field: str | None) -> None:  # type: ignore[type-arg]
    path = _write(tmp_path, data)
    if field is None:  # a valid variation, for contrast
        out_id(cli("case", "import", str(path)))
        return
    before = fingerprint(cli)
    line = fails(cli("case", "import", str(path)))
    assert line.startswith(f"Fejl: {field}"), line
    assert fingerprint(cli) == before
