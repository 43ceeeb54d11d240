"""The rules of SPEC §3, one by one: each fires when it should and is silent when satisfied."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from visitation.domain.decision import (
    AlternativeDraft,
    CaseFacts,
    Consent,
    DecisionDraft,
    Outcome,
    Verdict,
    YouthConsent,
)
from visitation.domain.profiles import Profile, builtin_names, load_profile
from visitation.domain.rules import (
    Violation,
    catalogue,
    check,
    child_voice,
    consent,
    investigation,
    least_intrusive,
    number_ranges,
    placement_priority,
    rationale,
    referral_basis,
    required_fields,
    start_date,
)

SOC = load_profile("socialstyrelsen")
KER = load_profile("kerteminde")

HOME = AlternativeDraft(
    3, "familiebehandling", Verdict.REJECTED, "Afprøvet i et halvt år uden effekt"
)
NETWORK = AlternativeDraft(4, "netvaerksplejefamilie", Verdict.REJECTED, "Intet egnet netværk")
SAFETY = AlternativeDraft(3, "sikkerhedsplan", Verdict.REJECTED, "Netværket kan ikke holde en plan")
"""Weighed before any placement in Hjørring's profile."""
FOSTER = AlternativeDraft(
    5, "plejefamilie", Verdict.REJECTED, "Barnets behov kræver døgnbehandling"
)
OWN_RES = AlternativeDraft(
    6, "boerne-og-ungehjem", Verdict.REJECTED, "Villaen har ingen plads til en 14-årig"
)


CHILD = CaseFacts(birth_date=date(2018, 4, 11), step_before=3, decided_on=date(2026, 12, 1))
"""An 8-year-old at home on step 3, decided at a meeting on 1 December 2026."""
YOUTH = replace(CHILD, birth_date=date(2011, 6, 1))
"""15 at the start (31 January 2027): the youth's own consent counts."""
SECTION_52 = {"siblings": "Ingen søskende", "schooling": "Bliver på sin skole",
              "foster_assessment": "En plejefamilie giver de nære voksenrelationer, barnet har brug for"}


def draft(**changes: object) -> DecisionDraft:
    """A foster-family placement that satisfies every rule; changed as asked."""
    base = DecisionDraft(
        outcome=Outcome.APPROVED,
        step=5,
        interventions=("plejefamilie",),
        purpose="En tryg hverdag",
        duration="12 måneder",
        start=date(2027, 1, 31),
        investigation_done=date(2026, 11, 20),
        rationale="Hjemmet kan ikke give omsorgen",
        child_view="Vil bo tæt på skolen",
        child_view_how="børnesamtale på skolen 2026-11-10",
        parents_view="Samtykker",
        consent=Consent.YES,
        alternatives=(HOME, NETWORK, SAFETY),
        facts=CHILD,
        **SECTION_52,
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def support(**changes: object) -> DecisionDraft:
    """Familiebehandling at home (a § 32 measure) that satisfies every rule; changed as asked."""
    tried = (AlternativeDraft(2, "konsulentbistand", Verdict.REJECTED, "Prøvet"),)
    blank = dict.fromkeys(SECTION_52, "")
    return draft(**{"step": 3, "interventions": ("familiebehandling",), "alternatives": tried,
                    "investigation_done": None, **blank, **changes})


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
        assert violation.rule == "Kommunens anbringelsesprioritet (Kerteminde)"
        assert "BL §" not in violation.rule  # the municipality's policy, never a paragraph
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


# --- purpose and duration (rule 4, BL § 32, stk. 3 and § 46, stk. 1) ------------------------------


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"purpose": ""}, ["formål"]),
        ({"duration": " "}, ["forventet varighed"]),
        ({"purpose": "", "duration": ""}, ["formål", "forventet varighed"]),
    ],
)
@pytest.mark.parametrize(
    ("make", "cited"),
    [(support, "Formål og varighed (BL § 32, stk. 3)"), (draft, "Formål og varighed (BL § 46, stk. 1)")],
)
def test_bl_32_stk_3_and_bl_46_stk_1_purpose_and_duration_required(
    changes: dict[str, object], words: list[str], make, cited: str  # type: ignore[no-untyped-def]
) -> None:
    d = make(**changes)
    found = required_fields(d, SOC)
    assert rules_hit(found) == [cited]
    assert all(w in found[0].message for w in words)
    assert rules_hit(check(d, SOC)) == [cited]


