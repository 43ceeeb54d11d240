"""Hostile input, generated: case files, profile files and CLI arguments never give a traceback or a
partial write — only success, or exit 2 with one line. The counts of generated inputs are printed."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.cli.helpers import fingerprint
from tests.conftest import Cli
from tests.history_example import HISTORY
from visitation.domain.profiles import load_profile
from visitation.domain.tomlcheck import DataFileError
from visitation.paths import demo_dir, profiles_dir

BASE: dict[str, Any] = json.loads((demo_dir() / "cases" / "2026-0109.json").read_text(encoding="utf-8"))
FUZZ = settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
                derandomize=True)
COUNTS: dict[str, int] = {}

values = st.recursive(
    st.none() | st.booleans() | st.integers(-10**12, 10**12) | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=40) | st.sampled_from(["", "2026-02-30", "0000-00-00", "110418-4932", "9", "-1", "ÆØÅ", "\x00"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=10), inner, max_size=3),
    max_leaves=6)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += _paths(value, (*prefix, i))
    return found


PATHS = _paths(BASE)
HISTORY_PATHS = _paths(HISTORY)
positions = st.integers(-2, 4) | st.sampled_from(["0", 1.0, True, "2025-02-30T10:00:00Z", "2025-09-02T09:30:12"])
"""Hostile values for a history's links (supersedes, moot_by, parent), scores and times."""


@st.composite
def case_files(draw: st.DrawFn, base: dict[str, Any] = BASE, paths: list[tuple[Any, ...]] = PATHS,
               hostile: st.SearchStrategy[Any] = values) -> str:
    """A real case file with one to four fields replaced, removed or added; sometimes not JSON at all."""
    data = copy.deepcopy(base)
    data["ref"] = f"F-{draw(st.integers(0, 10**6))}"
    for _ in range(draw(st.integers(1, 4))):
        path = draw(st.sampled_from(paths))
        parent: Any = data
        try:
            for key in path[:-1]:
                parent = parent[key]
            action = draw(st.sampled_from(["set", "delete", "add"]))
            if action == "set":
                parent[path[-1]] = draw(hostile)
            elif action == "delete" and isinstance(parent, dict):
                parent.pop(path[-1], None)
            elif isinstance(parent, dict):
                parent[draw(st.text(max_size=8))] = draw(hostile)
        except (KeyError, IndexError, TypeError):
            continue
    text = json.dumps(data, ensure_ascii=False, allow_nan=True)
    if draw(st.integers(0, 19)) == 0:
        cut = draw(st.integers(0, len(text)))
        text = text[:cut]
    return text


def _refused_cleanly(result: Any) -> None:
    out = result.stdout + result.stderr
    assert "Traceback" not in out and "Uventet fejl" not in out, out[-400:]
    assert result.exit_code in (0, 2), (result.exit_code, out[-400:])
    if result.exit_code == 2:
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("Fejl: "), lines


@settings(FUZZ, max_examples=400)
@given(text=case_files())
def test_case_file_import(cli: Cli, tmp_path: Path, text: str) -> None:
    _imported_whole_or_not(cli, tmp_path, text, "case files")


def _imported_whole_or_not(cli: Cli, tmp_path: Path, text: str, kind: str) -> None:
    COUNTS[kind] = COUNTS.get(kind, 0) + 1
    path = tmp_path / "fuzz.json"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    before = fingerprint(cli)
    result = cli("case", "import", str(path))
    _refused_cleanly(result)
    if result.exit_code == 2:
        assert fingerprint(cli) == before


@settings(FUZZ, max_examples=300)
@given(text=case_files(HISTORY, HISTORY_PATHS, values | positions))
def test_history_file_import(cli: Cli, tmp_path: Path, text: str) -> None:
    """A `/2` file with its decisions, follow-ups and goals broken: whole or not at all."""
    _imported_whole_or_not(cli, tmp_path, text, "history files")


PROFILE_LINES = (profiles_dir() / "kerteminde.toml").read_text(encoding="utf-8").splitlines()


