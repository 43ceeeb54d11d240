"""The wording of the minutes, shared by every renderer: sections of fields, tables and paragraphs.

The renderers only lay these blocks out, so Markdown, HTML and Word say exactly the same things.
"""

from __future__ import annotations

from visitation.domain.decision import heading, stated
from visitation.minutes import method_text
from visitation.minutes.blocks import NONE, MapHere, date, short_date
from visitation.minutes.blocks import Block as Block  # the renderers read the blocks as text.Block, text.Sub …
from visitation.minutes.blocks import Fields as Fields
from visitation.minutes.blocks import Para as Para
from visitation.minutes.blocks import Section as Section
from visitation.minutes.blocks import Sub as Sub
from visitation.minutes.blocks import Table as Table
from visitation.minutes.model import CaseMinutes, Decision, MinutesDocument, Person, Step, stamp

MEETING_STATES = {"planned": "planlagt", "running": "i gang", "closed": "lukket"}
STEP_WORDS = {"decided": "Besluttet trin", "postponed": "Foreslået trin", "referred": "Indstillet trin",
              "rejected": "Foreslået trin (afvist)"}


def step(s: Step) -> str:
    """`5 (Anbringelse i plejefamilie)`."""
    return f"{s.number} ({s.label})" if s.label else str(s.number)


DRAFT = "UDKAST"


def draft(doc: MinutesDocument) -> bool:
    """Minutes of a meeting that is not closed are a draft, and say so in the title and on every page."""
    return doc.meeting.state != "closed"


def title(doc: MinutesDocument) -> str:
    """The document's title (`UDKAST – …` until the meeting is closed)."""
    return (f"{DRAFT} – " if draft(doc) else "") + f"Beslutningsreferat – {doc.meeting.title}"


def draft_note() -> str:
    """What a draft says under its title."""
    return f"{DRAFT}: mødet er ikke lukket, så referatet er ikke endeligt."


def meeting_sections(doc: MinutesDocument) -> tuple[Section, ...]:
    """The meeting's part: participants and the docket (one case's extract names no other child: no docket)."""
    return (participants(doc),) if doc.case else (participants(doc), docket(doc))


def footer(doc: MinutesDocument, case: CaseMinutes | None = None) -> str:
    """Each printed page's footer: the meeting (and the case on its pages), so a stray page can be placed."""
    words = [DRAFT] if draft(doc) else []
    words += [f"Beslutningsreferat {doc.meeting.ref}, {date(doc.meeting.date)}"]
    words += [f"sag {case.ref}"] if case else []
    return " · ".join([*words, "fortroligt"])


def meeting_fields(doc: MinutesDocument) -> Fields:
    """The meeting's head."""
    m = doc.meeting
    rows = [("Møde", m.ref), ("Dato", date(m.date)), ("Mødeleder", m.chair),
            ("Mødets status", MEETING_STATES.get(m.state, m.state)), ("Oplysningsniveau", doc.privacy_label)]
    if doc.case:
        rows.append(("Udskrift", f"kun sag {doc.case}"))
    return Fields(tuple(rows))


def participants(doc: MinutesDocument) -> Section:
    """Who was there and who was not."""
    people = doc.meeting.participants
    present = tuple((p.name, p.role, p.organisation) for p in people if p.present)
    absent = [p for p in people if not p.present]
    text = ("Fraværende: " + "; ".join(_who(p.name, p.role, p.organisation) for p in absent) + "."
            if absent else "Fraværende: ingen.")
    return Section("Deltagere", (Table(("Til stede", "Rolle", "Organisation"), present, "Ingen deltagere registreret."),
                                 Para(text)))


def docket(doc: MinutesDocument) -> Section:
    """The docket in order with each case's outcome."""
    rows = tuple((str(c.position), c.ref, child(c), f"{c.time_box} min", c.status_label) for c in doc.cases)
    return Section("Dagsorden", (Table(("Nr.", "Sag", "Barn", "Tid", "Udfald"), rows, "Ingen sager på dagsordenen."),))


def child(c: CaseMinutes) -> str:
    """The child as the privacy level allows: `AN, 5 år`, `Alma Nørgaard (AN), 5 år` (+ CPR at full)."""
    who = f"{c.child.name} ({c.child.initials})" if c.child.name else c.child.initials
    return f"{who}, {c.child.age} år" + (f", CPR {c.child.cpr}" if c.child.cpr else "")


