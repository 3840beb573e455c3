"""The one entry point: the GUI by default; `export`, `--smoke` and `--db` for scripts and tests."""

from __future__ import annotations

import argparse
import gc
import logging
import logging.handlers
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from jinshan_desktop import APP_ID, __version__
from jinshan_desktop.cli_team import add_team_commands, redacted, run_team_command
from jinshan_desktop.data.encodings import DEFAULT_ENCODING, ENCODINGS
from jinshan_desktop.data.figure_links import links_as_options
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
    parser.add_argument(
        "--db", help="read this fact book database (a file, or a team database's URL) instead of the bundled one"
    )
    parser.add_argument(
        "--smoke", action="store_true", help="open the window, visit every tab offscreen-safe, and exit"
    )
    parser.add_argument("--lang", choices=list(LANGUAGES), help="language of the window and exports")
    parser.add_argument(
        "--open", metavar="ID", help="open the window on this figure (its id or a jinshan://figure/ID link)"
    )
    parser.add_argument("--user-db", type=Path, help="per-user database of imported figures (default: per-user folder)")
    parser.add_argument("--exit-after-paint", action="store_true", help=argparse.SUPPRESS)  # for benchmarks
    commands = parser.add_subparsers(dest="command")
    export = commands.add_parser("export", help="write every table as CSV files plus README.txt into a folder")
    export.add_argument("--out", type=Path, required=True, help="folder to write into (created if missing)")
    export.add_argument("--encoding", choices=list(ENCODINGS), default=DEFAULT_ENCODING)
    importer = commands.add_parser("import", help="add figures from a CSV file shaped like observations.csv")
    importer.add_argument("file", type=Path)
    importer.add_argument("--dry-run", action="store_true", help="print what would be imported and write nothing")
    importer.add_argument(
        "--encoding", help="the file's encoding when it is not UTF-8, UTF-16 with BOM or GB18030 (e.g. cp1252)"
    )
    cite = commands.add_parser("cite", help="print a citation of one figure, as the window's Cite button copies it")
    cite.add_argument("figure", help="the figure's id or a jinshan://figure/ID link")
    cite.add_argument("--style", choices=["plain", "bibtex", "csl-json"], default="plain")
    database = commands.add_parser("db", help="look after a fact book database (schema upgrades)")
    database_commands = database.add_subparsers(dest="db_command", required=True)
    upgrade = database_commands.add_parser("upgrade", help="bring a database to the schema this version reads")
    upgrade.add_argument("--db", dest="target", required=True, help="path of the SQLite file (or a database URL)")
    add_team_commands(commands, database_commands)
    return parser


def command_words(parser: argparse.ArgumentParser) -> list[str]:
    """The first words of the commands (export, cite, …): after one, the arguments are that command's own."""
    subcommands = (action for action in parser._actions if isinstance(action, argparse._SubParsersAction))
    return [word for action in subcommands for word in action.choices]


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


def open_book(path: Path | str | None, store: Path | None = None, full_check: bool | None = True) -> FactBook:
    """full_check None: a large database is checked whole after the window shows (the GUI's choice)."""
    from jinshan_desktop.data.build_errors import BuildError
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
    # A desktop opens a jinshan://figure/ID link as the program's argument (the entry's %u).
    parser = build_parser()
    arguments = parser.parse_args(links_as_options(sys.argv[1:] if argv is None else argv, command_words(parser)))
    configure_logging()
    log.info("%s %s starting: %s", APP_ID, __version__, " ".join(redacted(argv or sys.argv[1:])))
    team = run_team_command(arguments)
    if team is not None:
        return team
    if arguments.command == "db":
        return upgrade_database(arguments.target)
    if arguments.command is None and not arguments.smoke:
        # Start-up allocates hundreds of thousands of objects that live as long as the window (modules, Qt's
        # wrappers, SQLAlchemy's tables): collecting among them meanwhile finds nothing. run_gui resumes the
        # collector once the filled window has painted, with those objects set aside (gc.freeze).
        gc.disable()
        _import_data_layer_meanwhile()
        from jinshan_desktop.ui.app import run_gui  # it opens the book once the window's frame has painted

        return run_gui(lambda: _open_for_window(arguments), arguments.exit_after_paint, arguments.lang, arguments.open)
    book = _open_for_command(arguments)
    if book is None:
        return 2
    if book.user_store_notice:
        log.warning(book.user_store_notice)
        print(f"{APP_ID}: {book.user_store_notice}", file=sys.stderr)
    try:
        return _run_command(arguments, book)
    finally:
        book.close()


