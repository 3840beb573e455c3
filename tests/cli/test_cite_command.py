"""`jinshan-desktop cite ID`: the same citation the window's Cite button copies, on standard output."""

from __future__ import annotations

import json
from pathlib import Path

from jinshan_desktop.cli import build_parser, command_words
from jinshan_desktop.data.figure_links import links_as_options
from tests.cli.test_cli import run


def test_cite_prints_each_style(database: Path) -> None:
    plain = run("--db", str(database), "cite", "cluster-output-2020")
    assert plain.returncode == 0, plain.stderr
    assert plain.stdout.startswith("Information Office of Shanghai Municipality. “Press release")
    bibtex = run("--db", str(database), "cite", "jinshan://figure/cluster-output-2020", "--style", "bibtex")
    assert bibtex.stdout.startswith("@misc{jinshan:cluster-output-2020,")
    csl = run("--db", str(database), "--lang", "zh_CN", "cite", "cluster-output-2020", "--style", "csl-json")
    [item] = json.loads(csl.stdout)
    assert item["publisher"] == "上海市人民政府新闻办公室" and item["language"] == "zh-CN"


def test_cite_says_an_unknown_figure_in_a_sentence(database: Path) -> None:
    result = run("--db", str(database), "cite", "no-such-figure")
    assert result.returncode == 2 and "No figure has the id 'no-such-figure'." in result.stderr
    assert "Traceback" not in result.stderr


def test_a_link_after_a_command_word_stays_its_argument() -> None:
    parser = build_parser()
    assert {"export", "import", "cite", "db"} <= set(command_words(parser))
    argv = links_as_options(["cite", "jinshan://figure/x"], command_words(parser))
    assert parser.parse_args(argv).figure == "jinshan://figure/x"
