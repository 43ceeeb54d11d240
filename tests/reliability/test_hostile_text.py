"""Hostile text, generated (SPEC §9.5): control characters, DEL, C1, bidi, NUL, OSC 8/52 and CSI sequences,
undecodable bytes, overlong and mixed-script strings through every entry — the text checks themselves,
CLI options (in-process), case files, profiles and a TUI field. Each is refused with exit 2 (or
InvalidInput) naming the field, or accepted and later shown with no control character anywhere.
Derandomised; the counts of generated inputs are printed (at least 10,000 in all)."""

from __future__ import annotations

import copy
import dataclasses
import json
import re
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import Cli
from visitation.domain.casefile import parse_case
from visitation.domain.profiles import profile_from_text
from visitation.domain.texts import neutralised, refuse_unsafe
from visitation.domain.tomlcheck import DataFileError
from visitation.errors import InvalidInput
from visitation.paths import demo_dir, profiles_dir

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
"""Written out here (not imported), so the test checks the definition rather than repeating it."""
PIECES = ["\x1b]0;ejet\x07", "\x1b]8;;http://x\x07klik\x1b]8;;\x07", "\x1b]52;c;ZWNobyBoaQ==\x07", "\x1b[2J",
          "\x1b[31m", "\u202e", "\u2066", "\u2069", "\x00", "\x7f", "\x85", "\x9b", "\r", "\t", "\n", "\ud800",
          "\udcff", "Æblegrød", "Ωμέγα", "Жанна", "中文", "עברית", "العربية", "😀", "110418-4932", " ", "x" * 300]
hostile = st.lists(st.sampled_from(PIECES) | st.text(st.characters(max_codepoint=0x20FF), max_size=6),
                   min_size=1, max_size=6).map("".join)
