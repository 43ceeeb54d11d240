"""Guard rails: the layers' imports, the shipped data, the docs."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from visitation.domain.casefile import check_against, parse_case
from visitation.domain.profiles import builtin_names, load_profile
from visitation.paths import demo_dir, reference_dir

ROOT = Path(__file__).resolve().parent.parent


def _modules_after(code: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", code + "\nimport sys; print(' '.join(sys.modules))"],
                         capture_output=True, text=True, check=True, cwd=ROOT).stdout
    return set(out.split())


def test_help_loads_neither_sqlmodel_nor_textual() -> None:
    loaded = _modules_after("import sys; sys.argv=['visitation','--help']\n"
                            "from visitation.cli.main import app\n"
                            "try:\n    app(prog_name='visitation')\nexcept SystemExit:\n    pass")
    assert not {m for m in loaded if m.split(".")[0] in ("sqlmodel", "sqlalchemy", "textual", "screens")}


def test_core_never_imports_the_ui() -> None:
    loaded = _modules_after("import visitation.services.decisions, visitation.services.cases, "
                            "visitation.services.demo, visitation.cli.main")
    assert not {m for m in loaded if m.split(".")[0] in ("textual", "screens")}


def test_only_services_import_the_store() -> None:
    offenders = []
    for path in (ROOT / "visitation").rglob("*.py"):
        layer = path.relative_to(ROOT / "visitation").parts[0]
        if layer in ("store", "services"):
            continue
        if re.search(r"^\s*(from|import) visitation\.store", path.read_text(encoding="utf-8"), re.M):
            offenders.append(str(path.relative_to(ROOT)))
    for path in (ROOT / "screens").rglob("*.py"):
        if re.search(r"visitation\.store|from sqlmodel|(?<![\w.])select\(", path.read_text(encoding="utf-8")):
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


@pytest.mark.parametrize("name", builtin_names())
def test_builtin_profiles_validate(name: str) -> None:
    profile = load_profile(name)
    assert [s.number for s in profile.steps] == [1, 2, 3, 4, 5, 6]


def test_every_demo_case_is_valid_under_its_profile() -> None:
    import json

    files = sorted((demo_dir() / "cases").glob("*.json"))
    assert len(files) >= 10
    for path in files:
        case = parse_case(json.loads(path.read_text(encoding="utf-8")))
        check_against(case, load_profile(case.profile or "socialstyrelsen"))


def test_reference_data_is_found() -> None:
    assert (reference_dir() / "law" / "barnets-lov.toml").is_file()


def test_readme_documents_every_command() -> None:
    from visitation.cli.main import app

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert 'pip install -e ".[dev]" && visitation demo' in readme
    assert 'pip install -e ".[dev]" && pytest' in readme
    names = [c.name for c in app.registered_commands] + [g.name for g in app.registered_groups]
    missing = [n for n in names if f"visitation {n}" not in readme]
    assert missing == []
