"""The Chinese side of the build: which names are official and where that was checked, and sources in Chinese.

Three files of db/ beside the core ones, each keyed by the rows it speaks of:
- indicators_zh.csv: every indicator's description in Chinese.
- readme_zh.csv: the exported README.txt in Chinese (its lines, each table's description and columns).
- observation_notes_zh.csv: figures' notes in Chinese (a figure with an English note may have one).
- entities_zh.csv: every entity's name kind (official / descriptive / unverified), the Chinese source an
  official name was checked against, and its description in Chinese.
- sources_zh.csv: every source's Chinese title (official or descriptive), publisher, short citation label and
  what it contributed.
- names_zh.csv: the names inside indicator names and fact statements, each with its kind and source; the
  build checks each occurs in the text it is listed for, so the register cannot drift from the data.
"""

from __future__ import annotations

from jinshan_desktop.data import schema, tables
from jinshan_desktop.data.chinese_script import to_taiwan
from jinshan_desktop.data.code_words import README_LABEL

Table = list[tuple[int, dict[str, str]]]
# Where the names of names_zh.csv are written: its table column -> (file, Chinese column).
NAMED_TEXTS = {"facts": ("facts.csv", "statement_zh"), "indicators": ("indicators.csv", "name_zh")}


class ChineseBuildError(ValueError):
    """A row of the Chinese files that does not fit the data; the message names file and line."""


def chinese(field: str, simplified: str) -> dict[str, str | None]:
    """The Simplified text as written and its Taiwan Traditional form, converted, never written twice."""
    return {
        f"{field}_zh_hans": simplified or None,
        f"{field}_zh_hant": to_taiwan(simplified) if simplified else None,
    }


def checked_against(row: dict[str, str], where: str) -> str | None:
    """The source of an official name as "title — address"; an official name without one is refused."""
    kind = row["name_kind"] if "name_kind" in row else row["title_kind"]
    if kind not in tables.NAME_KINDS:
        raise ChineseBuildError(f"{where}: kind {kind!r} is not one of {tables.NAME_KINDS}")
    if kind == "official" and not (row["source_url"] and row["source_title"]):
        raise ChineseBuildError(f"{where}: an official name needs the address and title of its Chinese source")
    if not row["source_url"]:
        return None
    return f"{row['source_title']} — {row['source_url']}"


def apply_chinese(tables: dict[str, Table], objects: list[list[schema.Base]]) -> list[schema.Base]:
    """Give the built entities their name kind, source and description; return the sources' Chinese texts."""
    entities = {item.id: item for group in objects for item in group if isinstance(item, schema.Entity)}
    seen: set[str] = set()
    for line, row in tables["entities_zh.csv"]:
        where = f"db/entities_zh.csv line {line}"
        entity = entities.get(row["id"])
        if entity is None or row["id"] in seen:
            raise ChineseBuildError(f"{where}: {row['id']!r} is not an entity, or is listed twice")
        seen.add(row["id"])
        entity.name_source = checked_against(row, where)
        entity.name_kind = row["name_kind"]
        for key, value in chinese("description", row["description_zh"]).items():
            setattr(entity, key, value)
    missing = sorted(set(entities) - seen)
    if missing:
        raise ChineseBuildError(f"db/entities_zh.csv: no row for the entities {missing}")
    _check_register(tables)
    readme: list[schema.Base] = [
        schema.Label(id=README_LABEL + row["id"], text_en="", **chinese("text", row["zh"]))
        for _, row in tables["readme_zh.csv"]
    ]
    return _source_texts(tables) + _indicator_texts(tables) + _observation_notes(tables) + readme


def _observation_notes(tables: dict[str, Table]) -> list[schema.Base]:
    noted = {row["id"] for _, row in tables["observations.csv"] if row["note"]}
    notes: list[schema.Base] = []
    for line, row in tables["observation_notes_zh.csv"]:
        if row["id"] not in noted:
            raise ChineseBuildError(f"db/observation_notes_zh.csv line {line}: {row['id']!r} is no figure with a note")
        notes.append(schema.ObservationNote(observation_id=row["id"], **chinese("note", row["note_zh"])))
    return notes


def _indicator_texts(tables: dict[str, Table]) -> list[schema.Base]:
    known = {row["id"] for _, row in tables["indicators.csv"]}
    described = [row["id"] for _, row in tables["indicators_zh.csv"]]
    if sorted(described) != sorted(known):
        missing, unknown = sorted(known - set(described)), sorted(set(described) - known)
        raise ChineseBuildError(f"db/indicators_zh.csv: no row for {missing}; not indicators: {unknown}")
    return [
        schema.IndicatorText(indicator_id=row["id"], **chinese("description", row["description_zh"]))
        for _, row in tables["indicators_zh.csv"]
    ]


def _source_texts(tables: dict[str, Table]) -> list[schema.Base]:
    known = {row["id"] for _, row in tables["sources.csv"]}
    texts: list[schema.Base] = []
    for line, row in tables["sources_zh.csv"]:
        where = f"db/sources_zh.csv line {line}"
        if row["id"] not in known:
            raise ChineseBuildError(f"{where}: source {row['id']!r} is not in sources.csv")
        if row["source_language"] not in ("en", "zh"):
            raise ChineseBuildError(f"{where}: source_language is en or zh, not {row['source_language']!r}")
        if row["title_kind"] == "unverified":
            raise ChineseBuildError(f"{where}: a title is the document's own (official) or described (descriptive)")
        texts.append(
            schema.SourceText(
                source_id=row["id"],
                title_kind=row["title_kind"],
                checked_against=checked_against(row, where),
                source_language=row["source_language"],
                **chinese("title", row["title_zh"]),
                **chinese("publisher", row["publisher_zh"]),
                **chinese("citation", row["citation_zh"]),
                **chinese("contributed", row["contributed_zh"]),
            )
        )
    return texts


def _check_register(tables: dict[str, Table]) -> None:
    texts = {
        table: {row["id"]: row[column] for _, row in tables[file_name]}
        for table, (file_name, column) in NAMED_TEXTS.items()
    }
    for line, row in tables["names_zh.csv"]:
        where = f"db/names_zh.csv line {line}"
        checked_against(row, where)
        text = texts.get(row["table"], {}).get(row["row_id"])
        if text is None:
            raise ChineseBuildError(f"{where}: {row['table']} {row['row_id']!r} is not in the data")
        if row["name_zh"] not in text:
            raise ChineseBuildError(f"{where}: {row['name_zh']!r} is not in the Chinese text of {row['row_id']!r}")
