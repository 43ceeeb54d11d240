"""The key figures (nøgletal) a leader steers by: each defined once, here, with its formula.

`visitation stats`, the TUI dashboard and docs/key-figures.md all read these definitions; a test checks
the document is generated from them (`python -m visitation.domain.keyfigures > docs/key-figures.md`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from visitation.domain.law import Law
from visitation.domain.prevention import Position, Prevention, Wellbeing, in_target_group

PLACEMENT_TYPES = {"network": "Netværk", "foster": "Plejefamilie", "institution": "Institution"}
"""The placement types (steps 4, 5 and 6 of every built-in staircase) by their JSON key, in Danish."""


@dataclass(frozen=True)
class Figure:
    """One key figure: its JSON key, its Danish name and how it is computed."""

    key: str
    label: str
    formula: str


FIGURES = (
    Figure("children_per_step", "Børn pr. trin nu",
           "antal åbne sager pr. trin på Indsatstrappen (case.current_step, status open)"),
    Figure("children_per_step_by_month", "Børn pr. trin over tid",
           "for hver måneds sidste dag i perioden: antal sager pr. trin, hvor trinnet er trinnet efter sagens "
           "seneste godkendte/ændrede beslutning til og med den dag (før første beslutning: trinnet før den); "
           "sager oprettet efter dagen tælles ikke"),
    Figure("moves_by_month", "Bevægelser på trappen pr. måned",
           "pr. måned: antal godkendte/ændrede beslutninger med trin < trin før (ned) og trin > trin før (op)"),
    Figure("moves_down", "Bevægelser ned i perioden", "godkendte/ændrede beslutninger i perioden med trin < trin før"),
    Figure("moves_up", "Bevægelser op i perioden", "godkendte/ændrede beslutninger i perioden med trin > trin før"),
    Figure("placements_by_type", "Anbringelser efter type (%)",
           "åbne sager på trin 4 (netværk), 5 (plejefamilie) og 6 (institution), hver i procent af summen af de tre"),
    Figure("placement_days_mean", "Anbringelsers gennemsnitlige varighed (dage)",
           "for hver anbringelse (en godkendt/ændret beslutning, der flytter barnet til trin 4-6 fra et lavere "
           "trin): dage fra beslutningens startdato (ellers beslutningsdatoen) til den beslutning, der flytter "
           "barnet under trin 4, eller til i dag; gennemsnittet"),
    Figure("placement_days_median", "Anbringelsers median-varighed (dage)", "medianen af de samme varigheder"),
    Figure("placement_days_by_type", "Tid i anbringelse efter type (dage)",
           "for hvert ophold på trin 4 (netværk), 5 (plejefamilie) og 6 (institution) for sig: dage fra den "
           "godkendte/ændrede beslutning (ikke afløst af en rettelse), der flytter barnet til trinnet fra et "
           "andet trin (startdatoen, ellers beslutningsdatoen), til den, der flytter det fra trinnet, eller til i "
           "dag; pr. type gennemsnit, median og antal ophold (et barn, der flyttes fra plejefamilie til "
           "institution, har et ophold af hver type)"),
    Figure("followups_on_time_pct", "Opfølgninger til tiden (%)",
           "opfølgninger med frist i perioden, som er udført eller hvis frist er passeret: andelen udført senest "
           "på fristen (opfølgninger, der er bortfaldet eller hører til en rettet beslutning, tælles ikke)"),
    Figure("followups_legal_on_time_pct", "Lovpligtige opfølgninger til tiden (%)",
           "de opfølgninger blandt dem i «Opfølgninger til tiden», som loven kræver: dem, der henviser til en "
           "paragraf, som lovens egne opfølgningsregler bygger på (BL § 95, BL § 156, stk. 5, BL § 20, "
           "BL § 46, stk. 3, BL § 91 og BL § 100; med "
           "eller uden den tidligere SEL-paragraf) — også løbende opfølgninger efter § 95 og kommunens egen "
           "opfølgning, når den opfylder § 95's frist, men ikke kommunens øvrige: andelen udført senest på "
           "fristen af dem, der er udført eller hvis frist er passeret; sammen med antallet med frist i "
           "perioden (followups_legal_due)"),
    Figure("followups_overdue_now", "Opfølgninger overskredet nu", "ikke udførte opfølgninger med frist før i dag"),
    Figure("children_with_overdue", "Børn med en overskredet opfølgning",
           "antal forskellige sager med mindst én ikke udført opfølgning med frist før i dag"),
    Figure("goals_reached_pct", "Mål nået (%)",
           "mål og delmål lukket i perioden (lukkedato i perioden, status nået eller opgivet): andelen nået; "
           "sammen med antallet lukket (goals_closed)"),
    Figure("goals_rising_pct", "Åbne mål i fremgang (%)",
           "åbne mål og delmål med mindst to scorer: andelen, hvis seneste score er højere end den forrige "
           "(scorerne i datoorden, samme dag i den orden, de er registreret)"),
    Figure("moved_down_after_followup_pct", "Børn flyttet ned efter en opfølgning (%)",
           "børn (sager) med en opfølgning udført i perioden (ikke en, der er bortfaldet eller hører til en "
           "rettet beslutning): andelen, for hvem den første godkendte/ændrede beslutning (ikke afløst af en "
           "rettelse) på eller efter datoen for mindst én af disse opfølgninger flytter barnet ned ad trappen "
           "(trin < trin før); sammen med antallet af børn (children_followed_up)"),
    Figure("caseload", "Sagstal pr. rådgiver", "antal åbne sager pr. rådgiver, mod profilens reference (25)"),
    Figure("cases_per_meeting", "Sager pr. møde", "sager på dagsordenen for møder i perioden / antal møder"),
    Figure("minutes_per_case", "Tid pr. sag (minutter)",
           "for sager behandlet på et møde i perioden med registreret start: minutter fra start til beslutning, "
           "gennemsnit; sammen med gennemsnittet af tidsrammerne og andelen over tidsrammen"),
    Figure("lowest_step_pct", "Beslutninger på laveste overvejede trin (%)",
           "godkendte/ændrede beslutninger i perioden, hvis trin er det laveste af beslutningens trin og de "
           "overvejede alternativers trin: andelen"),
    Figure("prevention_levels", "Sager pr. forebyggelsesniveau (forebyggelsestrekanten)",
           "åbne sager i de profiler, der arbejder med forebyggelsestrekanten (profilens methods.prevention_triangle; "
           "sagens egen profilversion, som reglerne læser den), pr. niveau: primary (primær), secondary (sekundær), "
           "tertiary (tertiær) og unset (intet niveau sat); sammen med profilerne (prevention_profiles). "
           "Socialstyrelsens Strategisk ramme, figur 1 og skema 1"),
    Figure("position_by_wellbeing", "Position × trivsel (skema 2)",
           "de samme åbne sager i de seks celler position (not-exposed, at-risk, exposed) × trivsel (thriving, "
           "not-thriving), hver med antal og in_target_group: målgruppen er alle celler undtagen ikke udsat position "
           "med trivsel (Socialstyrelsens Strategisk ramme, skema 2); sager, hvor position eller trivsel ikke er "
           "sat, tælles for sig (position_by_wellbeing_unset)"),
    Figure("target_group", "Sager i målgruppen (skema 2)",
           "summen af cellerne i «Position × trivsel», der er målgruppen"),
    Figure("back_within_6m_pct", "Sager tilbage inden for 6 måneder (%)",
           "godkendte/ændrede beslutninger på et møde i perioden, hvor sagen kommer på et senere mødes dagsorden "
           "inden for 6 måneder (183 dage): andelen"),
)


@dataclass(frozen=True)
class TargetCell:
    """One cell of skema 2: open cases with this position and trivsel, and whether the cell is the target group."""

    position: str
    wellbeing: str
    count: int
    in_target_group: bool


UNSET = "unset"
"""The key of the cases whose level (or position or trivsel) is not set: the blank column."""
PREVENTION_WORDS = {Prevention.PRIMARY.value: "primær", Prevention.SECONDARY.value: "sekundær",
                    Prevention.TERTIARY.value: "tertiær", UNSET: "uden niveau"}
"""The levels of `prevention_levels` as a figure's row names, in Danish."""


