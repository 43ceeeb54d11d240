"""A failed worker is never silent: a Danish toast, the traceback in the log, no personal data."""

from __future__ import annotations

import logging
import traceback

from textual.worker import Worker, WorkerState

from visitation.domain.cpr import redact
from visitation.errors import VisitationError

log = logging.getLogger(__name__)


class ReportsWorkerFailures:
    """Mixin for every app, screen and widget that runs workers: hands a failed worker to the app.

    `Worker.StateChanged` goes to the worker's own node and does not bubble (Textual declares it
    `bubble=False`), so each node passes it on; `VisitationApp.worker_failed` reports it.
    """

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Pass a worker that raised to the app's handler."""
        if event.state is WorkerState.ERROR:
            self.app.worker_failed(event.worker)  # type: ignore[attr-defined]


def failure_text(error: BaseException) -> str:
    """The toast: a `VisitationError`'s own line, else only the class (the text may hold data)."""
    if isinstance(error, VisitationError):
        what = redact(error.message).rstrip(". ")
    else:
        what = f"en uventet fejl ({type(error).__name__})"
    return f"Noget gik galt: {what}. Handlingen er ikke gennemført."


def log_failure(worker: Worker[object], error: BaseException) -> None:
    """Log which worker failed and where; never an exception's message (it may quote a name)."""
    stack = redact(stack_without_messages(error))
    log.error("Worker %s (group %s) failed:\n%s", worker.name, worker.group, stack)


def stack_without_messages(error: BaseException) -> str:
    """Each exception of the chain by class with the frames it passed through, causes last."""
    parts: list[str] = []
    current: BaseException | None = error
    while current is not None and len(parts) < 10:  # a bound, as a chain may loop
        frames = "".join(traceback.format_tb(current.__traceback__))
        parts.append(f"{type(current).__module__}.{type(current).__qualname__}\n{frames}")
        current = current.__cause__ or (None if current.__suppress_context__ else current.__context__)
    return "caused by ".join(parts)