def test_a_placement_with_support_beside_it_cites_both_paragraphs() -> None:
    d = draft(interventions=("plejefamilie", "kontaktperson"), purpose="")
    assert rules_hit(required_fields(d, SOC)) == ["Formål og varighed (BL § 32, stk. 3; BL § 46, stk. 1)"]


def test_bl_30_a_preventive_measure_is_no_bl_32_measure_and_needs_no_purpose_and_duration() -> None:
    preventive = draft(step=2, interventions=("konsulentbistand",), purpose="", duration="",
                       alternatives=(AlternativeDraft(1, "ppr-konsultation", Verdict.REJECTED, "Prøvet"),),
                       investigation_done=None, **dict.fromkeys(SECTION_52, ""))
    assert check(preventive, SOC) == []


def test_a_measure_needs_its_start_date_the_tool_s_rule_not_a_paragraph() -> None:
    for d in (draft(start=None), support(start=None)):
        assert rules_hit(check(d, SOC)) == ["Startdato"]
    assert rules_hit(start_date(draft(step=2, interventions=("konsulentbistand",), start=None), SOC)) == ["Startdato"]
    # Step 1 (the universal services' own offers) and decisions that place nobody need none.
    assert start_date(draft(step=1, interventions=("ppr-konsultation",), start=None), SOC) == []
    assert start_date(draft(outcome=Outcome.REFERRED, start=None), SOC) == []


def test_purpose_and_duration_not_on_step_one_nor_when_not_placing() -> None:
    bare = {"purpose": "", "duration": "", "start": None}
    assert required_fields(draft(step=1, interventions=("ppr-konsultation",), **bare), SOC) == []
    for outcome in (Outcome.REJECTED, Outcome.POSTPONED, Outcome.REFERRED):
        assert required_fields(draft(outcome=outcome, **bare), SOC) == []


# --- consent (rule 5, BL § 32, stk. 2; § 46, stk. 1; § 47) ----------------------------------------


@pytest.mark.parametrize("parents", [Consent.NO, Consent.PARTIAL, Consent.UNKNOWN])
@pytest.mark.parametrize("outcome", [Outcome.APPROVED, Outcome.CHANGED])
def test_bl_46_stk_1_a_placement_without_the_parents_consent_can_only_be_referred(
    parents: Consent, outcome: Outcome
) -> None:
    d = draft(consent=parents, outcome=outcome)
    found = consent(d, SOC)
    assert rules_hit(found) == ["Samtykke (BL § 46, stk. 1)"]
    assert "referred" in found[0].message and "børne- og ungeudvalget" in found[0].message
    assert "BL § 47" in found[0].message and "forældremyndighedsindehaverens" in found[0].message
    assert rules_hit(check(d, SOC)) == ["Samtykke (BL § 46, stk. 1)"]
    assert check(replace(d, outcome=Outcome.REFERRED), SOC) == []


@pytest.mark.parametrize("step", [4, 5, 6])
def test_bl_46_stk_1_consent_on_every_placement_step(step: int) -> None:
    key = {4: "netvaerksplejefamilie", 5: "plejefamilie", 6: "boerne-og-ungehjem"}[step]
    assert len(consent(draft(step=step, interventions=(key,), consent=Consent.NO), KER)) == 1


@pytest.mark.parametrize("name", builtin_names())
def test_bl_32_stk_2_a_support_measure_without_the_parents_consent_is_refused(name: str) -> None:
    d = support(consent=Consent.NO)
    found = consent(d, load_profile(name))
    assert rules_hit(found) == ["Samtykke (BL § 32, stk. 2)"]
    assert "BL §§ 37-39" in found[0].message and "referred" in found[0].message
    assert rules_hit(check(d, load_profile(name))) == ["Samtykke (BL § 32, stk. 2)"]
    referred = replace(d, outcome=Outcome.REFERRED)
    assert check(referred, load_profile(name)) == []
    assert referral_basis(referred, load_profile(name)) == ("bl-37",)


def test_bl_30_a_preventive_measure_needs_no_consent_rule() -> None:
    preventive = draft(step=2, interventions=("konsulentbistand",), consent=Consent.NO,
                       alternatives=(AlternativeDraft(1, "ppr-konsultation", Verdict.REJECTED, "Prøvet"),))
    assert consent(preventive, SOC) == []


