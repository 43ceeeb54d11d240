"""A realistic Visitation database of N cases, built fast, for the benchmarks.

    python benchmarks/generate.py --cases 100000 --db /tmp/bench.db [--audit 1000000] [--seed 1]

The schema comes from the project itself (`visitation.services.db.open_db`, which runs the Alembic
migrations); the rows are then bulk-inserted with SQLAlchemy Core `insert()` executemany, in large
batches, one transaction per table. Everything is fictional and deterministic (a seeded `random.Random`
and a fixed "today"), so the same arguments give the same database.

What a case gets: a child, a caseworker, a school, a profile and a step; 3–8 people on the network map;
2–3 assessments on the Børnelineal; a proposal (most cases) and the alternatives the profile requires
for it; for a share of the cases a decision at a meeting (with its docket item) and, for placements,
the follow-ups the profile and the law schedule, and 1–3 goals (sometimes a sub-goal) scored at each
follow-up done, the best of them reached and a few dropped. The cases of a profile with the prevention
triangle (Socialstyrelsen's) get a level and position × trivsel (85 %; each part sometimes unset).
Meetings have participants and a docket of 8–12 cases. The audit log gets `--audit` events (default 10
per case: the spec's 1,000,000 at 100,000).

The hash chains (`decision.hash`/`prev_hash`, `audit_event.hash`/`prev_hash`) are left EMPTY for
generated rows unless `--sealed` is given: computing them row by row would dominate the run, and only
the restore and verify measurements read them. Without `--sealed`, `visitation verify` finds the chains
broken on a generated database; that is expected. The
database is keyed with the installation's chain key (anchored at the generated ends), so the tools
can append to it — an audited search, a decision — as to any other.
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import itertools
import math
import random
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

TODAY = dt.date(2026, 11, 20)
"""The generated world's "today" (fixed, so the database does not depend on when it was built)."""
FIRST_YEAR = 2016
BATCH = 20_000
USER = "benchmark"

GIRLS = ["Alma", "Ida", "Freja", "Clara", "Ella", "Karla", "Emma", "Olivia", "Agnes", "Sofia", "Liva",
         "Nora", "Josefine", "Asta", "Luna", "Ellie", "Lærke", "Mathilde", "Aya", "Vigga", "Esther",
         "Signe", "Frida", "Maja", "Laura", "Anna", "Isabella", "Emilie", "Victoria", "Marie"]
BOYS = ["William", "Noah", "Oscar", "Lucas", "Carl", "Malthe", "Alfred", "Emil", "Aksel", "Valdemar",
        "Arthur", "Elias", "Magnus", "Felix", "Theo", "Otto", "Liam", "Viggo", "August", "Mikkel",
        "Storm", "Johan", "Frederik", "Anton", "Victor", "Mads", "Kasper", "Rasmus", "Sebastian", "Ali"]
SURNAMES = ["Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen",
            "Rasmussen", "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen",
            "Christiansen", "Poulsen", "Johansen", "Møller", "Mortensen", "Knudsen", "Jakobsen",
            "Mikkelsen", "Nørgaard", "Frederiksen", "Holm", "Kjær", "Lund", "Berg", "Dahl", "Vestergaard",
            "Kragelund", "Friis", "Bach", "Skov", "Østergaard", "Ahmed", "Hussein", "Yilmaz", "Kowalski"]
ADULTS = ["Lene", "Kasper", "Bodil", "Grethe", "Henrik", "Mette", "Søren", "Hanne", "Jens", "Pia",
          "Tina", "Brian", "Dorthe", "Allan", "Susanne", "Ole", "Karin", "Birgitte", "Jesper", "Lone",
          "Niels", "Charlotte", "Morten", "Anne", "Peter", "Louise", "Thomas", "Camilla", "Michael", "Rikke"]
CASEWORKERS = [f"{f} {s}" for f, s in [
    ("Mette", "Holm"), ("Ole", "Berg"), ("Hanne", "Kjeldsen"), ("Lise", "Damgaard"), ("Jonas", "Lykke"),
    ("Trine", "Bak"), ("Anders", "Juul"), ("Sanne", "Vinther"), ("Kirsten", "Bruun"), ("Rune", "Ravn"),
    ("Helle", "Kirkegaard"), ("Jakob", "Lauridsen"), ("Maria", "Eskildsen"), ("Line", "Hjort"),
    ("Nanna", "Schou"), ("Martin", "Klausen"), ("Gitte", "Sloth"), ("Bo", "Winther"), ("Eva", "Krogh"),
    ("Karen", "Munk"), ("Søren", "Laursen"), ("Pernille", "Storm"), ("Dorte", "Bisgaard"),
    ("Henrik", "Toft"), ("Malene", "Bech"), ("Louise", "Overgaard"), ("Stine", "Riis"),
    ("Thomas", "Hvid"), ("Camilla", "Juhl"), ("Anja", "Lindholm"), ("Kim", "Brandt"), ("Julie", "Svendsen"),
    ("Lars", "Fogh"), ("Ulla", "Mølgaard"), ("Birthe", "Skovgaard"), ("Frank", "Iversen"),
    ("Tove", "Lassen"), ("Mads", "Gravesen"), ("Vibeke", "Borg"), ("Signe", "Thygesen")]]
