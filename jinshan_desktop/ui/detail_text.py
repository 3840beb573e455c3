"""HTML for the detail pane: the full citation and reading of one figure, fact or entity.

Secondary text is marked class='muted'; the pane (ui/detail_browser.py) colours it from the palette."""

from __future__ import annotations

from html import escape

from jinshan_desktop.data.code_words import FACT_KINDS, NAME_KINDS, SOURCE_LANGUAGES, word
from jinshan_desktop.data.messages import QT_TRANSLATE_NOOP
from jinshan_desktop.data.queries import EntityRow, FactRow, ObservationRow
from jinshan_desktop.ui.translate import Texts

DetailPane = Texts("DetailPane")

PERIOD_KIND_WORDS = {
    "year": QT_TRANSLATE_NOOP("DetailPane", "a calendar year"),
    "year_stated": QT_TRANSLATE_NOOP("DetailPane", "the current year as stated during it (a plan or expected figure)"),
    "as_of": QT_TRANSLATE_NOOP("DetailPane", "a count or total at a date"),
    "span": QT_TRANSLATE_NOOP("DetailPane", "a span of time"),
    "stage": QT_TRANSLATE_NOOP("DetailPane", "stages of a project"),
    "per_year": QT_TRANSLATE_NOOP("DetailPane", "a yearly rate not tied to one year"),
    "part_year": QT_TRANSLATE_NOOP("DetailPane", "part of a year"),
    "holiday": QT_TRANSLATE_NOOP("DetailPane", "a public holiday period"),
    "day": QT_TRANSLATE_NOOP("DetailPane", "a single day"),
    "unstated": QT_TRANSLATE_NOOP("DetailPane", "no period stated by the source"),
}
QUALIFIER_WORDS = {
    "approximately": QT_TRANSLATE_NOOP("DetailPane", "approximately (the source says about)"),
    "nearly": QT_TRANSLATE_NOOP("DetailPane", "nearly (just under; the source says nearly)"),
    "more_than": QT_TRANSLATE_NOOP("DetailPane", "more than (the source says more than or over)"),
    "up_to": QT_TRANSLATE_NOOP("DetailPane", "up to (a maximum)"),
    None: QT_TRANSLATE_NOOP("DetailPane", "as published, without qualifier"),
}


def _line(label: str, value: str | None) -> str:
    return (
        f"<tr><td class='muted' style='padding-right:10px'>{escape(label)}</td><td>{value}</td></tr>" if value else ""
    )


def _citation_lines(title: str, publisher: str, published: str | None, locator: str, address: str | None) -> str:
    """Document, publisher, date, place in it and address: in the reader's language where the source has one."""
    return (
        _line(DetailPane.tr("Document"), escape(title))
        + _line(DetailPane.tr("Publisher"), escape(publisher))
        + _line(
            DetailPane.tr("Published"),
            escape(published or DetailPane.tr("date not given")),
        )
        + _line(DetailPane.tr("Where"), escape(locator))
        + _line(DetailPane.tr("Address"), escape(address) if address else None)
    )


def _as_written(row: ObservationRow, language: str) -> str | None:
    """The figure as the source writes it, in the source's own language and marked as such."""
    if not row.as_written:
        return None
    label = DetailPane.tr("as written in %1").arg(word(SOURCE_LANGUAGES, row.source_language, language)
    )
    marked = f"({escape(label)})" if language == "en" else f"（{escape(label)}）"  # full-width in Chinese
    return f"<span lang='{row.source_language}'>{escape(row.as_written)}</span> <small>{marked}</small>"