def case_title(c: CaseMinutes) -> str:
    """`1. Sag 2026-0101: AN, 5 år`."""
    return f"{c.position}. Sag {c.ref}: {child(c)}"


def status_line(c: CaseMinutes) -> Para:
    """What happened to the case, first thing under its title."""
    d = c.decision
    if d is None:
        return Para("Ikke behandlet: sagen var på dagsordenen, men der er ikke registreret nogen beslutning.", True)
    if c.status == "postponed":
        return Para(f"Udsat: sagen blev udsat på mødet og bliver på trin {step(c.step_before)}.", True)
    if c.status == "referred":
        return Para(f"Indstillet til børne- og ungeudvalget: mødet indstiller {step(d.step)}; "
                    f"barnet bliver på trin {step(c.step_before)}, til udvalget har truffet afgørelse.", True)
    if c.status == "rejected":
        return Para(f"Afvist: indstillingen blev afvist; barnet bliver på trin {step(c.step_before)}.", True)
    return Para(f"{d.outcome_label}: trin {step(c.step_before)} → {step(c.step_after)}.", True)


def case_sections(c: CaseMinutes) -> tuple[Section, ...]:
    """Every part of a case's minutes, in the order of the meeting's flow."""
    return (facts(c), *method_text.ics(c), ruler(c), network(c), *method_text.signs_of_safety(c), alternatives(c),
            decision(c), *goals(c))


def facts(c: CaseMinutes) -> Section:
    """Sagen: the child, caseworker, reason, step before and after."""
    rows = [("Barn", child(c))]
    if c.child.birth_date:
        rows.append(("Født", date(c.child.birth_date)))
    rows += [("Alder", f"{c.child.age} år"), ("Rådgiver", c.caseworker or NONE),
             ("Skole/dagtilbud", c.school or NONE), ("Årsag", c.reason or NONE),
             ("Trin før", step(c.step_before)), ("Trin efter", step(c.step_after)), ("Kommuneprofil", c.profile),
             *method_text.prevention_rows(c)]
    rows += [("Alder og rettigheder", fact) for fact in c.child.age_facts]
    return Section("Sagen", (Fields(tuple(rows)),))


def ruler(c: CaseMinutes) -> Section:
    """Børnelinealen: each rater, the spread, the consensus."""
    rows = tuple((short_date(a.date), a.axis_label, f"{a.rater} ({a.role})", f"{a.zone} – {a.zone_label}",
                  "; ".join(a.protective) or NONE, "; ".join(a.risk) or NONE) for a in c.assessments)
    spread = "; ".join(f"{s.axis_label}: zone {s.low}" + (f"–{s.high}" if s.high != s.low else "")
                       for s in c.spread) or NONE
    consensus = "; ".join(f"{a.axis_label}: zone {a.zone} – {a.zone_label} ({date(a.date)})"
                          for a in c.consensus) or "ikke registreret"
    return Section("Børnelinealen", (
        Table(("Dato", "Akse", "Vurderet af", "Zone", "Beskyttende faktorer", "Risikofaktorer"), rows,
              "Ingen vurderinger registreret."),
        Fields((("Spredning", spread), ("Fælles vurdering", consensus)))))


def _names(people: list[Person]) -> str:
    return "; ".join(f"{p.name} ({p.relation}, ring {p.ring})" for p in people) or NONE


def network(c: CaseMinutes) -> Section:
    """Netværket kort: resources, concerns, placement candidates, changes since last time."""
    people = list(c.network.people)
    rows = [("Ressourcer", _names([p for p in people if p.valence == "resource"])),
            ("Bekymringer", _names([p for p in people if p.valence == "concern"])),
            ("Både ressource og bekymring", _names([p for p in people if p.valence == "both"])),
            ("Mulige anbringelses-/støtteressourcer", _names([p for p in people if p.placement_candidate])),
            ("Ændringer siden sidst", network_changes(c))]
    return Section("Netværk", (MapHere(), Fields(tuple(rows))))


def network_changes(c: CaseMinutes) -> str:
    """The changes since the previous decision's map, in one line."""
    if c.network.compared_with is None:
        return "første netværkskort (ingen tidligere beslutning at sammenligne med)"
    words = {"joined": "ny", "left": "ikke længere med", "changed": "ændret"}
    found = [f"{words[x.kind]}: {x.name} ({x.relation})" + (f" – {', '.join(x.fields)}" if x.fields else "")
             for x in c.network.changes]
    since = f"siden beslutningen {date(c.network.compared_with)}"
    return f"{since}: " + "; ".join(found) if found else f"ingen ændringer {since}"


