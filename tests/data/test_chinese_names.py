"""Chinese names: official where a Chinese source gives one (and recorded with it), labelled where not, and no
English inside a Chinese text (issue 12)."""

import csv
import re
import shutil
from pathlib import Path

import pytest

from jinshan_desktop.data.build import BuildError, build_database
from tests.conftest import DB_SOURCE

# Proper names and codes that Chinese text writes in Latin letters, each for a reason.
LATIN_ALLOWED = {
    "AMOLED": "a display technology, written so in Chinese filings (第六代AMOLED生产线)",
    "AAAA": "the national scenic-spot grade (国家AAAA级旅游景区)",
    "SCIC": "the briefing names this body only by its abbreviation; no Chinese name was found",
}
LATIN_WORD = re.compile(r"[A-Za-z]+")
# Every column of db/ that holds Chinese text: file -> columns.
CHINESE_COLUMNS = {
    "entities.csv": ("name_zh",),
    "indicators.csv": ("name_zh",),
    "facts.csv": ("statement_zh",),
    "themes.csv": ("name_zh",),
    "topics.csv": ("name_zh",),
    "units.csv": ("name_zh",),
    "labels.csv": ("zh",),
    "observations.csv": ("period_label_zh",),
    "entities_zh.csv": ("description_zh",),
    "indicators_zh.csv": ("description_zh",),
    "observation_notes_zh.csv": ("note_zh",),
    "sources_zh.csv": ("title_zh", "publisher_zh", "citation_zh", "contributed_zh"),
    "names_zh.csv": ("name_zh",),
}


def _rows(name: str, folder: Path = DB_SOURCE) -> list[dict[str, str]]:
    with (folder / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def chinese_texts() -> list[tuple[str, str, str]]:
    return [
        (name, row["id"] if "id" in row else row["row_id"], row[column])
        for name, columns in CHINESE_COLUMNS.items()
        for row in _rows(name)
        for column in columns
        if row[column]
    ]


def test_no_chinese_text_holds_a_latin_word_but_allowed_proper_names() -> None:
    found = [
        (name, row_id, word)
        for name, row_id, text in chinese_texts()
        for word in LATIN_WORD.findall(text)
        if word not in LATIN_ALLOWED
    ]
    assert found == []


def test_every_entity_has_a_chinese_name_and_says_what_kind_of_name_it_is() -> None:
    kinds = {row["id"]: row for row in _rows("entities_zh.csv")}
    for entity in _rows("entities.csv"):
        assert entity["name_zh"], entity["id"]
        assert kinds[entity["id"]]["name_kind"] in ("official", "descriptive", "unverified")
        assert kinds[entity["id"]]["description_zh"], entity["id"]


@pytest.mark.parametrize("name", ["entities_zh.csv", "names_zh.csv", "sources_zh.csv"])
def test_every_official_name_has_its_chinese_source(name: str) -> None:
    for row in _rows(name):
        if row.get("name_kind", row.get("title_kind")) == "official":
            assert row["source_url"].startswith("http") and row["source_title"], row


def test_the_names_of_the_issue_are_the_official_ones() -> None:
    entities = {row["id"]: row["name_zh"] for row in _rows("entities.csv")}
    indicators = {row["id"]: row["name_zh"] for row in _rows("indicators.csv")}
    facts = {row["id"]: row["statement_zh"] for row in _rows("facts.csv")}
    assert entities["warburg-park"] == "华平金山智慧产业园"
    assert entities["xinbohai"].startswith("鑫博海")
    assert indicators["warburg-output"].startswith("华平金山智慧产业园：")
    assert indicators["leisure-villages"] == "中国美丽休闲乡村"
    assert "全国农村产业融合发展试点示范区" in facts["agri-national-zones"]
    assert "率先开展" in facts["agri-national-zones"] and "率先创建" not in facts["agri-national-zones"]
    sources = {row["id"]: row for row in _rows("sources_zh.csv")}
    assert sources["briefing-2020-09-10"]["publisher_zh"] == "上海市人民政府新闻办公室"


def test_a_descriptive_label_is_marked_so() -> None:
    kinds = {row["id"]: row["name_kind"] for row in _rows("entities_zh.csv")}
    assert kinds["old-brands"] == "descriptive"
    assert kinds["scic"] == "unverified"


def _edited(tmp_path: Path, name: str, old: str, new: str) -> Path:
    folder = tmp_path / "db"
    shutil.copytree(DB_SOURCE, folder)
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return folder


def test_the_build_refuses_an_official_name_without_its_source(tmp_path: Path) -> None:
    folder = _edited(tmp_path, "entities_zh.csv", "http://sh-cfw.com/index.php/post/8441.html", "")
    with pytest.raises(BuildError, match=r"entities_zh.csv line 3: an official name needs"):
        build_database(folder, tmp_path / "out.sqlite")


def test_the_build_refuses_a_registered_name_the_text_does_not_hold(tmp_path: Path) -> None:
    folder = _edited(tmp_path, "facts.csv", "全国农村产业融合发展试点示范区", "国家农村产业融合发展示范园")
    with pytest.raises(BuildError, match=r"names_zh.csv line \d+: '全国农村产业融合发展试点示范区' is not in"):
        build_database(folder, tmp_path / "out.sqlite")


def test_the_build_refuses_an_entity_without_its_chinese_row(tmp_path: Path) -> None:
    folder = _edited(tmp_path, "entities_zh.csv", "\nscic,", "\nnot-an-entity,")
    with pytest.raises(BuildError, match="not an entity"):
        build_database(folder, tmp_path / "out.sqlite")
