"""Import and export of whole cases in the case file format (`visitation.case/2`; `/1` is read too)."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from sqlmodel import Session, col, select

from visitation.domain.casefile import FORMAT, CaseFile, check_against, parse_case
from visitation.domain.privacy import Privacy, Scrubber
from visitation.errors import InvalidInput
from visitation.services import audit, casefile_methods, cases, history, trajectory
from visitation.services.db import Db, profile_for
from visitation.store.models import Alternative, Assessment, Case, Child, NetworkMember, Proposal

T = TypeVar("T")
MAX_FILE_BYTES = 5 * 1024 * 1024
"""A case file is a few kilobytes; anything this large is refused rather than read."""


def read_json(path: Path, limit: int = MAX_FILE_BYTES) -> Any:
    """Read a JSON file, refusing missing, oversized, non-UTF-8 or malformed files with one line."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InvalidInput(f"{path.name}: filen findes ikke") from None
    except OSError as exc:
        raise InvalidInput(f"{path.name}: kan ikke læses ({exc.strerror})") from None
    if size > limit:
        raise InvalidInput(f"{path.name}: filen er for stor ({size // 1024} KB; højst {limit // 1024} KB)")
    try:
        raw = path.read_bytes()
    except IsADirectoryError:
        raise InvalidInput(f"{path.name}: er en mappe, ikke en fil") from None
    except OSError as exc:
        raise InvalidInput(f"{path.name}: kan ikke læses ({exc.strerror})") from None
    return decode_json(path.name, raw, limit)


def decode_json(name: str, raw: bytes, limit: int = MAX_FILE_BYTES) -> Any:
    """The JSON document in `raw` (a file's or standard input's bytes); one line naming `name` otherwise."""
    if len(raw) > limit:
        raise InvalidInput(f"{name}: for stor ({len(raw) // 1024} KB; højst {limit // 1024} KB)")
    try:
        return json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise InvalidInput(f"{name}: ikke UTF-8") from None
    except json.JSONDecodeError as exc:
        raise InvalidInput(f"{name}: ikke gyldig JSON (linje {exc.lineno}, kolonne {exc.colno})") from None
    except RecursionError:
        raise InvalidInput(f"{name}: ikke en sagsfil (JSON'en er indlejret for dybt)") from None


def import_file(db: Db, path: Path) -> int:
    """Import one case file; everything is validated before anything is written. Returns the case id."""
    return import_data(db, read_json(path))


def import_data(db: Db, data: Any) -> int:
    """Import a decoded case file."""
    return import_many(db, [("", data)])[0]


def import_many(db: Db, documents: Sequence[tuple[str, Any]],
                progress: Callable[[str], None] | None = None) -> list[int]:
    """Import decoded case files `(name, data)` in one transaction: all of them, or (one is refused) none.

    Every file is parsed before anything is written; a file refused while it is stored (a reference already
    taken, a profile not known) rolls the others back. The error names the file. `progress` hears each name
    once it is stored. Returns the case ids in the files' order. An empty name
    leaves the messages as they are (one document of unknown origin).
    """
    parsed = [(name, _named(name, parse_case, data)) for name, data in documents]
    ids: list[int] = []
    with db.write() as session:
        for name, case_file in parsed:
            case = _named(name, store_case, session, db, case_file)
            audit.log(session, db, "import", case.id, "case", case.id)
            ids.append(case.id)  # type: ignore[arg-type]
            if progress:
                progress(name)
    return ids


def _named(name: str, step: Callable[..., T], *args: Any) -> T:
    """`step(*args)`, with a refusal's message prefixed by the file it concerns (if it has a name)."""
    try:
        return step(*args)
    except InvalidInput as exc:
        if not name or exc.message.startswith(f"{name}: "):
            raise
        raise InvalidInput(f"{name}: {exc.message}") from None


