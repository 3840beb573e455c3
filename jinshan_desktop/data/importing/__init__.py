"""Validated, all-or-nothing import of figures from a CSV file shaped like the exported observations.csv.

`plan_import` reads and checks a file without writing anything and never raises on bad content: every
problem becomes a line of the plan's report. `apply_import` writes a clean plan as one transaction and one
batch into the per-user database; `remove_batch` takes a batch out again completely.
"""

from jinshan_desktop.data.importing.checker import MAX_FIELD_CHARACTERS, PROGRESS_ROWS
from jinshan_desktop.data.importing.reading import MAX_FILE_BYTES, decode, lines_in_file, plan_import, plan_import_bytes
from jinshan_desktop.data.importing.report import ImportCancelled, ImportPlan, PlannedFigure, Problem, StoreWriteError
from jinshan_desktop.data.importing.writing import apply_import, list_batches, remove_batch
from jinshan_desktop.data.rows import BatchInfo

__all__ = [
    "MAX_FIELD_CHARACTERS",
    "MAX_FILE_BYTES",
    "PROGRESS_ROWS",
    "BatchInfo",
    "ImportCancelled",
    "ImportPlan",
    "PlannedFigure",
    "Problem",
    "StoreWriteError",
    "apply_import",
    "decode",
    "lines_in_file",
    "list_batches",
    "plan_import",
    "plan_import_bytes",
    "remove_batch",
]
