"""Garbage collection on the wall: never in the middle of a key's response.

In its own process the app holds some million long-lived objects (Textual, SQLAlchemy, the table classes).
Python's cyclic collector walks all of them in each full collection, 55–100 ms here, and one fell inside
the first case's opening or the first palette. So, in `run_tui` only: what start-up loaded is frozen (never
walked again), automatic full collections are off, and the app runs a full one itself when the room has not
pressed a key for a while. Young generations are still collected as usual, so short-lived cycles (a closed
dialog) go at once; what survives them waits for the next quiet moment, seconds away at most."""

from __future__ import annotations

import gc

FULL_EVERY = 5.0
"""Seconds between looks at whether a full collection can run."""
QUIET_FOR = 1.5
"""Seconds without a key before a full collection may run."""
NEVER = 2**31 - 1
"""A full-collection threshold never reached."""


def freeze_loaded() -> None:
    """What is loaded so far lives as long as the process: keep it out of every collection."""
    gc.freeze()


def hold_full_collections() -> None:
    """Automatic full collections off (the young generations keep their thresholds)."""
    young, middle, _ = gc.get_threshold()
    gc.set_threshold(young, middle, NEVER)


def collect_when_quiet(last_key: float, now: float) -> bool:
    """Run a full collection if no key came for `QUIET_FOR` seconds; whether it ran."""
    if now - last_key < QUIET_FOR:
        return False
    gc.collect()
    return True
