"""docs/methods.md: the methods the seeds' meetings work with — Signs of Safety and the safety plan, the ICS
triangle, Socialstyrelsen's prevention triangle and position × trivsel — made from the data the tool reads
(`data/methods/ics.toml`, `visitation.domain.sos`, `visitation.domain.prevention`, the built-in profiles), so
the document cannot drift from what the commands accept (`python docs/make_methods.py`; a test checks it)."""

from __future__ import annotations

from visitation.domain.ics import triangle
from visitation.domain.prevention import (
    POSITION_LABELS,
    PREVENTION_HELP,
    PREVENTION_LABELS,
    WELLBEING_LABELS,
    Position,
    Wellbeing,
    in_target_group,
)
from visitation.domain.profiles import Profile, builtin_names, load_profile
from visitation.domain.sos import COLUMNS, KIND_LABELS, SAFETY_PLAN_KEY, SCALE, SCALE_ANCHORS, Kind

SOS_SOURCES = (
    ("Vidensportalen: Signs of Safety", "https://vidensportal.dk/temaer/Omsorgssvigt/indsatser/signs-of-safety"),
    ("Vidensportalen: Sikkerhedsplaner",
     "https://vidensportal.dk/temaer/styring-og-sagsbehandling/indsatser/sikkerhedsplaner"),
    ("Partnering for Safety: the safety and wellbeing scale",
     "https://www.partneringforsafety.com/post/using-the-safety-and-wellbeing-scale"),
)
"""Where the mapping, the plan and the scale's anchors come from (REFERENCE §6.1)."""
SOS_COMMANDS = {Kind.DANGER: "visitation sos danger CASE --text TEXT",
                Kind.GOAL: "visitation sos goal CASE --text TEXT"}
PREVENTION_SOURCE = ("Socialstyrelsen: Strategisk ramme & Faglig retning – omlægning til en tidligere forebyggende "
                     "indsats (2018), figur 1, skema 1 og skema 2 (seed `socialstyrelsen-strategisk-ramme.txt`)")


def _using(flag: str) -> str:
    """The built-in profiles whose methods have `flag`, by municipality."""
    found: list[Profile] = [p for p in map(load_profile, builtin_names()) if getattr(p.methods, flag)]
    return ", ".join(f"{p.municipality} (`{p.key}`)" for p in found) or "ingen"


def _signs_of_safety() -> list[str]:
    lines = ["## Signs of Safety", "",
             f"Profiler: {_using('signs_of_safety')}. Kortlægningen er et trin for sig i mødet i de profiler, der "
             "bruger metoden, og et afsnit i referatet.", "",
             "| kortlægningen | nøgle | kommando |", "|---|---|---|"]
    for kind in KIND_LABELS:
        command = SOS_COMMANDS.get(kind, f"visitation sos add CASE --column {kind.value} --text TEXT [--who NAVN]")
        lines.append(f"| {KIND_LABELS[kind]} | `{kind.value}` | `{command}` |")
    lines += ["", f"Kolonnerne er {', '.join(f'«{KIND_LABELS[k]}»' for k in COLUMNS)}; farefaktorudsagn (hvem er "
              "bekymret for hvad, og hvad sker der, hvis intet ændres) og sikkerhedsmål (hvad skal ses hvor længe, "
              "før sagen kan lukkes eller trappes ned) står for sig.", "",
              f"**Sikkerhedsskalaen** {SCALE.start}–{SCALE.stop - 1}, én vurdering pr. person "
              "(`visitation sos scale CASE --who NAVN --score 0..10`), hver gemt for sig med dato:", ""]
    lines += [f"- {anchor}" for anchor in SCALE_ANCHORS]
    lines += ["", "Skalaen går den modsatte vej af Børnelinealens zoner: på skalaen er 10 sikkert; på linealen er "
              "zone 5 den mest alvorlige.", "",
              "**Sikkerhedsplanen** er regler for hverdagen, hver holdt af navngivne personer fra sagens "
              "netværkskort (`visitation sos plan CASE --rule TEKST --keeper NAVN …`; en holder, der ikke er i "
              f"netværket, afvises). Den er indsatsen `{SAFETY_PLAN_KEY}` (trin 3) i hver profils katalog: vælges "
              "den, kopieres planens regler ind i beslutningen og referatet, og uden regler kan den ikke vælges. "
              f"Profiler, der kræver den overvejet før enhver anbringelse: {_using('safety_plan_before_placement')}.",
              "", "Kilder: " + "; ".join(f"[{title}]({url})" for title, url in SOS_SOURCES) + ".", ""]
    return lines


def _ics() -> list[str]:
    t = triangle()
    lines = ["## ICS-trekanten", "",
             f"{t.name}. Kilde: {t.source}, <{t.url}> (data: `data/methods/ics.toml`). Styrker og bekymringer "
             "noteres pr. dimension på sagen: `visitation ics CASE --side SIDE --dimension NØGLE "
             "--strength TEKST | --concern TEKST`; de vises på Sagen og i referatet.", "",
             "| side (`--side`) | nr. | dimension (`--dimension`) |", "|---|---|---|"]
    for side in t.sides:
        for d in (d for d in t.dimensions if d.side == side.key):
            lines.append(f"| {side.label} (`{side.key}`) | {d.number} | {d.label} (`{d.key}`) |")
    return [*lines, ""]


def _prevention() -> list[str]:
    lines = ["## Forebyggelsestrekanten og position × trivsel", "",
             f"Profiler: {_using('prevention_triangle')}. Kilde: {PREVENTION_SOURCE}. Sættes på sagen med "
             "`visitation case classify CASE [--prevention LEVEL] [--position POSITION] [--wellbeing TRIVSEL]` og "
             "tælles som nøgletal (`visitation stats`, se docs/key-figures.md).", "",
             "| niveau (`--prevention`) | skema 1 |", "|---|---|"]
    lines += [f"| {PREVENTION_LABELS[p]} (`{p.value}`) | {PREVENTION_HELP[p]} |" for p in PREVENTION_LABELS]
    lines += ["", "Skema 2: målgruppen (×) efter position (`--position`) og trivsel (`--wellbeing`).", "",
              "| position | " + " | ".join(f"{WELLBEING_LABELS[w]} (`{w.value}`)" for w in Wellbeing) + " |",
              "|---|" + "---|" * len(Wellbeing)]
    lines += [f"| {POSITION_LABELS[p]} (`{p.value}`) | "
              + " | ".join("×" if in_target_group(p, w) else "" for w in Wellbeing) + " |" for p in Position]
    return [*lines, ""]


def document() -> str:
    """docs/methods.md."""
    lines = ["# Metoderne i mødet", "",
             "Genereret fra `data/methods/ics.toml`, `visitation/domain/sos.py`, `visitation/domain/prevention.py` "
             "og de indbyggede profiler (`python docs/make_methods.py`). Hvilke metoder en kommune bruger, og hvilke "
             "trin linealens zoner peger på, er kommunens politik, ikke lov: se docs/law.md under hver profil.", ""]
    lines += _signs_of_safety() + _ics() + _prevention()
    return "\n".join(lines).rstrip("\n") + "\n"
