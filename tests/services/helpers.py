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


def placement(**changes: Any) -> DecisionDraft:
    """A valid placement draft (with its alternatives), changed as asked."""
    return replace(PLACEMENT, **{"alternatives": LOWER, **changes})


def counts(db: Db) -> dict[str, int]:
    """Rows per table: the fingerprint of 'nothing was written'."""
    with db.read() as session:
        return {t.name: session.execute(select(func.count()).select_from(t)).scalar_one()
                for t in models.metadata.sorted_tables}
