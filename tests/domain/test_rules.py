"""The rules of SPEC §3, one by one: each fires when it should and is silent when satisfied."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from visitation.domain.decision import AlternativeDraft, Consent, DecisionDraft, Outcome, Verdict
from visitation.domain.profiles import Profile, builtin_names, load_profile
from visitation.domain.rules import (
    Violation,
    catalogue,
    check,
    child_voice,
    consent_for_placement,
    least_intrusive,
    placement_priority,
    purpose_and_duration,
    rationale,
)

SOC = load_profile("socialstyrelsen")
KER = load_profile("kerteminde")

HOME = AlternativeDraft(
    3, "familiebehandling", Verdict.REJECTED, "Afprøvet i et halvt år uden effekt"
)
NETWORK = AlternativeDraft(4, "netvaerksplejefamilie", Verdict.REJECTED, "Intet egnet netværk")
FOSTER = AlternativeDraft(
    5, "plejefamilie", Verdict.REJECTED, "Barnets behov kræver døgnbehandling"
)
OWN_RES = AlternativeDraft(
    6, "boerne-og-ungehjem", Verdict.REJECTED, "Villaen har ingen plads til en 14-årig"
)


def draft(**changes: object) -> DecisionDraft:
    """A foster-family placement that satisfies every rule; changed as asked."""
    base = DecisionDraft(
        outcome=Outcome.APPROVED,
        step=5,
        interventions=("plejefamilie",),
        purpose="En tryg hverdag",
        duration="12 måneder",
        start=date(2027, 1, 31),
        rationale="Hjemmet kan ikke give omsorgen",
        child_view="Vil bo tæt på skolen",
        child_view_how="børnesamtale på skolen 2026-11-10",
        parents_view="Samtykker",
        consent=Consent.YES,
        alternatives=(HOME, NETWORK),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def rules_hit(violations: list[Violation]) -> list[str]:
    return [v.rule for v in violations]


@pytest.mark.parametrize("name", builtin_names())
def test_the_reference_draft_passes_every_profile(name: str) -> None:
    assert check(draft(), load_profile(name)) == []


# --- catalogue (tilbudsvifte) --------------------------------------------------------------------


def test_catalogue_unknown_key() -> None:
    found = catalogue(draft(interventions=("plejefamilie", "hestevogn")), SOC)
    assert len(found) == 1
    assert (
        found[0].rule == "Tilbudsvifte"
        and "'hestevogn'" in found[0].message
        and "socialstyrelsen" in found[0].message
    )
    assert rules_hit(check(draft(interventions=("plejefamilie", "hestevogn")), SOC)) == [
        "Tilbudsvifte"
    ]


def test_catalogue_key_of_another_profile_is_unknown() -> None:
    # eksternt-opholdssted is Kerteminde's own key, not in Socialstyrelsen's catalogue.
    assert catalogue(draft(step=6, interventions=("eksternt-opholdssted",)), KER) == []
    assert (
        "'eksternt-opholdssted'"
        in catalogue(draft(step=6, interventions=("eksternt-opholdssted",)), SOC)[0].message
    )


def test_catalogue_unknown_key_is_refused_whatever_the_outcome() -> None:
    for outcome in Outcome:
        assert rules_hit(catalogue(draft(outcome=outcome, interventions=("hestevogn",)), SOC)) == [
            "Tilbudsvifte"
        ]


def test_catalogue_needs_an_intervention_on_the_chosen_step() -> None:
    found = catalogue(draft(interventions=("familiebehandling",)), SOC)
    assert len(found) == 1 and "trin 5" in found[0].message


def test_catalogue_refuses_an_intervention_above_the_chosen_step() -> None:
    found = catalogue(draft(step=4, interventions=("netvaerksplejefamilie", "plejefamilie")), SOC)
    assert len(found) == 1 and "over det valgte trin 4" in found[0].message


def test_catalogue_needs_at_least_one_intervention() -> None:
    found = catalogue(draft(interventions=()), SOC)
    assert len(found) == 1 and "mindst én indsats" in found[0].message
    # … but a postponed case needs none.
    assert catalogue(draft(outcome=Outcome.POSTPONED, interventions=()), SOC) == []


def test_catalogue_allows_lower_step_support_beside_the_chosen_step() -> None:
    # Rule 8: moving up does not end lower-step support.
    assert (
        catalogue(draft(interventions=("plejefamilie", "kontaktperson", "konsulentbistand")), SOC)
        == []
    )


# --- least intrusive first (rule 1) --------------------------------------------------------------


def test_least_intrusive_needs_a_lower_step_rejected_with_a_reason() -> None:
    support = draft(step=2, interventions=("konsulentbistand",), alternatives=())
    found = least_intrusive(support, SOC)
    assert len(found) == 1 and "under 2" in found[0].message
    ok = replace(
        support, alternatives=(AlternativeDraft(1, "ppr-konsultation", Verdict.REJECTED, "Prøvet"),)
    )
    assert least_intrusive(ok, SOC) == []


@pytest.mark.parametrize(
    "alt",
    [
        AlternativeDraft(1, "ppr-konsultation", Verdict.REJECTED, "   "),  # no reason
        AlternativeDraft(
            1, "ppr-konsultation", Verdict.NOT_RELEVANT, "Ikke relevant"
        ),  # not rejected
        AlternativeDraft(1, "ppr-konsultation", Verdict.CHOSEN, "Valgt"),  # chosen
        AlternativeDraft(2, "netvaerksgruppe", Verdict.REJECTED, "Samme trin"),  # not lower
        AlternativeDraft(3, "familiebehandling", Verdict.REJECTED, "Højere trin"),  # higher
    ],
)
def test_least_intrusive_what_does_not_count(alt: AlternativeDraft) -> None:
    support = draft(step=2, interventions=("konsulentbistand",), alternatives=(alt,))
    assert rules_hit(least_intrusive(support, SOC)) == ["Mindst indgribende først"]


def test_least_intrusive_not_on_step_one() -> None:
    assert (
        least_intrusive(draft(step=1, interventions=("ppr-konsultation",), alternatives=()), SOC)
        == []
    )


@pytest.mark.parametrize("name", builtin_names())
def test_required_steps_per_profile(name: str) -> None:
    profile = load_profile(name)
    # SPEC §3 rule 1: a placement needs the home-based step; foster family and institution also
    # the network.
    assert profile.required_alternatives == {4: (3,), 5: (3, 4), 6: (3, 4)}
    for step, key in ((4, "netvaerksplejefamilie"), (5, "plejefamilie"), (6, "boerne-og-ungehjem")):
        bare = draft(step=step, interventions=(key,), alternatives=())
        messages = [v.message for v in least_intrusive(bare, profile)]
        named = sorted(int(m.split()[1]) for m in messages if m.startswith("trin "))
        assert named == list(profile.required_alternatives[step]), messages
        assert any(f"under {step}" in m for m in messages)  # and no lower step rejected at all
        for s in profile.required_alternatives[step]:
            assert any(m.startswith(f"trin {s} ({profile.step(s).label})") for m in messages)


def test_required_steps_only_home_missing() -> None:
    found = least_intrusive(draft(alternatives=(NETWORK,)), SOC)
    assert [v.message for v in found] == [
        "trin 3 (Hjemmebaserede foranstaltninger) skal være afdækket med en begrundelse"
    ]


def test_required_steps_only_network_missing() -> None:
    found = least_intrusive(draft(alternatives=(HOME,)), SOC)
    assert [v.message for v in found] == [
        "trin 4 (Anbringelse i slægt eller netværk) skal være afdækket med en begrundelse"
    ]


def test_network_placement_needs_only_the_home_based_step() -> None:
    network = draft(step=4, interventions=("netvaerksplejefamilie",), alternatives=(HOME,))
    assert least_intrusive(network, SOC) == []


def test_required_step_may_be_considered_not_relevant() -> None:
    # "considered with a reason": not-relevant counts for the required steps, as long as one
    # lower step is rejected.
    network_nr = AlternativeDraft(
        4, "netvaerksplejefamilie", Verdict.NOT_RELEVANT, "Intet netværk findes"
    )
    assert least_intrusive(draft(alternatives=(HOME, network_nr)), SOC) == []
    # … but a required step without a reason is not considered.
    silent = AlternativeDraft(4, "netvaerksplejefamilie", Verdict.REJECTED, "")
    assert len(least_intrusive(draft(alternatives=(HOME, silent)), SOC)) == 1


def test_least_intrusive_not_for_outcomes_that_do_not_place() -> None:
    for outcome in (Outcome.REJECTED, Outcome.POSTPONED, Outcome.REFERRED):
        assert least_intrusive(draft(outcome=outcome, alternatives=()), SOC) == []


# --- placement priority (rule 2, BL § 52) --------------------------------------------------------


def test_kerteminde_has_four_priority_options_in_order() -> None:
    assert [o.key for o in KER.priority] == [
        "network",
        "foster",
        "own-residential",
        "external-residential",
    ]


@pytest.mark.parametrize(
    ("key", "step", "earlier"),
    [
        ("netvaerksplejefamilie", 4, []),
        ("plejefamilie", 5, ["network"]),
        ("specialiseret-plejefamilie", 5, ["network"]),
        ("boerne-og-ungehjem", 6, ["network", "foster"]),
        ("eksternt-opholdssted", 6, ["network", "foster", "own-residential"]),
        ("kost-efterskole", 6, ["network", "foster", "own-residential"]),
    ],
)
def test_kerteminde_priority_needs_every_earlier_option(
    key: str, step: int, earlier: list[str]
) -> None:
    labels = {o.key: o for o in KER.priority}
    bare = draft(step=step, interventions=(key,), alternatives=())
    found = placement_priority(bare, KER)
    assert len(found) == len(earlier)
    for violation, option in zip(found, earlier, strict=True):
        assert violation.rule == "Anbringelsesprioritet (BL § 52)"
        assert labels[option].label.lower() in violation.message
    # A rejected alternative with a reason for each earlier option satisfies it.
    reasons = {"network": NETWORK, "foster": FOSTER, "own-residential": OWN_RES}
    satisfied = replace(bare, alternatives=tuple(reasons[o] for o in earlier))
    assert placement_priority(satisfied, KER) == []


def test_kerteminde_external_with_one_earlier_option_missing() -> None:
    found = placement_priority(
        draft(step=6, interventions=("eksternt-opholdssted",), alternatives=(NETWORK, FOSTER)), KER
    )
    assert len(found) == 1 and "egne døgntilbud" in found[0].message
    # Any intervention of an option answers for it (forstærket instead of almen plejefamilie).
    other_foster = AlternativeDraft(
        5, "forstaerket-plejefamilie", Verdict.NOT_RELEVANT, "Ikke egnet"
    )
    assert (
        placement_priority(
            draft(
                step=6,
                interventions=("eksternt-opholdssted",),
                alternatives=(NETWORK, other_foster, OWN_RES),
            ),
            KER,
        )
        == []
    )


def test_priority_reason_must_be_given_and_not_chosen() -> None:
    silent = AlternativeDraft(4, "netvaerksplejefamilie", Verdict.REJECTED, " ")
    chosen = AlternativeDraft(4, "netvaerksplejefamilie", Verdict.CHOSEN, "Valgt")
    for alt in (silent, chosen):
        assert len(placement_priority(draft(alternatives=(HOME, alt)), SOC)) == 1


def test_socialstyrelsen_institution_needs_network_and_foster() -> None:
    found = placement_priority(
        draft(step=6, interventions=("boerne-og-ungehjem",), alternatives=()), SOC
    )
    assert len(found) == 2
    assert (
        "anbringelse i netværket" in found[0].message
        and "anbringelse i plejefamilie" in found[1].message
    )


def test_priority_not_for_support_or_other_outcomes() -> None:
    assert (
        placement_priority(
            draft(step=3, interventions=("familiebehandling",), alternatives=()), SOC
        )
        == []
    )
    assert placement_priority(draft(outcome=Outcome.REFERRED, alternatives=()), SOC) == []


# --- the child's voice (rule 3, BL § 5) ----------------------------------------------------------


def test_child_voice_missing() -> None:
    found = child_voice(draft(child_view=" ", child_view_how=""), SOC)
    assert rules_hit(found) == ["Barnets perspektiv (BL § 5)"] and "mangler" in found[0].message


def test_child_voice_needs_how_and_when() -> None:
    found = child_voice(draft(child_view_how="  "), SOC)
    assert len(found) == 1 and "hvordan og hvornår" in found[0].message


def test_child_voice_reason_it_could_not_be_obtained_is_enough_text() -> None:
    could_not = draft(
        child_view="Barnet er 6 måneder og kan ikke udtrykke sig",
        child_view_how="observation i hjemmet 2026-11-02",
    )
    assert child_voice(could_not, SOC) == []


@pytest.mark.parametrize(
    "outcome", [Outcome.APPROVED, Outcome.CHANGED, Outcome.REJECTED, Outcome.REFERRED]
)
def test_child_voice_for_every_decision_except_postponed(outcome: Outcome) -> None:
    assert len(child_voice(draft(outcome=outcome, child_view=""), SOC)) == 1
    assert child_voice(draft(outcome=Outcome.POSTPONED, child_view=""), SOC) == []


# --- purpose and duration (rule 4, BL §§ 32, 46) -------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"purpose": ""}, ["formål"]),
        ({"duration": " "}, ["forventet varighed"]),
        ({"start": None}, ["startdato"]),
        (
            {"purpose": "", "duration": "", "start": None},
            ["formål", "forventet varighed", "startdato"],
        ),
    ],
)
@pytest.mark.parametrize(
    ("step", "key", "alts"),
    [
        (
            2,
            "konsulentbistand",
            (AlternativeDraft(1, "ppr-konsultation", Verdict.REJECTED, "Prøvet"),),
        ),
        (
            3,
            "familiebehandling",
            (AlternativeDraft(2, "konsulentbistand", Verdict.REJECTED, "Prøvet"),),
        ),
        (5, "plejefamilie", (HOME, NETWORK)),
    ],
)
def test_purpose_and_duration_required(
    changes: dict[str, object],
    words: list[str],
    step: int,
    key: str,
    alts: tuple[AlternativeDraft, ...],
) -> None:
    d = draft(step=step, interventions=(key,), alternatives=alts, **changes)
    found = purpose_and_duration(d, SOC)
    assert rules_hit(found) == ["Formål og varighed (BL §§ 32, 46)"]
    assert all(w in found[0].message for w in words)
    assert rules_hit(check(d, SOC)) == ["Formål og varighed (BL §§ 32, 46)"]


def test_purpose_and_duration_not_on_step_one_nor_when_not_placing() -> None:
    bare = {"purpose": "", "duration": "", "start": None}
    assert (
        purpose_and_duration(draft(step=1, interventions=("ppr-konsultation",), **bare), SOC) == []
    )
    for outcome in (Outcome.REJECTED, Outcome.POSTPONED, Outcome.REFERRED):
        assert purpose_and_duration(draft(outcome=outcome, **bare), SOC) == []


# --- consent (rule 5, BL § 47) -------------------------------------------------------------------


@pytest.mark.parametrize("consent", [Consent.NO, Consent.PARTIAL, Consent.UNKNOWN])
@pytest.mark.parametrize("outcome", [Outcome.APPROVED, Outcome.CHANGED])
def test_placement_without_consent_can_only_be_referred(consent: Consent, outcome: Outcome) -> None:
    d = draft(consent=consent, outcome=outcome)
    found = consent_for_placement(d, SOC)
    assert rules_hit(found) == ["Ingen samtykke, ingen anbringelse her (BL § 47)"]
    assert "referred" in found[0].message and "børne- og ungeudvalget" in found[0].message
    assert rules_hit(check(d, SOC)) == ["Ingen samtykke, ingen anbringelse her (BL § 47)"]
    assert check(replace(d, outcome=Outcome.REFERRED), SOC) == []


@pytest.mark.parametrize("step", [4, 5, 6])
def test_consent_rule_on_every_placement_step(step: int) -> None:
    key = {4: "netvaerksplejefamilie", 5: "plejefamilie", 6: "boerne-og-ungehjem"}[step]
    assert (
        len(consent_for_placement(draft(step=step, interventions=(key,), consent=Consent.NO), KER))
        == 1
    )


def test_consent_rule_not_for_support_measures() -> None:
    support = draft(
        step=3,
        interventions=("familiebehandling",),
        consent=Consent.NO,
        alternatives=(AlternativeDraft(2, "konsulentbistand", Verdict.REJECTED, "Prøvet"),),
    )
    assert consent_for_placement(support, SOC) == []
    assert check(support, SOC) == []


# --- rationale (forvaltningsloven § 22) ----------------------------------------------------------


@pytest.mark.parametrize("outcome", list(Outcome))
def test_rationale_always_required(outcome: Outcome) -> None:
    assert rules_hit(rationale(draft(outcome=outcome, rationale=" \n"), SOC)) == ["Begrundelse"]
    assert rationale(draft(outcome=outcome), SOC) == []


# --- postponed and referred; unknown step --------------------------------------------------------


def test_postponed_needs_only_a_rationale() -> None:
    postponed = DecisionDraft(
        outcome=Outcome.POSTPONED, step=5, interventions=(), rationale="Mangler BFU"
    )
    assert check(postponed, SOC) == []
    assert rules_hit(check(replace(postponed, rationale=""), SOC)) == ["Begrundelse"]


def test_referred_placement_without_consent() -> None:
    referred = DecisionDraft(
        outcome=Outcome.REFERRED,
        step=5,
        interventions=("plejefamilie",),
        rationale="Forældrene samtykker ikke",
        child_view="Vil blive hjemme",
        child_view_how="børnesamtale 2026-11-10",
        consent=Consent.NO,
    )
    assert check(referred, SOC) == []
    # The child's voice is still required when the case is referred.
    assert rules_hit(check(replace(referred, child_view=""), SOC)) == [
        "Barnets perspektiv (BL § 5)"
    ]


@pytest.mark.parametrize("step", [0, 7, -1, 99])
def test_unknown_step_is_one_clear_violation(step: int) -> None:
    found = check(draft(step=step), SOC)
    assert len(found) == 1 and found[0].rule == "Trin" and f"trin {step}" in found[0].message


def test_violation_str() -> None:
    assert (
        str(Violation("Begrundelse", "beslutningen skal begrundes"))
        == "Begrundelse: beslutningen skal begrundes"
    )


# --- properties ----------------------------------------------------------------------------------

PROFILES = {name: load_profile(name) for name in builtin_names()}
ALL_KEYS = sorted({i.key for p in PROFILES.values() for i in p.interventions})
texts = st.one_of(st.just(""), st.just("  "), st.text(max_size=12))
alternatives = st.builds(
    AlternativeDraft,
    step=st.integers(-1, 8),
    intervention=st.one_of(st.sampled_from(ALL_KEYS), st.text(max_size=8)),
    verdict=st.sampled_from(list(Verdict)),
    reason=texts,
)
drafts = st.builds(
    DecisionDraft,
    outcome=st.sampled_from(list(Outcome)),
    step=st.integers(-2, 9),
    interventions=st.lists(
        st.one_of(st.sampled_from(ALL_KEYS), st.text(max_size=8)), max_size=4
    ).map(tuple),
    purpose=texts,
    duration=texts,
    start=st.one_of(st.none(), st.dates()),
    rationale=texts,
    child_view=texts,
    child_view_how=texts,
    parents_view=texts,
    consent=st.sampled_from(list(Consent)),
    dissent=texts,
    goals=texts,
    alternatives=st.lists(alternatives, max_size=6).map(tuple),
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(d=drafts, name=st.sampled_from(sorted(PROFILES)))
def test_check_never_raises(d: DecisionDraft, name: str) -> None:
    found = check(d, PROFILES[name])
    assert all(isinstance(v, Violation) and v.rule and v.message for v in found)


@st.composite
def valid_drafts(draw: st.DrawFn) -> tuple[DecisionDraft, Profile]:
    """A draft built to satisfy every rule of its profile."""
    profile = PROFILES[draw(st.sampled_from(sorted(PROFILES)))]
    step = draw(st.sampled_from([s.number for s in profile.steps]))
    outcome = draw(st.sampled_from(list(Outcome)))
    on = {
        s.number: [i.key for i in profile.interventions if i.step == s.number]
        for s in profile.steps
    }
    chosen = [draw(st.sampled_from(on[step]))]
    chosen += draw(
        st.lists(st.sampled_from([k for s in on if s <= step for k in on[s]]), max_size=3)
    )
    alts = [
        AlternativeDraft(
            s,
            draw(st.sampled_from(on[s])),
            Verdict.REJECTED,
            draw(st.text(min_size=1).filter(str.strip)),
        )
        for s in range(1, step)
    ]
    for option in profile.priority:  # every earlier placement option answered
        if set(option.interventions) & set(chosen):
            break
        key = draw(st.sampled_from(option.interventions))
        alts.append(
            AlternativeDraft(
                profile.intervention(key).step,
                key,  # type: ignore[union-attr]
                draw(st.sampled_from([Verdict.REJECTED, Verdict.NOT_RELEVANT])),
                "Passer ikke",
            )
        )
    placing = outcome in (Outcome.APPROVED, Outcome.CHANGED)
    consent = (
        Consent.YES
        if placing and profile.is_placement(step)
        else draw(st.sampled_from(list(Consent)))
    )
    nonblank = st.text(min_size=1, max_size=20).filter(str.strip)
    d = DecisionDraft(
        outcome=outcome,
        step=step,
        interventions=tuple(dict.fromkeys(chosen)),
        purpose=draw(nonblank),
        duration=draw(nonblank),
        start=draw(st.dates()),
        rationale=draw(nonblank),
        child_view=draw(nonblank),
        child_view_how=draw(nonblank),
        parents_view=draw(texts),
        consent=consent,
        dissent=draw(texts),
        alternatives=tuple(draw(st.permutations(alts))),
    )
    return d, profile


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=valid_drafts())
def test_a_draft_built_to_satisfy_every_rule_passes(case: tuple[DecisionDraft, Profile]) -> None:
    d, profile = case
    assert check(d, profile) == []
