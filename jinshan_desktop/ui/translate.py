"""The one way the interface translates: `tr(text)` of a context, then `.arg(...)` fills every %1..%N at once.

    class MainWindow(QMainWindow):
        tr = Texts()  # context "MainWindow", the class's name, as pyside6-lupdate names it
        ...
        self.tr("Exported %1 rows to %2").arg(count, path)
        self.tr("Copied %n rows", None, copied)  # a plural: Qt picks the language's form for the count

    DetailPane = Texts("DetailPane")  # outside a class: the variable is named as its context
    DetailPane.tr("Formula")

The spelling follows what pyside6-lupdate's Python parser can read: `name.tr("literal", ...)` is a message of
context `name` (or of the enclosing class for `self.tr`), and only `tr(text, None, n)` marks a plural.
Arguments in the same call would be read as a comment or a plural, hence `.arg()`, as in Qt's C++ idiom.
`.arg()` substitutes in one pass (QString.arg's multi-argument form), so a value containing "%2" is never
rescanned; it returns a plain str, so a second `.arg()` cannot be chained onto filled text.
"""

from __future__ import annotations

import logging
import re

from PySide6.QtCore import QCoreApplication

log = logging.getLogger(__name__)
_PLACE_MARKER = re.compile(r"%([1-9][0-9]?)")


class Translated(str):
    """A translated sentence whose %1..%N are still to be filled."""

    def arg(self, *values: object) -> str:
        """Replace the lowest-numbered place marker with the first value, the next lowest with the second, …,
        in one pass over the sentence (Qt's QString.arg(a1, a2, …)); markers beyond the values stay."""
        numbers = sorted({int(number) for number in _PLACE_MARKER.findall(self)})
        if len(values) > len(numbers):
            log.warning("%d values for %d place markers in %r", len(values), len(numbers), str(self))
        filled = {number: str(value) for number, value in zip(numbers, values, strict=False)}
        return _PLACE_MARKER.sub(lambda match: filled.get(int(match[1]), match[0]), self)


class Texts:
    """The sentences of one translation context. As a class attribute named `tr` its context is the class's
    name (set by Python when the class is made); elsewhere give the context and name the variable after it."""

    def __init__(self, context: str = "", *, translated: bool = True) -> None:
        self.context = context
        self.translated = translated  # False: the English source text, for an English image from any window

    def __set_name__(self, owner: type, name: str) -> None:
        # lupdate files `self.tr(...)` under the enclosing class's name; the lookup must use the same one.
        if self.context and self.context != owner.__name__:
            raise ValueError(f"Texts({self.context!r}) in class {owner.__name__}: lupdate would file it there")
        self.context = owner.__name__

    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> Translated:
        """text in the reader's language; with n >= 0 the plural form for n, its %n replaced by n."""
        if not self.translated:
            return Translated(text.replace("%n", str(n)) if n >= 0 else text)
        return Translated(QCoreApplication.translate(self.context, text, disambiguation, n))

    __call__ = tr  # `self.tr(...)` where tr is a class attribute: no binding, the call lands here


__all__ = ["Texts", "Translated"]
