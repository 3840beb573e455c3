"""ONE view for every theme: topics, a filterable sortable table, the chart, facts and a detail pane."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from jinshan_desktop.data.formatting import format_count
from jinshan_desktop.data.queries import MAX_PATTERN_CHARACTERS, FactBook, PatternTooLong, ThemeInfo
from jinshan_desktop.ui.citing import CiteBar
from jinshan_desktop.ui.column_widths import minimum_table_width, plan_columns, spread_columns
from jinshan_desktop.ui.detail_browser import DetailBrowser
from jinshan_desktop.ui.detail_text import fact_html, observation_html
from jinshan_desktop.ui.fact_list import fact_item, make_fact_list
from jinshan_desktop.ui.height_sharing import HeightSharing
from jinshan_desktop.ui.reader import Reader
from jinshan_desktop.ui.reveal import reveal_row
from jinshan_desktop.ui.short_citation import short_citation
from jinshan_desktop.ui.table_model import ROW_ROLE, ObservationTableModel
from jinshan_desktop.ui.translate import Texts
from jinshan_desktop.ui.trend_chart import FACT_NO_CHART, TrendChart

FACT_ROLE = Qt.ItemDataRole.UserRole
FILTER_DELAY_MS = 150  # the table is filtered once typing pauses, as Find searches


class FigureTable(QTableView):
    """The figures, sortable, whole rows selected; Ctrl+End goes to the last figure, not the last fetched."""

    def __init__(self, model: ObservationTableModel) -> None:
        super().__init__()
        self.setModel(model)
        # Reading order at first; the indicator is set before sorting is switched on, which sorts by it.
        self.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.setSortingEnabled(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        # By pixel, as Qt's item views scroll elsewhere: a figure reached by a link can sit in the very middle.
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        # The topic buttons and the detail pane name the topic; the column stays in copies and the model.
        self.setColumnHidden(ObservationTableModel.COL_TOPIC, True)
        self.fit_columns()

    def fit_columns(self) -> None:
        """Widths from the first rows and the font (again once the first count has brought them)."""
        self.column_plan = plan_columns(self)
        self.setMinimumWidth(minimum_table_width(self, self.column_plan))
        spread_columns(self, self.column_plan)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)  # the viewport's resizes arrive here too
        spread_columns(self, self.column_plan)

    def moveCursor(self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier) -> QModelIndex:
        model = self.model()
        end = action == QAbstractItemView.CursorAction.MoveEnd
        if end and isinstance(model, ObservationTableModel):
            model.ensure_counted()
        if end and isinstance(model, ObservationTableModel) and model.rowCount() < model.match_count:
            model.fetch_to(model.match_count - 1)
            self.doItemsLayout()  # the scroll range must know the new rows before Qt scrolls to the last
        return super().moveCursor(action, modifiers)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Ctrl+End reaches the last figure as every other way of reaching one does: selected, in the middle."""
        model = self.model()
        if event.matches(QKeySequence.StandardKey.MoveToEndOfDocument) and isinstance(model, ObservationTableModel):
            model.ensure_counted()
            if model.match_count:
                model.fetch_to(model.match_count - 1)
                reveal_row(self, model.match_count - 1)
            event.accept()
            return
        super().keyPressEvent(event)