def test_bl_46_stk_1_a_15_year_old_who_says_no_is_refused_and_can_be_referred() -> None:
    # The parents consent; the youth, 15 on the start date, does not: no placement at the meeting.
    d = draft(facts=YOUTH, youth_consent=YouthConsent.NO)
    found = consent(d, SOC)
    assert rules_hit(found) == ["Samtykke (BL § 46, stk. 1)"]
    assert "den unges (fyldt 15 år) samtykke mangler" in found[0].message
    assert "forældremyndighedsindehaverens" not in found[0].message
    referred = replace(d, outcome=Outcome.REFERRED)
    assert check(referred, SOC) == []
    assert referral_basis(referred, SOC) == ("bl-47", "bl-142")


def test_bl_46_stk_1_the_youth_s_consent_counts_from_15_at_the_start_date() -> None:
    # Born 1 June 2011: 15 on 1 June 2026. A start the day before the 15th birthday needs no own consent.
    young = replace(YOUTH, decided_on=date(2026, 5, 1))
    assert consent(draft(facts=young, start=date(2026, 5, 31)), SOC) == []
    assert len(consent(draft(facts=young, start=date(2026, 6, 1)), SOC)) == 1
    assert consent(draft(facts=young, start=date(2026, 6, 1), youth_consent=YouthConsent.YES), SOC) == []
    # An unknown birth date: the age cannot count.
    assert consent(draft(facts=CaseFacts()), SOC) == []


def test_bl_32_stk_2_a_15_year_old_s_consent_to_a_support_measure() -> None:
    assert rules_hit(consent(support(facts=YOUTH), SOC)) == ["Samtykke (BL § 32, stk. 2)"]
    assert consent(support(facts=YOUTH, youth_consent=YouthConsent.YES), SOC) == []


def test_bl_47_stk_4_the_youth_consents_and_the_parents_do_not() -> None:
    d = draft(facts=YOUTH, consent=Consent.NO, youth_consent=YouthConsent.YES, outcome=Outcome.REFERRED)
    assert check(d, SOC) == []
    assert referral_basis(d, SOC) == ("bl-47-4", "bl-142")
    # Under 15 the youth's word does not make it § 47, stk. 4.
    assert referral_basis(replace(d, facts=CHILD), SOC) == ("bl-47", "bl-142")


def test_bl_47_a_referral_of_a_15_year_old_records_the_youth_s_own_consent() -> None:
    d = draft(facts=YOUTH, consent=Consent.NO, outcome=Outcome.REFERRED)
    assert rules_hit(check(d, SOC)) == ["Samtykke (BL § 46, stk. 1)"]
    assert "ja eller nej" in check(d, SOC)[0].message
    assert check(replace(d, youth_consent=YouthConsent.NO), SOC) == []


# --- the investigation (rule 6, BL § 46, stk. 3) ----------------------------------------------------


@pytest.mark.parametrize("name", builtin_names())
def test_bl_46_stk_3_a_placement_without_a_completed_investigation_is_refused_unless_acute(name: str) -> None:
    profile = load_profile(name)
    bare = draft(investigation_done=None)
    found = investigation(bare, profile)
    assert rules_hit(found) == ["Børnefaglig undersøgelse (BL § 46, stk. 3; BL § 20)"]
    assert "akut eller foreløbig" in found[0].message
    assert rules_hit(check(bare, profile)) == ["Børnefaglig undersøgelse (BL § 46, stk. 3; BL § 20)"]
    assert check(replace(bare, acute=True), profile) == []


def test_bl_46_stk_3_the_investigation_is_completed_before_the_placement() -> None:
    later = draft(investigation_done=date(2026, 12, 2))  # after the meeting of 1 December
    assert "afsluttet 2026-12-02" in investigation(later, SOC)[0].message
    assert investigation(draft(investigation_done=date(2026, 12, 1)), SOC) == []


def test_bl_46_stk_3_not_for_support_measures_nor_referrals() -> None:
    assert investigation(support(), SOC) == []
    assert investigation(draft(investigation_done=None, outcome=Outcome.REFERRED), SOC) == []


# --- the choice of placement (rule 2, BL § 52, stk. 2-4) --------------------------------------------


@pytest.mark.parametrize(
    ("name", "cited"),
    [
        ("siblings", "Søskende (BL § 52, stk. 3)"),
        ("schooling", "Skolegang (BL § 52, stk. 2 og 4)"),
        ("foster_assessment", "Valg af anbringelsessted (BL § 52, stk. 2)"),
    ],
)
def test_bl_52_a_placement_records_siblings_schooling_and_the_foster_family_assessment(
    name: str, cited: str
) -> None:
    for profile in (SOC, KER):
        found = required_fields(draft(**{name: " "}), profile)
        assert rules_hit(found) == [cited]
        assert "ikke relevant" in found[0].message
    assert required_fields(draft(**{name: "Ikke relevant: enebarn"}), SOC) == []
    assert required_fields(support(), SOC) == []  # not asked of a measure at home