SCHOOLS = ["Munkebo Skole", "Langeskov Skole", "Kerteminde Byskole", "Hou Skole", "Odder Skole",
           "Skovbakkeskolen", "Parkvejens Skole", "Hjørring Friskole", "Bagterpskolen", "Tårs Skole",
           "Vrå Skole", "Hirtshals Skole", "Sindal Skole", "Højvangskolen", "Rosenholmskolen",
           "Nordstjerneskolen", "Søndermarkskolen", "Lindeskolen", "Egebjergskolen", "Vestbyskolen"]
DAYCARES = ["Børnehuset Mariehønen", "Børnehaven Solsikken", "Vuggestuen Myretuen", "Børnehuset Spiren",
            "Børnehaven Troldehøj", "Dagplejen Nord", "Børnehuset Regnbuen", "Naturbørnehaven Skovly"]
ROOMS = ["Spirestuen", "Sommerfuglene", "Bjørnestuen", "Frøgruppen", "Mellemgruppen", "Storegruppen"]
RELATIONS = [  # relation, sector, usual ring, usual valence
    ("mor", "family", 1, "resource"), ("far", "family", 1, "both"), ("mormor", "family", 1, "resource"),
    ("morfar", "family", 2, "resource"), ("farmor", "family", 2, "resource"), ("farfar", "family", 2, "resource"),
    ("moster", "family", 2, "resource"), ("faster", "family", 2, "resource"), ("onkel", "family", 2, "both"),
    ("storesøster", "family", 1, "resource"), ("storebror", "family", 1, "resource"),
    ("stedfar", "family", 1, "concern"), ("bedste ven", "friends", 1, "resource"),
    ("veninde fra klassen", "friends", 2, "resource"), ("nabo", "friends", 3, "resource"),
    ("fodboldtræner", "friends", 3, "resource"), ("klasselærer", "school", 1, "resource"),
    ("primærpædagog", "school", 1, "resource"), ("skolepædagog", "school", 2, "resource"),
    ("sundhedsplejerske", "professional", 3, "resource"), ("PPR-psykolog", "professional", 3, "resource"),
    ("familiebehandler", "professional", 2, "resource"), ("kontaktperson", "professional", 2, "resource"),
    ("egen læge", "professional", 3, "resource")]
RATER_ROLES = ["pædagog", "klasselærer", "PPR", "sundhedsplejerske", "rådgiver", "skolesocialrådgiver",
               "familiebehandler"]
PROTECTIVE = ["god kontakt til klasselærer", "en fast ven", "mormor er en stabil voksen",
              "forældrene samarbejder med skolen", "glad for sin fritidsaktivitet", "god søvn og appetit",
              "nysgerrig og lærenem", "søskende støtter hinanden", "kommer stabilt i skole"]
RISKS = ["stigende fravær", "uro i klassen", "trækker sig fra fællesskabet", "konflikter i hjemmet",
         "forældrenes misbrug", "mangelfuld hygiejne", "sproglig udvikling forsinket",
         "voldsomme reaktioner ved skift", "bekymrende vægttab", "forældrenes psykiske sårbarhed"]
REASONS = ["Underretning fra skolen: stigende fravær og uro.", "Underretning fra børnehaven om trivsel.",
           "Forældrene søger selv hjælp.", "Underretning fra politiet efter husspektakler.",
           "Opfølgning på tidligere foranstaltning.", "Underretning fra sundhedsplejen.",
           "Bekymring fra PPR efter test.", "Anonym underretning fra nabo."]
PURPOSES = ["At barnet igen trives og kommer stabilt i skole.", "At forældrene får redskaber til en tryg hverdag.",
            "At barnet får en stabil voksen og en forudsigelig hverdag.",
            "At barnet bevarer kontakten til sit netværk under anbringelsen."]
