import pytest

from jinshan_desktop.data.formatting import format_number, format_value, hectares, plain_number, qualifier_words


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        ((100, 0, "billion_yuan", "billion yuan", "approximately"), "≈ 100 billion yuan"),
        ((30, 0, "kinds", "kinds of product", "more_than"), "> 30 kinds of product"),
        ((38000, 0, "people_per_day", "people per day", "up_to"), "≤ 38,000 people per day"),
        ((1466, 0, "mu", "mu", None), "1,466 mu (97.7 ha)"),
        ((9.5, 1, "percent", "%", None), "9.5%"),
        ((1.5, 1, "billion_usd", "billion US$", None), "US$1.5 billion"),
        ((34.33, 2, "billion_yuan", "billion yuan", None), "34.33 billion yuan"),
        ((-94515.82, 2, "yuan_10k", "× 10,000 yuan", None), "-94,515.82 × 10,000 yuan"),
    ],
)
def test_values_read_as_people_write_them(arguments: tuple, expected: str) -> None:
    assert format_value(*arguments) == expected


def test_published_precision_is_kept() -> None:
    assert format_number(12.9, 1) == "12.9"
    assert format_number(20.0, 0) == "20"
    assert format_number(402054.66, 2) == "402,054.66"
    assert plain_number(1.44, 2) == "1.44" and plain_number(32293, 0) == "32293"


def test_hectares_and_qualifier_words() -> None:
    assert hectares(3866) == "257.7"
    assert qualifier_words("approximately").startswith("approximately")
    assert qualifier_words(None) == "as published, without qualifier"
