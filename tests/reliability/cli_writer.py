"""A writer process for the reliability tests: `network add` through the CLI, N times, one line per save.

    python tests/reliability/cli_writer.py DB_URL CASE TAG N

Prints `saved TAG-i ID` after each acknowledged write (the CLI has committed when it prints the id), or
`failed TAG-i <the error line>`; exits when done. Killed at any moment by the crash test.
"""

from __future__ import annotations

import sys

from typer.testing import CliRunner

from visitation.cli.main import app


def main(url: str, case: str, tag: str, count: int) -> None:
    """Add `count` people to the case's network, saying each one saved."""
    runner = CliRunner()
    for i in range(count):
        name = f"{tag}-{i}"
        result = runner.invoke(app, ["--db", url, "--user", tag, "network", "add", case, "--name", name,
                                     "--relation", "nabo", "--sector", "friends", "--ring", "3"])
        if result.exit_code == 0:
            print(f"saved {name} {result.stdout.strip()}", flush=True)
        else:
            print(f"failed {name} {result.stderr.strip()}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]))
