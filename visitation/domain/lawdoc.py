"""docs/law.md: the rules Visitation enforces, each with its paragraph and source, for a jurist to review
without reading code. Made from data/law/barnets-lov.toml and the built-in profiles (`python docs/make_law.py`);
a test checks the committed document equals this one."""

from __future__ import annotations

from visitation.domain.decision import SPECS
from visitation.domain.followups import APPLIES_TO_WORDS, when
from visitation.domain.law import Law, LawRule, load_law
from visitation.domain.profiles import Profile, builtin_names, load_profile
from visitation.domain.sos import SAFETY_PLAN_KEY

KIND_WORDS = {"required": "felterne skal udfyldes", "consent": "samtykke", "investigation": "børnefaglig undersøgelse"}


def _paragraph(law: Law, key: str) -> str:
    """`[BL § 46, stk. 1](url) – title (tidl. SEL …)`."""
    p = law.paragraphs[key]
    url = law.source_of(key)
    ref = f"[{p.ref}]({url})" if url else p.ref
    return f"{ref} – {p.title}" + (f" (tidl. {p.sel})" if p.sel else "")


def _option(name: str) -> str:
    return SPECS[name].option or f"--{name.replace('_', '-')}"


def _rule(law: Law, r: LawRule) -> list[str]:
    lines = [f"### {r.title} (SPEC §3 regel {r.spec})", "", r.text, "",
             f"- Gælder: {APPLIES_TO_WORDS[r.applies_to]}, når mødet godkender (kontrol: {KIND_WORDS[r.kind]})"]
    if r.fields:
        lines.append("- Felter: " + ", ".join(f"{SPECS[n].heading or SPECS[n].label} (`{_option(n)}`)"
                                               for n in r.fields))
    if r.youth_from:
        lines.append(f"- Den unges eget samtykke fra {r.youth_from} år på startdatoen (`--youth-consent`)")
    lines += [f"- Lovgrundlag: {_paragraph(law, k)}" for k in r.legal]
    lines += [f"- Uden samtykke: indstilling efter {_paragraph(law, k)}" for k in r.referral]
    lines += [f"- Når kun den unge samtykker: {_paragraph(law, k)}" for k in r.youth_referral]
    if r.note:
        lines.append(f"- ⚠ {r.note}")
    return [*lines, ""]


def _followups(law: Law, rules: tuple, title: str) -> list[str]:  # type: ignore[type-arg]
    lines = [f"| {title} | hvornår | gælder | lovgrundlag |", "|---|---|---|---|"]
    for r in rules:
        legal = "; ".join(law.paragraphs[k].ref for k in r.legal) or "ingen (kommunens praksis)"
        note = f" ⚠ {r.note}" if r.note else ""
        lines.append(f"| {r.label}{note} | {when(r)} | {APPLIES_TO_WORDS[r.applies_to]} | {legal} |")
    return [*lines, ""]


def _profile(p: Profile) -> list[str]:
    lines = [f"### {p.municipality} (`{p.key}` {p.version})", "", f"Kilde: {p.source or '–'}.", ""]
    if p.priority:
        lines += [f"- Anbringelsesprioritet (kommunens politik, ikke en lovregel; brud hedder "
                  f"\"Kommunens anbringelsesprioritet ({p.policy_owner})\"): "
                  + " → ".join(o.label for o in p.priority)]
    lines += ["- Trin, der skal være afdækket før en beslutning (mindst indgribende først): "
              + "; ".join(f"trin {s}: {', '.join(map(str, lower))}" for s, lower in p.required_alternatives.items())]
    lines += [f"- Kadence, når en opfølgning ikke aftaler en anden: {c.label} – {APPLIES_TO_WORDS[c.applies_to]}"
              for c in p.cadences]
    lines += _methods(p) + _ruler_steps(p)
    lines.append("")
    if p.followups:
        lines += _followups(p.law, p.followups, "Kommunens opfølgning")
    return lines


