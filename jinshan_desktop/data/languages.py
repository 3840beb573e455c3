"""The languages the fact book speaks, and how each maps to Babel and to the database's columns."""

from __future__ import annotations

from typing import Literal

Language = Literal["en", "zh_CN", "zh_TW"]
LANGUAGES: tuple[Language, ...] = ("en", "zh_CN", "zh_TW")
LANGUAGE_NAMES: dict[Language, str] = {"en": "English", "zh_CN": "简体中文", "zh_TW": "繁體中文"}
BABEL_LOCALES: dict[str, str] = {"en": "en", "zh_CN": "zh_Hans_CN", "zh_TW": "zh_Hant_TW"}


def is_chinese(language: str) -> bool:
    return language in ("zh_CN", "zh_TW")


def pick(language: str, english: str, simplified: str | None, traditional: str | None) -> str:
    """The text in the reader's language, falling back to English where no Chinese was written."""
    if language == "zh_CN" and simplified:
        return simplified
    if language == "zh_TW" and traditional:
        return traditional
    return english


def parse_language(text: str | None) -> Language:
    """A Language from a setting, an option or a system locale name such as "zh_Hant_TW" or "en_US"."""
    value = (text or "").replace("-", "_")
    if value in LANGUAGES:
        return value
    lowered = value.lower()
    if lowered.startswith("zh"):
        traditional = any(mark in lowered for mark in ("hant", "_tw", "_hk", "_mo"))
        return "zh_TW" if traditional else "zh_CN"
    return "en"
