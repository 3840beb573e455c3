import pytest

from jinshan_desktop.data.formatting import UnitInfo, format_number, format_value, hectares, plain_number

BILLION_YUAN = UnitInfo("billion_yuan", "billion yuan", "CNY", 1e9)
MILLION_VISITORS = UnitInfo("million_visitors", "million visitors", "visitors", 1e6)
MU = UnitInfo("mu", "mu", "area", 666.67)


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        ((100, 0, BILLION_YUAN, "approximately"), "≈ 100 billion yuan"),
        ((100, 0, BILLION_YUAN, "nearly"), "nearly 100 billion yuan"),
        ((30, 0, UnitInfo("kinds", "kinds of product", "products", 1), "more_than"), "> 30 kinds of product"),
        ((38000, 0, UnitInfo("people_per_day", "people per day", "p", 1), "up_to"), "≤ 38,000 people per day"),
        ((1466, 0, MU, None), "1,466 mu (97.7 ha)"),
        ((9.5, 1, UnitInfo("percent", "%", "percent", 1), None), "9.5%"),
        ((1.5, 1, UnitInfo("billion_usd", "billion US$", "USD", 1e9), None), "US$1.5 billion"),
        ((34.33, 2, BILLION_YUAN, None), "34.33 billion yuan"),
        ((-94515.82, 2, UnitInfo("yuan_10k", "× 10,000 yuan", "CNY", 1e4), None), "-945 million yuan"),
    ],
)
def test_values_read_as_people_write_them(arguments: tuple, expected: str) -> None:
    assert format_value(*arguments) == expected


@pytest.mark.parametrize(
    ("arguments", "simplified", "traditional"),
    [
        ((34.33, 2, UnitInfo("billion_yuan", "十亿元", "CNY", 1e9), None), "343.3亿元", "343.3億元"),
        ((8.52, 2, UnitInfo("million_visitors", "百万人次", "visitors", 1e6), None), "852万人次", "852萬人次"),
        # 近 is "nearly" (just under), 约 is "about": the two are kept apart; no thousands separator before 亿.
        ((100, 0, UnitInfo("billion_yuan", "十亿元", "CNY", 1e9), "nearly"), "近1000亿元", "近1000億元"),
        ((100, 0, UnitInfo("billion_yuan", "十亿元", "CNY", 1e9), "approximately"), "约1000亿元", "約1000億元"),
        ((400, 0, UnitInfo("million_yuan", "百万元", "CNY", 1e6), "nearly"), "近4亿元", "近4億元"),
        ((120000, 0, UnitInfo("people", "人", "persons", 1), "more_than"), "超过120,000人", "超過120,000人"),
        ((304.82, 2, UnitInfo("million_usd", "百万美元", "USD", 1e6), None), "3.0482亿美元", "3.0482億美元"),
        ((31336, 0, UnitInfo("yuan", "元", "CNY", 1), None), "31,336元", "31,336元"),
        ((402054.66, 2, UnitInfo("yuan_10k", "万元", "CNY", 1e4), None), "40.2亿元", "40.2億元"),
        ((9.5, 1, UnitInfo("percent", "%", "percent", 1), None), "9.5%", "9.5%"),
        ((1466, 0, UnitInfo("mu", "亩", "area", 666.67), None), "1,466亩（97.7公顷）", "1,466亩（97.7公頃）"),
    ],
)
def test_chinese_readers_get_wan_and_yi_with_the_published_precision(
    arguments: tuple, simplified: str, traditional: str
) -> None:
    assert format_value(*arguments, language="zh_CN") == simplified
    assert format_value(*arguments, language="zh_TW") == traditional


def test_published_precision_is_kept() -> None:
    assert format_number(12.9, 1) == "12.9"
    assert format_number(20.0, 0) == "20"
    assert format_number(402054.66, 2) == "402,054.66"
    assert plain_number(1.44, 2) == "1.44" and plain_number(32293, 0) == "32293"


def test_hectares() -> None:
    assert hectares(3866) == "257.7"
