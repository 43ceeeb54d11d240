"""The errors Visitation raises: each carries one line a social worker understands."""

from __future__ import annotations

from collections.abc import Sequence


class VisitationError(Exception):
    """Base of every expected failure; `exit_code` is what the CLI exits with."""

    exit_code = 1

    def __init__(self, message: str, title: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.title = title


class InvalidInput(VisitationError):
    """Bad input from the user or a file: exit code 2, nothing written."""

    exit_code = 2


class NotFound(InvalidInput):
    """A case, meeting, follow-up or profile that does not exist."""


class RuleViolation(InvalidInput):
    """A decision breaks one or more of the rules of SPEC §3."""

    def __init__(self, violations: Sequence[object]) -> None:
        self.violations = violations
        text = "; ".join(str(v) for v in violations)
        super().__init__(f"Beslutningen bryder reglerne: {text}")


class DecisionExists(InvalidInput):
    """A decision would replace the one in force without naming it (`--supersedes`): exit 2, nothing written."""


class Conflict(VisitationError):
    """Someone else saved the same record first; nothing was overwritten."""


class DatabaseError(VisitationError):
    """The database could not be opened, is locked for too long or is damaged."""


class ChainKeyError(VisitationError):
    """The chain key is missing, malformed or not the database's: nothing is written (exit 2)."""

    exit_code = 2


class IntegrityFailure(VisitationError):
    """A check found the data not whole (a restore that would not verify): nothing is written (exit 1)."""

    def __init__(self, message: str, findings: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.findings = findings
