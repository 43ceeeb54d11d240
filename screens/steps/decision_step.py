"""Beslutning: the form saved as it is typed, the rules shown live, a confirmation, then locked. Beside the rules:
the ruler's warning when the step lies outside the zone's range (not a block), and the case's safety plan."""

from __future__ import annotations

from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Input, Select, SelectionList, Static, TextArea

from screens.messages import CaseBundle, DecisionRecorded, DraftSaved, RulesChecked
from screens.modals.confirm import ConfirmDialog
from screens.steps import decision_form as form
from screens.steps.base import StepPane
from screens.steps.decision_rules import ALTERNATIVES, FormVerdict, panel_text, refusal_text, verdict
from screens.steps.decision_text import decision_summary, locked_text, plan_note, ruler_note
from visitation.domain.decision import DecisionDraft, draft_from_fields
from visitation.domain.format import day
from visitation.domain.privacy import Privacy, Scrubber

DEBOUNCE = 0.3
"""Seconds of pause after which typed text is saved (leaving the field saves at once)."""
RULES_DEBOUNCE = 0.15
"""Seconds of pause after which the rules are checked again."""


class FormScroll(VerticalScroll, can_focus=False):
    """The form's scroll area: Tab goes straight to the fields."""


class SideScroll(VerticalScroll):
    """The rules, follow-ups and safety plan beside the form. A low terminal cannot show them all: Tab past the
    last field lands here, and ↑/↓ scroll."""


