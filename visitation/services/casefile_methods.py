"""The seeds' methods of a case in the case file: the Signs of Safety mapping and plan, the ICS notes and the
prevention triangle — written out as the case stands, and restored inside the import's transaction."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, col, select

from visitation.domain.casefile_methods import LINE_KEYS, Methods
from visitation.services import audit, ics, sos
from visitation.services.db import Db
from visitation.store.models import Case, IcsNote, NetworkMember, SafetyRule, SosEntry, SosScale

# --- out ------------------------------------------------------------------------------------------


def document(session: Session, case: Case) -> dict[str, Any]:
    """`signs_of_safety`, `ics`, `prevention`, `position` and `wellbeing` of a case file (unset levels: null)."""
    cid: int = case.id  # type: ignore[assignment]
    mapping = sos.view(session, cid)
    lines = {key: [{"text": line.text, **({"who": line.who} if key in ("worries", "working", "next") else {})}
                   for line in mapping.of(kind.value)] for key, kind in LINE_KEYS.items()}
    return {
        "signs_of_safety": {
            **lines,
            "scale": [{"who": r.who, "score": r.score, "date": r.rated_on.isoformat()} for r in mapping.ratings],
            "plan": _plan_out(session, cid),
        },
        "ics": [{"side": n.side, "dimension": n.dimension, n.kind: n.text} for n in ics.rows(session, cid)],
        "prevention": case.prevention or None, "position": case.position or None, "wellbeing": case.wellbeing or None,
    }


def _plan_out(session: Session, case_id: int) -> list[dict[str, Any]]:
    """The plan's rules with their keepers as named on the map the file carries (those still on it)."""
    on_map = {m.id: m.name for m in session.exec(select(NetworkMember).where(
        NetworkMember.case_id == case_id, col(NetworkMember.removed_at).is_(None)))}
    rules = session.exec(select(SafetyRule).where(SafetyRule.case_id == case_id).order_by(col(SafetyRule.id)))
    return [{"rule": r.text, "keepers": [on_map[k] for k in r.keepers if k in on_map]} for r in rules]


# --- in -------------------------------------------------------------------------------------------


def restore(session: Session, db: Db, case: Case, methods: Methods) -> None:
    """Write a parsed file's methods for `case`, whose network is already written (the plan's keepers are
    matched against it); one audit event says what came with the case."""
    cid, by = case.id, db.user
    mapping = methods.sos
    for line in mapping.lines:
        session.add(SosEntry(case_id=cid, kind=line.kind.value, text=line.text, who=line.who, created_by=by))  # type: ignore[arg-type]
    for r in mapping.scale:
        session.add(SosScale(case_id=cid, who=r.who, score=r.score, rated_on=r.date, created_by=by))  # type: ignore[arg-type]
    for rule in mapping.plan:
        session.add(SafetyRule(case_id=cid, text=rule.rule, keepers=sos.keeper_ids(session, case, list(rule.keepers)),  # type: ignore[arg-type]
                               created_by=by))
    for n in methods.ics:
        session.add(IcsNote(case_id=cid, side=n.side, dimension=n.dimension, kind=n.kind.value, text=n.text,  # type: ignore[arg-type]
                            created_by=by))
    case.prevention, case.position, case.wellbeing = methods.prevention, methods.position, methods.wellbeing
    session.add(case)
    if mapping.lines or mapping.scale or mapping.plan or methods.ics:
        audit.log(session, db, "import", cid, "sos", None,
                  f"kortlægning ({len(mapping.lines)} linjer, {len(mapping.scale)} skaleringer), "
                  f"sikkerhedsplan ({len(mapping.plan)} regler) og {len(methods.ics)} ICS-noter indlæst med sagen")
