"""The one entry point: the GUI by default; `export`, `--smoke` and `--db` for scripts and tests."""

from __future__ import annotations

import argparse
import logging
import logging.handlers
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from jinshan_desktop import APP_ID, __version__
from jinshan_desktop.data.encodings import DEFAULT_ENCODING, ENCODINGS
from jinshan_desktop.data.languages import LANGUAGES
from jinshan_desktop.paths import user_log_dir, user_store

# The data layer (SQLAlchemy) is imported when it is needed: for the window, after its frame has painted.
if TYPE_CHECKING:
    from jinshan_desktop.data.queries import FactBook

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
    from jinshan_desktop.data.build import BuildError
    from jinshan_desktop.data.bundled import bundled_database
    from jinshan_desktop.data.queries import FactBookError, open_fact_book

    try:
        return open_fact_book(
            path if path is not None else bundled_database(), user_store=store or user_store(), full_check=full_check
        )
    except BuildError as error:
        raise FactBookError(f"The bundled data could not be built: {error}") from error
    except OSError as error:
        raise FactBookError(f"The bundled data could not be prepared: {error}") from error


def _import_data_layer_meanwhile() -> None:
    """Import the data layer and the main window on a thread while the main thread starts Qt and paints the
    window's frame: Qt's start and painting release the GIL, so the imports (SQLAlchemy alone takes as long
    as Qt's start) overlap them on a second core instead of following the paint. Nothing waits for the thread:
    the GUI's own imports, after the paint, take whatever it has finished."""

    def import_them() -> None:
        import jinshan_desktop.data.bundled
        import jinshan_desktop.data.queries
        import jinshan_desktop.ui.main_window  # noqa: F401

    threading.Thread(target=import_them, name="import-data-layer", daemon=True).start()


def main(argv: list[str] | None = None) -> int:
    arguments = build_parser().parse_args(argv)
    configure_logging()
    log.info("%s %s starting: %s", APP_ID, __version__, " ".join(argv if argv is not None else sys.argv[1:]))
    if arguments.command is None and not arguments.smoke:
        _import_data_layer_meanwhile()
        from jinshan_desktop.ui.app import run_gui  # it opens the book once the window's frame has painted

        return run_gui(
            lambda: open_book(arguments.db, arguments.user_db, full_check=None),
            arguments.exit_after_paint,
            arguments.lang,
        )
    from jinshan_desktop.data.exporting import ExportError, export_all
    from jinshan_desktop.data.queries import FactBookError

    try:
        book = open_book(arguments.db, arguments.user_db)
    except FactBookError as error:
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
        from jinshan_desktop.ui.app import run_smoke  # Qt only when a window is wanted

        return run_smoke(book, language=arguments.lang)
    finally:
        book.close()


def import_file(book: FactBook, path: Path, dry_run: bool) -> int:
    """The import without asking (the preview is printed); 1 when the file is refused, nothing written then."""
    from jinshan_desktop.data.importing import StoreWriteError, apply_import, plan_import

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
