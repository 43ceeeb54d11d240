"""Guard rails: the layers' imports, the shipped data, the docs."""

from __future__ import annotations

import ast
import importlib
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from visitation.domain.casefile import check_against, parse_case
from visitation.domain.profiles import builtin_names, load_profile
from visitation.paths import demo_dir, reference_dir

ROOT = Path(__file__).resolve().parent.parent
DOMAIN_MAY_USE = ("visitation.domain", "visitation.errors", "visitation.paths")
"""Besides itself, the domain uses the errors and the file locations (both import nothing of ours)."""


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


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Every name an import in the file brings in, at any depth (function-level and TYPE_CHECKING too).

    `from a.b import c` gives `a.b.c` (c may be a module or an attribute); relative imports are resolved;
    `importlib.import_module("x")` and `__import__("x")` with a literal count as imports.
    """
    package = _module_name(path).split(".")[: -1 if path.name != "__init__.py" else None]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            found.update(f"{_from_base(node, package)}.{alias.name}" for alias in node.names)
        elif (isinstance(node, ast.Call) and _name(node) in ("import_module", "__import__") and node.args
              and isinstance(node.args[0], ast.Constant)):
            found.add(str(node.args[0].value))
    return found


def _from_base(node: ast.ImportFrom, package: list[str]) -> str:
    """The absolute module of `from X import ...`: a relative X is taken from the file's package."""
    if not node.level:
        return node.module or ""
    parent = package[: len(package) - node.level + 1]
    return ".".join([*parent, node.module] if node.module else parent)


def _name(expr: ast.expr) -> str:
    """The last name of `x`, `a.x` or `x(...)` (a decorator or the function of a call)."""
    target = expr.func if isinstance(expr, ast.Call) else expr
    return getattr(target, "attr", getattr(target, "id", ""))


def _within(name: str, modules: tuple[str, ...]) -> bool:
    return any(name == m or name.startswith(m + ".") for m in modules)


def _offending_imports(folder: Path, bad: Callable[[str], bool]) -> list[str]:
    return sorted(f"{path.relative_to(ROOT)}: {name}" for path in folder.rglob("*.py")
                  for name in _imports(path) if bad(name))


def test_the_domain_imports_nothing_of_ours_but_itself_errors_and_paths() -> None:
    def bad(name: str) -> bool:
        return _within(name, ("visitation",)) and not _within(name, DOMAIN_MAY_USE)

    assert _offending_imports(ROOT / "visitation" / "domain", bad) == []
    for leaf in ("errors.py", "paths.py"):
        assert [n for n in _imports(ROOT / "visitation" / leaf) if _within(n, ("visitation", "screens"))] == []


def test_services_import_neither_the_cli_nor_the_ui() -> None:
    def bad(name: str) -> bool:
        return _within(name, ("visitation.cli", "screens", "textual"))

    assert _offending_imports(ROOT / "visitation" / "services", bad) == []


def _runs_workers(cls: ast.ClassDef) -> bool:
    """A class with a `@work` method or one that calls `self.run_worker`: it owns workers."""
    for node in ast.walk(cls):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and "work" in map(_name, node.decorator_list):
            return True
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr == "run_worker" and _name(node.func.value) == "self"):
            return True
    return False


def test_every_node_that_runs_workers_reports_their_failures() -> None:
    """Worker.StateChanged does not bubble: a node without the mixin would fail silently."""
    from screens.failures import ReportsWorkerFailures

    owners = [(_module_name(path), node.name) for path in (ROOT / "screens").rglob("*.py")
              for node in ast.parse(path.read_text(encoding="utf-8")).body
              if isinstance(node, ast.ClassDef) and _runs_workers(node)]
    assert len(owners) >= 5
    silent = [f"{module}.{name}" for module, name in owners
              if not issubclass(getattr(importlib.import_module(module), name), ReportsWorkerFailures)]
    assert silent == []


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