def store_case(session: Session, db: Db, parsed: CaseFile) -> Case:
    """Write a parsed case and everything in it inside the caller's transaction."""
    profile = profile_for(session, parsed.profile)
    check_against(parsed, profile)
    case = cases.create(session, db, ref=parsed.ref, child=parsed.child, caseworker=parsed.caseworker,
                        school=parsed.school, reason=parsed.reason, step=parsed.current_step,
                        profile_key=profile.key)
    cid = case.id
    case.child_view, case.child_view_how = parsed.child_view.text, parsed.child_view.how
    case.child_view_date = parsed.child_view.date
    case.parents_view, case.parents_consent = parsed.parents_view.text, parsed.parents_view.consent.value
    for a in parsed.assessments:
        session.add(Assessment(case_id=cid, date=a.date, zone=a.zone, axis=a.axis, rater=a.rater,  # type: ignore[arg-type]
                               role=a.role, protective=list(a.protective), risk=list(a.risk), note=a.note,
                               consensus=a.consensus))
    for p in parsed.network:
        session.add(NetworkMember(case_id=cid, name=p.name, relation=p.relation, sector=p.sector,  # type: ignore[arg-type]
                                  ring=p.ring, valence=p.valence,
                                  placement_candidate=p.placement_candidate, note=p.note))
    if parsed.proposal:
        pr = parsed.proposal
        session.add(Proposal(case_id=cid, step=pr.step, interventions=list(pr.interventions),  # type: ignore[arg-type]
                             purpose=pr.purpose, duration=pr.duration, rationale=pr.rationale))
    for alt in parsed.alternatives:
        session.add(Alternative(case_id=cid, step=alt.step, intervention=alt.intervention,  # type: ignore[arg-type]
                                verdict=alt.verdict.value, reason=alt.reason))
    session.flush()
    casefile_methods.restore(session, db, case, parsed.methods)
    history.restore(session, db, case, parsed)
    return case


def export(db: Db, ident: str, privacy: Privacy = Privacy.INTERNAL) -> dict[str, Any]:
    """A case in the case file format; CPR only at privacy `full` (below it, also masked in every text).
    The export is logged."""
    return audit.read_logged(db, ident, lambda session, case: case_document(session, case, privacy), "export",
                             "case", f"sagsfil, niveau {privacy.value}", names_case=True)


def case_document(session: Session, case: Case, privacy: Privacy) -> dict[str, Any]:
    """The case file document of a case, from an open session, as the privacy level allows."""
    child = session.get(Child, case.child_id)
    assert child is not None
    scrub = Scrubber(child.name, child.initials, privacy)
    document: dict[str, Any] = _scrubbed(_document(session, case, child, privacy), scrub)
    return document


def _scrubbed(value: Any, scrub: Scrubber) -> Any:
    """Every text of a document as the privacy level allows (a CPR number in a note is masked below `full`)."""
    if isinstance(value, str):
        return scrub(value)
    if isinstance(value, list):
        return [_scrubbed(v, scrub) for v in value]
    if isinstance(value, dict):
        return {k: _scrubbed(v, scrub) for k, v in value.items()}
    return value


def _document(session: Session, case: Case, child: Child, privacy: Privacy) -> dict[str, Any]:
    cid = case.id

    def rows(model: Any) -> list[Any]:
        return list(session.exec(select(model).where(model.case_id == cid).order_by(col(model.id))))

    proposal = rows(Proposal)[-1:]
    network = [m for m in rows(NetworkMember) if m.removed_at is None]
    return {
        "format": FORMAT, "ref": case.ref, "profile": case.profile_key,
        "child": {"name": child.name, "initials": child.initials, "birth_date": child.birth_date.isoformat(),
                  "cpr": child.cpr if privacy is Privacy.FULL else None},
        "caseworker": case.caseworker, "school": case.school, "reason": case.reason,
        "current_step": case.current_step,
        "child_view": {"text": case.child_view, "how": case.child_view_how,
                       "date": case.child_view_date.isoformat() if case.child_view_date else None},
        "parents_view": {"text": case.parents_view, "consent": case.parents_consent},
        "assessments": [{"date": a.date.isoformat(), "zone": a.zone, "axis": a.axis, "rater": a.rater,
                         "role": a.role, "protective": list(a.protective), "risk": list(a.risk),
                         "note": a.note, **({"consensus": True} if a.consensus else {})}
                        for a in rows(Assessment)],
        "network": [{"name": m.name, "relation": m.relation, "sector": m.sector, "ring": m.ring,
                     "valence": m.valence, "placement_candidate": m.placement_candidate, "note": m.note}
                    for m in network],
        "proposal": {"step": proposal[0].step, "interventions": list(proposal[0].interventions),
                     "purpose": proposal[0].purpose, "duration": proposal[0].duration,
                     "rationale": proposal[0].rationale} if proposal else None,
        "alternatives": [{"step": a.step, "intervention": a.intervention, "verdict": a.verdict,
                          "reason": a.reason} for a in rows(Alternative)],
        **casefile_methods.document(session, case),
        **history.document(session, case),
        "trajectory": [{"date": p.date.isoformat(), "step": p.step, "zone": p.zone, "event": p.event}
                       for p in trajectory.points(session, case)],  # for the reader; import ignores it
    }