class ThemeView(QWidget):
    """Given a theme, shows its figures and facts; the main window makes one per theme."""

    observation_selected = Signal(str)
    tr = Texts()

    def __init__(
        self, book: FactBook, theme: ThemeInfo, parent: QWidget | None = None, *, count_now: bool = False
    ) -> None:
        """count_now: count the theme before returning (the tab shown at start, so that a database too damaged
        to show it fails before the window opens); every other count runs on the view's reader."""
        super().__init__(parent)
        self.book = book
        self.theme = theme
        self._sources = {source.id: source for source in book.sources(counted=False)}
        self._entities = {entity.id: entity for entity in book.entities(theme.id)}
        self._facts = book.facts(theme.id)

        self.reader = Reader(self)  # the count and the chart: their queries can outlast a frame
        self.model = ObservationTableModel(book, theme.id, self, self.reader, count_now=count_now)
        self.model.counted.connect(self._update_count)
        self.topic_buttons = QButtonGroup(self)
        topic_bar = self._topic_bar(theme)
        self.topic_buttons.idClicked.connect(self._topic_chosen)

        self.filter_box = QLineEdit()
        self.filter_box.setPlaceholderText(self.tr("Filter figures: type a word, a name, a year…"))
        self.filter_box.setClearButtonEnabled(True)
        self._filter_timer = QTimer(self, singleShot=True, interval=FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self._apply_filter)
        self.filter_box.textChanged.connect(self._filter_timer.start)

        self.table = FigureTable(self.model)
        self._columns_fitted = self.model.rowCount() > 0
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)

        self.count_label = QLabel()
        self.facts_list = make_fact_list()
        self.facts_list.currentItemChanged.connect(self._fact_changed)
        self._fill_facts()

        self.chart = TrendChart()
        self.detail = DetailBrowser()
        self.detail.setPlaceholderText(self.tr("Select a figure or a fact to see where it comes from."))
        self._lay_out(topic_bar)
        self._update_count()

    def _topic_bar(self, theme: ThemeInfo) -> QHBoxLayout:
        bar = QHBoxLayout()
        bar.setSpacing(4)
        topics = [(None, self.tr("All topics"))] + [(topic.id, topic.name) for topic in theme.topics]
        for position, (topic_id, name) in enumerate(topics):
            button = QPushButton(name)
            button.setCheckable(True)
            button.setProperty("topic_id", topic_id)
            button.setChecked(position == 0)
            self.topic_buttons.addButton(button, position)
            bar.addWidget(button)
        bar.addStretch(1)
        return bar

    def _lay_out(self, topic_bar: QHBoxLayout) -> None:
        """Topics, filter, table over facts and the count on the left; chart over detail on the right."""
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(topic_bar)
        left_layout.addWidget(self.filter_box)
        table_and_facts = QSplitter(Qt.Orientation.Vertical)
        table_and_facts.addWidget(self.table)
        facts_panel = QWidget()
        facts_layout = QVBoxLayout(facts_panel)
        facts_layout.setContentsMargins(0, 0, 0, 0)
        self.facts_heading = QLabel(self.tr("Facts without a number"))
        self.facts_heading.setStyleSheet("font-weight: bold")
        facts_layout.addWidget(self.facts_heading)
        facts_layout.addWidget(self.facts_list)
        table_and_facts.addWidget(facts_panel)
        table_and_facts.setSizes([420, 180])
        self.height_sharing = HeightSharing(table_and_facts, self.table, facts_panel, self.facts_list)
        left_layout.addWidget(table_and_facts, 1)
        left_layout.addWidget(self.count_label)

        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.chart)
        self.cite_bar = CiteBar(self)  # the detail pane under its Cite button
        right.addWidget(self.cite_bar)
        right.setSizes([420, 230])

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([860, 440])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(splitter)

    # What other parts of the window ask of a view

    def row_count(self) -> int:
        """Figures matching the topic and filter, fetched into the table or not."""
        return self.model.match_count

    def select_observation(self, observation_id: str) -> bool:
        self._reset_filters()
        self.model.ensure_counted()
        row = self.model.row_of(observation_id)
        if row is None or row >= self.model.match_count or self.model.row_at(row).id != observation_id:
            return False
        self.model.fetch_to(row)
        self.select_observation_at(row)
        self.table.setFocus()
        return True

    def select_fact(self, fact_id: str) -> bool:
        self._reset_filters()
        for row in range(self.facts_list.count()):
            item = self.facts_list.item(row)
            if item.data(FACT_ROLE) == fact_id:
                self.facts_list.setCurrentItem(item)
                self.facts_list.scrollToItem(item)
                return True
        return False

    def show_entity(self, entity_id: str) -> None:
        """Filter the table to the entity's figures and select the first."""
        self._reset_filters()
        self.set_filter(self._entities[entity_id].name)
        self.model.ensure_counted()
        if self.model.rowCount():
            self.select_observation_at(0)

    def select_observation_at(self, row: int) -> None:
        reveal_row(self.table, row)

    # Reactions

    def set_filter(self, text: str) -> None:
        """Filter at once, without waiting for typing to pause (a search result, a rebuilt window)."""
        self.filter_box.setText(text)
        self._apply_filter()

    def _reset_filters(self) -> None:
        self.set_filter("")
        first = self.topic_buttons.button(0)
        if not first.isChecked():
            first.setChecked(True)
            self._topic_chosen(0)

    def _topic_chosen(self, button_id: int) -> None:
        topic_id = self.topic_buttons.button(button_id).property("topic_id")
        self.model.set_topic(topic_id)
        self._fill_facts(topic_id)
        self._update_count()

    def apply_pending_filter(self) -> None:
        """What was typed counts now, before a command acts on the table (an export right after typing)."""
        if self._filter_timer.isActive():
            self._apply_filter()

    def _apply_filter(self) -> None:
        self._filter_timer.stop()
        if len(self.filter_box.text().strip()) > MAX_PATTERN_CHARACTERS:  # refused before any query is sent
            self.count_label.setText(self.tr("A filter is at most %1 characters long.").arg(MAX_PATTERN_CHARACTERS))
            return
        if self.filter_box.text() != self.model.query.text:
            try:
                self.model.set_text(self.filter_box.text())
            except PatternTooLong:
                self.count_label.setText(
                    self.tr("A filter is at most %1 characters long.").arg(MAX_PATTERN_CHARACTERS)
                )
                return
            self._update_count()

    def _update_count(self) -> None:
        model = self.model
        self.height_sharing.content_changed()
        if not self._columns_fitted and model.rowCount():
            self._columns_fitted = True
            self.table.fit_columns()
        if not model.count_known or model.theme_total is None:
            self.count_label.setText(self.tr("Counting figures…"))
            return
        self.count_label.setText(
            self.tr("%1 of %2 figures shown").arg(
                format_count(model.match_count, self.book.language), format_count(model.theme_total, self.book.language)
            )
        )

    def _fill_facts(self, topic_id: str | None = None) -> None:
        self.facts_list.clear()
        for fact in self._facts:
            if topic_id is None or fact.topic_id == topic_id:
                source = self._sources[fact.source_id]
                citation = short_citation(
                    fact.citation_label, source.publisher, source.published, fact.locator, fact.locator_text
                )
                item = fact_item(fact.statement, citation)
                item.setData(FACT_ROLE, fact.id)
                self.facts_list.addItem(item)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        row = current.data(ROW_ROLE)
        book, observation_id = self.book, row.id
        self.reader.submit("chart", lambda: book.chart_for(observation_id), self.chart.show_chart)
        entity = self._entities.get(row.entity_id) if row.entity_id else None
        self.detail.setHtml(observation_html(row, entity, self.book.language))
        self.observation_selected.emit(row.id)

    def _fact_changed(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if current is None:
            return
        fact = next(f for f in self._facts if f.id == current.data(FACT_ROLE))
        self.chart.show_message(self.chart.tr_text(FACT_NO_CHART))
        source = self._sources[fact.source_id]
        self.detail.setHtml(
            fact_html(fact, source.title, source.publisher, source.published, source.address, self.book.language)
        )
