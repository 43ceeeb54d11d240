"""Two people save different values to the same field: the second is told which field; nothing is overwritten."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from visitation.domain.casefile import NetworkPerson
from visitation.errors import Conflict
from visitation.services import audit, cases, network
from visitation.services.db import Db, open_db


def test_the_second_save_of_a_field_is_a_conflict_and_both_values_are_logged(db_url: str) -> None:
    chair = open_db(db_url, "hanne")
    case_id = cases.add(chair, name="Liva Jensen", birth_date=dt.date(2018, 4, 11), ref="K-1")
    person = NetworkPerson("Grethe Jensen", "mormor", "family", 2, note="Henter om tirsdagen")
    member = network.add(chair, "K-1", person)
    laptop = Db(chair.engine, "mette")
    seen = network.members(chair, "K-1")[0]  # both opened the same version
    network.update(chair, member, seen.version, dataclasses.replace(person, note="Henter mandag og tirsdag"), person)
    with pytest.raises(Conflict, match="note er nu 'Henter mandag og tirsdag'"):
        network.update(laptop, member, seen.version, dataclasses.replace(person, note="Kan ikke hente længere"), person)
    assert network.members(chair, "K-1")[0].note == "Henter mandag og tirsdag"
    lines = [(e.user, e.action, e.detail) for e in audit.events(chair, case_id) if e.entity == "network_member"]
    assert ("hanne", "update", "note: 'Henter mandag og tirsdag'") in lines
    assert ("mette", "conflict", "afvist, en anden havde ændret det: note: 'Kan ikke hente længere'") in lines
    assert not any("Grethe" in d for _, _, d in lines)  # a person's name never goes into the log's text