FAST = settings(deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
COUNTS: dict[str, int] = {}


def _count(name: str) -> None:
    COUNTS[name] = COUNTS.get(name, 0) + 1


@settings(FAST, max_examples=6500)
@given(text=hostile, one_line=st.booleans())
def test_the_text_checks_refuse_or_pass_clean_and_neutralise_everything(text: str, one_line: bool) -> None:
    _count("tekstkontrol")
    try:
        kept = refuse_unsafe(text, "--felt", multiline=not one_line)
    except InvalidInput as exc:
        assert exc.message.startswith("--felt: ") and not CONTROL.search(exc.message)
    else:
        assert not CONTROL.search(kept.replace("\n", "").replace("\t", ""))
    shown = neutralised(text, multiline=not one_line)
    assert len(shown) == len(text) and not CONTROL.search(shown.replace("\n", "").replace("\t", ""))
    assert not CONTROL.search(neutralised(text, multiline=False))


BASE: dict[str, Any] = json.loads((demo_dir() / "cases" / "2026-0109.json").read_text(encoding="utf-8"))


def _string_paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(node, str):
        return [prefix]
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else []
    return [p for key, value in items for p in _string_paths(value, (*prefix, key))]


STRING_PATHS = _string_paths(BASE)


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [s for f in dataclasses.fields(value) for s in _strings(getattr(value, f.name))]
    if isinstance(value, (list, tuple)):
        return [s for v in value for s in _strings(v)]
    if isinstance(value, dict):
        return [s for kv in value.items() for v in kv for s in _strings(v)]
    return []


@settings(FAST, max_examples=2500)
@given(path=st.sampled_from(STRING_PATHS), text=hostile)
def test_a_case_file_field_with_hostile_text_is_refused_by_name_or_clean(path: tuple[Any, ...], text: str) -> None:
    _count("sagsfiler")
    data = copy.deepcopy(BASE)
    node: Any = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = text
    try:
        case = parse_case(data)
    except InvalidInput as exc:
        assert not CONTROL.search(exc.message)
        if CONTROL.search(text.replace("\n", "").replace("\t", "")):
            named = ".".join(str(k) for k in path).replace(".0", "[0]")
            assert exc.message.split(":")[0].replace("]", "").replace("[", ".").split(".")[0] == str(path[0]), (
                named, exc.message)
    else:
        assert not any(CONTROL.search(s.replace("\n", "").replace("\t", "")) for s in _strings(case))


PROFILE = (profiles_dir() / "socialstyrelsen.toml").read_text(encoding="utf-8")
QUOTED = list(re.finditer(r'^(\w+) = ("(?:[^"\\]|\\.)*")$', PROFILE, re.M))


@settings(FAST, max_examples=1000)
@given(where=st.sampled_from(QUOTED), text=hostile)
def test_a_profile_value_with_hostile_text_is_refused_naming_the_field_or_clean(where: re.Match[str],
                                                                                text: str) -> None:
    _count("profiler")
    escaped = json.dumps(text, ensure_ascii=True)  # \u001b and the like: TOML's basic-string escapes
    changed = PROFILE[:where.start(2)] + escaped + PROFILE[where.end(2):]
    try:
        profile = profile_from_text(changed, "fjendtlig.toml")
    except DataFileError as exc:
        assert exc.message.startswith("fjendtlig.toml") and not CONTROL.search(exc.message)
        if CONTROL.search(text) and "\\ud" not in escaped:
            assert where.group(1) in exc.message or "ikke gyldig TOML" in exc.message, exc.message
    else:
        assert not any(CONTROL.search(s.replace("\n", "").replace("\t", "")) for s in _strings(profile))


COMMANDS = (
    ("--name", ("case", "add", "--birth-date", "2018-01-01", "--name")),
    ("--caseworker", ("case", "add", "--name", "Ida Berg", "--birth-date", "2018-01-01", "--caseworker")),
    ("--reason", ("case", "add", "--name", "Ida Berg", "--birth-date", "2018-01-01", "--reason")),
    ("--user", ("--user",)),
    ("CASE", ("case", "show")),
    ("--search", ("case", "list", "--search")),
)


@pytest.fixture
def one_cli(cli: Cli) -> Cli:
    return cli


@settings(FAST, max_examples=400)
@given(which=st.sampled_from(COMMANDS), text=hostile)
def test_cli_options_refuse_hostile_text_naming_the_option_or_print_it_clean(one_cli: Cli, which: Any,
                                                                             text: str) -> None:
    _count("kommandolinje")
    field, args = which
    args = (*args, text, "case", "list") if field == "--user" else (*args, text)
    result = one_cli(*args)
    assert "Traceback" not in result.output and not CONTROL.search(result.stdout.replace("\n", "").replace("\t", ""))
    assert not CONTROL.search(result.stderr.replace("\n", ""))
    if CONTROL.search(text.replace("\n", "").replace("\t", "")):
        assert result.exit_code == 2 and result.stderr.startswith(f"Fejl: {field}: "), (args, result.stderr)
    else:
        assert result.exit_code in (0, 2), result.output
    if result.exit_code == 0 and args[:2] == ("case", "add"):
        shown = one_cli("case", "show", result.stdout.strip())
        assert not CONTROL.search(shown.stdout.replace("\n", "").replace("\t", ""))


TUI_CASE, TUI_MEETING = "2026-0108", "VM-2026-11-25-HJ"  # Hjørring: Signs of Safety


async def _type_in_the_tui(db: Any, texts: list[str]) -> None:
    """Each text into the danger statement's field of the SoS step (set as a paste would), saved with ctrl+s;
    then either the error names the field or the line is on the screen, and no control character is."""
    import datetime as dt

    from screens.app import make_app
    from screens.widgets.sentence import SentenceArea
    from tests.ui.helpers import go_to, screen_text, settle
    from visitation.services import sos

    app = make_app(db, TUI_MEETING, clock=False, now=lambda: dt.datetime(2026, 12, 8, 9, 30, tzinfo=dt.UTC))
    async with app.run_test(size=(160, 45), notifications=True) as pilot:
        await settle(pilot)
        app.open_case(TUI_CASE, TUI_MEETING)
        await settle(pilot)
        await go_to(pilot, "sos")
        for text in texts:
            _count("skærmfelter")
            before = len(sos.show(db, TUI_CASE).of("danger"))
            await pilot.press("f")
            await settle(pilot)
            app.screen.query_one("#text", SentenceArea).load_text(text)
            await pilot.press("ctrl+s")
            await settle(pilot)
            errors = [n.message for n in app._notifications if n.severity == "error"]
            app.clear_notifications()
            after = len(sos.show(db, TUI_CASE).of("danger"))
            if CONTROL.search(text.strip()):
                assert after == before and errors and errors[-1].startswith("--text: "), (text, errors)
            assert not CONTROL.search(screen_text(app).replace("\n", ""))
            assert not any(CONTROL.search(m) for m in errors)


@pytest.fixture
def tui_db(tmp_path: Any) -> Any:
    """A file database with the demo loaded (the TUI's thread workers need a real file)."""
    from visitation.services import demo
    from visitation.services.db import open_db

    db = open_db(f"sqlite:///{tmp_path / 'tui.db'}", "tester")
    demo.load(db)
    return db


@settings(FAST, max_examples=2)
@given(texts=st.lists(hostile.map(lambda t: f"L {t}"), min_size=6, max_size=6))  # one app run per example
def test_a_tui_field_refuses_hostile_text_by_name_or_shows_it_clean(tui_db: Any, texts: list[str]) -> None:
    import asyncio

    asyncio.run(_type_in_the_tui(tui_db, texts))


def test_the_generated_inputs_add_up() -> None:
    """Runs last in this file: at least 10,000 generated inputs went through the entries above."""
    print(f"\nfjendtlig tekst, genererede input: {COUNTS} i alt {sum(COUNTS.values())}")  # noqa: T201
    if len(COUNTS) == 5:  # the whole file ran (not one test picked out with -k)
        assert sum(COUNTS.values()) >= 10_000
