"""`init [--profile NAME|FILE]`: the database is created (idempotently) and the profile chosen."""

from __future__ import annotations

from pathlib import Path

from tests.cli.helpers import as_json, fails, fingerprint, ok, out_id
from tests.conftest import Cli
from visitation.paths import profiles_dir


def test_init_creates_the_database_idempotently(cli: Cli, tmp_path: Path) -> None:
    result = cli("init")
    assert ok(result) == ""
    assert "profil: socialstyrelsen" in result.stderr
    assert (tmp_path / "test.db").is_file()
    before = fingerprint(cli)
    ok(cli("init"))
    assert fingerprint(cli) == before


def test_init_with_a_builtin_profile_sets_the_default_for_new_cases(cli: Cli) -> None:
    assert "profil: kerteminde" in cli("init", "--profile", "kerteminde").stderr
    case_id = out_id(cli("case", "add", "--name", "Liva Jensen", "--birth-date", "2018-04-11"))
    shown = as_json(cli("case", "show", str(case_id), "--json"))
    assert (
        shown["profile"] == "kerteminde" and shown["step_label"] == "Tidlig indsats på almenområdet"
    )


def test_init_with_a_municipality_profile_file(cli: Cli, tmp_path: Path) -> None:
    text = (profiles_dir() / "socialstyrelsen.toml").read_text(encoding="utf-8")
    text = text.replace('key = "socialstyrelsen"', 'key = "minkommune"', 1)
    text = text.replace('label = "Forebyggende indsatser"', 'label = "Tidlig hjælp"', 1)
    path = tmp_path / "minkommune.toml"
    path.write_text(text, encoding="utf-8")
    assert "profil: minkommune" in cli("init", "--profile", str(path)).stderr
    case_id = out_id(
        cli("case", "add", "--name", "Liva Jensen", "--birth-date", "2018-04-11", "--step", "2")
    )
    shown = as_json(cli("case", "show", str(case_id), "--json"))
    assert shown["profile"] == "minkommune" and shown["step_label"] == "Tidlig hjælp"
    # The profile is kept in the database: the case reads the same when the file is gone.
    path.unlink()
    assert as_json(cli("case", "show", str(case_id), "--json"))["step_label"] == "Tidlig hjælp"


def test_init_with_a_broken_profile_file(cli: Cli, tmp_path: Path) -> None:
    ok(cli("init"))
    text = (profiles_dir() / "socialstyrelsen.toml").read_text(encoding="utf-8")
    path = tmp_path / "broken.toml"
    path.write_text(text.replace('hex = "#8f8a00"', 'hex = "gul"', 1), encoding="utf-8")
    line = next(i + 1 for i, t in enumerate(text.splitlines()) if t == 'hex = "#8f8a00"')
    before = fingerprint(cli)
    message = fails(cli("init", "--profile", str(path)))
    assert message.startswith(f"Fejl: broken.toml:{line}: zones[1].hex: ")
    assert fingerprint(cli) == before
    case_id = out_id(cli("case", "add", "--name", "Bo Berg", "--birth-date", "2015-01-02"))
    assert as_json(cli("case", "show", str(case_id), "--json"))["profile"] == "socialstyrelsen"


def test_init_makes_the_chain_key_outside_the_database_and_says_where(cli: Cli) -> None:
    import stat

    from visitation.paths import chain_key_path

    result = cli("init")
    key = chain_key_path()
    assert ok(result) == "" and f"Kædenøglen ligger i nøglefilen {key}" in result.stderr
    assert stat.S_IMODE(key.stat().st_mode) == 0o600 and stat.S_IMODE(key.parent.stat().st_mode) == 0o700
    assert key.read_text().strip() not in result.output


def test_init_with_a_team_key_makes_no_key_file(cli: Cli, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from visitation.paths import chain_key_path

    monkeypatch.setenv("VISITATION_CHAIN_KEY", "12" * 32)
    assert "miljøvariablen VISITATION_CHAIN_KEY" in cli("init").stderr
    assert not chain_key_path().exists()
    monkeypatch.setenv("VISITATION_CHAIN_KEY", "34" * 32)
    refused = cli("init")
    assert refused.exit_code == 2 and "ikke databasens" in refused.stderr
