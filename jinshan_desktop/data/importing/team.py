"""Importing into a team database on PostgreSQL: the same batches, written by an editor into the server.

Two editors importing at once: each import takes the same transaction-level advisory lock, so batches are
written one after the other; figures the other editor has just added then violate the schema's constraints
(an observation's id, one figure per indicator, period and source; a new source's or indicator's id) and
the later import rolls back whole, with a sentence. Nothing is lost and nothing doubles.
"""

from __future__ import annotations

from sqlalchemy import func, make_url, select, text
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session

from jinshan_desktop.data import schema
from jinshan_desktop.data.importing.report import ImportPlan, StoreWriteError
from jinshan_desktop.data.importing.writing import (
    apply_import,
    batches_in,
    delete_batch,
    list_batches,
    remove_batch,
    write_batch,
)
from jinshan_desktop.data.progress import Progress, never_cancelled
from jinshan_desktop.data.queries import FactBook
from jinshan_desktop.data.rows import BatchInfo
from jinshan_desktop.data.store import Store

IMPORT_LOCK = 20_200_910  # pg_advisory_xact_lock's key: one import (or removal) writes at a time
INSUFFICIENT_PRIVILEGE = "42501"


def apply_team_import(plan: ImportPlan, book: FactBook, progress: Progress = never_cancelled) -> int:
    """Write an accepted plan as one batch into the team database, recording the database user and time;
    returns the batch id. StoreWriteError says in a sentence why nothing was imported."""
    if not plan.accepted:
        raise ValueError("a refused plan cannot be applied")
    store = book.reading().store
    try:
        with _writing(store) as session:
            editor = str(session.execute(text("SELECT current_user")).scalar_one())
            # Figures go after every figure committed before the lock, in the file's order.
            last = session.execute(select(func.max(schema.Observation.position))).scalar()
            return write_batch(session.connection(), plan, progress, imported_by=editor, first_position=(last or 0) + 1)
    except IntegrityError as error:
        raise StoreWriteError(
            "Nothing was imported: another editor has just added some of these figures, sources or indicators. "
            "Check the file again against the team database, then import what is still new."
        ) from error
    except DBAPIError as error:
        raise StoreWriteError(f"Nothing was imported: {_reason(store, error)}") from error


def import_into(book: FactBook, plan: ImportPlan, progress: Progress = never_cancelled) -> int:
    """Apply a plan where this book's imports go: the team database, or the per-user database of a file."""
    if book.on_server:
        return apply_team_import(plan, book, progress)
    assert book.user_store is not None, "a fact book file is opened with its per-user database"
    return apply_import(plan, book.user_store, progress)


def batches_of(book: FactBook) -> list[BatchInfo]:
    if book.on_server:
        return list_team_batches(book)
    return list_batches(book.user_store) if book.user_store is not None else []


def remove_from(book: FactBook, batch_id: int) -> int:
    if book.on_server:
        return remove_team_batch(book, batch_id)
    assert book.user_store is not None
    return remove_batch(book.user_store, batch_id)


def list_team_batches(book: FactBook) -> list[BatchInfo]:
    store = book.reading().store
    try:
        with Session(store.engine) as session:
            return batches_in(session.connection())
    except DBAPIError as error:
        raise StoreWriteError(store.reason(error)) from error


def remove_team_batch(book: FactBook, batch_id: int) -> int:
    """Delete a batch and what it added, in one transaction; the number of figures removed."""
    store = book.reading().store
    try:
        with _writing(store) as session:
            return delete_batch(session.connection(), batch_id)
    except DBAPIError as error:
        raise StoreWriteError(f"The batch was not removed: {_reason(store, error)}") from error


class _writing:
    """A READ WRITE transaction on the store's read-only sessions, holding the import lock; commits on
    leaving normally, rolls back on any exception (so a refused or cancelled import leaves no trace)."""

    def __init__(self, store: Store) -> None:
        self.session = Session(store.engine)

    def __enter__(self) -> Session:
        self.transaction = self.session.begin()
        try:
            self.session.execute(text("SET TRANSACTION READ WRITE"))
            self.session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": IMPORT_LOCK})
        except BaseException:
            self.__exit__(Exception, None, None)
            raise
        return self.session

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        try:
            if kind is None:
                self.transaction.commit()
            else:
                self.transaction.rollback()
        finally:
            self.session.close()


def _reason(store: Store, error: DBAPIError) -> str:
    if getattr(error.orig, "sqlstate", None) == INSUFFICIENT_PRIVILEGE:
        user = make_url(str(store.path)).username or "you use"
        return (
            f"the database user {user} may read this team database but not add to it. "
            f"An administrator can run: jinshan-desktop db grant-editor {user} --db {store.path}"
        )
    return store.reason(error)
