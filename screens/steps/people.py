"""People named on a case's mapping (who said it, who rated, who keeps a rule), shown as the network step shows
them: on the wall the relation, never a full name."""

from __future__ import annotations

from visitation.domain.privacy import Privacy, Scrubber
from visitation.services.views import CaseDetail

ROLES = ("Barnet", "Forældrene", "Rådgiveren", "Teamet")
"""Who may be named without being on the network map."""


def person_label(name: str, relation: str, privacy: bool) -> str:
    """A network person: the relation only on the wall, name and relation otherwise."""
    return relation if privacy else f"{name} ({relation})"


def who_label(who: str, case: CaseDetail, privacy: bool) -> str:
    """A name as written on the mapping: a network person as on the map; else, on the wall, the child's name as
    initials and a name of several capitalised words (a full name) as its initials."""
    who = who.strip()
    member = next((m for m in case.network if m.name.casefold() == who.casefold()), None)
    if member is not None:
        return person_label(member.name, member.relation, privacy)
    if not privacy or not who:
        return who
    scrub = Scrubber.for_case(case, Privacy.SCREEN)
    shown = scrub(who)
    words = who.split()
    if shown == who and len(words) > 1 and all(w[:1].isupper() for w in words):
        return scrub.person(who)
    return shown


def people(case: CaseDetail, privacy: bool) -> list[tuple[str, str]]:
    """(label, name) for each person on the case's network map, as the map labels them."""
    return [(person_label(m.name, m.relation, privacy), m.name) for m in case.network]
