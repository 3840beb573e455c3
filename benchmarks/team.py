"""The team database side of benchmarks/run.py: publish the synthetic fact book into PostgreSQL, the export
baseline (psql's COPY of the same rows), and what the pg_trgm indexes of migration 0003 are worth."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from jinshan_desktop.data import migrate, tables

EXPORT_SQL_PG = """
SELECT o.id, th.name_en, t.name_en, i.name_en, e.name_en, o.period_label, o.period_kind, o.period_year,
       round(o.value::numeric, o.decimals)::text, u.name_en, o.qualifier, o.derived, o.formula, o.provisional,
       o.source_id, o.locator, o.note
FROM observations o JOIN indicators i ON o.indicator_id = i.id JOIN topics t ON i.topic_id = t.id
JOIN themes th ON t.theme_id = th.id JOIN units u ON i.unit_id = u.id LEFT JOIN entities e ON i.entity_id = e.id
ORDER BY th.position, t.position, o.position
"""


def ensure_published(database: Path, url: str) -> float | None:
    """Create the schema and publish the synthetic file into an empty team database; seconds taken, or None
    when it already holds the same number of figures."""
    from jinshan_desktop.data.team_copy import publish

    engine = create_engine(migrate_url(url), poolclass=NullPool)
    with engine.begin() as connection:
        migrate.upgrade(connection)
        held = connection.execute(select(func.count()).select_from(tables.observations)).scalar_one()
    engine.dispose()
    if held:
        return None
    start = time.perf_counter()
    publish(database, url)
    with create_engine(migrate_url(url), poolclass=NullPool).begin() as connection:
        connection.exec_driver_sql("ANALYZE")
    return time.perf_counter() - start


def migrate_url(url: str) -> str:
    from jinshan_desktop.data.server import server_url

    return server_url(url).render_as_string(hide_password=False)


def psql_export_seconds(url: str) -> float:
    """psql's \\copy of the same rows to a CSV file: what the server and libpq can do without the app."""
    program = shutil.which("psql")
    if program is None:
        raise SystemExit("psql is needed for the export comparison on PostgreSQL (apt-get install postgresql-client)")
    libpq = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    query = " ".join(EXPORT_SQL_PG.split())
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "psql.csv"
        start = time.perf_counter()
        subprocess.run([program, libpq, "-q", "-c", f"\\copy ({query}) TO '{target}' CSV HEADER"], check=True)
        return time.perf_counter() - start


def trigram_worth(url: str, runs: int) -> dict[str, float]:
    """Find and the filter box on the server with the trigram indexes, without them, and the time to build
    them again (by the migration, as an upgrade does)."""
    from jinshan_desktop.data.queries import TableQuery, open_fact_book

    def reads() -> dict[str, float]:
        book = open_fact_book(url)
        timings: dict[str, float] = {}
        for name, action in (
            ("search_zh_ms", lambda: book.search("合成指标4321")),
            ("search_en_ms", lambda: book.search("Synthetic indicator 4321")),
            ("filter_period_ms", lambda: book.count_observations(TableQuery("manufacturing", text="edition 3217"))),
        ):
            samples = []
            for _ in range(runs):
                start = time.perf_counter()
                action()
                samples.append(1000 * (time.perf_counter() - start))
            timings[name] = sorted(samples)[len(samples) // 2]
        book.close()
        return timings

    with_indexes = reads()
    engine = create_engine(migrate_url(url), poolclass=NullPool)
    stamp = text("UPDATE alembic_version SET version_num = :revision")
    with engine.begin() as connection:
        migrate.downgrade(connection, "0002")  # drops the trigram indexes
        connection.execute(stamp, {"revision": tables.SCHEMA_REVISION})  # so that the app opens it meanwhile
    without = reads()
    start = time.perf_counter()
    with engine.begin() as connection:
        connection.execute(stamp, {"revision": "0002"})
        migrate.upgrade(connection)  # builds them again
        connection.execute(text("ANALYZE"))
    built = time.perf_counter() - start
    engine.dispose()
    return {
        **{f"trgm_{key}": value for key, value in with_indexes.items()},
        **{f"no_trgm_{key}": value for key, value in without.items()},
        "trgm_index_build_s": built,
    }
