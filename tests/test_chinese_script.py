"""Traditional Chinese for Taiwan: every Chinese string the app can show, converted, holds no mainland form
and no Simplified-only character (issue 12)."""

import sqlite3
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from jinshan_desktop.data.chinese_script import KNOWN_BAD_FORMS, simplified_only_characters, to_taiwan
from jinshan_desktop.translations import all_catalogues


@pytest.mark.parametrize(
    ("simplified", "taiwan"),
    [
        ("规划7个中心", "規劃7個中心"),
        ("四大产业集群产值", "四大產業集群產值"),
        ("重点平台", "重點平台"),
        ("发布机构", "發布機構"),
        ("数据库已损坏", "資料庫已損壞"),
        ("帮助(&H)", "說明(&H)"),
        ("文件(&F)", "檔案(&F)"),
        ("将当前表格导出为 CSV(&E)…", "將當前表格匯出為 CSV(&E)…"),
        ("查找(&F)…", "尋找(&F)…"),
        ("推行综合窗口", "推行綜合窗口"),
        ("“金山味道”", "「金山味道」"),
    ],
)
def test_taiwan_forms_of_reviewed_terms(simplified: str, taiwan: str) -> None:
    assert to_taiwan(simplified) == taiwan


def test_simplified_only_characters_are_found() -> None:
    assert set(simplified_only_characters("个中心与平台")) == {"个", "与"}
    assert simplified_only_characters("個中心與平台") == []


def _traditional_texts(database: Path, catalogue: Path) -> list[tuple[str, str]]:
    texts: list[tuple[str, str]] = []
    connection = sqlite3.connect(database)
    try:
        tables = [name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        for table in tables:
            columns = [row[1] for row in connection.execute(f"PRAGMA table_info({table})") if row[1].endswith("_hant")]
            for column in columns:
                texts += [
                    (f"{table}.{column}", str(value))
                    for (value,) in connection.execute(f"SELECT {column} FROM {table} WHERE {column} IS NOT NULL")
                ]
    finally:
        connection.close()
    for message in ElementTree.parse(catalogue).getroot().iter("message"):
        translation = message.find("translation")
        for element in (translation, *translation.iter("numerusform")) if translation is not None else ():
            if element.text and element.text.strip():
                texts.append((f"ts: {message.findtext('source')}", element.text))
    return texts


def test_every_traditional_text_is_taiwan_standard(built_database: Path, tmp_path: Path) -> None:
    traditional_catalogue = all_catalogues(tmp_path)[1]
    texts = _traditional_texts(built_database, traditional_catalogue)
    assert len(texts) > 400  # the data's names, statements and periods, and every interface message
    bad = [(where, text) for where, text in texts if any(form in text for form in KNOWN_BAD_FORMS)]
    assert bad == []
    simplified = [(where, text, found) for where, text in texts if (found := simplified_only_characters(text))]
    assert simplified == []