@settings(FUZZ, max_examples=300)
@given(edits=st.lists(st.tuples(st.integers(0, len(PROFILE_LINES) - 1),
                                st.sampled_from(["drop", "blank_value", "number", "text", "dup"])),
                      min_size=1, max_size=3), junk=st.text(max_size=12))
def test_profile_loader(tmp_path: Path, edits: list[tuple[int, str]], junk: str) -> None:
    COUNTS["profile files"] = COUNTS.get("profile files", 0) + 1
    lines = list(PROFILE_LINES)
    for index, how in edits:
        line = lines[index % len(lines)]
        key = line.split("=", 1)[0]
        lines[index % len(lines)] = {"drop": "", "blank_value": f"{key}= \"\"", "number": f"{key}= -7",
                                     "text": f"{key}= {json.dumps(junk)}", "dup": f"{line}\n{line}"}[how]
    path = tmp_path / "fuzz.toml"
    path.write_text("\n".join(lines), encoding="utf-8")
    try:
        load_profile(str(path))
    except DataFileError as exc:
        assert exc.message.startswith(str(path)) or exc.message.startswith("fuzz.toml"), exc.message
        assert "\n" not in exc.message


COMMANDS = [
    ["case", "add", "--name", "{t}", "--birth-date", "{t}"],
    ["case", "add", "--name", "Liva Jensen", "--birth-date", "2018-04-11", "--step", "{t}", "--ref", "{t}"],
    ["case", "add", "--name", "Liva Jensen", "--birth-date", "2018-04-11", "--cpr", "{t}"],
    ["network", "add", "{t}", "--name", "{t}", "--relation", "r", "--sector", "{t}", "--ring", "{t}"],
    ["network", "add", "2026-0101", "--name", "G", "--relation", "{t}", "--sector", "family", "--ring", "{t}"],
    ["assess", "{t}", "--zone", "{t}", "--axis", "{t}", "--rater", "{t}", "--role", "PPR"],
    ["meeting", "new", "--date", "{t}", "--chair", "{t}"],
    ["meeting", "add-case", "{t}", "{t}", "--minutes", "{t}"],
    ["decide", "2026-0101", "--meeting", "{t}", "--outcome", "{t}", "--step", "{t}", "--rationale", "{t}"],
    ["decide", "2026-0109", "--meeting", "VM-2026-11-24", "--outcome", "approved", "--step", "5",
     "--intervention", "{t}", "--alternative", "{t}", "--start", "{t}", "--consent", "{t}"],
    ["followup", "done", "{t}", "--note", "{t}", "--step", "{t}"],
    ["case", "show", "{t}"], ["case", "list", "--search", "{t}", "--step", "{t}"],
    ["minutes", "{t}", "--format", "{t}", "--privacy", "{t}"], ["audit", "--subject", "{t}", "--for-citizen"],
]
ARGS = st.one_of(st.text(max_size=25), st.sampled_from(
    ["", "-1", "0", "7", "99999999999999999999", "2026-02-30", "9999-12-31", "2026-0101", "VM-2026-11-24",
     "family", "approved", "yes", "1;x;rejected;y", "3;familiebehandling;rejected;z", "--json", "%",
     "'; DROP TABLE case; --"]))


@settings(FUZZ, max_examples=1000)
@given(command=st.sampled_from(COMMANDS), fill=st.lists(ARGS, min_size=6, max_size=6))
def test_cli_arguments(demo_cli: Cli, command: list[str], fill: list[str]) -> None:
    COUNTS["CLI calls"] = COUNTS.get("CLI calls", 0) + 1
    args, taken = [], iter(fill * 3)
    for part in command:
        args.append(next(taken) if part == "{t}" else part)
    before = fingerprint(demo_cli)
    result = demo_cli(*args)
    _refused_cleanly(result)
    if result.exit_code == 2:
        assert fingerprint(demo_cli) == before, args


@pytest.fixture(scope="module", autouse=True)
def _report(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    yield
    capture = request.config.pluginmanager.getplugin("capturemanager")
    with capture.global_and_fixture_disabled():
        print(f"\n  fuzzing: {COUNTS} generated inputs, no traceback, no partial write")