# --- return home (rule 9, BL § 100) -----------------------------------------------------------------


def home(**changes: object) -> DecisionDraft:
    """A placed child (step 5) going home to familiebehandling (step 3)."""
    return support(**{"facts": replace(CHILD, step_before=5), "return_period_months": 3, **changes})


def test_bl_100_a_placed_child_going_home_records_the_return_period() -> None:
    assert check(home(), SOC) == []
    found = check(home(return_period_months=None), SOC)
    assert rules_hit(found) == ["Hjemgivelse (BL § 100)"] and "hjemgivelsesperiode" in found[0].message
    assert check(home(return_period_months=0), SOC) == []  # no period is a period of 0 months
    # Not a return home: from home to home, or from one placement to another.
    assert check(support(), SOC) == []
    assert required_fields(draft(facts=replace(CHILD, step_before=6)), SOC) == []


@pytest.mark.parametrize("months", [-1, 7, 12])
def test_bl_100_the_return_period_is_0_to_6_months(months: int) -> None:
    found = number_ranges(home(return_period_months=months), SOC)
    assert rules_hit(found) == ["Hjemgivelse (BL § 100)"] and f"0-6, ikke {months}" in found[0].message


# --- rationale (forvaltningsloven § 22) ----------------------------------------------------------


@pytest.mark.parametrize("outcome", list(Outcome))
def test_rationale_always_required(outcome: Outcome) -> None:
    assert rules_hit(rationale(draft(outcome=outcome, rationale=" \n"), SOC)) == ["Begrundelse"]
    assert rationale(draft(outcome=outcome), SOC) == []


# --- the safety plan (SPEC §9.3: Hjørring weighs it before any placement) ---------------------------

HJO = load_profile("hjoerring")


@pytest.mark.parametrize("name", builtin_names())
def test_a_placement_without_a_safety_plan_weighed_is_refused_in_hjoerring_only(name: str) -> None:
    found = check(draft(alternatives=(HOME, NETWORK)), load_profile(name))
    if name == "hjoerring":
        assert found == [Violation("Sikkerhedsplan før anbringelse (Hjørring)",
                                   "en sikkerhedsplan skal være overvejet med en begrundelse før en anbringelse "
                                   "(alternativet sikkerhedsplan)")]
    else:
        assert found == []


@pytest.mark.parametrize("step, interventions", [(4, ("netvaerksplejefamilie",)), (5, ("plejefamilie",)),
                                                 (6, ("boerne-og-ungehjem",))])
@pytest.mark.parametrize("verdict", [Verdict.REJECTED, Verdict.NOT_RELEVANT])
def test_every_placement_in_hjoerring_passes_with_the_safety_plan_weighed(
        step: int, interventions: tuple[str, ...], verdict: Verdict) -> None:
    alternatives = (HOME, replace(SAFETY, verdict=verdict), NETWORK, FOSTER)
    assert check(draft(step=step, interventions=interventions, alternatives=alternatives), HJO) == []
    without = (HOME, NETWORK, FOSTER)
    assert rules_hit(check(draft(step=step, interventions=interventions, alternatives=without), HJO)) == [
        "Sikkerhedsplan før anbringelse (Hjørring)"]


@pytest.mark.parametrize("weighed", [replace(SAFETY, reason="  "), replace(SAFETY, verdict=Verdict.CHOSEN),
                                     replace(SAFETY, intervention="familiebehandling")])
def test_a_safety_plan_without_a_reason_or_chosen_is_not_weighed(weighed: AlternativeDraft) -> None:
    found = rules_hit(check(draft(alternatives=(HOME, NETWORK, weighed)), HJO))
    assert "Sikkerhedsplan før anbringelse (Hjørring)" in found


def test_hjoerring_asks_no_safety_plan_where_the_child_is_not_placed() -> None:
    assert check(support(), HJO) == []
    for outcome in (Outcome.POSTPONED, Outcome.REJECTED):
        assert "Sikkerhedsplan før anbringelse (Hjørring)" not in rules_hit(
            check(draft(outcome=outcome, alternatives=(HOME, NETWORK)), HJO))


