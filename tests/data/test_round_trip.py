"""An export in any language and encoding imports back to the same figures."""

from __future__ import annotations

import shutil
import tempfile
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from jinshan_desktop.data.exporting import ENCODINGS, export_all
from jinshan_desktop.data.importing import apply_import, plan_import
from jinshan_desktop.data.languages import LANGUAGES
from jinshan_desktop.data.queries import FactBook, open_fact_book

UNITS = ["persons", "people", "visitors", "admissions", "companies", "enterprises", "yuan", "percent", "mu"]
NAMES = st.text(st.characters(categories=("L", "N", "Zs"), exclude_characters="\x85"), min_size=1, max_size=12)
FIGURES = st.lists(
    st.tuples(
        st.sampled_from(UNITS),
        st.decimals(min_value=-(10**9), max_value=10**9, places=2, allow_nan=False, allow_infinity=False),
        st.sampled_from(["approximately", "more_than", ""]),
        st.booleans(),
    ),
    min_size=1,
    max_size=6,
)


def _figures(book: FactBook) -> set[tuple]:
    return {
        (
            r.id,
            r.indicator_id,
            r.period_label,
            r.value,
            r.decimals,
            r.unit_id,
            r.qualifier,
            r.provisional,
            r.source_id,
            r.locator,
        )
        for r in book.observations()
    }


@settings(
    max_examples=18, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(
    figures=FIGURES,
    name=NAMES,
    language=st.sampled_from(list(LANGUAGES)),
    encoding=st.sampled_from(list(ENCODINGS)),
)
@example(  # an English export in GB18030 holds only symbols (¶ ≈ ²): it must still be read as GB18030
    figures=[("persons", Decimal("0.00"), "approximately", False)], name="0", language="en", encoding="gb18030"
)
def test_an_export_in_any_language_and_encoding_imports_back_the_same(
    built_database: Path, figures, name: str, language: str, encoding: str
) -> None:
    folder = Path(tempfile.mkdtemp(prefix="round-trip-"))
    try:
        rows = ["theme,topic,indicator,period,value,unit,unit_id,qualifier,provisional,source,locator"]
        for n, (unit, value, qualifier, provisional) in enumerate(figures):
            rows.append(
                f'Public services,Livelihood spending,"{name.strip() or "x"} {unit}",{2000 + n},{value},{unit},{unit},'
                f"{qualifier},{'yes' if provisional else 'no'},rt-src,p{n}"
            )
        source = folder / "mine.csv"
        source.write_text("\n".join(rows) + "\n", encoding="utf-8")
        first_store = folder / "first.sqlite"
        with open_fact_book(built_database, user_store=first_store) as book:
            plan = plan_import(book, source)
            assert plan.accepted, plan.summary()
            apply_import(plan, first_store)
            expected = _figures(book)
            export_all(book.with_language(language), folder / "export", encoding)
        second_store = folder / "second.sqlite"
        with open_fact_book(built_database, user_store=second_store) as book:
            again = plan_import(book, folder / "export" / "observations.csv")
            assert again.accepted and not again.conflicts, again.summary()
            apply_import(again, second_store)
            assert _figures(book) == expected
    finally:
        shutil.rmtree(folder, ignore_errors=True)
