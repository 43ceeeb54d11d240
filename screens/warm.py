"""Warming up while the chair looks at the docket: the case flow's modules, its style sheet and the default
CSS of every widget it uses are read once, so the first Enter (and the first visit of each step) pays only
for drawing. Without this, the first case to open imported some 100 modules and re-parsed the whole style
sheet for each widget type seen for the first time."""

from __future__ import annotations

import importlib
import inspect
from pathlib import Path

from textual.app import App
from textual.widget import Widget

MODULES = ("screens.case_flow", "screens.modals.forms", "screens.modals.confirm", "screens.modals.help",
           "textual.command", "textual.widgets._markdown")
"""What the first case, its dialogs and the command palette import."""


def import_all() -> None:
    """Import the modules (in a thread: the event loop keeps painting)."""
    for name in MODULES:
        importlib.import_module(name)


def _widget_classes() -> list[type[Widget]]:
    """Every widget class imported so far, of this app and of Textual."""
    found, todo = [], [Widget]
    while todo:
        cls = todo.pop()
        for sub in cls.__subclasses__():
            todo.append(sub)
            if sub.__module__.startswith(("screens.", "textual.")):
                found.append(sub)
    return found


def read_css(app: App[object]) -> None:
    """Add the screens' CSS files and the widgets' default CSS to the app's style sheet and parse it once
    (on the event loop: the style sheet is not thread-safe)."""
    from screens.case_flow import CaseFlowScreen

    stylesheet = app.stylesheet
    for screen in (CaseFlowScreen,):
        path = (Path(inspect.getfile(screen)).parent / str(screen.CSS_PATH)).resolve()
        if not stylesheet.has_source(str(path), ""):
            stylesheet.read(path)
    for cls in _widget_classes():
        blank = object.__new__(cls)  # only its class is read: which CSS it and its bases declare
        for read_from, css, tie_breaker, scope in blank._get_default_css():
            stylesheet.add_source(css, read_from=read_from, is_default_css=True, tie_breaker=tie_breaker,
                                  scope=scope)
    stylesheet.parse()
