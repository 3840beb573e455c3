"""The read-only database that ships with the app, made ready: prebuilt in the frozen app, otherwise built on
first start from the installed CSV files into the per-user cache."""

from __future__ import annotations

from pathlib import Path

from jinshan_desktop.data.build_cache import ensure_built, source_fingerprint
from jinshan_desktop.paths import bundled_database_cache, data_source_dir, prebuilt_database


def bundled_database() -> Path:
    """The path of the bundled database, built first if it is not there yet (raises BuildError, OSError)."""
    prebuilt = prebuilt_database()
    if prebuilt is not None:
        return prebuilt
    source = data_source_dir()
    return ensure_built(source, bundled_database_cache(source_fingerprint(source)))