def prevention_levels(counts: Iterable[tuple[str, int]]) -> dict[str, int]:
    """Open cases per level of the prevention triangle, from (stored level, count); a blank or unknown level is
    `unset`. Every level is named, with 0 where there are none."""
    levels = dict.fromkeys([*(p.value for p in Prevention), UNSET], 0)
    for level, n in counts:
        levels[level if level in levels and level != UNSET else UNSET] += n
    return levels


def position_by_wellbeing(counts: Iterable[tuple[str, str, int]]) -> tuple[list[TargetCell], int]:
    """Skema 2's six cells (positions in order, trivsel before mistrivsel) from (position, trivsel, count), and
    the count of cases where either is not set (blank or unknown)."""
    cells = {(p.value, w.value): 0 for p in Position for w in Wellbeing}
    unset = 0
    for position, wellbeing, n in counts:
        if (position, wellbeing) in cells:
            cells[position, wellbeing] += n
        else:
            unset += n
    return [TargetCell(p, w, n, in_target_group(Position(p), Wellbeing(w))) for (p, w), n in cells.items()], unset


def legal_followup_paragraphs(law: Law) -> tuple[str, ...]:
    """The paragraphs (`BL § 95` …) the law's own follow-up rules cite: what makes a follow-up the law's minimum."""
    return tuple(dict.fromkeys(law.paragraphs[key].ref for rule in law.followups for key in rule.legal))


def document() -> str:
    """docs/key-figures.md, made from the definitions above."""
    lines = ["# Nøgletal (key figures)", "",
             "Generated from `visitation/domain/keyfigures.py`; `visitation stats --json` uses the same keys.", ""]
    for f in FIGURES:
        lines += [f"## {f.label} (`{f.key}`)", "", f.formula[0].upper() + f.formula[1:] + ".", ""]
    return "\n".join(lines)