DURATIONS = ["3 måneder", "6 måneder", "9 måneder", "1 år", "2 år"]
OUTCOMES = [("approved", 75), ("changed", 10), ("postponed", 8), ("rejected", 4), ("referred", 3)]
DOCKET_STATE = {"postponed": "postponed", "referred": "referred"}
PROFILE_WEIGHTS = {"socialstyrelsen": 40, "kerteminde": 25, "odder": 20, "hjoerring": 15}
STEP_WEIGHTS = [30, 25, 22, 9, 9, 5]
AGES = list(range(18))
AUDIT_ACTIONS = [("read", 55), ("update", 15), ("search", 10), ("create", 8), ("export", 5),
                 ("decide", 4), ("import", 3)]


def initials(name: str) -> str:
    """Initials as the CLI makes them (first letter of each part, upper-case)."""
    return "".join(part[0].upper() for part in name.split() if part)[:10]


def child_name(rng: Rng) -> str:
    """A fictional child's full name."""
    first = rng.choice(GIRLS if rng.random() < 0.5 else BOYS)
    last = rng.choice(SURNAMES)
    if rng.random() < 0.15:
        last = f"{rng.choice(SURNAMES)} {last}"
    return f"{first} {last}"


def school_for(rng: Rng, age: int) -> str:
    """A school and class, or a day-care and room for the youngest."""
    if age < 6:
        return f"{rng.choice(DAYCARES)}, {rng.choice(ROOMS)}"
    grade = min(age - 6, 9)
    return f"{rng.choice(SCHOOLS)}, {grade}.{rng.choice('abc')}"


def _member_name(rng: Rng, relation: str, sector: str) -> str:
    """First names for family and friends, full names for professionals."""
    if relation in ("storesøster", "veninde fra klassen"):
        return rng.choice(GIRLS)
    if relation in ("storebror", "bedste ven"):
        return rng.choice(BOYS)
    if sector in ("school", "professional"):
        return f"{rng.choice(ADULTS)} {rng.choice(SURNAMES)}"
    return rng.choice(ADULTS)


class Rng(random.Random):
    """A seeded generator whose choice, randint and sample are a few times faster than the stdlib's
    exact ones (float-based, which is plenty for test data); the generator spends much of its time here."""

    def choice(self, seq: Any) -> Any:  # type: ignore[override]
        return seq[int(self.random() * len(seq))]

    def randint(self, a: int, b: int) -> int:
        return a + int(self.random() * (b - a + 1))

    def sample(self, population: Any, k: int, *, counts: Any = None) -> list[Any]:  # type: ignore[override]
        pool = list(population)
        n = len(pool)
        for i in range(k):  # a partial Fisher-Yates shuffle
            j = i + int(self.random() * (n - i))
            pool[i], pool[j] = pool[j], pool[i]
        return pool[:k]

    def weighted(self, values: Any, cum_weights: list[int]) -> Any:
        """One of `values`, by cumulative weights."""
        return values[bisect.bisect(cum_weights, self.random() * cum_weights[-1])]


def cumulative(weights: Iterable[int]) -> list[int]:
    """Cumulative weights for Rng.weighted."""
    return list(itertools.accumulate(weights))


def _weighted(rng: Rng, pairs: list[tuple[Any, int]]) -> Any:
    key = id(pairs)
    if key not in _CUM:
        _CUM[key] = ([p for p, _ in pairs], cumulative(w for _, w in pairs))
    values, cum = _CUM[key]
    return rng.weighted(values, cum)


_CUM: dict[int, tuple[list[Any], list[int]]] = {}


def _at(day: dt.date, rng: Rng) -> dt.datetime:
    """A working-hours moment on a day (UTC)."""
    return dt.datetime(day.year, day.month, day.day, rng.randint(6, 14), rng.randint(0, 59),
                       rng.randint(0, 59), rng.randint(0, 999_999), tzinfo=dt.UTC)


def chunks(rows: Iterable[Any], size: int = BATCH) -> Iterator[list[Any]]:
    """Lists of at most `size` rows."""
    batch: list[Any] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


class Catalogue:
    """What the generator needs from one profile: steps, zones, interventions by step, citations."""

    def __init__(self, profile: Any) -> None:
        self.profile = profile
        self.key, self.version = profile.key, profile.version
        self.zones = [z.number for z in profile.zones]
        self.steps = [s.number for s in profile.steps]
        self.by_step: dict[int, list[str]] = {}
        for item in profile.interventions:
            self.by_step.setdefault(item.step, []).append(item.key)
        self.legal = {item.key: list(profile.legal_basis(item.key)) for item in profile.interventions}
        self.law_version = f"{profile.law.name}, {profile.law.version}"
        self.required = profile.required_alternatives
        self.step_weights = cumulative(STEP_WEIGHTS[:len(self.steps)])

    def interventions(self, rng: Rng, step: int) -> list[str]:
        keys = self.by_step.get(step) or [k for s in sorted(self.by_step) for k in self.by_step[s]][:1]
        return rng.sample(keys, k=min(len(keys), rng.choice((1, 1, 2))))


