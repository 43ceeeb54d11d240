"""Small builders shared by the service tests."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from sqlalchemy import func, select

from visitation.domain.decision import AlternativeDraft, Consent, DecisionDraft, Outcome, Verdict
from visitation.services.db import Db
from visitation.store import models

PLACEMENT = DecisionDraft(
    outcome=Outcome.APPROVED, step=5, interventions=("plejefamilie",), purpose="En tryg hverdag",
    duration="12 måneder", start=dt.date(2026, 12, 1), rationale="Hjemmet kan ikke give omsorgen",
    child_view="Vil bo tæt på skolen", child_view_how="børnesamtale på skolen 2026-11-10",
    parents_view="Samtykker", consent=Consent.YES, investigation_done=dt.date(2026, 11, 2),
    siblings="Ingen søskende", schooling="Bliver på sin skole; plejefamilien kører",
    foster_assessment="En plejefamilie giver de nære, stabile voksne, barnet har brug for")
LOWER = (AlternativeDraft(3, "familiebehandling", Verdict.REJECTED, "Afprøvet uden effekt"),
         AlternativeDraft(4, "netvaerksplejefamilie", Verdict.REJECTED, "Intet egnet netværk"))


RULER_REASON = "Barnets behov kræver mere, end zonen normalt peger på; de lavere trin er afprøvet"
"""Why a step above 4 is chosen: the demo cases these tests decide are in zone 4 on the ruler, which points to
steps 3–4 in every profile (the rule asks the reason outside that range)."""
SAFETY = AlternativeDraft(3, "sikkerhedsplan", Verdict.REJECTED, "Netværket kan ikke holde en sikkerhedsplan")
"""The safety plan weighed before a placement: the Hjørring profile asks it (add it to `alternatives`)."""


def placement(**changes: Any) -> DecisionDraft:
    """A valid placement draft (with its alternatives and, above step 4, the ruler reason), changed as asked."""
    step = changes.get("step", PLACEMENT.step)
    return replace(PLACEMENT, **{"alternatives": LOWER, "ruler_reason": RULER_REASON if step > 4 else "", **changes})


def counts(db: Db) -> dict[str, int]:
    """Rows per table: the fingerprint of 'nothing was written'."""
    with db.read() as session:
        return {t.name: session.execute(select(func.count()).select_from(t)).scalar_one()
                for t in models.metadata.sorted_tables}
