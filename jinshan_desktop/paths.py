"""Where things live: the bundled data and resources, and the per-user folders. Locations only: nothing here
builds, opens or imports the data layer.

Installed (wheel or editable), the CSV files and resources are the data packages jinshan_desktop.db and
jinshan_desktop.resources, found with importlib.resources; frozen, they sit in PyInstaller's unpack folder.
"""

from __future__ import annotations

import sys
from importlib.resources import files
from pathlib import Path

from platformdirs import PlatformDirs

from jinshan_desktop import APP_ID

_DIRS = PlatformDirs(appname=APP_ID, appauthor=False)


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def bundle_root() -> Path:
    """The frozen app's unpack folder (db/, resources/, translations/, fonts/)."""
    return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))


def _package_folder(package: str) -> Path:
    folder = files(package)
    if not isinstance(folder, Path):  # e.g. imported from a zip: the database is built from real files
        raise FileNotFoundError(f"{package} is not a folder on disk: {folder}")
    return folder


def resources_dir() -> Path:
    return bundle_root() / "resources" if is_frozen() else _package_folder("jinshan_desktop.resources")


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def data_source_dir() -> Path:
    """The reviewable CSV files the database is built from (not carried by the frozen app)."""
    return bundle_root() / "db" if is_frozen() else _package_folder("jinshan_desktop.db")


def prebuilt_database() -> Path | None:
    """The database built at packaging time, in the frozen app only."""
    return bundle_root() / "db" / "jinshan.sqlite" if is_frozen() else None


def bundled_database_cache(fingerprint: str) -> Path:
    """Where a database built from data_source_dir() on first start lives, named by the fingerprint of the
    CSV files, so an edit of them gives a fresh file and the installed folder stays untouched."""
    return user_cache_dir() / f"jinshan-{fingerprint[:16]}.sqlite"


def user_store() -> Path:
    """The per-user database of imported figures (kept when a newer app replaces the bundled database)."""
    return Path(_DIRS.user_data_dir) / "imported-figures.sqlite"


def user_cache_dir() -> Path:
    return Path(_DIRS.user_cache_dir)


def user_log_dir() -> Path:
    return Path(_DIRS.user_log_dir)


def user_config_dir() -> Path:
    return Path(_DIRS.user_config_dir)
