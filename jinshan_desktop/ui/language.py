"""The reader's language in Qt: translators for the app and Qt's own dialogs, and fonts that show Chinese."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from jinshan_desktop.data.languages import Language, is_chinese, parse_language
from jinshan_desktop.paths import bundle_root
from jinshan_desktop.translations import translations_dir

log = logging.getLogger(__name__)
_installed: list[QTranslator] = []
_default_font: list[QFont] = []  # the platform's font, captured once before any language changes it


def system_language() -> Language:
    return parse_language(QLocale.system().name())


def apply_language(language: str) -> None:
    """Install the app's and Qt's own translations (file dialogs, standard buttons) and a font for language;
    for English only the plural forms of the app's own sentences."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    catalogues = [(translations_dir(), "jinshan_en")]
    if is_chinese(language):
        catalogues = [
            (translations_dir(), f"jinshan_{language}"),
            (Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)), f"qtbase_{language}"),
        ]
    for folder, name in catalogues:
        translator = QTranslator(app)
        if translator.load(name, str(folder)):
            app.installTranslator(translator)
            _installed.append(translator)
        else:
            log.warning("no translation %s in %s", name, folder)
    app.setFont(font_for(language))


def register_bundled_fonts() -> None:
    """The packaged app carries a subset of Noto Sans CJK, so Chinese shows on machines without CJK fonts."""
    app = QApplication.instance()
    if _default_font or not isinstance(app, QApplication):
        return
    _default_font.append(app.font())
    folder = bundle_root() / "fonts"
    for font in sorted(folder.glob("*.otf")) if folder.is_dir() else []:
        if QFontDatabase.addApplicationFont(str(font)) < 0:
            log.warning("could not load the font %s", font)


def font_for(language: str) -> QFont:
    font = QFont(_default_font[0]) if _default_font else QFont()
    if is_chinese(language):
        family = "Noto Sans CJK TC" if language == "zh_TW" else "Noto Sans CJK SC"
        if family in QFontDatabase.families():
            font.setFamilies([family])
    return font