def _methods(p: Profile) -> list[str]:
    """The methods the municipality's meeting works with, and what the tool asks because of them."""
    m = p.methods
    used = (["Signs of Safety: kortlægningen (tre kolonner, farefaktorudsagn, sikkerhedsmål, skala 0–10) er et "
             "trin for sig i mødet og et afsnit i referatet (`visitation sos`); se docs/methods.md"]
            if m.signs_of_safety else [])
    if m.safety_plan_before_placement:
        used.append(f"sikkerhedsplan før anbringelse: alternativet `{SAFETY_PLAN_KEY}` skal være overvejet "
                    f"(fravalgt eller ikke relevant) med en begrundelse før enhver anbringelse; brud hedder "
                    f"\"Sikkerhedsplan før anbringelse ({p.policy_owner})\"")
    if m.prevention_triangle:
        used.append("forebyggelsestrekanten og position × trivsel (skema 2) på sagerne (`visitation case classify`) "
                    "og som nøgletal")
    if not used:
        return ["- Metoder (kommunens politik, ikke en lovregel): ingen af værktøjets metoder"]
    return ["- Metoder (kommunens politik, ikke en lovregel):", *(f"  - {u}" for u in used)]


def _ruler_steps(p: Profile) -> list[str]:
    """Which steps each zone usually calls for: a warning and a reason outside the range, never a block."""
    r = p.ruler_steps
    if not r.zones:
        return []
    spans = [f"  - zone {z.number} ({z.label}): trin {lo}" + (f"–{hi}" if hi != lo else "")
             for z in p.zones if (span := r.range_for(z.number)) for lo, hi in [span]]
    return [f"- Linealen peger på trinnet (kommunens politik, ikke en paragraf; grundlag: {r.basis}). Et trin uden "
            f"for spændet giver en advarsel og kræver en begrundelse (`--ruler-reason`), som referatet gengiver; det "
            f"blokerer aldrig (mangler begrundelsen, hedder bruddet \"Linealens retning ({p.policy_owner})\"):",
            *spans]


def document() -> str:
    """docs/law.md."""
    law = load_law()
    lines = [f"# Barnets lov i Visitation ({law.name}, {law.version})", "",
             "Genereret fra `data/law/barnets-lov.toml` og de indbyggede profiler (`python docs/make_law.py`). "
             "Hver regel, Visitation håndhæver, med dens paragraf og kilde; en kommunes politik står for sig og "
             "kaldes aldrig en paragraf. Tekster i beskeder og referater er på dansk; \"SPEC §3\" er projektets "
             "specifikation.", "",
             "## Hvad en beslutning skal indeholde", ""]
    for r in sorted(law.rules, key=lambda r: r.spec):
        lines += _rule(law, r)
    lines += ["## Aldre", ""]
    lines += [f"- Fra {a.age} år: {a.fact} – " + "; ".join(_paragraph(law, k) for k in a.legal) for a in law.ages]
    lines += ["", "## Opfølgning efter loven", "",
              "En opfølgning med \"så længe indsatsen varer\" oprettes én ad gangen: den næste, når den forrige "
              "er udført. En opfølgning efter BL § 95 fastsætter, når den er udført, den næste efter den aftalte "
              "kadence (`followup done --next`) – ellers den tidligere aftalte eller profilens.", ""]
    lines += _followups(law, law.followups, "Opfølgning")
    lines += ["## Paragraffer", "", "| nøgle | paragraf | indhold | tidl. SEL | indsatstype |", "|---|---|---|---|---|"]
    for p in law.paragraphs.values():
        url = law.source_of(p.key)
        ref = f"[{p.ref}]({url})" if url else p.ref
        kind = APPLIES_TO_WORDS[p.measure] if p.measure else "–"
        lines.append(f"| `{p.key}` | {ref} | {p.title} | {p.sel or '–'} | {kind} |")
    lines += ["", "## Kommunernes egne regler (profilerne, ikke loven)", ""]
    for name in builtin_names():
        lines += _profile(load_profile(name))
    return "\n".join(lines).rstrip("\n") + "\n"
