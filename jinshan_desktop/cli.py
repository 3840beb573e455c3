"""The one entry point: the GUI by default; `export`, `--smoke` and `--db` for scripts and tests."""

from __future__ import annotations

import argparse
import logging
import logging.handlers
import sys
from pathlib import Path

from jinshan_desktop import APP_ID, __version__
from jinshan_desktop.data.build import BuildError
from jinshan_desktop.data.bundled import bundled_database
from jinshan_desktop.data.exporting import DEFAULT_ENCODING, ENCODINGS, ExportError, export_all
from jinshan_desktop.data.importing import StoreWriteError, apply_import, plan_import
from jinshan_desktop.data.languages import LANGUAGES
from jinshan_desktop.data.queries import FactBook, FactBookError, open_fact_book
from jinshan_desktop.paths import user_log_dir, user_store

log = logging.getLogger(APP_ID)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=APP_ID, description="Jinshan Fact Book: browse Jinshan District's published facts."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--db", type=Path, help="read this fact book database instead of the bundled one")
    parser.add_argument(
        "--smoke", action="store_true", help="open the window, visit every tab offscreen-safe, and exit"
    )
    parser.add_argument("--lang", choices=list(LANGUAGES), help="language of the window and exports")
    parser.add_argument("--user-db", type=Path, help="per-user database of imported figures (default: per-user folder)")
    parser.add_argument("--exit-after-paint", action="store_true", help=argparse.SUPPRESS)  # for benchmarks
    commands = parser.add_subparsers(dest="command")
    export = commands.add_parser("export", help="write every table as CSV files plus README.txt into a folder")
    export.add_argument("--out", type=Path, required=True, help="folder to write into (created if missing)")
    export.add_argument("--encoding", choices=list(ENCODINGS), default=DEFAULT_ENCODING)
    importer = commands.add_parser("import", help="add figures from a CSV file shaped like observations.csv")
    importer.add_argument("file", type=Path)
    importer.add_argument("--dry-run", action="store_true", help="print what would be imported and write nothing")
    return parser


def configure_logging() -> Path | None:
    """Log to a file in the per-user log folder: a windowed build has no console to print to."""
    folder = user_log_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            folder / f"{APP_ID}.log", maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        return None  # logging is a help, never a reason not to start
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=logging.INFO, handlers=[handler], force=True)
    return folder / f"{APP_ID}.log"


def _fail(message: str) -> int:
    log.error(message)
    print(f"{APP_ID}: {message}", file=sys.stderr)
    return 2


def open_book(path: Path | None, store: Path | None = None, full_check: bool | None = True) -> FactBook:
    """full_check None: a large database is checked whole after the window shows (the GUI's choice)."""
    try:
        return open_fact_book(
            path if path is not None else bundled_database(), user_store=store or user_store(), full_check=full_check
        )
    except BuildError as error:
        raise FactBookError(f"The bundled data could not be built: {error}") from error
    except OSError as error:
        raise FactBookError(f"The bundled data could not be prepared: {error}") from error


def main(argv: list[str] | None = None) -> int:
    arguments = build_parser().parse_args(argv)
    configure_logging()
    log.info("%s %s starting: %s", APP_ID, __version__, " ".join(argv if argv is not None else sys.argv[1:]))
    try:
        gui = arguments.command is None and not arguments.smoke
        book = open_book(arguments.db, arguments.user_db, full_check=None if gui else True)
    except FactBookError as error:
        if gui:
            return _show_startup_error(str(error))
        return _fail(str(error))
    try:
        if arguments.command == "export":
            try:
                written = export_all(book.with_language(arguments.lang or "en"), arguments.out, arguments.encoding)
            except ExportError as error:
                return _fail(str(error))
            print(f"Wrote {len(written)} files to {arguments.out}")
            return 0
        if arguments.command == "import":
            return import_file(book, arguments.file, dry_run=arguments.dry_run)
        from jinshan_desktop.ui.app import run_gui, run_smoke  # Qt only when a window is wanted

        if arguments.smoke:
            return run_smoke(book, language=arguments.lang)
        return run_gui(book, arguments.exit_after_paint, arguments.lang)
    finally:
        book.close()


def import_file(book: FactBook, path: Path, dry_run: bool) -> int:
    """The import without asking (the preview is printed); 1 when the file is refused, nothing written then."""
    plan = plan_import(book, path)
    for line in plan.summary():
        print(line)
    if not plan.accepted:
        return 1
    if dry_run:
        print("Dry run: nothing was written.")
        return 0
    if not plan.figures and not plan.new_sources:
        print("Nothing new to import.")
        return 0
    assert book.user_store is not None
    try:
        batch = apply_import(plan, book.user_store)
    except StoreWriteError as error:
        return _fail(str(error))
    print(f"Imported {len(plan.figures)} figure(s) as batch {batch} into {book.user_store}")
    return 0


def _show_startup_error(message: str) -> int:
    from PySide6.QtWidgets import QMessageBox

    from jinshan_desktop.ui.app import create_application

    create_application()
    QMessageBox.critical(None, "Jinshan Fact Book", message)
    return _fail(message)
