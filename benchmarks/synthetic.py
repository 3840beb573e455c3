"""A synthetic fact book of any size in the app's schema, for benchmarks and scale tests (deterministic seed)."""

from __future__ import annotations

import random
import shutil
import sqlite3
from pathlib import Path

from jinshan_desktop.data.build import build_database
from jinshan_desktop.data.tables import DIMENSIONS

YEARS = range(1995, 2025)  # 30 years


def generate(target: Path, observations: int, indicators: int = 5_000, seed: int = 20201002) -> Path:
    """The bundled data plus `observations` generated figures over `indicators` indicators and 30 years."""
    randomness = random.Random(seed)
    base = target.with_suffix(".base.sqlite")
    build_database(Path(__file__).resolve().parent.parent / "db", base)
    shutil.copyfile(base, target)
    base.unlink()
    connection = sqlite3.connect(target)
    try:
        topics = list(connection.execute("SELECT id, theme_id FROM topics ORDER BY theme_id, position"))
        units = ["billion_yuan", "persons", "percent", "projects", "million_visitors", "tons"]
        connection.execute(
            "INSERT INTO sources (id, title, publisher, published, address, grade, locators, contributed, position,"
            " batch_id) VALUES ('synthetic-yearbook', 'Synthetic statistical yearbook', 'benchmarks/synthetic.py',"
            " NULL, NULL, 'synthetic', 'table', 'Generated figures for benchmarks', 1000, NULL)"
        )
        connection.executemany(
            "INSERT INTO indicators (id, topic_id, name_en, name_zh_hans, name_zh_hant, unit_id, compare_group,"
            " entity_id, description_en, batch_id) VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, 'Synthetic', NULL)",
            [
                (
                    f"syn-{i}",
                    topics[i % len(topics)][0],
                    f"Synthetic indicator {i}",
                    f"合成指标{i}",
                    f"合成指標{i}",
                    units[i % len(units)],
                )
                for i in range(indicators)
            ],
        )
        rows = []
        per_indicator = max(1, observations // indicators)
        for position in range(observations):
            indicator = min(position // per_indicator, indicators - 1)
            topic_id, theme_id = topics[indicator % len(topics)]
            year = YEARS[position % len(YEARS)]
            edition = position // len(YEARS)  # keeps (indicator, period, source) unique, as the data must be
            rows.append(
                (
                    f"syn-{position}",
                    f"syn-{indicator}",
                    f"{year} (edition {edition})",
                    f"{year}年",
                    f"{year}年",
                    "year",
                    year,
                    round(randomness.uniform(0, 10_000), 2),
                    2,
                    None,
                    None,
                    0,
                    0,
                    None,
                    "synthetic-yearbook",
                    f"table {position % 97}",
                    0,
                    None,
                    10_000 + position,
                    None,
                    theme_id,
                    topic_id,
                )
            )
            if len(rows) == 50_000:
                _insert(connection, rows)
                rows.clear()
        _insert(connection, rows)
        # The quantity model's columns, as the build sets them: the value in its dimension's base unit, the rank.
        ranks = " ".join(f"WHEN '{name}' THEN {rank}" for rank, name in enumerate(DIMENSIONS))
        connection.execute(
            "UPDATE observations SET value_base = value * (SELECT u.scale FROM indicators i JOIN units u"
            " ON u.id = i.unit_id WHERE i.id = observations.indicator_id), dimension_rank = (SELECT CASE"
            f" u.dimension {ranks} ELSE {len(DIMENSIONS)} END FROM indicators i JOIN units u ON u.id = i.unit_id"
            " WHERE i.id = observations.indicator_id) WHERE batch_id IS NULL AND id LIKE 'syn-%'"
        )
        connection.commit()
        connection.execute("VACUUM")
    finally:
        connection.close()
    return target


def _insert(connection: sqlite3.Connection, rows: list[tuple[object, ...]]) -> None:
    connection.executemany(
        "INSERT INTO observations (id, indicator_id, period_label, period_label_zh_hans, period_label_zh_hant,"
        " period_kind, period_year, value, decimals, as_written, qualifier, provisional, derived, formula,"
        " source_id, locator, headline, note, position, batch_id, theme_id, topic_id) VALUES"
        " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
