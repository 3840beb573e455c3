"""The team database's commands: `db publish`, `db grant-reader`, `db grant-editor` and `snapshot`.

An administrator creates the schema (`db upgrade --db URL`), publishes the bundled figures and grants roles;
a reader takes a snapshot to read offline. Passwords come from libpq (~/.pgpass, PGPASSWORD), never from
the command's log line (see redacted)."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from jinshan_desktop import APP_ID


def add_team_commands(commands: argparse._SubParsersAction, database: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    publish = database.add_parser("publish", help="load the bundled figures into an empty team database")
    publish.add_argument("--db", dest="target", required=True, help="the team database's URL")
    publish.add_argument("--from", dest="source", type=Path, help="publish this file instead of the bundled one")
    for kind, what in (("reader", "browse and export"), ("editor", "also import and remove batches")):
        grant = database.add_parser(f"grant-{kind}", help=f"let a database role {what} (created if missing)")
        grant.add_argument("role")
        grant.add_argument("--db", dest="target", required=True, help="the team database's URL")
    snapshot = commands.add_parser("snapshot", help="write an offline SQLite copy of a team database")
    snapshot.add_argument("--from", dest="source_url", required=True, help="the team database's URL")
    snapshot.add_argument("--out", type=Path, required=True, help="the SQLite file to write (replaced when complete)")


def run_team_command(arguments: argparse.Namespace) -> int | None:
    """The exit code of a team command, or None when the arguments name none."""
    if arguments.command == "snapshot":
        return _snapshot(arguments.source_url, arguments.out)
    if arguments.command != "db" or arguments.db_command == "upgrade":
        return None
    if arguments.db_command == "publish":
        return _publish(arguments.target, arguments.source)
    return _grant(arguments.target, arguments.role, editor=arguments.db_command == "grant-editor")


def redacted(argv: list[str]) -> list[str]:
    """The command line as it may be logged: a password in a URL is replaced by ***."""
    return [re.sub(r"(://[^:/@\s]+):[^@/\s]*@", r"\1:***@", argument) for argument in argv]


def _fail(message: str) -> int:
    print(f"{APP_ID}: {message}", file=sys.stderr)
    return 2


def _publish(target: str, source: Path | None) -> int:
    from jinshan_desktop.data.bundled import bundled_database
    from jinshan_desktop.data.store import FactBookError
    from jinshan_desktop.data.team_copy import CopyError, publish

    try:
        figures = publish(source or bundled_database(), target)
    except (CopyError, FactBookError) as error:
        return _fail(str(error))
    print(f"Published {figures:,} figures into the team database.")
    return 0


def _grant(target: str, role: str, editor: bool) -> int:
    from jinshan_desktop.data.team_admin import GrantError, grant

    try:
        lines = grant(target, role, editor)
    except GrantError as error:
        return _fail(str(error))
    print("\n".join(lines))
    return 0


def _snapshot(source_url: str, out: Path) -> int:
    from jinshan_desktop.data.store import FactBookError
    from jinshan_desktop.data.team_copy import CopyError, snapshot

    try:
        figures = snapshot(source_url, out)
    except (CopyError, FactBookError) as error:
        return _fail(str(error))
    print(f"Wrote {figures:,} figures to {out}; open it offline with: {APP_ID} --db {out}")
    return 0
