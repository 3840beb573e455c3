"""Sentences the data layer writes for people, kept translatable without importing Qt.

A message is an English template with {named} fields and its values. The views translate the template with
Qt (the template is the key in the .ts catalogue) and fill it in; the command line prints it in English.
"""

from __future__ import annotations

from dataclasses import dataclass, field


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # named as pyside6-lupdate looks for it
    """Marks text for the translation catalogue; returns it unchanged (the data layer stays free of Qt)."""
    return text


@dataclass(frozen=True, slots=True)
class Message:
    template: str
    values: dict[str, object] = field(default_factory=dict)
    prefix: str = ""  # a template of its own, translated apart ("line {line}: ")

    def __str__(self) -> str:
        return (self.prefix + self.template).format(**self.values)