def alternatives(c: CaseMinutes) -> Section:
    """Afdækning af alternativer: the table."""
    rows = tuple((step_text(a.step, a.step_label), a.intervention_label, a.verdict_label, a.reason or NONE)
                 for a in c.alternatives)
    return Section("Alternativer", (Table(("Trin", "Indsats", "Vurdering", "Begrundelse"), rows,
                                          "Ingen alternativer registreret."),))


def step_text(number: int, label: str) -> str:
    """A step number with its label."""
    return step(Step(number, label))


def goals(c: CaseMinutes) -> tuple[Section, ...]:
    """Mål og delmål with their scores 0–10 over time (SPEC §9.2); none when the case has no goals."""
    if not c.goals:
        return ()
    rows = tuple((("  – " if g.sub else "") + g.text, date(g.due) if g.due else NONE, g.status, g.scores or NONE)
                 for g in c.goals)
    return (Section("Mål og fremskridt", (Table(("Mål / delmål", "Frist", "Status", "Score 0–10 over tid"), rows),)),)


def law_rows(d: Decision) -> list[tuple[str, str]]:
    """What Barnets Lov asks of a placement or a return home, as far as the decision states it: the youth's
    consent, the investigation (§ 46, stk. 3), siblings, schooling and foster family (§ 52), the
    hjemgivelsesperiode (§ 100)."""
    def words(name: str, value: object) -> str:
        if name == "youth_consent":
            return d.youth_consent_label
        if name == "investigation_done":
            return date(str(value))
        return "ja" if value is True else str(value)
    return [(heading(name), words(name, value)) for name, value in stated(d)]


def decision(c: CaseMinutes) -> Section:
    """Beslutningen, with legal basis, views, consent, dissent, rationale and follow-up; the last three blocks
    (rationale and who is responsible, the follow-ups, the record line) are printed together."""
    d = c.decision
    if d is None:
        return Section("Beslutning", (Para("Ikke behandlet."), Fields((("Ansvarlig rådgiver", c.caseworker or NONE),))))
    measures = tuple((i.label, step_text(i.step, ""), "; ".join(i.legal) or NONE) for i in d.interventions)
    head = (("Udfald", d.outcome_label), (STEP_WORDS.get(c.status, "Trin"), step(d.step)), *method_text.ruler_rows(d))
    rows = [("Lovgrundlag", "; ".join(d.legal_basis) or NONE), ("Lovversion", d.law_version or NONE),
            (heading("purpose"), d.purpose or NONE), (heading("duration"), d.duration or NONE),
            (heading("start"), date(d.start))]
    if d.goals:
        rows.append((heading("goals"), d.goals))
    rows += [(heading("child_view"), d.child_view or NONE), (heading("child_view_how"), d.child_view_how or NONE),
             (heading("parents_view"), d.parents_view or NONE), (heading("consent"), d.consent_label),
             *law_rows(d), (heading("dissent"), d.dissent or "ingen")]
    tail = ((heading("rationale"), d.rationale or NONE), ("Ansvarlig rådgiver", c.caseworker or NONE))
    follow = tuple((date(f.due), f.label, "; ".join(f.legal) or NONE, f.responsible or NONE) for f in d.followups)
    when = d.created_at.replace("T", " ").replace("Z", " UTC")
    record = f"Beslutning nr. {d.id}, registreret {when} af {d.created_by}"
    record += f"; erstatter beslutning nr. {d.supersedes}." if d.supersedes else "."
    return Section("Beslutning", (
        Fields(head),
        Table(("Indsats", "Trin", "Lovgrundlag (Barnets lov, tidl. SEL)"), measures, "Ingen indsatser besluttet."),
        *method_text.decision_plan(d),
        Fields(tuple(rows)),
        Fields(tail),
        Table(("Opfølgning senest", "Opfølgning", "Lovgrundlag", "Ansvarlig"), follow,
              "Ingen opfølgninger planlagt ved denne beslutning."),
        Para(record)))


def seal(doc: MinutesDocument) -> tuple[str, str]:
    """The closing lines: the content hash, and the stamp `--verify` reads."""
    return (f"Indholdshash (SHA-256): {doc.content_hash}", f"Kontrolstempel: {stamp(doc)}")


def _who(name: str, role: str, organisation: str) -> str:
    extra = ", ".join(x for x in (role, organisation) if x)
    return f"{name} ({extra})" if extra else name
