"""Writing an accepted plan into the per-user database as one batch, and listing and removing batches."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, delete, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool

from jinshan_desktop.data import schema
from jinshan_desktop.data.importing.checker import PROGRESS_ROWS
from jinshan_desktop.data.importing.report import ImportPlan, StoreWriteError, cancelled
from jinshan_desktop.data.progress import Progress, never_cancelled
from jinshan_desktop.data.rows import BatchInfo
from jinshan_desktop.data.user_store import UserStoreError, create_user_store, now_iso, prepare_user_store


def apply_import(plan: ImportPlan, store: Path, progress: Progress = never_cancelled) -> int:
    """Write an accepted plan as one batch in one transaction; returns the batch id.

    progress is told the figures written; when it returns False the transaction is rolled back and
    ImportCancelled raised, so a cancelled import leaves the user database as it was."""
    if not plan.accepted:
        raise ValueError("a refused plan cannot be applied")
    try:
        prepare_user_store(store)
        if not store.exists():
            create_user_store(store)
        return _write_batch(plan, store, progress)
    except (OSError, SQLAlchemyError, UserStoreError) as error:
        raise StoreWriteError(f"Nothing was imported: {store} could not be written ({error}).") from error


def _write_batch(plan: ImportPlan, store: Path, progress: Progress) -> int:
    engine = create_engine(f"sqlite:///{store}", poolclass=NullPool)
    try:
        with Session(engine) as session, session.begin():
            return write_batch(session, plan, progress)
    finally:
        engine.dispose()


def write_batch(session: Session, plan: ImportPlan, progress: Progress, imported_by: str | None = None) -> int:
    """Add the plan as one batch in the session's transaction (the user store's, or a team database's)."""
    batch = schema.Batch(
        file_name=plan.file_name,
        imported_at=now_iso(),
        encoding=plan.encoding,
        row_count=len(plan.figures),
        imported_by=imported_by,
    )
    session.add(batch)
    session.flush()
    for source in plan.new_sources:
        source.batch_id = batch.id
        session.add(source)
    for indicator in plan.new_indicators:
        indicator.batch_id = batch.id
        session.add(indicator)
    session.flush()
    for written, planned in enumerate(plan.figures, start=1):
        planned.observation.batch_id = batch.id
        session.add(planned.observation)
        if written % PROGRESS_ROWS == 0:
            session.flush()
            if not progress(written):
                raise cancelled("writing")  # leaving session.begin() by an exception rolls back
    session.flush()
    return batch.id


def list_batches(store: Path) -> list[BatchInfo]:
    if not store.exists():
        return []
    engine = create_engine(f"sqlite:///file:{store}?mode=ro&uri=true", poolclass=NullPool)
    try:
        with Session(engine) as session:
            return batches_in(session)
    finally:
        engine.dispose()


def batches_in(session: Session) -> list[BatchInfo]:
    return [
        BatchInfo(b.id, b.file_name, b.imported_at, b.encoding, b.row_count, b.imported_by)
        for b in session.scalars(select(schema.Batch).order_by(schema.Batch.id))
    ]


def remove_batch(store: Path, batch_id: int) -> int:
    """Delete a batch and everything it added, in one transaction; returns the number of figures removed."""
    engine = create_engine(f"sqlite:///{store}", poolclass=NullPool)
    try:
        with Session(engine) as session, session.begin():
            return delete_batch(session, batch_id)
    except (OSError, SQLAlchemyError) as error:
        raise StoreWriteError(f"The batch was not removed: {store} could not be written ({error}).") from error
    finally:
        engine.dispose()


def delete_batch(session: Session, batch_id: int) -> int:
    """Delete a batch and what it added in the session's transaction; the number of figures removed."""
    removed = session.execute(delete(schema.Observation).where(schema.Observation.batch_id == batch_id))
    session.execute(delete(schema.Indicator).where(schema.Indicator.batch_id == batch_id))
    session.execute(delete(schema.Source).where(schema.Source.batch_id == batch_id))
    session.execute(delete(schema.Batch).where(schema.Batch.id == batch_id))
    return int(getattr(removed, "rowcount", 0) or 0)