def _open_for_command(arguments: argparse.Namespace) -> FactBook | None:
    """The book a command reads; None when it cannot be, as said."""
    from jinshan_desktop.data.queries import FactBookError, PasswordNeeded

    try:
        return open_book(arguments.db, arguments.user_db, full_check=True)
    except FactBookError as error:
        hint = " Put it in ~/.pgpass or PGPASSWORD." if isinstance(error, PasswordNeeded) else ""
        _fail(f"{error}{hint}")
        return None


def _open_for_window(arguments: argparse.Namespace) -> FactBook | None:
    """The window's book, opened once its frame has painted. A team database that cannot be opened asks for
    its password, or offers Retry, in a dialog over the frame; None when the reader gave up (already said)."""
    from jinshan_desktop.data.queries import FactBookError

    try:
        return open_book(arguments.db, arguments.user_db, full_check=None)
    except FactBookError as error:
        if "://" not in str(arguments.db or ""):
            raise
        from jinshan_desktop.ui.team_dialog import open_at_start

        asked = open_at_start(str(arguments.db), arguments.lang or "en")
        if asked is None:
            _fail(str(error))
        return asked


def _run_command(arguments: argparse.Namespace, book: FactBook) -> int:
    from jinshan_desktop.data.exporting import ExportError, export_all

    if arguments.command == "export":
        try:
            written = export_all(book.with_language(arguments.lang or "en"), arguments.out, arguments.encoding)
        except ExportError as error:
            return _fail(str(error))
        print(f"Wrote {len(written)} files to {arguments.out}")
        return 0
    if arguments.command == "cite":
        return print_citation(book.with_language(arguments.lang or "en"), arguments.figure, arguments.style)
    if arguments.command == "import":
        return import_file(book, arguments.file, dry_run=arguments.dry_run, encoding=arguments.encoding)
    if arguments.smoke:
        from jinshan_desktop.ui.app import run_smoke  # Qt only when a window is wanted

        return run_smoke(book, language=arguments.lang, open_reference=arguments.open)
    raise AssertionError(f"no command {arguments.command!r}")  # the parser allows no other


def print_citation(book: FactBook, reference: str, style: str) -> int:
    from jinshan_desktop.data.citations import formatted
    from jinshan_desktop.data.figure_links import NotAFigureLink, figure_of_reference

    try:
        print(formatted(book.citation(figure_of_reference(reference)), style), end="" if style != "plain" else "\n")
    except NotAFigureLink:
        return _fail(f"{reference} is not a link to a figure: links read jinshan://figure/ID.")
    except KeyError:
        return _fail(f"No figure has the id {reference!r}.")
    return 0


def upgrade_database(target: str) -> int:
    """`db upgrade`: the one command that writes a schema; the bundled database is never named by default."""
    try:
        from jinshan_desktop.data.migrate import UpgradeError, upgrade_database  # Alembic only for this command
    except ImportError:  # the frozen download leaves Alembic out
        return _fail("db upgrade needs the app installed with pip (pip install jinshan-desktop), not the download.")

    try:
        before, after = upgrade_database(target)
    except UpgradeError as error:
        return _fail(str(error))
    shown = redacted([target])[0]
    print(f"{shown}: schema {before or 'none'} -> {after}" if before != after else f"{shown}: already at {after}")
    return 0


def import_file(book: FactBook, path: Path, dry_run: bool, encoding: str | None = None) -> int:
    """The import without asking (the preview is printed); 1 when anything is refused or in conflict."""
    from jinshan_desktop.data.importing import StoreWriteError, apply_import, plan_import

    plan = plan_import(book, path, encoding=encoding)
    for line in plan.summary():
        print(line)
    if not plan.accepted:
        return 1
    status = 1 if plan.conflicts else 0  # 0 only when every figure of the file is in the fact book after
    if dry_run:
        print("Dry run: nothing was written.")
        return status
    if not plan.figures and not plan.new_sources:
        print("Nothing new to import.")
        return status
    try:
        if book.on_server:  # a team database: into the server, as the database user
            from jinshan_desktop.data.importing.team import apply_team_import

            batch, target = apply_team_import(plan, book), str(book.path)
        else:
            assert book.user_store is not None
            batch, target = apply_import(plan, book.user_store), str(book.user_store)
    except StoreWriteError as error:
        return _fail(str(error))
    print(f"Imported {len(plan.figures)} figure(s) as batch {batch} into {target}")
    if plan.conflicts:
        print(f"{len(plan.conflicts)} figure(s) in conflict were not imported.")
    return status
