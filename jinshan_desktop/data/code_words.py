"""Words for the codes the data keeps (qualifiers, kinds of period, fact and entity), in every language.

The codes stay English in the database and in an English export; a Chinese reader sees these words instead,
in the window and in a Chinese export alike. Each entry is (English, Simplified, Traditional for Taiwan),
written out here because the packaged app converts nothing at run time.
"""

from __future__ import annotations

Words = dict[str, tuple[str, str, str]]

QUALIFIER_PREFIXES: Words = {
    # What stands before a figure: "nearly" (近, just under) is kept apart from "about" (约).
    "approximately": ("≈ ", "约", "約"),
    "nearly": ("nearly ", "近", "近"),
    "more_than": ("> ", "超过", "超過"),
    "up_to": ("≤ ", "最多", "最多"),
}
QUALIFIERS: Words = {
    "approximately": ("approximately", "约", "約"),
    "nearly": ("nearly", "近", "近"),
    "more_than": ("more than", "超过", "超過"),
    "up_to": ("up to", "最多", "最多"),
}
PERIOD_KINDS: Words = {
    "year": ("year", "年度", "年度"),
    "year_stated": ("current year as stated", "年内所述当年", "年內所述當年"),
    "as_of": ("as of a date", "截至某日", "截至某日"),
    "span": ("span of time", "时段", "時段"),
    "stage": ("project stage", "项目阶段", "專案階段"),
    "per_year": ("per year", "每年", "每年"),
    "part_year": ("part of a year", "年内部分时期", "年內部分時期"),
    "holiday": ("holiday", "节假日", "節假日"),
    "day": ("day", "单日", "單日"),
    "unstated": ("period not stated", "未说明时期", "未說明時期"),
}
FACT_KINDS: Words = {
    "achievement": ("achievement", "成绩", "成績"),
    "brand": ("brand", "品牌", "品牌"),
    "event": ("event", "活动", "活動"),
    "first": ("first", "率先之举", "率先之舉"),
    "location": ("location", "区位", "區位"),
    "partnership": ("partnership", "合作", "合作"),
    "plan": ("plan", "规划", "規劃"),
    "project": ("project", "项目", "專案"),
    "reform": ("reform", "改革", "改革"),
    "strategy": ("strategy", "战略", "戰略"),
    "title": ("title", "称号", "稱號"),
}
ENTITY_KINDS: Words = {
    "attraction": ("attraction", "景点", "景點"),
    "base": ("base", "基地", "基地"),
    "brand": ("brand", "品牌", "品牌"),
    "centre": ("centre", "中心", "中心"),
    "cluster": ("cluster", "集聚区", "集聚區"),
    "company": ("company", "企业", "企業"),
    "hospital": ("hospital", "医院", "醫院"),
    "park": ("park", "园区", "園區"),
    "platform": ("platform", "平台", "平台"),
    "project": ("project", "项目", "專案"),
    "town": ("town", "镇", "鎮"),
    "village": ("village", "村", "村"),
}
NAME_KINDS: Words = {
    "official": ("official name", "正式名称", "正式名稱"),
    "descriptive": ("descriptive label", "描述性名称", "描述性名稱"),
    "unverified": ("name not confirmed by a Chinese source", "中文名称未经核实", "中文名稱未經核實"),
}
# The named parts of a source a figure is cited to (a paragraph ¶8 needs no words).
LOCATORS: Words = {
    "article": ("article", "全文", "全文"),
    "infobox": ("infobox", "信息框", "資訊框"),
    "main financial data": ("main financial data", "主要财务数据", "主要財務資料"),
}
GRADES: Words = {
    "A": ("A", "官方来源", "官方來源"),
    "census": ("census", "人口普查", "人口普查"),
}
SOURCE_LANGUAGES: Words = {"en": ("English", "英文", "英文"), "zh": ("Chinese", "中文", "中文")}
# Labels of the exported README.txt in Chinese (db/readme_zh.csv): "readme observations.csv:value".
README_LABEL = "readme "
_COLUMN = {"en": 0, "zh_CN": 1, "zh_TW": 2}


def citation_label(label: str, locator: str, language: str) -> str:
    """A Chinese citation: the source's label and the locator in words, "《发布会》¶8", "中文维基百科 信息框"."""
    if locator == "article":  # the label already names the article
        return label
    where = word(LOCATORS, locator, language) if locator in LOCATORS else locator
    return f"{label}{'' if label.endswith('》') else ' '}{where}"


def word(words: Words, code: str | None, language: str) -> str:
    """The word for code in the language; an unknown code (an imported one) is shown as it is."""
    if not code:
        return ""
    found = words.get(code)
    return found[_COLUMN.get(language, 0)] if found else code


def code_of(words: Words, text: str) -> str:
    """The code a word stands for in any language ("年度" -> "year"), so an export in words imports back;
    text that is no word of these is returned as it is (a code already, or a problem the caller reports)."""
    folded = text.strip().casefold()
    for code, spelled in words.items():
        if folded == code.casefold() or folded in (form.strip().casefold() for form in spelled):
            return code
    return text
