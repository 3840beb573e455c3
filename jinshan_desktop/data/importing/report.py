"""What a check of an import file says: its problems by line, the figures it would add, and the plan."""

from __future__ import annotations

from dataclasses import dataclass, field

from jinshan_desktop.data import schema
from jinshan_desktop.data.importing.staging import PlannedFigureView, StagedFigures, Staging
from jinshan_desktop.data.messages import QT_TRANSLATE_NOOP, Message
from jinshan_desktop.data.progress import Cancelled


class ImportCancelled(Cancelled):
    """The reader cancelled a check or an import; nothing was written."""


def cancelled(action: str) -> ImportCancelled:
    return ImportCancelled(f"The import was cancelled while {action}; nothing was imported.")


class StoreWriteError(RuntimeError):
    """The per-user database could not be written; nothing of the batch was kept. A sentence for the reader."""


@dataclass(frozen=True, slots=True)
class Problem:
    line: int  # 0: the file as a whole
    reason: Message

    def message(self) -> Message:
        if not self.line:
            return self.reason
        prefix = QT_TRANSLATE_NOOP("ImportReport", "line {line}: ")
        return Message(self.reason.template, {"line": self.line, **self.reason.values}, prefix)

    def __str__(self) -> str:
        return str(self.message())


PlannedFigure = PlannedFigureView


@dataclass(slots=True)
class NewIndicator:
    """An indicator an import adds, with the indicators table's columns: a plain record, as a file may add
    thousands and an ORM object costs a hundred microseconds to make."""

    id: str
    topic_id: str
    name_en: str
    name_zh_hans: str | None
    name_zh_hant: str | None
    unit_id: str
    compare_group: str | None
    entity_id: str | None
    description_en: str
    batch_id: int | None
    measure: str


@dataclass(slots=True)
class ImportPlan:
    file_name: str
    encoding: str = ""
    problems: list[Problem] = field(default_factory=list)
    figures: StagedFigures = field(default_factory=lambda: StagedFigures(None))  # read from the staging file
    new_indicators: list[NewIndicator] = field(default_factory=list)
    new_sources: list[schema.Source] = field(default_factory=list)
    conflicts: list[Message] = field(default_factory=list)  # same indicator, period and source, another value
    already_present: int = 0
    staging: Staging | None = None  # the checked rows (see staging.py)
    next_position: int = 0  # where the first new figure goes in the fact book's order

    @property
    def accepted(self) -> bool:
        return not self.problems

    def messages(self) -> list[Message]:
        """The preview, one sentence a line, for the views to translate."""
        if self.problems:
            refused = QT_TRANSLATE_NOOP("ImportReport", "The file is refused: {count} problem(s); nothing is imported.")
            return [Message(refused, {"count": len(self.problems)})] + [p.message() for p in self.problems[:200]]
        lines = [
            Message(
                QT_TRANSLATE_NOOP("ImportReport", "Read {file} as {encoding}."),
                {"file": self.file_name, "encoding": self.encoding},
            ),
            Message(
                QT_TRANSLATE_NOOP("ImportReport", "{count} figure(s) to add; {present} already in the fact book."),
                {"count": len(self.figures), "present": self.already_present},
            ),
        ]
        new_indicator = QT_TRANSLATE_NOOP("ImportReport", "New indicator: {name}")
        new_source = QT_TRANSLATE_NOOP("ImportReport", "New source: {name}")
        lines += [Message(new_indicator, {"name": indicator.name_en}) for indicator in self.new_indicators]
        lines += [Message(new_source, {"name": source.id}) for source in self.new_sources]
        lines += self.conflicts
        return lines

    def summary(self) -> list[str]:
        """The preview in English, as the command line prints it."""
        return [str(message) for message in self.messages()]
