"""Builds the frozen one-folder app from this checkout and launches it offscreen, as a user's machine would."""

import hashlib
import os
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "dist" / "jinshan-desktop"
EXECUTABLE = BUNDLE / "jinshan-desktop"
FAILURE_SIGNS = ("Traceback", "could not load the Qt platform plugin")

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def built_bundle(built_dist: Path) -> Path:
    return BUNDLE


def launch(*arguments: str, home: Path, **extra: str) -> subprocess.CompletedProcess[str]:
    # A clean environment: no PYTHONPATH or virtual environment leaks into the frozen app.
    environment = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_CACHE_HOME": str(home / "cache"),
        **extra,
    }
    return subprocess.run([str(EXECUTABLE), *arguments], capture_output=True, text=True, timeout=300, env=environment)


def test_frozen_app_smoke_runs_every_tab(built_bundle: Path, tmp_path: Path) -> None:
    database = next(built_bundle.rglob("jinshan.sqlite"))
    before = hashlib.sha256(database.read_bytes()).hexdigest()
    result = launch("--smoke", home=tmp_path)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert not any(sign in output for sign in FAILURE_SIGNS), output
    assert [line.split(":")[0] for line in result.stdout.splitlines()] == [
        "Overview",
        "Manufacturing",
        "Rural revitalization",
        "Regional integration",
        "Public services",
    ]
    assert hashlib.sha256(database.read_bytes()).hexdigest() == before
    assert not os.access(database, os.W_OK) or os.geteuid() == 0  # shipped read-only
    assert list((tmp_path / "state").rglob("jinshan-desktop.log")), "the frozen app logs to the per-user folder"


def test_frozen_app_exports_every_table(built_bundle: Path, tmp_path: Path) -> None:
    result = launch("export", "--out", str(tmp_path / "out"), home=tmp_path)
    output = result.stdout + result.stderr
    assert result.returncode == 0 and not any(sign in output for sign in FAILURE_SIGNS), output
    names = sorted(path.name for path in (tmp_path / "out").iterdir())
    assert names == ["README.txt", "entities.csv", "facts.csv", "observations.csv", "sources.csv"]
    assert (tmp_path / "out" / "observations.csv").read_bytes().startswith(b"\xef\xbb\xbfid,theme,")


def test_archive_holds_the_bundle_and_install_text(built_bundle: Path) -> None:
    archives = list((ROOT / "dist").glob("jinshan-desktop-*-linux-*.tar.xz"))
    assert len(archives) == 1
    with tarfile.open(archives[0]) as archive:
        names = set(archive.getnames())
    assert {"jinshan-desktop/jinshan-desktop", "jinshan-desktop/INSTALL.txt", "jinshan-desktop/add-to-menu.sh"} <= names
    assert "jinshan-desktop/share/jinshan-desktop.desktop" in names


def test_add_to_menu_writes_a_desktop_entry_pointing_at_the_bundle(built_bundle: Path, tmp_path: Path) -> None:
    environment = dict(os.environ, XDG_DATA_HOME=str(tmp_path))
    subprocess.run(["sh", str(built_bundle / "add-to-menu.sh")], check=True, env=environment, capture_output=True)
    entry = (tmp_path / "applications" / "jinshan-desktop.desktop").read_text(encoding="utf-8")
    assert f'Exec="{built_bundle / "jinshan-desktop"}" %u\n' in entry  # a jinshan:// link is passed on
    assert (tmp_path / "icons" / "hicolor" / "256x256" / "apps" / "jinshan-desktop.png").exists()


def test_frozen_app_shows_chinese_without_any_system_cjk_font(built_bundle: Path, tmp_path: Path) -> None:
    """Fontconfig is pointed at an empty folder: only the bundled Noto subset can draw the tab titles."""
    empty = tmp_path / "no-fonts"
    empty.mkdir()
    config = tmp_path / "fonts.conf"
    config.write_text(
        f'<?xml version="1.0"?><fontconfig><dir>{empty}</dir><cachedir>{tmp_path / "fc-cache"}</cachedir></fontconfig>',
        encoding="utf-8",
    )
    for language, first_tab in (("zh_CN", "概览"), ("zh_TW", "概覽")):
        result = launch("--smoke", "--lang", language, home=tmp_path, FONTCONFIG_FILE=str(config))
        assert result.returncode == 0, result.stdout + result.stderr
        assert result.stdout.startswith(f"{first_tab}: ")


def test_bundled_font_subset_covers_the_data_and_translations(built_bundle: Path, tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "packaging"))
    from fonts import missing_characters, required_characters

    from jinshan_desktop.data.languages import LANGUAGE_NAMES
    from jinshan_desktop.translations import all_catalogues

    database = next(built_bundle.rglob("jinshan.sqlite"))
    characters = required_characters(database, all_catalogues(tmp_path), "".join(LANGUAGE_NAMES.values()))
    fonts = sorted(built_bundle.rglob("NotoSansCJK*-Subset.otf"))
    assert len(fonts) == 2
    for font in fonts:
        assert missing_characters(font, characters) == set(), font.name


def test_the_download_is_at_most_50_mb(built_bundle: Path) -> None:
    (archive,) = (ROOT / "dist").glob("jinshan-desktop-*-linux-*.tar.xz")
    assert archive.stat().st_size <= 50_000_000, f"{archive.name}: {archive.stat().st_size / 1e6:.1f} MB"
    assert not list(built_bundle.rglob("libQt6Network.so*")) and not list(built_bundle.rglob("opencc"))
