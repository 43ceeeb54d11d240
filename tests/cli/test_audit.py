"""`audit`: the employees' view, and what a citizen's access request gets (dates and purposes only)."""

from __future__ import annotations

from tests.cli.helpers import as_json, fails, ok
from tests.conftest import Cli


def test_the_citizen_sees_when_and_why_but_not_who(demo_cli: Cli) -> None:
    ok(demo_cli("--user", "mette.holm", "case", "show", "2026-0101"))
    ok(demo_cli("--user", "mette.holm", "minutes", "VM-2026-11-24", "--case", "2026-0101"))
    staff = as_json(demo_cli("audit", "2026-0101", "--json"))
    assert {"tester", "mette.holm"} <= {e["user"] for e in staff}
    lines = as_json(demo_cli("audit", "--subject", "2026-0101", "--for-citizen", "--json"))
    assert lines and set(lines[0]) == {"date", "what", "purpose"}
    assert {"oplysningerne er læst", "referat eller sag er udskrevet"} <= {line["what"] for line in lines}
    text = demo_cli("audit", "--subject", "2026-0101", "--for-citizen").stdout
    assert "mette" not in text.lower() and "tester" not in text
    again = as_json(demo_cli("audit", "--subject", "2026-0101", "--for-citizen", "--json"))
    assert again[-1]["what"] == "der er lavet et udtræk til borgeren"


def test_the_citizen_extract_needs_a_case(demo_cli: Cli) -> None:
    assert "--subject" in fails(demo_cli("audit", "--for-citizen"))
