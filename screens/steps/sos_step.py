"""The Signs of Safety step (profiles with `methods.signs_of_safety`): the mapping's three columns, danger
statements, safety goals, the 0–10 scale per person and the safety plan's rules with their keepers."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from screens.messages import CaseBundle
from screens.modals.method_forms import PlanRuleDialog, RuleInput, ScaleDialog, ScaleInput, SosInput, SosLineDialog
from screens.steps.base import StepPane
from screens.steps.people import people, who_label
from visitation.domain.format import day
from visitation.domain.privacy import Privacy, Scrubber
from visitation.domain.sos import COLUMNS, KIND_LABELS, SCALE, SCALE_ANCHORS, Kind
from visitation.services.method_views import PlanRule, ScaleRating

WHO_WIDTH = 24
"""The scale's names are cut to this width so the bars line up."""


def scale_bar(score: int) -> str:
    """`0 ├─┼─┼─┼─┼─┼─●─┼─┼─┼─┤ 10`: the score on the scale, by position and symbol (never colour alone)."""
    ends = {SCALE.start: "├", SCALE.stop - 1: "┤"}
    marks = ["●" if i == score else ends.get(i, "┼") for i in SCALE]
    return f"{SCALE.start} {'─'.join(marks)} {SCALE.stop - 1}"


def scale_lines(ratings: list[ScaleRating], label: object) -> list[str]:
    """Each person's newest rating as a bar with the score, and the earlier ones in brief."""
    newest = {r.who: r for r in ratings}
    lines = []
    for who, r in newest.items():
        earlier = [f"{e.score} ({day(e.rated_on)})" for e in ratings if e.who == who and e is not r]
        name = str(label(who))[:WHO_WIDTH]  # type: ignore[operator]
        lines.append(f"{name:<{WHO_WIDTH}} {scale_bar(r.score)}  {r.score:>2}/10  {day(r.rated_on)}"
                     + (f"  tidligere: {', '.join(earlier[-3:])}" if earlier else ""))
    return lines


def plan_lines(plan: list[PlanRule], label: object) -> list[str]:
    """The rules numbered, each with who keeps it."""
    return [f"{n}. {rule.text}\n   holdes af: {', '.join(str(label(k)) for k in rule.keepers) or '–'}"  # type: ignore[operator]
            for n, rule in enumerate(plan, start=1)]


class SosStep(StepPane):
    """The mapping on the wall, filled in with the keyboard."""

    BINDINGS = [
        Binding("a", "add", "Punkt", id="sos.add", tooltip="Et punkt i en af de tre kolonner"),
        Binding("f", "danger", "Farefaktorudsagn", id="sos.danger"),
        Binding("m", "goal", "Sikkerhedsmål", id="sos.goal"),
        Binding("s", "scale", "Skala", id="sos.scale", tooltip="En persons vurdering 0–10"),
        Binding("p", "plan", "Regel i planen", id="sos.plan",
                tooltip="En regel i sikkerhedsplanen med dem, der holder den"),
    ]

    def compose(self) -> ComposeResult:
        """The columns side by side (stacked when narrow), then danger, goals, scale and plan."""
        yield Static("Signs of Safety – kortlægning. a: punkt · f: farefaktorudsagn · m: sikkerhedsmål · "
                     "s: skala · p: regel i sikkerhedsplanen", id="sos-intro", markup=False)
        with Horizontal(id="sos-columns"):
            for kind in COLUMNS:
                with Vertical(classes="sos-column"):
                    yield Static(KIND_LABELS[kind], classes="heading")
                    yield Static(id=f"sos-{kind.value}", markup=False)
        yield Static(f"{KIND_LABELS[Kind.DANGER]} (f)", classes="heading")
        yield Static(id="sos-danger", markup=False)
        yield Static(f"{KIND_LABELS[Kind.GOAL]} (m)", classes="heading")
        yield Static(id="sos-goal", markup=False)
        yield Static("Sikkerhedsskala (s)", classes="heading")
        yield Static(f"{SCALE_ANCHORS[0]} · {SCALE_ANCHORS[1]}", id="sos-anchors", markup=False)
        yield Static(id="sos-scale", markup=False)
        yield Static("Sikkerhedsplan (p) – et alternativ til anbringelse", classes="heading")
        yield Static(id="sos-plan", markup=False)

    def show(self, bundle: CaseBundle, privacy: bool) -> None:
        """Fill in the mapping as the wall may see it."""
        self.bundle = bundle
        c, sos = bundle.case, bundle.case.sos
        scrub = Scrubber.for_case(c, Privacy.SCREEN if privacy else Privacy.INTERNAL)

        def label(who: str) -> str:
            return who_label(who, c, privacy)

        for kind in (*COLUMNS, Kind.DANGER, Kind.GOAL):
            lines = [f"• {scrub(line.text)}" + (f" – {label(line.who)}" if line.who else "") for line in sos.of(kind)]
            self.query_one(f"#sos-{kind.value}", Static).update("\n".join(lines) or "ingen endnu")
        scale = "\n".join(scale_lines(sos.ratings, label))
        self.query_one("#sos-scale", Static).update(scale or "ingen vurderinger endnu")
        self.query_one("#sos-plan", Static).update(
            "\n".join(plan_lines(sos.plan, label)) or "ingen regler endnu – en regel har altid nogen fra netværket, "
                                                      "der holder den")

    def _case(self) -> str:
        return self.bundle.case.ref if self.bundle else ""

    def _people(self) -> list[tuple[str, str]]:
        return people(self.bundle.case, bool(self.app.privacy)) if self.bundle else []  # type: ignore[attr-defined]

    def action_add(self) -> None:
        """An item in one of the three columns."""
        self._line(None)

    def action_danger(self) -> None:
        """A danger statement."""
        self._line(Kind.DANGER)

    def action_goal(self) -> None:
        """A safety goal."""
        self._line(Kind.GOAL)

    def _line(self, kind: Kind | None) -> None:
        from visitation.services import sos

        case = self._case()

        def added(line: object) -> None:
            if not isinstance(line, SosInput):
                return
            if line.kind is Kind.DANGER:
                self.save(lambda: sos.danger(self.db, case, line.text), "farefaktorudsagn tilføjet")
            elif line.kind is Kind.GOAL:
                self.save(lambda: sos.goal(self.db, case, line.text), "sikkerhedsmål tilføjet")
            else:
                self.save(lambda: sos.add(self.db, case, line.kind.value, line.text, line.who),
                          f"«{KIND_LABELS[line.kind]}»: punkt tilføjet")
        if self.bundle is not None:
            self.app.push_screen(SosLineDialog(kind, self._people()), added)

    def action_scale(self) -> None:
        """A person's rating on the safety scale."""
        from visitation.services import sos

        case = self._case()
        on = self.bundle.meeting.date if self.bundle else None  # rated at this meeting

        def rated(rating: object) -> None:
            if isinstance(rating, ScaleInput):
                self.save(lambda: sos.scale(self.db, case, rating.who, rating.score, on), f"skala {rating.score}")
        if self.bundle is not None:
            self.app.push_screen(ScaleDialog(self._people()), rated)

    def action_plan(self) -> None:
        """A rule of the safety plan, kept by people from the network map."""
        from visitation.services import sos

        case = self._case()

        def written(rule: object) -> None:
            if isinstance(rule, RuleInput):
                self.save(lambda: sos.plan(self.db, case, rule.text, rule.keepers), "regel i sikkerhedsplanen")
        if self.bundle is not None:
            self.app.push_screen(PlanRuleDialog(self._people()), written)
