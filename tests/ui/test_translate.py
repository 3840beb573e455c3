"""The one way the interface translates: place markers filled in one pass, plurals by Qt's rules."""

from __future__ import annotations

import pytest

from jinshan_desktop.ui.language import apply_language
from jinshan_desktop.ui.translate import Texts, Translated


def test_arg_fills_every_place_marker_in_one_pass() -> None:
    assert Translated("%1 of %2 figures").arg("1,234", "5,678") == "1,234 of 5,678 figures"
    assert (
        Translated("Database: %1<br>Log: %2").arg("/data/%2 copy", "/logs") == "Database: /data/%2 copy<br>Log: /logs"
    )
    assert Translated("%2 before %1").arg("first", "second") == "second before first"


def test_arg_gives_values_to_the_lowest_markers_as_qstring_arg_does() -> None:
    assert Translated("%3 and %7").arg("a", "b") == "a and b"
    assert Translated("%1, %1 and %2").arg("x") == "x, x and %2"  # a marker beyond the values stays
    assert Translated("%10 after %9").arg("nine", "ten") == "ten after nine"


def test_filled_text_cannot_be_filled_again() -> None:
    filled = Translated("%1 rows").arg(3)
    assert type(filled) is str and not hasattr(filled, "arg")


def test_a_text_in_a_class_takes_the_class_name_as_its_context() -> None:
    class Reporter:
        tr = Texts()

    assert Reporter.tr.context == "Reporter"
    with pytest.raises((ValueError, RuntimeError)) as raised:  # Python 3.11 wraps it in a RuntimeError

        class Mislabelled:
            tr = Texts("SomethingElse")

    assert "lupdate would file it there" in str(raised.value.__cause__ or raised.value)


@pytest.mark.parametrize(
    ("language", "one", "many"), [("en", "%n result", "%n results"), ("zh_CN", "%n 条结果", "%n 条结果")]
)
def test_plurals_follow_the_language(qapp, language: str, one: str, many: str) -> None:
    texts = Texts("FindDialog")
    apply_language(language)
    try:
        assert texts.tr("%n results", None, 1) == one.replace("%n", "1")
        assert texts.tr("%n results", None, 7) == many.replace("%n", "7")
    finally:
        apply_language("en")


def test_an_english_image_keeps_the_source_text_and_its_count(qapp) -> None:
    apply_language("zh_CN")
    try:
        assert Texts("FindDialog").tr("%n results", None, 2) == "2 条结果"
        assert Texts("FindDialog", translated=False).tr("%n results", None, 2) == "2 results"
    finally:
        apply_language("en")
