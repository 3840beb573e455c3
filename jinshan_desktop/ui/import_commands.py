"""File → Import figures and File → Imported batches: check, preview, apply or remove, then show the result."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from jinshan_desktop.data.formatting import format_count
from jinshan_desktop.ui.background import run_with_progress
from jinshan_desktop.ui.translate import Texts

# The importer and its dialogs are imported when a command runs: the window paints without them.
if TYPE_CHECKING:
    from jinshan_desktop.ui.import_dialogs import BatchesDialog
    from jinshan_desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)


class ImportCommands(QObject):
    tr = Texts()

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def _say(self, message: str) -> None:
        self.window.statusBar().showMessage(message)

    def import_figures(self) -> None:
        from jinshan_desktop.data import importing
        from jinshan_desktop.data.importing import team
        from jinshan_desktop.ui.import_dialogs import ImportPreviewDialog

        window = self.window
        name, _ = QFileDialog.getOpenFileName(
            window,
            self.tr("Import figures from CSV"),
            window.exports.last_folder(),
            self.tr("CSV files (*.csv)"),
        )
        if not name:
            return
        path, book = Path(name), window.book
        try:  # a cancel while checking or while writing leaves nothing imported
            checking = self.tr("Checking %1…").arg(path.name)
            lines = importing.lines_in_file(path)
            plan = run_with_progress(window, checking, lines, lambda p: importing.plan_import(book, path, p))
            if ImportPreviewDialog(plan, window).exec() != QDialog.DialogCode.Accepted:
                return
            count = format_count(len(plan.figures), window.language)
            writing = self.tr("Importing %1 figures…").arg(count)
            # Into the team database when the window reads one, else into the per-user database.
            batch = run_with_progress(window, writing, len(plan.figures), lambda p: team.import_into(book, plan, p))
        except importing.ImportCancelled:
            self._say(self.tr("Import cancelled; nothing was imported."))
            return
        except importing.StoreWriteError as error:
            log.warning("import failed: %s", error)
            QMessageBox.warning(window, self.tr("Import failed"), str(error))
            return
        window.refresh()
        self._say(self.tr("Imported %1 figures as batch %2").arg(count, batch))

    def show_batches(self) -> None:
        from jinshan_desktop.data.importing import team
        from jinshan_desktop.ui.import_dialogs import BatchesDialog

        dialog = BatchesDialog(team.batches_of(self.window.book), self.window)
        dialog.remove_button.clicked.connect(lambda: self._remove_batch(dialog))
        dialog.exec()

    def _remove_batch(self, dialog: BatchesDialog) -> None:
        from jinshan_desktop.data import importing
        from jinshan_desktop.data.importing import team

        batch = dialog.selected_batch()
        if batch is None:
            return
        answer = QMessageBox.question(
            dialog,
            self.tr("Remove batch"),
            self.tr("Remove import batch %1 and every figure it added?").arg(batch),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            removed = team.remove_from(self.window.book, batch)
        except importing.StoreWriteError as error:
            QMessageBox.warning(dialog, self.tr("Remove failed"), str(error))
            return
        dialog.accept()
        self.window.refresh()
        self._say(self.tr("Removed batch %1 (%n figures)", None, removed).arg(batch))