GOALS = ["At barnet kommer i skole hver dag.", "At barnet sover i egen seng og falder til ro om aftenen.",
         "At forældrene selv tager kontakt til skolen ved fravær.", "At barnet har en fast ven i klassen.",
         "At barnet ser sin mormor hver uge.", "At familien har faste måltider.",
         "At barnet deltager i en fritidsaktivitet."]


LEVELS_BY_STEP = {1: [("primary", 6), ("secondary", 3)], 2: [("primary", 3), ("secondary", 6), ("tertiary", 1)],
                  3: [("secondary", 6), ("tertiary", 4)], 4: [("secondary", 2), ("tertiary", 8)],
                  5: [("tertiary", 1)], 6: [("tertiary", 1)]}
"""The prevention triangle's level a case on each step usually has (Strategisk ramme, figur 1: weights)."""
POSITIONS = {"primary": [("not-exposed", 7), ("at-risk", 3)], "secondary": [("at-risk", 6), ("exposed", 2),
                                                                            ("not-exposed", 2)],
             "tertiary": [("exposed", 8), ("at-risk", 2)]}


class Classes:
    """Socialstyrelsen's prevention level and position × trivsel (skema 2) on the cases of the profiles that use
    the triangle: 85 % classified, each part sometimes left unset (a seeded generator of its own, so every other
    row is as generator version 2 made it)."""

    def __init__(self, seed: int) -> None:
        self.rng = Rng(seed + 3)

    def add(self, case: dict[str, Any], uses_triangle: bool) -> None:
        """Set the case's prevention, position and wellbeing (blank where unset or the profile has no triangle)."""
        rng = self.rng
        case.update(prevention="", position="", wellbeing="")
        if not uses_triangle or rng.random() >= 0.85:
            return
        level = _weighted(rng, LEVELS_BY_STEP[case["current_step"]])
        position = _weighted(rng, POSITIONS[level]) if rng.random() < 0.95 else ""
        thriving = {"not-exposed": 0.8, "at-risk": 0.45, "exposed": 0.2}.get(position, 0.5)
        wellbeing = ("thriving" if rng.random() < thriving else "not-thriving") if rng.random() < 0.9 else ""
        case.update(prevention=level, position=position, wellbeing=wellbeing)


class Goals:
    """Goals and sub-goals of a placing decision, scored at each follow-up done (a seeded generator of its own,
    so the rows before them are those of generator version 1)."""

    def __init__(self, seed: int) -> None:
        self.rng = Rng(seed + 2)
        self.goal_id = self.score_id = 0

    def add(self, out: dict[str, list[Any]], case_id: int, at: dt.datetime,
            done: list[tuple[int, dt.date]]) -> None:
        """1-3 goals of a case decided at `at`; `done`: the decision's follow-ups done (id, day), oldest first."""
        rng, parent = self.rng, None
        for n in range(rng.randint(1, 3)):
            self.goal_id += 1
            scores = self._scores(out, done)
            reached = bool(scores) and scores[-1] >= 7 and rng.random() < 0.7
            dropped = bool(done) and not reached and rng.random() < 0.1
            out["goal"].append({
                "id": self.goal_id, "case_id": case_id, "parent_id": parent if n and rng.random() < 0.4 else None,
                "text": rng.choice(GOALS), "due": at.date() + dt.timedelta(days=rng.choice((90, 180, 365))),
                "status": "reached" if reached else "dropped" if dropped else "open",
                "closed_on": done[-1][1] if reached or dropped else None, "created_at": at, "created_by": USER})
            parent = parent or self.goal_id

    def _scores(self, out: dict[str, list[Any]], done: list[tuple[int, dt.date]]) -> list[int]:
        """The goal's scores 0-10 at each follow-up done: a random walk, mostly upwards."""
        scores, score = [], self.rng.randint(1, 5)
        for followup_id, day in done:
            score = min(10, max(0, score + self.rng.randint(-2, 3)))
            self.score_id += 1
            out["goal_score"].append({"id": self.score_id, "goal_id": self.goal_id, "followup_id": followup_id,
                                      "score": score, "scored_on": day, "scored_by": USER,
                                      "created_at": dt.datetime.combine(day, dt.time(12), tzinfo=dt.UTC)})
            scores.append(score)
        return scores