class DecisionStep(StepPane):
    """The decision form beside its live rule status and follow-up dates."""

    BINDINGS = [Binding("ctrl+s", "confirm", "Gem beslutning", id="decision.save"),
                Binding("ctrl+g", "go_to_field", "Gå til felt", id="decision.field"),
                Binding("ctrl+e", "correct", "Ret beslutning", id="decision.correct")]

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.values: dict[str, Any] = {}
        """What the form holds now."""
        self.saved: dict[str, Any] = {}
        """The fields as last saved (the base of each save, for conflict detection)."""
        self.version = 0
        self.pending: dict[str, Any] = {}
        self.saving = False
        self.correcting = False
        self.filled_for: tuple[int, int] | None = None
        self.timers: dict[str, Any] = {}
        self.focus_when_built = False
        """The step was entered before its form was built: focus the first field once it is."""
        self.shown: FormVerdict | None = None
        """The verdict the rules panel shows."""

    def compose(self) -> ComposeResult:
        """Locked summary, or the form and the rules panel side by side."""
        yield Static(id="decision-locked", markup=False)
        yield Static(id="decision-ruler", markup=False)
        with Horizontal(id="decision-body"):
            yield FormScroll(id="decision-form")
            with SideScroll(id="decision-side"):
                yield Static(id="decision-rules", markup=False)
                yield Static(id="decision-followups", markup=False)
                yield Static(id="decision-plan", markup=False)

    def show(self, bundle: CaseBundle, privacy: bool) -> None:
        """Fill the form once per case (never over what is being typed), or show the locked decision."""
        self.bundle = bundle
        locked = self.current_decision() is not None and not self.correcting
        self.refresh_bindings()
        self.query_one("#decision-locked", Static).display = locked
        self.query_one("#decision-body").display = not locked
        self.query_one("#decision-ruler", Static).display = not locked and bool(bundle.preview.ruler_warning)
        if locked:
            self.query_one("#decision-locked", Static).update(locked_text(bundle, self.current_decision()))
            return
        key = (bundle.case.id, bundle.meeting.id)
        if self.filled_for != key:
            self.filled_for = key
            self.version, self.saved = bundle.draft.version, dict(bundle.draft.fields)
            self.values = dict(bundle.verdict.values)
            self.call_later(self._build)
            self.show_rules(bundle.verdict)
        else:  # the case changed (a plan rule, an alternative, another screen's typing): the rules again, on the
            self.take_theirs(bundle.draft)  # form as it is now
            self.check_rules()

    def take_theirs(self, draft: Any) -> None:
        """Another screen saved this form: a field not being edited shows its value; a field being edited keeps
        the typed text and a notice names the other value (saving on then replaces it, knowingly)."""
        if draft.version <= self.version or self.saving or not self.query("#decision-form > *"):
            return
        focused = self.app.focused
        scrub = Scrubber.for_case(self.bundle.case, Privacy.SCREEN if self.app.privacy else Privacy.INTERNAL)  # type: ignore[union-attr, attr-defined]
        for name in form.ORDER:
            theirs = draft.fields.get(name, self.saved.get(name))
            if theirs == self.saved.get(name) or theirs == self.values.get(name):
                continue
            widget = self.query_one(f"#{name}")
            if name in self.pending or widget is focused:
                self.notify(f"{form.LABELS[name]} blev ændret på en anden skærm ({draft.updated_by or 'en anden'}): "
                            f"«{scrub(str(theirs))[:80]}». Din tekst står urørt i feltet.", title="Samtidig ændring",
                            severity="warning", timeout=20, markup=False)
                continue
            with self.prevent(Input.Changed, TextArea.Changed, Select.Changed, SelectionList.SelectedChanged):
                form.write(widget, theirs)
            self.values[name] = theirs
        self.saved, self.version = dict(draft.fields), draft.version

    def focus_first(self) -> None:
        """The first field, with the form shown from its top (the same picture every time). A form still being
        built (the step is drawn when first shown) gets the focus when it is built."""
        holder = self.query_one("#decision-form", FormScroll)
        first = next((w for w in holder.query("*") if w.focusable), None)
        if first is None:
            self.focus_when_built = True  # the form is not built yet
            super().focus_first()
            return
        first.focus(scroll_visible=False)
        holder.scroll_home(animate=False, immediate=True)

    def current_decision(self) -> Any:
        """The case's decision at this meeting that no correction has replaced."""
        b = self.bundle
        found = [d for d in b.case.decisions if d.meeting_id == b.meeting.id and not d.superseded] if b else []
        return found[-1] if found else None

    async def _build(self) -> None:
        holder = self.query_one("#decision-form", FormScroll)
        await holder.remove_children()
        await holder.mount_all(list(form.fields(self.bundle)))  # type: ignore[arg-type]
        with self.prevent(Input.Changed, TextArea.Changed, Select.Changed, SelectionList.SelectedChanged):
            for name in form.ORDER:
                form.write(holder.query_one(f"#{name}"), self.values[name])
        if self.focus_when_built:
            self.focus_when_built = False
            self.focus_first()
        self.check_rules()

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(Select.Changed)
    @on(SelectionList.SelectedChanged)
    def field_changed(self, event: Any) -> None:
        """Remember the change and save it shortly (every field is saved as it changes)."""
        widget = getattr(event, "control", None) or getattr(event, "text_area", None)
        name = getattr(widget, "id", None)
        if name not in form.ORDER:
            return
        value = form.read(widget)
        if self.values.get(name) == value:
            return
        self.values[name] = value
        self.pending[name] = value
        self._later("save", DEBOUNCE, self.flush)
        self._later("rules", RULES_DEBOUNCE, self.check_rules)

    def _later(self, name: str, delay: float, call: Any) -> None:
        """Run `call` once typing pauses for `delay` seconds (one timer per purpose, restarted per key)."""
        timer = self.timers.get(name)
        if timer is None:
            self.timers[name] = self.set_timer(delay, lambda: (self.timers.pop(name, None), call()))
        else:
            timer.reset()

    def on_descendant_blur(self) -> None:
        """Leaving a field saves it and checks the rules at once."""
        for timer in self.timers.values():
            timer.stop()
        self.timers.clear()
        self.flush()
        self.check_rules()

    def flush(self) -> None:
        """Save what is pending, one batch at a time so our own saves never conflict with each other."""
        if self.saving or not self.pending or self.bundle is None:
            return
        batch, self.pending = self.pending, {}
        self.saving = True
        self.save_fields(batch, dict(self.saved), self.version)

    @work(thread=True, exit_on_error=False, group="draft")
    def save_fields(self, batch: dict[str, Any], base: dict[str, Any], version: int) -> None:
        """Write the fields through the service; a conflict names the field and the other value."""
        from visitation.errors import VisitationError
        from visitation.services import drafts

        b = self.bundle
        state = None
        try:
            for name, value in batch.items():
                state = drafts.save(self.db, b.case.ref, b.meeting.ref, name, value, base.get(name), version)  # type: ignore[union-attr]
                version, base = state.version, state.fields
        except VisitationError as exc:
            self.app.call_from_thread(self.app.notify, exc.message, title="Ikke gemt", severity="error", timeout=15)
        self.post_message(DraftSaved(state) if state else DraftSaved(b.draft))  # type: ignore[union-attr]

    @on(DraftSaved)
    def draft_saved(self, message: DraftSaved) -> None:
        """Take the saved state as the new base, save anything typed meanwhile, re-check the rules."""
        message.stop()
        self.saved, self.version, self.saving = dict(message.state.fields), message.state.version, False
        self.flush()

    def draft(self) -> DecisionDraft:
        """The form's values as a decision draft."""
        return draft_from_fields(self.values, self.bundle.case.step)  # type: ignore[union-attr]

    def check_rules(self) -> None:
        """Run the rules on the form as it is now (read-only, in a worker)."""
        if self.bundle is not None and self.values:
            self.judge(dict(self.values))

    @work(thread=True, exclusive=True, exit_on_error=False, group="rules")
    def judge(self, values: dict[str, Any]) -> None:
        """The verdict of these values (the same function ctrl+s uses); it bubbles to the flow too."""
        b = self.bundle
        self.post_message(RulesChecked(verdict(self.db, b.case, values, b.meeting.date)))  # type: ignore[union-attr]

    @on(RulesChecked)
    def rules_checked(self, message: RulesChecked) -> None:
        """Show what is missing and the follow-up dates (a verdict of values since changed waits for the next)."""
        if message.verdict.values == self.values:
            self.show_rules(message.verdict)

    def show_rules(self, found: FormVerdict) -> None:
        """The rule status (what is still missing) and the follow-ups the decision will create."""
        preview = found.preview
        rules = self.query_one("#decision-rules", Static)
        rules.set_class(not found.ok, "-missing")
        rules.update(panel_text(found))
        self.shown = found
        dates = "\n".join(f"{day(f.due)}  {f.label}" for f in preview.followups)
        self.query_one("#decision-followups", Static).update("Opfølgning, der oprettes:\n" + (dates or "ingen"))
        ruler = self.query_one("#decision-ruler", Static)
        ruler.display = bool(preview.ruler_warning) and self.query_one("#decision-body").display
        ruler.update(ruler_note(preview))
        plan = self.query_one("#decision-plan", Static)
        text = plan_note(self.bundle, self.values.get("interventions", []), bool(self.app.privacy))  # type: ignore[attr-defined]
        plan.display = bool(text)
        plan.update(text)

    def action_confirm(self) -> None:
        """Check the rules on the form as it is now; only a decision that passes them can be confirmed."""
        if self.bundle is None or self.query_one("#decision-locked", Static).display:
            return
        self.flush()
        self.check_before_confirm(dict(self.values))

    @work(thread=True, exclusive=True, exit_on_error=False, group="confirm")  # a live check never cancels it
    def check_before_confirm(self, values: dict[str, Any]) -> None:
        """Run the rules (the panel's function), then either ask for confirmation or say what is missing."""
        b = self.bundle
        found = verdict(self.db, b.case, values, b.meeting.date)  # type: ignore[union-attr]
        self.app.call_from_thread(self._confirm_or_explain, found)

    def _confirm_or_explain(self, found: FormVerdict) -> None:
        self.show_rules(found)
        self.post_message(RulesChecked(found))
        if not found.ok:
            self.notify(refusal_text(found), title="Beslutningen kan ikke gemmes endnu", severity="error", timeout=8)
            self.focus_field(found.first_field())
            return
        draft = draft_from_fields(found.values, self.bundle.case.step)  # type: ignore[union-attr]

        replaced = self.current_decision() if self.correcting else None
        supersedes = replaced.id if replaced is not None else None

        def answered(yes: bool | None) -> None:
            if yes:
                self.record(draft, supersedes)
        body = decision_summary(self.bundle, draft)  # type: ignore[arg-type]
        if replaced is not None:
            body = (f"Erstatter beslutning {replaced.id} ({replaced.created_by}). "
                    f"Den gamle bevares i historikken.\n\n{body}")
        title = f"Bekræft rettelsen af beslutning {supersedes}" if replaced is not None else "Bekræft beslutningen"
        self.app.push_screen(ConfirmDialog(title, body), answered)

    @work(thread=True, exclusive=True, exit_on_error=False, group="record")
    def record(self, draft: DecisionDraft, supersedes: int | None = None) -> None:
        """Record the decision (replacing `supersedes`, the one confirmed); a refusal is shown, nothing written."""
        from visitation.errors import VisitationError
        from visitation.services import decisions

        b = self.bundle
        try:
            done = decisions.record(self.db, b.case.ref, b.meeting.ref, draft, supersedes)  # type: ignore[union-attr]
        except VisitationError as exc:
            self.app.call_from_thread(self.app.notify, exc.message, title="Ikke gemt", severity="error", timeout=15)
            return
        self.post_message(DecisionRecorded(done))

    @on(DecisionRecorded)
    def recorded(self, message: DecisionRecorded) -> None:
        """Lock the form; the flow reloads the case and moves on to the minutes."""
        self.correcting, self.filled_for = False, None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Saving is offered while the form is open; correcting only once a decision is locked."""
        locked = self.current_decision() is not None and not self.correcting
        if action in ("confirm", "go_to_field"):
            return not locked
        if action == "correct":
            return locked
        return True

    def focus_field(self, name: str | None) -> None:
        """Put the keyboard in a field of the form; the alternatives' gaps are answered on their own step."""
        if name == ALTERNATIVES:
            self.call_next(self.screen.go_to, "alternativer")  # type: ignore[attr-defined]
            return
        found = self.query(f"#decision-form #{name}") if name else None
        if found:
            field = found.first()
            if isinstance(field, TextArea):  # typing adds to what is there
                field.move_cursor(field.document.end)
            elif isinstance(field, Input):
                field.cursor_position = len(field.value)
            self.focus_on(field)

    def action_go_to_field(self) -> None:
        """Choose a field by typing part of its name (the missing ones first), and go there."""
        from screens.modals.field_dialog import FieldDialog

        if self.query_one("#decision-body").display:
            missing = [p.field for p in self.shown.problems] if self.shown else []
            self.app.push_screen(FieldDialog(form.LABELS, form.ORDER, missing), self.focus_field)

    def action_correct(self) -> None:
        """Open the form again for a correction (a new decision that supersedes the locked one)."""
        if self.current_decision() is not None and not self.correcting:
            self.correcting = True
            self.show(self.bundle, True)  # type: ignore[arg-type]
