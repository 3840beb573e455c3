"""The Debian package, installed with apt-get as a user would, launched through /usr/bin, and purged again."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
from debian import APPSTREAM_ID, INSTALL_ROOT, PACKAGE, external_libraries  # noqa: E402

LAUNCHER = Path("/usr/bin") / PACKAGE
INSTALLED_FILES = [
    INSTALL_ROOT / PACKAGE,
    LAUNCHER,
    Path("/usr/share/applications") / f"{PACKAGE}.desktop",
    Path("/usr/share/icons/hicolor/256x256/apps") / f"{PACKAGE}.png",
    Path("/usr/share/icons/hicolor/scalable/apps") / f"{PACKAGE}.svg",
    Path("/usr/share/metainfo") / f"{APPSTREAM_ID}.metainfo.xml",
    Path("/usr/share/man/man1") / f"{PACKAGE}.1.gz",
    Path("/usr/share/doc") / PACKAGE / "copyright",
]

pytestmark = pytest.mark.slow


def _cannot_install() -> str | None:
    if not sys.platform.startswith("linux") or not (shutil.which("apt-get") and shutil.which("dpkg-deb")):
        return "it needs Debian's apt-get and dpkg-deb"
    if os.geteuid() != 0:
        return "installing a package needs root"
    return None


@pytest.fixture(scope="module")
def deb(built_dist: Path) -> Path:
    problem = _cannot_install()
    if problem is not None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"The Debian package cannot be tested here: {problem}.")
        pytest.skip(f"{problem}: run as root on Debian or Ubuntu with apt-get install dpkg-dev lintian")
    (package,) = built_dist.glob(f"{PACKAGE}_*_*.deb")
    return package


def _apt(*arguments: str) -> subprocess.CompletedProcess[str]:
    environment = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    return subprocess.run(["apt-get", *arguments], capture_output=True, text=True, timeout=600, env=environment)


@pytest.fixture(scope="module")
def installed(deb: Path) -> Path:
    result = _apt("install", "-y", "--no-install-recommends", str(deb.resolve()))  # a path, not a package name
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    yield LAUNCHER
    if subprocess.run(["dpkg-query", "-W", PACKAGE], capture_output=True).returncode == 0:
        _apt("remove", "--purge", "-y", PACKAGE)


def _field(deb: Path, name: str) -> str:
    return subprocess.run(["dpkg-deb", "-f", str(deb), name], capture_output=True, text=True, check=True).stdout.strip()


def _launch(*arguments: str, home: Path) -> subprocess.CompletedProcess[str]:
    environment = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "QT_QPA_PLATFORM": "offscreen",
        **{name: str(home / name.lower()) for name in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME")},
    }
    return subprocess.run([PACKAGE, *arguments], capture_output=True, text=True, timeout=300, env=environment, cwd=home)


def test_the_package_is_named_and_compressed_as_debian_expects(deb: Path) -> None:
    version, architecture = _field(deb, "Version"), _field(deb, "Architecture")
    assert deb.name == f"{PACKAGE}_{version}_{architecture}.deb"
    contents = subprocess.run(["ar", "t", str(deb)], capture_output=True, text=True, check=True).stdout.split()
    assert contents[0] == "debian-binary" and "data.tar.xz" in contents


def test_depends_names_the_package_of_every_library_the_bundle_links_but_lacks(deb: Path, installed: Path) -> None:
    depends = {re.sub(r"\s*\(.*\)", "", item).strip() for item in _field(deb, "Depends").split(",")}
    wanted = external_libraries(INSTALL_ROOT)
    assert {"libc.so.6", "libGL.so.1", "libxcb.so.1"} <= set(wanted)
    for soname in wanted:
        owner = subprocess.run(["dpkg-query", "-S", f"*/{soname}"], capture_output=True, text=True)
        packages = {line.split(":", 1)[0] for line in owner.stdout.splitlines()}
        assert packages & depends, f"{soname}: provided by {packages or 'nothing installed'}, Depends is {depends}"
    assert re.search(r"libc6 \(>= 2\.\d+\)", _field(deb, "Depends"))


def test_every_library_of_the_installed_bundle_resolves(installed: Path) -> None:
    folders = sorted({str(path.parent) for path in INSTALL_ROOT.rglob("*.so*")})
    environment = dict(os.environ, LD_LIBRARY_PATH=":".join(folders))  # as PyInstaller's bootloader does
    for library in sorted(INSTALL_ROOT.rglob("*.so*")):
        result = subprocess.run(["ldd", str(library)], capture_output=True, text=True, env=environment)
        assert "not found" not in result.stdout, f"{library}:\n{result.stdout}"


def test_the_installed_launcher_runs_smoke_and_export(installed: Path, tmp_path: Path) -> None:
    assert all(path.exists() for path in INSTALLED_FILES), [str(p) for p in INSTALLED_FILES if not p.exists()]
    smoke = _launch("--smoke", home=tmp_path)
    assert smoke.returncode == 0 and "Traceback" not in smoke.stderr, smoke.stdout + smoke.stderr
    assert len(smoke.stdout.splitlines()) == 5
    exported = _launch("export", "--out", str(tmp_path / "out"), home=tmp_path)
    assert exported.returncode == 0, exported.stdout + exported.stderr
    assert (tmp_path / "out" / "observations.csv").read_bytes().startswith(b"\xef\xbb\xbfid,theme,")
    entry = (Path("/usr/share/applications") / f"{PACKAGE}.desktop").read_text(encoding="utf-8")
    assert f"Exec={PACKAGE} %u\n" in entry and f"Icon={PACKAGE}\n" in entry
    assert "MimeType=x-scheme-handler/jinshan;\n" in entry  # jinshan://figure/ID links open the app


def test_lintian_says_only_what_the_readme_explains(deb: Path) -> None:
    if shutil.which("lintian") is None:
        pytest.skip("lintian is not installed (apt-get install lintian)")
    from debian import lintian_report

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    tags = {match.group(1) for line in lintian_report(deb) if (match := re.match(r"[EWIPX]: \S+: (\S+)", line))}
    assert tags, "lintian printed no tags: has it changed its output?"
    unexplained = sorted(tag for tag in tags if f"`{tag}`" not in readme)
    assert unexplained == [], "lintian tags the README does not explain: " + ", ".join(unexplained)


def test_purge_leaves_nothing_behind(installed: Path, tmp_path: Path) -> None:
    _launch("--smoke", home=tmp_path)  # a run must not leave files in the package's folders either
    result = _apt("remove", "--purge", "-y", PACKAGE)
    assert result.returncode == 0, result.stderr
    left = [str(path) for path in [INSTALL_ROOT, *INSTALLED_FILES, Path("/usr/share/doc") / PACKAGE] if path.exists()]
    assert left == []
    assert list(Path("/usr/share/icons/hicolor").rglob(f"{PACKAGE}.*")) == []