def plan(n_cases: int, seed: int) -> dict[str, Any]:
    """Every row of the database, as plain values, in insertion order per table."""
    from visitation.domain.decision import CaseFacts, DecisionDraft, Outcome
    from visitation.domain.followups import schedule
    from visitation.domain.profiles import load_profile
    from visitation.services.cases import search_text

    rng = Rng(seed)
    age_weights = cumulative([4, 5, 5, 6, 6, 7, 8, 8, 8, 8, 8, 8, 8, 7, 7, 6, 5, 4])
    catalogues = {k: Catalogue(load_profile(k)) for k in PROFILE_WEIGHTS}
    profile_pairs = list(PROFILE_WEIGHTS.items())
    years = list(range(FIRST_YEAR, TODAY.year + 1))
    per_year = math.ceil(n_cases / len(years))
    width = max(4, len(str(per_year)))

    out: dict[str, list[Any]] = {t: [] for t in (
        "profile", "child", "case", "network_member", "assessment", "proposal", "alternative",
        "meeting", "participant", "docket_item", "decision", "followup", "goal", "goal_score")}
    goals = Goals(seed)
    classes = Classes(seed)
    for cat in catalogues.values():
        out["profile"].append({"key": cat.key, "version": cat.version, "text": cat.profile.text,
                               "created_at": dt.datetime(FIRST_YEAR, 1, 1, tzinfo=dt.UTC)})

    to_decide: list[tuple[dt.date, int]] = []  # (meeting-ready date, case index) of cases that get a decision
    cases: list[dict[str, Any]] = []
    network_of: dict[int, list[dict[str, Any]]] = {}
    member_id = assessment_id = alternative_id = 0
    for i in range(n_cases):
        cid = i + 1
        year = years[min(i // per_year, len(years) - 1)]
        seq = i - (year - FIRST_YEAR) * per_year + 1
        ref = f"{year}-{seq:0{width}d}"
        first = dt.date(year, 1, 1)
        last = min(dt.date(year, 12, 31), TODAY)
        opened = first + dt.timedelta(days=int((last - first).days * (seq - 1) / per_year))
        age = rng.weighted(AGES, age_weights)
        born = opened - dt.timedelta(days=age * 365 + rng.randint(0, 364))
        name = child_name(rng)
        child = {"id": cid, "name": name, "initials": initials(name), "birth_date": born, "cpr": None}
        cat = catalogues[_weighted(rng, profile_pairs)]
        step = rng.weighted(cat.steps, cat.step_weights)
        caseworker = rng.choice(CASEWORKERS)
        school = school_for(rng, age)
        created = _at(opened, rng)
        case = {"id": cid, "ref": ref, "child_id": cid, "profile_key": cat.key, "profile_version": cat.version,
                "caseworker": caseworker, "school": school, "reason": rng.choice(REASONS),
                "current_step": step, "status": "closed" if year < TODAY.year - 3 and rng.random() < 0.7 else "open",
                "child_view": "Barnet fortæller, at det er glad for sin skole, men savner ro derhjemme.",
                "child_view_how": "børnesamtale på skolen", "child_view_date": opened + dt.timedelta(days=7),
                "parents_view": "Forældrene ønsker hjælp og vil gerne samarbejde.",
                "parents_consent": rng.choice(("yes", "yes", "yes", "partial", "no", "unknown")),
                "search_text": search_text(ref, SimpleNamespace(name=name, initials=child["initials"]),
                                           caseworker, school),
                "created_at": created, "updated_at": created, "version": 1}
        out["child"].append(child)
        classes.add(case, cat.profile.methods.prevention_triangle)
        cases.append(case)

        members = []
        for relation, sector, ring, valence in rng.sample(RELATIONS, k=rng.randint(3, 8)):
            member_id += 1
            person = {"id": member_id, "case_id": cid,
                      "name": _member_name(rng, relation, sector),
                      "relation": relation, "sector": sector,
                      "ring": ring if rng.random() < 0.8 else rng.randint(1, 3),
                      "valence": valence if rng.random() < 0.85 else rng.choice(("resource", "concern", "both")),
                      "placement_candidate": sector == "family" and ring <= 2 and rng.random() < 0.25,
                      "note": "", "created_at": created, "removed_at": None, "version": 1}
            if rng.random() < 0.05:
                person["removed_at"] = created + dt.timedelta(days=rng.randint(20, 200))
            members.append(person)
        out["network_member"].extend(members)
        network_of[cid] = members

        for _ in range(rng.randint(2, 3)):
            assessment_id += 1
            out["assessment"].append({
                "id": assessment_id, "case_id": cid, "meeting_id": None,
                "date": opened + dt.timedelta(days=rng.randint(1, 20)),
                "zone": min(cat.zones[-1], max(cat.zones[0], step + rng.randint(-1, 1))),
                "axis": "child" if rng.random() < 0.85 else "parents",
                "rater": f"{rng.choice(ADULTS)} {rng.choice(SURNAMES)}", "role": rng.choice(RATER_ROLES),
                "protective": rng.sample(PROTECTIVE, k=rng.randint(1, 3)),
                "risk": rng.sample(RISKS, k=rng.randint(1, 3)), "note": "", "consensus": False,
                "created_at": created})

        if rng.random() < 0.95:
            target = min(cat.steps[-1], step + rng.choice((0, 0, 1)))
            out["proposal"].append({
                "id": cid, "case_id": cid, "step": target, "interventions": cat.interventions(rng, target),
                "purpose": rng.choice(PURPOSES), "duration": rng.choice(DURATIONS),
                "rationale": "Indsatsen matcher barnets behov og familiens ressourcer.", "created_at": created})
            alternatives = []
            for lower in cat.required.get(target, ()):
                for key in cat.interventions(rng, lower)[:1]:
                    alternative_id += 1
                    alternatives.append({"id": alternative_id, "case_id": cid, "step": lower, "intervention": key,
                                         "verdict": "rejected" if rng.random() < 0.8 else "not-relevant",
                                         "reason": "Afprøvet uden tilstrækkelig effekt.", "created_at": created,
                                         "version": 1})
            out["alternative"].extend(alternatives)
            if rng.random() < 0.40 and opened < TODAY - dt.timedelta(days=21):
                to_decide.append((opened + dt.timedelta(days=rng.randint(14, 60)), i))
                case["_proposal"] = (target, out["proposal"][-1]["interventions"], alternatives)

    # Meetings: ~10 decided cases each, in date order; the last few are planned with waiting cases.
    to_decide.sort()
    decision_id = followup_id = docket_id = participant_id = 0
    meeting_id = 0
    refs_on: dict[dt.date, int] = {}
    position = 0
    meeting: dict[str, Any] | None = None
    people: list[dict[str, Any]] = []
    for ready, index in to_decide:
        if meeting is None or position >= meeting["_size"]:
            meeting_id += 1
            day = min(ready, TODAY - dt.timedelta(days=1))
            while day.weekday() >= 5:
                day -= dt.timedelta(days=1)
            refs_on[day] = refs_on.get(day, 0) + 1
            chair = rng.choice(CASEWORKERS)
            meeting = {"id": meeting_id,
                       "ref": f"VM-{day.isoformat()}" + (f"-{refs_on[day]}" if refs_on[day] > 1 else ""),
                       "date": day, "title": "Visitationsmøde", "chair": chair, "state": "closed",
                       "created_at": _at(day - dt.timedelta(days=14), rng),
                       "closed_at": _at(day, rng) + dt.timedelta(hours=3), "version": 3, "_size": rng.randint(8, 12)}
            out["meeting"].append(meeting)
            people = []
            for name, role, org in [(chair, "Mødeleder", "Myndighed")] + [
                    (rng.choice(CASEWORKERS), "Rådgiver", "Myndighed"),
                    (f"{rng.choice(ADULTS)} {rng.choice(SURNAMES)}", "PPR", "Almenområdet"),
                    (f"{rng.choice(ADULTS)} {rng.choice(SURNAMES)}", "Udfører", "Familiehuset"),
                    (f"{rng.choice(ADULTS)} {rng.choice(SURNAMES)}", "Sundhedsplejerske", "Almenområdet"),
                    ][:rng.randint(3, 4)]:
                participant_id += 1
                people.append({"id": participant_id, "meeting_id": meeting_id, "name": name, "role": role,
                               "organisation": org, "present": True})
            out["participant"].extend(people)
            position = 0
        position += 1
        case = cases[index]
        cat = catalogues[case["profile_key"]]
        target, keys, alternatives = case.pop("_proposal")
        outcome = _weighted(rng, OUTCOMES)
        if outcome == "changed":
            target = max(cat.steps[0], target - 1)
            keys = cat.interventions(rng, target)
        start = meeting["date"] + dt.timedelta(days=rng.randint(3, 30))
        decision_id += 1
        at = _at(meeting["date"], rng)
        places = outcome in ("approved", "changed")
        legal = [c for k in keys for c in cat.legal.get(k, [])]
        if outcome == "referred":
            legal += [cat.profile.law.cite("bl-47"), cat.profile.law.cite("bl-142")]
        placed = places and cat.profile.is_placement(target)
        home = places and cat.profile.is_placement(case["current_step"]) and not cat.profile.is_placement(target)
        law_fields = {"youth_consent": "yes",
                      "investigation_done": meeting["date"] - dt.timedelta(days=10) if placed else None,
                      "acute": False, "return_period_months": 6 if home else None,
                      "siblings": "Ingen anbragte søskende" if placed else "",
                      "schooling": "Bliver på sin skole" if placed else "",
                      "foster_assessment": "Vurderet i den børnefaglige undersøgelse" if placed else ""}
        draft = DecisionDraft(outcome=Outcome(outcome), step=target, interventions=tuple(keys), start=start,
                              return_period_months=law_fields["return_period_months"],
                              facts=CaseFacts(None, case["current_step"], meeting["date"]))
        out["decision"].append({
            "id": decision_id, "case_id": case["id"], "meeting_id": meeting["id"], "supersedes_id": None,
            "outcome": outcome, "step_before": case["current_step"], "step": target, "interventions": keys,
            "legal_basis": list(dict.fromkeys(legal)), "law_version": cat.law_version,
            "profile_key": cat.key, "profile_version": cat.version, "purpose": rng.choice(PURPOSES),
            "duration": rng.choice(DURATIONS), "start": start, "goals": "", "child_view": case["child_view"],
            "child_view_how": case["child_view_how"], "parents_view": case["parents_view"],
            "consent": case["parents_consent"], **law_fields, "dissent": "",
            "rationale": "Mindst indgribende indsats, der matcher behovet.",
            "alternatives": [{"step": a["step"], "intervention": a["intervention"], "verdict": a["verdict"],
                              "reason": a["reason"]} for a in alternatives],
            "network_snapshot": [{k: m[k] for k in ("id", "name", "relation", "sector", "ring", "valence",
                                                    "placement_candidate", "note", "version")}
                                 for m in network_of[case["id"]] if m["removed_at"] is None],
            "participants": [{"name": p["name"], "role": p["role"], "organisation": p["organisation"],
                              "present": True} for p in people],
            "created_at": at, "created_by": meeting["chair"], "prev_hash": "", "hash": ""})
        docket_id += 1
        out["docket_item"].append({"id": docket_id, "meeting_id": meeting["id"], "case_id": case["id"],
                                   "position": position, "minutes": rng.choice((15, 20, 20, 25, 30)),
                                   "state": DOCKET_STATE.get(outcome, "decided"), "started_at": at, "version": 3})
        if places:
            case["current_step"] = target
            case["version"] += 1
            case["updated_at"] = at
            done_here = []
            for f in schedule(draft, cat.profile):
                followup_id += 1
                done = f.due < TODAY - dt.timedelta(days=14) and rng.random() < 0.92
                done_on = f.due + dt.timedelta(days=rng.randint(-12, 4)) if done else None
                out["followup"].append({
                    "id": followup_id, "decision_id": decision_id, "case_id": case["id"], "due": f.due,
                    "kind": f.kind, "label": f.label, "legal": list(f.legal), "responsible": case["caseworker"],
                    "done_on": done_on, "done_by": case["caseworker"] if done else "",
                    "note": "Trives." if done else "", "outcome_decision_id": None, "version": 2 if done else 1})
                if done_on:
                    done_here.append((followup_id, done_on))
            goals.add(out, case["id"], at, sorted(done_here, key=lambda f: f[1]))
    for m in out["meeting"]:
        del m["_size"]

    # A few meetings ahead, with cases waiting on the docket.
    decided = {cases[index]["id"] for _, index in to_decide}
    undecided = [c for c in cases[-2000:] if c["id"] not in decided and c["status"] == "open"]
    for k in range(min(6, len(undecided) // 10)):
        meeting_id += 1
        day = TODAY + dt.timedelta(days=7 * (k // 2 + 1) - TODAY.weekday() + 1)
        refs_on[day] = refs_on.get(day, 0) + 1
        ref = f"VM-{day.isoformat()}" + (f"-{refs_on[day]}" if refs_on[day] > 1 else "")
        out["meeting"].append({"id": meeting_id, "ref": ref, "date": day, "title": "Visitationsmøde",
                               "chair": rng.choice(CASEWORKERS), "state": "planned",
                               "created_at": _at(TODAY - dt.timedelta(days=3), rng), "closed_at": None, "version": 1})
        for position, case in enumerate(undecided[k * 10:(k + 1) * 10], start=1):
            docket_id += 1
            out["docket_item"].append({"id": docket_id, "meeting_id": meeting_id, "case_id": case["id"],
                                       "position": position, "minutes": 20, "state": "waiting",
                                       "started_at": None, "version": 1})
    out["case"] = cases
    return out


def audit_rows(n_events: int, n_cases: int, seed: int) -> Iterator[dict[str, Any]]:
    """Audit events spread over the years, oldest first; reads and searches dominate, as in real use."""
    rng = Rng(seed + 1)
    actions = AUDIT_ACTIONS
    start = dt.datetime(FIRST_YEAR, 1, 1, 7, tzinfo=dt.UTC)
    span = (dt.datetime.combine(TODAY, dt.time(16), tzinfo=dt.UTC) - start).total_seconds()
    for i in range(n_events):
        at = start + dt.timedelta(seconds=span * (i + rng.random()) / max(n_events, 1))
        action = _weighted(rng, actions)
        newest = max(1, int(n_cases * (i + 1) / max(n_events, 1)))
        case_id = None if action == "search" else rng.randint(max(1, newest - n_cases // 5), newest)
        if action == "search":
            detail = f"søgning: {rng.choice(SURNAMES).lower()} trin:  rådgiver: ; {rng.randint(0, 100)} sager"
        elif action == "export":
            detail = "sagsfil, niveau internal"
        else:
            detail = ""
        yield {"id": i + 1, "at": at, "user": rng.choice(CASEWORKERS), "action": action, "case_id": case_id,
               "entity": "case", "entity_id": case_id, "purpose": "", "detail": detail,
               "prev_hash": "", "hash": ""}


def bulk(engine: Any, table: Any, rows: Iterable[dict[str, Any]]) -> int:
    """Insert rows with Core executemany in large batches, all in one transaction."""
    from sqlalchemy import insert

    statement = insert(table)
    count = 0
    with engine.begin() as conn:
        for batch in chunks(rows):
            conn.execute(statement, batch)
            count += len(batch)
    return count


def generate(db_path: Path, n_cases: int, n_audit: int | None = None, seed: int = 1,
             echo: Any = print, sealed: bool = False) -> dict[str, int]:
    """Create `db_path` (must not exist) with the schema and n_cases realistic cases; returns row counts."""
    from sqlalchemy import text

    from visitation.services.db import open_db
    from visitation.store import chain, chainkey
    from visitation.store.models import metadata

    n_audit = 10 * n_cases if n_audit is None else n_audit
    began = time.perf_counter()
    db = open_db(str(db_path), USER)
    rows = plan(n_cases, seed)
    echo(f"  planned {n_cases:,} cases in {time.perf_counter() - began:.1f} s")
    counts: dict[str, int] = {}
    for name in ("profile", "child", "case", "network_member", "assessment", "proposal", "alternative",
                 "meeting", "participant", "docket_item", "decision", "followup", "goal", "goal_score"):
        t0 = time.perf_counter()
        counts[name] = bulk(db.engine, metadata.tables[name], rows.pop(name))
        echo(f"  {name:<15} {counts[name]:>10,} rows  {time.perf_counter() - t0:6.1f} s")
    t0 = time.perf_counter()
    counts["audit_event"] = bulk(db.engine, metadata.tables["audit_event"], audit_rows(n_audit, n_cases, seed))
    echo(f"  {'audit_event':<15} {counts['audit_event']:>10,} rows  {time.perf_counter() - t0:6.1f} s")
    with db.engine.begin() as conn:
        if sealed:  # every row sealed with the key, as the tool would have (for restore and verify)
            from visitation.store.rekey import seal_as_is

            for name in ("decision", "audit_event"):
                seal_as_is(conn, metadata.tables[name], chainkey.ensure())
        chain.key_database(conn, chainkey.ensure())
    with db.engine.connect() as conn:
        conn.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
    db.engine.dispose()
    echo(f"  done in {time.perf_counter() - began:.1f} s: {db_path} ({db_path.stat().st_size / 1e6:,.0f} MB)")
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000, help="number of cases (default 100,000)")
    parser.add_argument("--db", type=Path, required=True, help="the SQLite file to create")
    parser.add_argument("--audit", type=int, default=None, help="audit events (default 10 per case)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--force", action="store_true", help="replace the file if it exists")
    parser.add_argument("--sealed", action="store_true", help="seal the hash chains (for restore and verify)")
    args = parser.parse_args(argv)
    if args.cases < 1:
        parser.error("--cases must be at least 1")
    if args.db.exists():
        if not args.force:
            parser.error(f"{args.db} exists; pass --force to replace it")
        for suffix in ("", "-wal", "-shm"):
            args.db.with_name(args.db.name + suffix).unlink(missing_ok=True)
    generate(args.db, args.cases, args.audit, args.seed, sealed=args.sealed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
