"""Where things live: bundled data and resources (frozen-aware) and the per-user folders."""

from __future__ import annotations

import sys
from pathlib import Path

from platformdirs import PlatformDirs

from jinshan_desktop import APP_ID

_DIRS = PlatformDirs(appname=APP_ID, appauthor=False)


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def bundle_root() -> Path:
    """The folder holding db/ and resources/: PyInstaller's unpack folder, or the checkout."""
    if is_frozen():
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))
    return Path(__file__).resolve().parent.parent


def resource(*parts: str) -> Path:
    return bundle_root().joinpath("resources", *parts)


def data_source_dir() -> Path:
    """The reviewable CSV files the database is built from."""
    return bundle_root() / "db"


def bundled_database() -> Path:
    """The read-only database that ships with the app.

    Frozen, it is built at packaging time. From a checkout it is built on first start into the user
    cache, named by the fingerprint of db/, so an edit of db/ gives a fresh file and the checkout stays clean.
    """
    if is_frozen():
        return bundle_root() / "db" / "jinshan.sqlite"
    from jinshan_desktop.data.build import ensure_built, source_fingerprint

    source = data_source_dir()
    target = user_cache_dir() / f"jinshan-{source_fingerprint(source)[:16]}.sqlite"
    return ensure_built(source, target)


def user_store() -> Path:
    """The per-user database of imported figures (kept when a newer app replaces the bundled database)."""
    return Path(_DIRS.user_data_dir) / "imported-figures.sqlite"


def user_cache_dir() -> Path:
    return Path(_DIRS.user_cache_dir)


def user_log_dir() -> Path:
    return Path(_DIRS.user_log_dir)


def user_config_dir() -> Path:
    return Path(_DIRS.user_config_dir)
