"""Whether the per-user cache holds a sound build of the db/ files: the check every start makes, kept apart
from the builder (data/build.py) so that a start with a sound cached copy imports no builder."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path
from urllib.parse import quote

from jinshan_desktop.data import tables

# Files in load order: each refers only to files before it.
CSV_FILES = (
    "sources.csv",
    "themes.csv",
    "topics.csv",
    "units.csv",
    "entities.csv",
    "indicators.csv",
    "observations.csv",
    "facts.csv",
    "labels.csv",
)
# The Chinese side's files (data/build_chinese.py), beside the core ones.
CHINESE_FILES = (
    "entities_zh.csv",
    "indicators_zh.csv",
    "observation_notes_zh.csv",
    "sources_zh.csv",
    "names_zh.csv",
    "readme_zh.csv",
)


def source_fingerprint(source_dir: Path) -> str:
    """A hash of the db/ files and the schema version: equal fingerprints build equal databases."""
    digest = hashlib.sha256(f"schema {tables.SCHEMA_REVISION}".encode())
    for name in (*CSV_FILES, *CHINESE_FILES):
        digest.update(name.encode())
        digest.update((source_dir / name).read_bytes())
    return digest.hexdigest()


def ensure_built(source_dir: Path, target: Path) -> Path:
    """Build target from source_dir unless a sound copy is already there (targets are named by fingerprint).

    A cached copy that is damaged, truncated or not of these files is built again: it is only a cache, and
    otherwise every start would fail until the reader found and deleted it."""
    if not _sound_build(target, source_fingerprint(source_dir)):
        from jinshan_desktop.data.build import build_database

        build_database(source_dir, target)
    return target


def _sound_build(target: Path, fingerprint: str) -> bool:
    if not target.is_file():
        return False
    try:
        connection = sqlite3.connect(f"file:{quote(str(target.resolve().as_posix()))}?mode=ro", uri=True)
        try:
            sound = connection.execute("PRAGMA quick_check").fetchone()[0] == "ok"
            stored = connection.execute("SELECT value FROM meta WHERE key = 'source_fingerprint'").fetchone()
        finally:
            connection.close()
    except sqlite3.Error:
        return False
    # The fingerprint covers the schema revision too, so a matching one is a build of this schema.
    return sound and stored is not None and stored[0] == fingerprint
