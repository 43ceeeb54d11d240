"""A `visitation decide` racer for the concurrency test: waits for a go-file, then decides once.

    python tests/reliability/decide_racer.py GO_FILE DB_URL USER ARG...

Prints `exit N` and the error line, if any, so the test can see who won and what the others were told.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from typer.testing import CliRunner

from visitation.cli.main import app


def main(go: Path, url: str, user: str, args: list[str]) -> None:
    """Import everything first, then start as close to the others as the go-file allows."""
    runner = CliRunner()
    while not go.exists():
        time.sleep(0.002)
    result = runner.invoke(app, ["--db", url, "--user", user, *args])
    print(f"exit {result.exit_code} {result.stdout.strip()}", flush=True)  # noqa: T201 (the test reads it)
    print(result.stderr.strip(), flush=True)  # noqa: T201


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4:])
