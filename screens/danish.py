"""Textual's own key descriptions in Danish (F1, the footer and the palette show them on a Danish wall).

Textual merges a class's bindings when the class is created (`DOMNode._merge_bindings`); that merge is
wrapped so every binding it gives is in Danish. Done once, on import of the app, before any widget exists."""

from __future__ import annotations

import dataclasses

from textual.binding import Binding, BindingsMap
from textual.dom import DOMNode

DANISH = {
    "Bottom": "Nederst", "Top": "Øverst", "Home": "Start", "End": "Slut", "First": "Første", "Last": "Sidste",
    "Copy": "Kopiér", "Cut": "Klip", "Paste": "Indsæt", "Undo": "Fortryd", "Redo": "Gentag",
    "Copy selected text": "Kopiér markeret tekst", "Cut selected text": "Klip markeret tekst",
    "Paste text from the clipboard": "Indsæt fra udklipsholderen",
    "Cursor up": "Markør op", "Cursor down": "Markør ned", "Cursor left": "Markør til venstre",
    "Cursor right": "Markør til højre", "Cursor Up": "Markør op", "Cursor Down": "Markør ned",
    "Cursor up select": "Markér op", "Cursor down select": "Markér ned",
    "Cursor left select": "Markér til venstre", "Cursor right select": "Markér til højre",
    "Cursor left word select": "Markér et ord til venstre", "Cursor right word select": "Markér et ord til højre",
    "Cursor line end": "Til linjens slutning", "Cursor line start": "Til linjens start",
    "Cursor line end select": "Markér til linjens slutning", "Cursor line start select": "Markér til linjens start",
    "Cursor page down": "Side ned", "Cursor page up": "Side op",
    "Cursor word left": "Et ord til venstre", "Cursor word right": "Et ord til højre",
    "Cursor to next ancestor": "Til næste overordnede", "Cursor to next sibling": "Til næste",
    "Cursor to parent": "Til overordnet", "Cursor to previous sibling": "Til forrige",
    "Delete all to the left": "Slet alt til venstre", "Delete all to the right": "Slet alt til højre",
    "Delete character left": "Slet tegn til venstre", "Delete character right": "Slet tegn til højre",
    "Delete left to start of word": "Slet ord til venstre", "Delete right to start of word": "Slet ord til højre",
    "Delete line": "Slet linje", "Delete to line end": "Slet til linjens slutning",
    "Delete to line start": "Slet til linjens start",
    "Dismiss menu": "Luk menuen", "Show menu": "Vis menuen", "Down": "Ned", "Up": "Op",
    "Exit the command palette": "Luk kommandopaletten", "Go to bottom": "Nederst", "Go to top": "Øverst",
    "Next command": "Næste kommando", "Previous command": "Forrige kommando",
    "Next page": "Næste side", "Previous page": "Forrige side",
    "Expand or collapse all": "Fold alt ud eller sammen",
    "Focus Next": "Næste felt", "Focus Previous": "Forrige felt",
    "Go to end": "Til slutningen", "Go to start": "Til starten",
    "Move cursor left": "Markør til venstre", "Move cursor right": "Markør til højre",
    "Move cursor left a word": "Et ord til venstre", "Move cursor right a word": "Et ord til højre",
    "Move cursor left and select": "Markér til venstre", "Move cursor right and select": "Markér til højre",
    "Move cursor left a word and select": "Markér et ord til venstre",
    "Move cursor right a word and select": "Markér et ord til højre",
    "Move cursor right or accept the completion suggestion": "Markør til højre eller tag forslaget",
    "Next option": "Næste valg", "Previous option": "Forrige valg", "Next tab": "Næste fane",
    "Previous tab": "Forrige fane", "Open link": "Åbn link",
    "Page Down": "Side ned", "Page Up": "Side op", "Page Left": "Side til venstre", "Page Right": "Side til højre",
    "Page down": "Side ned", "Page up": "Side op", "Press button": "Tryk på knappen",
    "Quit": "Afslut", "Scroll Down": "Rul ned", "Scroll Up": "Rul op", "Scroll Left": "Rul til venstre",
    "Scroll Right": "Rul til højre", "Scroll Home": "Rul til toppen", "Scroll End": "Rul til bunden",
    "Select": "Vælg", "Select all": "Markér alt", "Select line": "Markér linjen",
    "Select line end": "Markér til slutningen", "Select line start": "Markér til starten",
    "Submit": "Udfør", "Toggle": "Slå til/fra", "Toggle collapsible": "Fold ud/sammen",
    "Toggle option": "Vælg/fravælg", "palette": "Kommandoer", "Open the command palette": "Sager, møder og handlinger",
}
"""Every description in Textual's own bindings (Textual 8), in Danish."""


def _danish(binding: object) -> object:
    """One binding with its description (and tooltip) in Danish; tuples become Bindings."""
    if not isinstance(binding, Binding):
        binding = Binding(*binding)  # type: ignore[misc]
    return dataclasses.replace(binding, description=DANISH.get(binding.description, binding.description),
                               tooltip=DANISH.get(binding.tooltip, binding.tooltip))


def _subclasses(cls: type) -> list[type]:
    found = [cls]
    sub: type
    for sub in cls.__subclasses__():
        found.extend(_subclasses(sub))
    return found


def translate() -> None:
    """Every node class merges its bindings in Danish from now on: those already made merge again, and each
    widget Textual loads later (lazily, as the screens need it) merges in Danish when it is made. So the
    docket's first paint does not wait for widgets it does not show (TextArea, Markdown …). Idempotent."""
    if getattr(DOMNode._merge_bindings, "danish", False):
        return
    english = DOMNode._merge_bindings.__func__  # type: ignore[attr-defined]

    def merged(cls: type[DOMNode]) -> BindingsMap:
        found = english(cls)
        return BindingsMap.from_keys({key: [_danish(b) for b in bindings]  # type: ignore[misc]
                                      for key, bindings in found.key_to_bindings.items()})

    merged.danish = True  # type: ignore[attr-defined]
    DOMNode._merge_bindings = classmethod(merged)  # type: ignore[method-assign, assignment]
    for cls in dict.fromkeys(_subclasses(DOMNode)):
        cls._merged_bindings = cls._merge_bindings()  # type: ignore[attr-defined]


def untranslated() -> list[str]:
    """English descriptions still left in the bindings of any node class (a test keeps this empty)."""
    left = []
    for cls in dict.fromkeys(_subclasses(DOMNode)):
        for _, bindings in cls._merged_bindings.key_to_bindings.items():  # type: ignore[attr-defined]
            left += [f"{cls.__name__}: {b.description}" for b in bindings if b.description in DANISH
                     and DANISH[b.description] != b.description]
    return sorted(set(left))
