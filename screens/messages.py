"""Messages shared across screens: results of thread workers, sent back to the event loop."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:  # annotations only: the docket's first paint must not wait for the rules and the database
    from screens.steps.decision_rules import FormVerdict
    from visitation.domain.profiles import Profile
    from visitation.services.decisions import Preview, Recorded
    from visitation.services.drafts import DraftState
    from visitation.services.views import CaseDetail, MeetingRow


@dataclass(frozen=True)
class CaseBundle:
    """What the case flow needs, read in one worker: the case, its profile, the saved form, and the verdict of
    the rules on the form's values (the proposal pre-filled, the saved fields over it)."""

    case: CaseDetail
    profile: Profile
    meeting: MeetingRow
    draft: DraftState
    verdict: FormVerdict

    @property
    def preview(self) -> Preview:
        """The rule status and follow-ups of the form as it is."""
        return self.verdict.preview


@dataclass
class MeetingLoaded(Message):
    """A meeting (with docket and participants) has been read, or there is none (None)."""

    meeting: MeetingRow | None


@dataclass
class LoadFailed(Message):
    """Reading failed; the text is one line for the user."""

    text: str


@dataclass
class CaseLoaded(Message):
    """A case with everything the six steps show."""

    bundle: CaseBundle


@dataclass
class CaseChanged(Message):
    """Something on the case was saved; the flow reloads it."""

    note: str = ""


@dataclass
class DraftSaved(Message):
    """The decision form's fields as saved."""

    state: DraftState


@dataclass
class RulesChecked(Message):
    """The live verdict of the rules on the decision form (it bubbles to the flow: the alternatives step shows it
    too)."""

    verdict: FormVerdict


@dataclass
class DecisionRecorded(Message):
    """A decision was recorded and locked."""

    recorded: Recorded


@dataclass
class DataChanged(Message, bubble=False):
    """Another writer (a laptop's CLI, another screen) changed these cases (None: something of no one case,
    such as a meeting's docket); the screens showing them read them again."""

    cases: frozenset[int | None]

    def touches(self, case_id: int | None) -> bool:
        """Whether a screen showing this case (None: no case yet) should read it again."""
        return case_id is None or None in self.cases or case_id in self.cases
