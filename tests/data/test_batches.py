"""Batches share indicators and sources: removing any batch in any order never changes another batch's figures."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, consumes, invariant, rule

from jinshan_desktop.data.importing import apply_import, list_batches, plan_import, remove_batch
from jinshan_desktop.data.queries import open_fact_book
from tests.conftest import DB_SOURCE

INDICATORS = ("Shared output", "Other output", "Third output")
SOURCES = ("src-a", "src-b")
Figure = tuple[str, str, str, float]  # indicator, period, source, value


def _csv(figures: list[Figure]) -> str:
    lines = ["theme,topic,indicator,period,period_kind,value,unit,source,locator"]
    lines += [f"Manufacturing,Industrial transformation,{i},{p},day,{v},yuan,{s},p1" for i, p, s, v in figures]
    return "\n".join(lines) + "\n"


_BUILT: dict[str, Path] = {}


def _bundled() -> Path:
    if "db" not in _BUILT:
        from jinshan_desktop.data.build import build_database

        path = Path(tempfile.mkdtemp(prefix="batches-db-")) / "jinshan.sqlite"
        build_database(DB_SOURCE, path)
        _BUILT["db"] = path
    return _BUILT["db"]


class Batches(RuleBasedStateMachine):
    """Random imports (reusing each other's indicators and sources) and removals, against a model."""

    batches = Bundle("batches")

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="batches-"))
        self.store = self.folder / "imported.sqlite"
        self.model: dict[int, set[Figure]] = {}
        self.imports = 0

    def teardown(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)

    def _shown(self) -> set[Figure]:
        with open_fact_book(_bundled(), user_store=self.store) as book:
            return {
                (row.indicator, row.period_label, row.source_id, row.value)
                for row in book.observations()
                if row.batch_id is not None
            }

    @rule(
        target=batches,
        picks=st.lists(st.tuples(st.sampled_from(INDICATORS), st.sampled_from(SOURCES)), min_size=1, max_size=4),
    )
    def import_batch(self, picks: list[tuple[str, str]]) -> int:
        self.imports += 1
        figures = [(name, f"day {self.imports}-{n}", source, float(n + 1)) for n, (name, source) in enumerate(picks)]
        path = self.folder / f"batch{self.imports}.csv"
        path.write_text(_csv(figures), encoding="utf-8")
        with open_fact_book(_bundled(), user_store=self.store) as book:
            plan = plan_import(book, path)
            assert plan.accepted and len(plan.figures) == len(figures), plan.summary()
            batch = apply_import(plan, self.store)
        self.model[batch] = set(figures)
        return batch

    @rule(batch=consumes(batches))
    def remove(self, batch: int) -> None:
        assert remove_batch(self.store, batch) == len(self.model.pop(batch))

    @rule(batch=batches)
    def reimport_says_already_present(self, batch: int) -> None:
        path = self.folder / "again.csv"
        path.write_text(_csv(sorted(self.model[batch])), encoding="utf-8")
        with open_fact_book(_bundled(), user_store=self.store) as book:
            plan = plan_import(book, path)
        assert plan.accepted and not plan.figures and plan.already_present == len(self.model[batch])

    @invariant()
    def every_remaining_figure_is_shown_and_counted(self) -> None:
        expected = set().union(*self.model.values()) if self.model else set()
        assert self._shown() == expected
        assert {b.id: b.row_count for b in list_batches(self.store)} == {b: len(f) for b, f in self.model.items()}


Batches.TestCase.settings = settings(max_examples=15, stateful_step_count=8, deadline=None)
test_batches_in_any_order = Batches.TestCase


def test_removing_the_batch_that_added_a_shared_indicator_keeps_the_later_batch(database: Path, tmp_path: Path):
    store = tmp_path / "imported.sqlite"
    first, second = tmp_path / "1.csv", tmp_path / "2.csv"
    first.write_text(_csv([("Shared output", "day 1", "src-a", 1.0)]), encoding="utf-8")
    second.write_text(_csv([("Shared output", "day 2", "src-a", 2.0)]), encoding="utf-8")
    with open_fact_book(database, user_store=store) as book:
        one = apply_import(plan_import(book, first), store)
        apply_import(plan_import(book, second), store)
        remove_batch(store, one)
        assert [(r.indicator, r.value) for r in book.observations() if r.batch_id is not None] == [
            ("Shared output", 2.0)
        ]
        assert "src-a" in {source.id for source in book.sources()}
        again = plan_import(book, second)
        assert again.already_present == 1 and not again.figures
