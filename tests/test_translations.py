"""Interface translations: complete, current, Traditional converted from Simplified, and compilable;
and the bundled font subset has a glyph for every character the data and the translations use."""

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from jinshan_desktop.data.languages import LANGUAGE_NAMES, parse_language
from jinshan_desktop.translations import compile_translations

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "packaging"))
from update_translations import SIMPLIFIED  # noqa: E402

from jinshan_desktop.translations import all_catalogues  # noqa: E402


@pytest.fixture(scope="module")
def catalogues(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return all_catalogues(tmp_path_factory.mktemp("catalogues"))


def _messages(path: Path) -> dict[tuple[str, str], ElementTree.Element]:
    root = ElementTree.parse(path).getroot()
    return {
        (context.findtext("name") or "", message.findtext("source") or ""): message.find("translation")
        for context in root.iter("context")
        for message in context.iter("message")
    }


def _texts(translation: ElementTree.Element) -> list[str]:
    """A translation's text, or each of its plural forms."""
    forms = translation.findall("numerusform")
    return [form.text or "" for form in forms] if forms else [translation.text or ""]


@pytest.mark.parametrize("index", [0, 1], ids=["zh_CN", "zh_TW"])
def test_every_message_is_translated(catalogues: list[Path], index: int) -> None:
    messages = _messages(catalogues[index])
    assert len(messages) > 90
    unfinished = [
        source
        for (_, source), translation in messages.items()
        if translation.get("type") or not all(_texts(translation))
    ]
    assert unfinished == []


def test_traditional_is_generated_from_simplified(catalogues: list[Path]) -> None:
    assert [path.name for path in catalogues] == ["jinshan_zh_CN.ts", "jinshan_zh_TW.ts"]
    assert _messages(catalogues[1])[("MainWindow", "Overview")].text == "概覽"
    assert _texts(_messages(catalogues[1])[("FindDialog", "%n results")]) == ["%n 條結果"]  # plural forms too
    assert not (SIMPLIFIED.parent / "jinshan_zh_TW.ts").exists()  # generated, never committed


def test_catalogue_holds_every_string_of_the_code(tmp_path: Path) -> None:
    """lupdate over today's code finds no string the committed catalogue lacks."""
    copy = tmp_path / SIMPLIFIED.name
    shutil.copy(SIMPLIFIED, copy)
    sources = sorted(str(p) for p in (ROOT / "jinshan_desktop").rglob("*.py"))
    program = str(Path(sys.executable).with_name("pyside6-lupdate"))
    subprocess.run(
        [program, *sources, "-no-obsolete", "-locations", "none", "-ts", str(copy)], check=True, capture_output=True
    )
    assert set(_messages(copy)) == set(_messages(SIMPLIFIED))


def test_english_plural_forms_cover_every_plural_message(tmp_path: Path) -> None:
    """jinshan_en.ts (lupdate -pluralonly) gives the singular and the plural of every %n sentence."""
    english = SIMPLIFIED.with_name("jinshan_en.ts")
    copy = tmp_path / english.name
    shutil.copy(english, copy)
    sources = sorted(str(p) for p in (ROOT / "jinshan_desktop").rglob("*.py"))
    program = str(Path(sys.executable).with_name("pyside6-lupdate"))
    subprocess.run(
        [program, *sources, "-pluralonly", "-no-obsolete", "-locations", "none", "-ts", str(copy)],
        check=True,
        capture_output=True,
    )
    plurals = _messages(copy)
    assert len(plurals) >= 4 and set(plurals) == set(_messages(english))
    for (_, source), translation in plurals.items():
        one, other = _texts(translation)
        assert other == source and one != source and "%n" in one, source


def test_translations_compile(tmp_path: Path) -> None:
    target = compile_translations(tmp_path / "qm")
    assert sorted(p.name for p in target.iterdir()) == ["jinshan_en.qm", "jinshan_zh_CN.qm", "jinshan_zh_TW.qm"]


def test_language_names_and_system_locales() -> None:
    assert LANGUAGE_NAMES == {"en": "English", "zh_CN": "简体中文", "zh_TW": "繁體中文"}
    assert [parse_language(name) for name in ("zh_Hans_CN", "zh_TW", "zh-HK", "zh", "en_US", "fr_FR", None)] == [
        "zh_CN",
        "zh_TW",
        "zh_TW",
        "zh_CN",
        "en",
        "en",
        "en",
    ]


def test_the_font_subset_covers_every_character(built_database: Path, tmp_path: Path, catalogues: list[Path]) -> None:
    from fonts import NOTO_CANDIDATES, cut_subsets, missing_characters, required_characters

    if not any(path.exists() for path in NOTO_CANDIDATES):
        pytest.skip("Noto Sans CJK is not installed (apt-get install fonts-noto-cjk); .ci/run installs it")
    characters = required_characters(built_database, catalogues, "".join(LANGUAGE_NAMES.values()))
    assert {"金", "區", "≈", "¶"} <= characters
    for font in cut_subsets(characters, tmp_path):
        assert missing_characters(font, characters) == set(), font.name


@pytest.mark.parametrize("index", [0, 1], ids=["zh_CN", "zh_TW"])
def test_translations_keep_every_placeholder(catalogues: list[Path], index: int) -> None:
    path = catalogues[index]

    def fields(text: str) -> list[str]:
        return sorted(re.findall(r"%\d|%n|\{[a-z]+(?:!r)?\}", text))

    for (_, source), translation in _messages(path).items():
        for text in _texts(translation):
            assert fields(source) == fields(text), source
