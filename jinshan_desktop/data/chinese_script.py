"""Simplified Chinese to Taiwan-standard Traditional: OpenCC s2twp plus a reviewed list of terms it gets wrong.

OpenCC's plain s2t writes characters Taiwan does not use (爲, 集羣, 平臺, 啓動, 發佈) and reads 个中心 as 箇中心;
s2twp adds Taiwan's characters and phrases (為, 啟, 資料庫, 檔案, 匯出) but turns some of our terms into other
words (产业集群 into computing's 叢集, 发布 into software's 釋出, a service 综合窗口 into a screen 視窗). Each
override below is a Simplified term and the Taiwan form a reviewer chose for it; the text between the terms is
converted by s2twp. Used for the data when the database is built and for the zh_TW interface catalogue.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

# Simplified term -> Taiwan Traditional, reviewed: why each one is here is said beside it.
TAIWAN_OVERRIDES: dict[str, str] = {
    "个中心": "個中心",  # s2twp reads 个中 as the word 箇中 ("therein"): "7个中心" is seven centres
    "集群": "集群",  # an industrial cluster; s2twp makes it 叢集, a computer cluster
    "平台": "平台",  # Taiwan writes 平台 in everyday and official use; s2twp gives 平臺
    "发布": "發布",  # to publish or announce; s2twp gives 釋出, a software release
    "支持": "支持",  # to back a plan or a hospital; s2twp gives 支援, technical support
    "创建": "創建",  # to work for a national title; s2twp gives 建立, to set up
    "综合窗口": "綜合窗口",  # a service counter, not a screen window (視窗)
    "运营": "營運",  # Taiwan's word for running a business or a base
    "计划": "計畫",  # Taiwan's standard form of "plan" (教育部)
    "类型": "類型",  # a kind of period; s2twp gives 型別, a programming type
    "查找": "尋找",  # the Find command; s2twp gives 查詢, a database query
    "帮助(&H)": "說明(&H)",  # the Help menu is 說明 in Taiwan
    "退出(&Q)": "結束(&Q)",  # Quit is 結束 in Taiwan
    "文件(&F)": "檔案(&F)",  # the File menu; Taiwan's 文件 is a document, which the Simplified text avoids
    "报道": "報導",  # a news report is 報導 in Taiwan
    "纯文本": "純文字",  # plain text (a citation style) is 純文字 in Taiwan
}

# Taiwan quotes with corner brackets: “…” as 「…」 and ‘…’ as 『…』.
TAIWAN_QUOTES = str.maketrans({"“": "「", "”": "」", "‘": "『", "’": "』"})

# Forms that must never reach a Traditional reader: s2t's mainland-Traditional characters and known misreadings.
KNOWN_BAD_FORMS = (
    "箇中心",
    "爲",
    "數據庫",
    "集羣",
    "叢集",
    "高峯",
    "平臺",
    "啓動",
    "發佈",
    "釋出",
    "綜合視窗",
    "型別",
)

# Characters s2t changes alone that Taiwan writes as they are: 台 (平台, 台北) is everyday Taiwan usage for 臺.
TAIWAN_SHARED_CHARACTERS = frozenset("台")

_OVERRIDE_PATTERN = re.compile("|".join(re.escape(term) for term in sorted(TAIWAN_OVERRIDES, key=len, reverse=True)))


@cache
def _converter(config: str) -> Any:
    import opencc  # only building needs it: the packaged app ships a built database and compiled catalogues

    return opencc.OpenCC(config)


def to_taiwan(simplified: str) -> str:
    """The text in Taiwan-standard Traditional: reviewed terms as the list says, the rest by s2twp."""
    converter = _converter("s2twp")
    parts: list[str] = []
    position = 0
    for match in _OVERRIDE_PATTERN.finditer(simplified):
        parts.append(str(converter.convert(simplified[position : match.start()])))
        parts.append(TAIWAN_OVERRIDES[match.group()])
        position = match.end()
    parts.append(str(converter.convert(simplified[position:])))
    return "".join(parts).translate(TAIWAN_QUOTES)


def simplified_only_characters(text: str) -> list[str]:
    """Characters of text that only Simplified Chinese writes: Traditional output must have none.

    A character is Simplified-only when converting it to Simplified leaves it alone while converting it to
    Taiwan-standard Traditional (s2tw) changes it (个 -> 個). A few such characters are also Traditional in
    some words (上游, 若干): one is accepted where s2twp keeps it in a two-character word around it.
    """
    to_simplified, to_traditional = _converter("t2s"), _converter("s2tw")
    found: set[str] = set()
    for index, character in enumerate(text):
        if not "\u4e00" <= character <= "\u9fff" or character in TAIWAN_SHARED_CHARACTERS:
            continue
        if to_simplified.convert(character) != character or to_traditional.convert(character) == character:
            continue
        if not _kept_in_a_word(text, index):
            found.add(character)
    return sorted(found)


def _kept_in_a_word(text: str, index: int) -> bool:
    for start in (index - 1, index):
        word = text[max(start, 0) : start + 2]
        if len(word) == 2:
            converted = str(_converter("s2twp").convert(word))
            if len(converted) == 2 and converted[index - max(start, 0)] == text[index]:
                return True
    return False
