"""File → Import figures (a preview before anything is written) and File → Imported batches (remove one)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jinshan_desktop.data.importing import BatchInfo, ImportPlan
from jinshan_desktop.data.messages import Message
from jinshan_desktop.ui.translate import Texts

BATCH_ROLE = Qt.ItemDataRole.UserRole  # the batch id, on every cell of its row
ImportReport = Texts("ImportReport")  # the data layer's sentences (QT_TRANSLATE_NOOP in importing.py)


def translated(message: Message) -> str:
    """A data-layer sentence in the reader's language; English if a translation lost one of its fields."""
    try:
        # The data layer's {name} fields, filled by str.format in one pass like .arg().
        prefix = ImportReport.tr(message.prefix) if message.prefix else ""
        return (prefix + ImportReport.tr(message.template)).format(**message.values)
    except (KeyError, IndexError, ValueError):
        return str(message)


class ImportPreviewDialog(QDialog):
    """What the file would add, what is new, what conflicts; Import is offered only for an accepted file."""

    tr = Texts()

    def __init__(self, plan: ImportPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import figures"))
        self.resize(720, 460)
        heading = QLabel(
            self.tr("Nothing has been written yet. Check what the file brings, then import it.")
            if plan.accepted
            else self.tr("This file cannot be imported. Nothing has been written.")
        )
        heading.setWordWrap(True)
        self.report = QPlainTextEdit("\n".join(translated(message) for message in plan.messages()))
        self.report.setReadOnly(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        if plan.accepted and (plan.figures or plan.new_sources):
            self.import_button = self.buttons.addButton(self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.report, 1)
        layout.addWidget(self.buttons)


class BatchesDialog(QDialog):
    """Every import with its file, time and rows; Remove takes the selected one out completely."""

    COLUMNS = ("#", "File", "Imported (UTC)", "Encoding", "Figures")
    tr = Texts()

    def __init__(self, batches: list[BatchInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Imported batches"))
        self.resize(720, 360)
        self.table = QTableWidget(len(batches), len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels(
            [self.tr("#"), self.tr("File"), self.tr("Imported (UTC)"), self.tr("Encoding"), self.tr("Figures")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        for row, batch in enumerate(batches):
            cells = (batch.id, batch.file_name, batch.imported_at, batch.encoding, batch.row_count)
            for column, value in enumerate(cells):
                item = QTableWidgetItem(str(value))
                item.setData(BATCH_ROLE, batch.id)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        empty = QLabel(self.tr("No figures have been imported yet (File → Import figures from CSV…)."))
        empty.setVisible(not batches)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.remove_button = self.buttons.addButton(
            self.tr("&Remove batch"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.remove_button.setEnabled(False)
        self.table.itemSelectionChanged.connect(
            lambda: self.remove_button.setEnabled(bool(self.table.selectionModel().selectedRows()))
        )
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(empty)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)

    def selected_batch(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        batch_id: int = rows[0].data(BATCH_ROLE)
        return batch_id
