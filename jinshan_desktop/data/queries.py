"""The one read API: every table, chart, search and export reads the fact book through FactBook.

FactBook is a thin façade: opening and checks live in store.py, each kind of read in reads/, and the
answers are the plain dataclasses of rows.py (re-exported here, so the views import from one place).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from jinshan_desktop.data.citations import FigureCitation
from jinshan_desktop.data.languages import LANGUAGES
from jinshan_desktop.data.reads import catalogue, charts, observations, search, table
from jinshan_desktop.data.reads.context import ReadContext
from jinshan_desktop.data.reads.matching import MAX_PATTERN_CHARACTERS, PatternTooLong
from jinshan_desktop.data.rows import (
    BatchInfo,
    Chart,
    ChartKind,
    ChartPoint,
    DataInfo,
    DerivationInput,
    EntityRow,
    FactRow,
    LeftOut,
    ObservationRow,
    SearchHit,
    SortKey,
    SourceInfo,
    TableQuery,
    ThemeInfo,
    TopicInfo,
)
from jinshan_desktop.data.store import FULL_CHECK_BYTES, FactBookError, PasswordNeeded, Store, is_url, open_store

if TYPE_CHECKING:
    from jinshan_desktop.data.reads.lookups import Vocabulary

__all__ = [
    "FULL_CHECK_BYTES",
    "MAX_PATTERN_CHARACTERS",
    "BatchInfo",
    "Chart",
    "ChartKind",
    "ChartPoint",
    "DataInfo",
    "DerivationInput",
    "EntityRow",
    "FactBook",
    "FactBookError",
    "FactRow",
    "FigureCitation",
    "LeftOut",
    "ObservationRow",
    "PasswordNeeded",
    "PatternTooLong",
    "SearchHit",
    "SortKey",
    "SourceInfo",
    "TableQuery",
    "ThemeInfo",
    "TopicInfo",
    "open_fact_book",
]


def open_fact_book(
    path: Path | str,
    language: str = "en",
    user_store: Path | None = None,
    full_check: bool | None = None,
    password: str | None = None,
) -> FactBook:
    """Open a fact book database read-only; FactBookError says in a sentence why it cannot be.

    path: a SQLite file or a database URL (postgresql+psycopg://user@host/db); password only when libpq
    finds none (PasswordNeeded says so). A team database has no per-user store: imports go to the server."""
    if is_url(path) and not str(path).startswith("sqlite"):
        user_store = None
    return FactBook(open_store(path, user_store, full_check, password), language)


class FactBook:
    """Read access to one fact book database, in one language. Every method returns plain dataclasses."""

    def __init__(self, store: Store, language: str = "en") -> None:
        self._store = store
        self.language = language if language in LANGUAGES else "en"

    @property
    def path(self) -> Path | str:
        """The file, or the server's URL without a password: what the window says it reads."""
        return self._store.path

    @property
    def on_server(self) -> bool:
        """A team database on a PostgreSQL server (imports go into it), not a local file."""
        return self._store.on_server

    def reconnect(self) -> None:
        """Retry: forget every connection, so the next read connects afresh."""
        self._store.reconnect()

    @property
    def user_store(self) -> Path | None:
        return self._store.user_store

    @property
    def user_store_notice(self) -> str | None:
        """A sentence when opening the per-user database set a file aside or migrated it, else None."""
        return self._store.notice.message if self._store.notice else None

    @property
    def fully_checked(self) -> bool:
        return self._store.fully_checked

    def reading(self) -> ReadContext:
        """The store and language for the data layer's own readers (exporting, importing)."""
        return ReadContext(self._store, self.language)

    def with_language(self, language: str) -> FactBook:
        """The same database read in another language (for an English export from a Chinese window)."""
        return FactBook(self._store, language)

    def set_language(self, language: str) -> None:
        """Names, periods, units and numbers of every later answer are in this language."""
        self.language = language if language in LANGUAGES else "en"

    def close(self) -> None:
        self._store.close()

    def __enter__(self) -> FactBook:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def check(self, full: bool = True) -> None:
        self._store.check(full)

    def integrity_problem(self) -> str | None:
        """Read every page: None when sound, else a sentence. Safe off the GUI thread."""
        return self._store.integrity_problem()

    # Themes, sources, facts, entities and the words of exported files

    def themes(self) -> list[ThemeInfo]:
        return catalogue.themes(self.reading())

    def sources(self, counted: bool = True) -> list[SourceInfo]:
        return catalogue.sources(self.reading(), counted)

    def facts(self, theme_id: str | None = None) -> list[FactRow]:
        return catalogue.facts(self.reading(), theme_id)

    def entities(self, theme_id: str | None = None) -> list[EntityRow]:
        return catalogue.entities(self.reading(), theme_id)

    def labels(self) -> dict[str, str]:
        return catalogue.labels(self.reading())

    def info(self) -> DataInfo:
        return catalogue.info(self.reading())

    # Figures

    def observations(
        self, theme_id: str | None = None, *, ids: list[str] | None = None, indicator_id: str | None = None
    ) -> list[ObservationRow]:
        return observations.observations(self.reading(), theme_id, ids=ids, indicator_id=indicator_id)

    def observation(self, observation_id: str) -> ObservationRow:
        rows = self.observations(ids=[observation_id])
        if not rows:
            raise KeyError(observation_id)
        return rows[0]

    def citation(self, observation_id: str, accessed: date | None = None) -> FigureCitation:
        """What a citation of the figure says, in the book's language; accessed defaults to today."""
        return FigureCitation.of(self.observation(observation_id), accessed or date.today(), self.language)

    def headlines(self) -> list[ObservationRow]:
        return observations.headlines(self.reading())

    # Pages of a theme's table

    def count_observations(self, query: TableQuery) -> int:
        return table.count(self.reading(), query)

    def observation_ids(self, query: TableQuery, offset: int = 0, limit: int | None = None) -> list[str]:
        return table.ids(self.reading(), query, offset, limit)

    def observation_page(self, query: TableQuery, offset: int, limit: int) -> list[ObservationRow]:
        return self.observations(ids=self.observation_ids(query, offset, limit))

    def row_of(self, query: TableQuery, observation_id: str) -> int | None:
        return table.row_of(self.reading(), query, observation_id)

    # Charts and search

    def chart_for(self, observation_id: str) -> Chart:
        return charts.chart_for(self.reading(), observation_id)

    def search(self, text: str, limit: int = 100) -> list[SearchHit]:
        return search.search(self.reading(), text, limit)

    # What the importer checks a file against: lookups.py loads the ORM (its vocabulary is the writers'
    # objects), so it is imported when an import runs, never by the window's start.

    def vocabulary(self) -> Vocabulary:
        from jinshan_desktop.data.reads import lookups

        return lookups.vocabulary(self.reading())

    def values_of(self, ids: list[str]) -> dict[str, float]:
        from jinshan_desktop.data.reads import lookups

        return lookups.values_of(self.reading(), ids)

    def place_staged(self, staging: Path) -> None:
        """Mark an import's checked rows with the figures of the fact book they are (see lookups.py)."""
        from jinshan_desktop.data.reads import lookups

        lookups.place_staged(self.reading(), staging)