def observation_html(row: ObservationRow, entity: EntityRow | None = None, language: str = "en") -> str:
    parts = [
        f"<h3>{escape(row.indicator)}</h3>",
        f"<p style='font-size:15pt'><b>{escape(row.value_text)}</b> &nbsp; {escape(row.period_label)}</p>",
        f"<p>{escape(row.indicator_description)}</p><table>" if row.indicator_description else "<table>",
        _line(DetailPane.tr("Theme"), escape(f"{row.theme} › {row.topic}")),
        _line(
            DetailPane.tr("Period"),
            escape(f"{row.period_label} — {DetailPane.tr(PERIOD_KIND_WORDS[row.period_kind])}"),
        ),
        _line(DetailPane.tr("Qualifier"), escape(DetailPane.tr(QUALIFIER_WORDS[row.qualifier]))),
        _line(DetailPane.tr("As written"), _as_written(row, language)),
    ]
    if row.derived:
        inputs = "<br>".join(escape(f"{item.indicator}, {item.period}: {item.value_text}") for item in row.inputs)
        parts += [
            _line(
                DetailPane.tr("Status"),
                DetailPane.tr("derived — computed from published figures, not published itself"),
            ),
            _line(DetailPane.tr("Formula"), escape(row.readable_formula or "")),
            _line(DetailPane.tr("Inputs"), inputs),
            _line(
                DetailPane.tr("Precision"),
                escape(DetailPane.tr("known to the nearest %1 only: its inputs are rounded").arg(f"{row.precision:g}"))
                if row.precision
                else None,
            ),
        ]
    elif row.planned:
        parts.append(_line(DetailPane.tr("Status"), DetailPane.tr("planned or expected — not an outcome")))
    elif row.batch_id is not None:
        parts.append(
            _line(
                DetailPane.tr("Status"),
                DetailPane.tr("added by you in import batch %1").arg(str(row.batch_id)),
            )
        )
    elif row.provisional:
        parts.append(
            _line(DetailPane.tr("Status"), DetailPane.tr("provisional — may be revised"))
        )
    parts.append(_line(DetailPane.tr("Note"), escape(row.note) if row.note else None))
    parts.append(_line(DetailPane.tr("Citation"), f"<b>{escape(row.citation)}</b>"))
    where = row.locator_text or row.locator
    parts.append(
        _citation_lines(row.source_title, row.source_publisher, row.source_published, where, row.source_address)
    )
    parts.append("</table>")
    if entity is not None:
        parts.append(entity_summary_html(entity, language))
    return "".join(parts)


def _name_kind(entity: EntityRow, language: str) -> str:
    """ "official name (checked against …)", "descriptive label": said of every entity's Chinese name."""
    if entity.name_kind is None:
        return ""
    kind = word(NAME_KINDS, entity.name_kind, language)
    if entity.name_kind == "official" and entity.name_source:
        kind += DetailPane.tr(" (checked against %1)").arg(entity.name_source)
    return f"<br><small class='muted'>{escape(kind)}</small>"


def entity_summary_html(entity: EntityRow, language: str = "en") -> str:
    english = language == "en"
    name = escape(entity.name) + (f" ({escape(entity.name_zh)})" if entity.name_zh and english else "")
    separator = " — " if english else "："
    description = f"{separator}{escape(entity.description)}{'.' if english else '。'}"
    return (
        f"<p><b>{name}</b>{description} "
        + escape(
            DetailPane.tr("%1 figures and %2 facts; type its name in the filter box to see them together.").arg(
                len(entity.observation_ids), len(entity.fact_ids)
            )
        )
        + _name_kind(entity, language)
        + "</p>"
    )


def fact_html(
    fact: FactRow, title: str, publisher: str, published: str | None, address: str | None, language: str = "en"
) -> str:
    return "".join(
        [
            f"<h3>{escape(fact.topic)}</h3><p style='font-size:12pt'>{escape(fact.statement)}</p><table>",
            _line(DetailPane.tr("Kind"), escape(word(FACT_KINDS, fact.kind, language))),
            _line(DetailPane.tr("About"), escape(fact.entity) if fact.entity else None),
            _line(DetailPane.tr("Citation"), f"<b>{escape(fact.citation)}</b>"),
            _citation_lines(title, publisher, published, fact.locator_text or fact.locator, address),
            "</table>",
        ]
    )
