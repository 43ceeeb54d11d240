"""The console script's entry point: a plain `--help` replayed from the cache before anything heavy loads,
everything else handed to the CLI (`visitation.cli.main`)."""

from __future__ import annotations

import os
import sys


def run() -> None:
    """`visitation`: the cached help if there is one, else the whole CLI."""
    from visitation.cli import helpcache

    try:
        if helpcache.replay(sys.argv[1:]):
            return
    except BrokenPipeError:
        quiet_broken_pipe()
    from visitation.cli.main import run as whole

    whole()


def quiet_broken_pipe() -> None:
    """The reader went away (`visitation case list | head -1`): end quietly, as Python's docs advise —
    point stdout at /dev/null so the interpreter's last flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
    sys.exit(1)
