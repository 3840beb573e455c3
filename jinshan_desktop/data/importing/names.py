"""The fact book's vocabulary as the importer looks it up: names in any language (case-folded) to ids."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from jinshan_desktop.data import schema
from jinshan_desktop.data.importing.report import NewIndicator
from jinshan_desktop.data.reads.lookups import Vocabulary

Named = schema.Theme | schema.Topic | schema.Unit | schema.Entity | schema.Indicator


@dataclass(slots=True)
class Names:
    themes: dict[str, str]
    topics: dict[tuple[str, str], str]  # (theme id, name) -> topic id
    units: dict[str, set[str]]  # a unit's id or name in any language -> every unit it may mean ("人": 2)
    unit_of_id: dict[str, schema.Unit]
    entities: dict[str, str]
    indicators: dict[str, schema.Indicator | NewIndicator]  # the fact book's, then those the file adds
    indicator_names: dict[tuple[str, str], str]  # (topic id, name) -> indicator id
    sources: dict[str, str]  # source id -> the places it declares (see locators.py)
    headers: dict[str, str]  # a column header in any language -> the column's label id

    @classmethod
    def of(cls, vocabulary: Vocabulary) -> Names:
        indicators: dict[str, schema.Indicator | NewIndicator] = {i.id: i for i in vocabulary.indicators}
        return cls(
            themes=_by_name(vocabulary.themes),
            topics={(t.theme_id, key): t.id for t in vocabulary.topics for key in keys_of(t)},
            units=_units_by_name(vocabulary.units),
            unit_of_id={u.id: u for u in vocabulary.units},
            entities=_by_name(vocabulary.entities),
            indicators=indicators,
            indicator_names={(i.topic_id, key): i.id for i in vocabulary.indicators for key in keys_of(i)},
            sources=dict(vocabulary.source_locators),
            headers={
                text.casefold(): label.id
                for label in vocabulary.labels
                for text in (label.text_en, label.text_zh_hans, label.text_zh_hant)
                # Only column headers: the README's descriptions ("readme entities.csv:theme") may read the same.
                if text and not label.id.startswith("readme")
            },
        )


def keys_of(item: Named) -> set[str]:
    """Every name an item may be given by in a file: its id and its names in each language."""
    names = {item.id, item.name_en, item.name_zh_hans or "", item.name_zh_hant or ""}
    return {name.casefold() for name in names if name}


def _units_by_name(units: Iterable[schema.Unit]) -> dict[str, set[str]]:
    named: dict[str, set[str]] = {}
    for unit in units:
        for key in keys_of(unit):
            named.setdefault(key, set()).add(unit.id)
    return named


def _by_name(items: Iterable[Named]) -> dict[str, str]:
    return {key: item.id for item in items for key in keys_of(item)}


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")[:60] or "x"
