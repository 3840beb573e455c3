"""Shared fixtures: an offscreen Qt, per-user folders in a temporary place, a fresh database per test."""

from __future__ import annotations

import os
import shutil
import sqlite3
import sys
import tempfile
from pathlib import Path

# Before anything imports Qt or reads the per-user folders.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
_HOME = Path(tempfile.mkdtemp(prefix="jinshan-test-home-"))
for variable in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
    os.environ[variable] = str(_HOME / variable.lower())

import pytest  # noqa: E402

from jinshan_desktop.data.build import build_database  # noqa: E402
from jinshan_desktop.data.queries import FactBook, open_fact_book  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
DB_SOURCE = REPO / "db"
SHARED_SOURCES = REPO.parent / "shared" / "sources"


@pytest.fixture(scope="session")
def built_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("built") / "jinshan.sqlite"
    build_database(DB_SOURCE, path)
    return path


@pytest.fixture(scope="session")
def large_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled data plus 30,000 synthetic figures, built once for the whole run; opened read-only by tests."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    from synthetic import generate

    return generate(tmp_path_factory.mktemp("scale") / "large.sqlite", 30_000, indicators=60)


@pytest.fixture
def database(built_database: Path, tmp_path: Path) -> Path:
    """A fresh copy for each test, so no test can see another's changes."""
    path = tmp_path / "jinshan.sqlite"
    shutil.copyfile(built_database, path)
    return path


def damage_index(database: Path, index: str) -> Path:
    """Overwrite one index's root page: the header and schema still read, only a full check or a query using
    that index sees the damage."""
    connection = sqlite3.connect(database)
    page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    (root,) = connection.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (index,)).fetchone()
    connection.close()
    with database.open("r+b") as handle:
        handle.seek((root - 1) * page_size + 8)
        handle.write(b"\xff" * (page_size - 8))
    return database


@pytest.fixture
def damaged_database(database: Path) -> Path:
    """Damage that start-up does not read (sorting a topic by value would)."""
    return damage_index(database, "ix_page_topic_value")


@pytest.fixture
def badly_damaged_database(database: Path) -> Path:
    """Damage that the first table of the window reads."""
    return damage_index(database, "ix_page_theme_position")


@pytest.fixture
def book(database: Path):
    fact_book: FactBook = open_fact_book(database)
    yield fact_book
    fact_book.close()


@pytest.fixture(scope="session")
def qapp():
    """The real application object, built once as the app builds it (overrides pytest-qt's)."""
    from jinshan_desktop.ui.app import create_application

    return create_application()