@pytest.mark.parametrize("name", builtin_names())
def test_a_chosen_safety_plan_needs_its_rules_in_every_profile(name: str) -> None:
    profile = load_profile(name)
    chosen = support(interventions=("sikkerhedsplan", "familiebehandling"))
    assert check(chosen, profile) == [Violation(
        "Sikkerhedsplan", "sikkerhedsplanen er valgt, men sagen har ingen regler med nogen, der holder dem "
                          "(visitation sos plan)")]
    assert check(replace(chosen, safety_plan="  \n "), profile) == check(chosen, profile)
    assert check(replace(chosen, safety_plan="Mormor henter Liva hver dag (holdes af: Grethe)"), profile) == []


# --- the ruler points to the step (SPEC §9.3) ------------------------------------------------------


@pytest.mark.parametrize("name", builtin_names())
def test_outside_the_zones_range_the_reason_is_asked_naming_the_option(name: str) -> None:
    profile = load_profile(name)
    outside = draft(facts=replace(CHILD, zone=4))  # step 5; zone 4 points to steps 3-4
    [violation] = check(outside, profile)
    assert violation.rule == f"Linealens retning ({profile.policy_owner})"
    assert violation.message == (f"zone 4 ({profile.zone(4).label}) peger normalt på trin 3–4; trin 5 er valgt: "
                                 "skriv hvorfor (Hvorfor et trin uden for linealens retning; --ruler-reason)")
    assert check(replace(outside, ruler_reason="Barnets behov kræver en plejefamilie nu"), profile) == []
    assert check(replace(outside, ruler_reason=" "), profile) == [violation]


@pytest.mark.parametrize("zone", [5, None])
def test_inside_the_range_or_without_a_zone_nothing_is_asked(zone: int | None) -> None:
    assert check(draft(facts=replace(CHILD, zone=zone)), SOC) == []


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
    youth_consent=st.sampled_from(list(YouthConsent)),
    investigation_done=st.one_of(st.none(), st.dates()),
    acute=st.booleans(),
    return_period_months=st.one_of(st.none(), st.integers(-3, 20)),
    siblings=texts,
    facts=st.builds(CaseFacts, st.one_of(st.none(), st.dates()), st.one_of(st.none(), st.integers(-1, 8)),
                    st.one_of(st.none(), st.dates())),
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
    if profile.methods.safety_plan_before_placement and profile.is_placement(step):  # Hjørring weighs one first
        alts.append(AlternativeDraft(3, "sikkerhedsplan", draw(st.sampled_from([Verdict.REJECTED,
                                                                                Verdict.NOT_RELEVANT])),
                                     draw(st.text(min_size=1).filter(str.strip))))
    zone = draw(st.one_of(st.none(), st.sampled_from([z.number for z in profile.zones])))
    span = profile.ruler_steps.range_for(zone) if zone else None
    outside = span is not None and not span[0] <= step <= span[1]
    placing = outcome in (Outcome.APPROVED, Outcome.CHANGED)
    needs_consent = placing and profile.measures(tuple(chosen), step) & {"support", "placement"}
    parents = Consent.YES if needs_consent else draw(st.sampled_from(list(Consent)))
    nonblank = st.text(min_size=1, max_size=20).filter(str.strip)
    d = DecisionDraft(
        outcome=outcome,
        step=step,
        interventions=tuple(dict.fromkeys(chosen)),
        purpose=draw(nonblank),
        duration=draw(nonblank),
        rationale=draw(nonblank),
        child_view=draw(nonblank),
        child_view_how=draw(nonblank),
        parents_view=draw(texts),
        consent=parents,
        youth_consent=YouthConsent.YES,
        investigation_done=draw(st.dates(max_value=date(2026, 12, 1))),
        dissent=draw(texts),
        alternatives=tuple(draw(st.permutations(alts))),
        facts=CaseFacts(draw(st.dates(max_value=date(2026, 1, 1))), draw(st.sampled_from([1, 2, 3])),
                        date(2026, 12, 1), zone),
        ruler_reason=draw(nonblank if outside else texts),
        safety_plan=draw(nonblank if "sikkerhedsplan" in chosen else texts),
        start=draw(st.dates(min_value=date(2026, 12, 1))),
        **{name: draw(nonblank) for name in SECTION_52},
    )
    return d, profile


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=valid_drafts())
def test_a_draft_built_to_satisfy_every_rule_passes(case: tuple[DecisionDraft, Profile]) -> None:
    d, profile = case
    assert check(d, profile) == []
