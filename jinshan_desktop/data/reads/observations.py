"""Figures as ObservationRow: the one select that joins a figure to its names, unit and source."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, select

from jinshan_desktop.data import tables
from jinshan_desktop.data.derivation import formula_inputs
from jinshan_desktop.data.formatting import UnitInfo, format_value
from jinshan_desktop.data.languages import is_chinese, pick
from jinshan_desktop.data.reads.context import ReadContext, Record
from jinshan_desktop.data.rows import DerivationInput, ObservationRow

# The tables a figure is read with, in the order observation_select selects them and observation_row takes them.
OBSERVATION_PARTS = (
    tables.observations,
    tables.topics,
    tables.indicators,
    tables.units,
    tables.themes,
    tables.sources,
    tables.entities,  # these four through outer joins: a record or None
    tables.source_texts,
    tables.indicator_texts,
    tables.observation_notes,
)


def observation_select() -> Select[Any]:
    """Every figure with what it is shown with, in reading order (theme, topic, file order)."""
    o, i, t = tables.observations.c, tables.indicators.c, tables.topics.c
    return (
        select(*OBSERVATION_PARTS)
        .join(tables.indicators, o.indicator_id == i.id)
        .join(tables.topics, i.topic_id == t.id)
        .join(tables.themes, t.theme_id == tables.themes.c.id)
        .join(tables.units, i.unit_id == tables.units.c.id)
        .join(tables.sources, o.source_id == tables.sources.c.id)
        .outerjoin(tables.entities, i.entity_id == tables.entities.c.id)
        .outerjoin(tables.source_texts, o.source_id == tables.source_texts.c.source_id)
        .outerjoin(tables.indicator_texts, o.indicator_id == tables.indicator_texts.c.indicator_id)
        .outerjoin(tables.observation_notes, o.id == tables.observation_notes.c.observation_id)
        .order_by(tables.themes.c.position, t.position, o.position)
    )


def observations(
    context: ReadContext,
    theme_id: str | None = None,
    *,
    ids: list[str] | None = None,
    indicator_id: str | None = None,
) -> list[ObservationRow]:
    """Figures in reading order, filtered by theme, ids (then in the order of ids) or indicator."""
    statement = observation_select()
    if theme_id is not None:
        statement = statement.where(tables.topics.c.theme_id == theme_id)
    if indicator_id is not None:
        statement = statement.where(tables.observations.c.indicator_id == indicator_id)
    if ids is not None:
        statement = statement.where(tables.observations.c.id.in_(ids))
    rows = context.records(statement)
    inputs = _derivation_inputs(context, [str(row[0].formula) for row in rows if row[0].formula])
    result = [observation_row(context, row, inputs) for row in rows]
    if ids is not None:
        order = {obs_id: position for position, obs_id in enumerate(ids)}
        result.sort(key=lambda row: order[row.id])
    return result


def headlines(context: ReadContext) -> list[ObservationRow]:
    statement = observation_select().where(tables.observations.c.headline.is_(True))
    return [observation_row(context, row, {}) for row in context.records(statement)]


def _derivation_inputs(context: ReadContext, formulas: list[str]) -> dict[str, DerivationInput]:
    wanted = sorted({ref for formula in formulas for ref in formula_inputs(formula)})
    if not wanted:
        return {}
    rows = context.records(observation_select().where(tables.observations.c.id.in_(wanted)))
    return {
        row.id: DerivationInput(row.id, row.indicator, row.period_label, row.value_text)
        for row in (observation_row(context, r, {}) for r in rows)
    }


def observation_row(
    context: ReadContext, row: tuple[Record, ...], inputs: dict[str, DerivationInput]
) -> ObservationRow:
    o, t, i, u, th, s, e, texts, described, noted = row
    unit = UnitInfo(u.id, context.name(u), u.dimension, u.scale)
    language = context.language
    title, publisher, label = context.source_texts(s, texts)
    return ObservationRow(
        id=o.id,
        theme_id=th.id,
        theme=context.name(th),
        topic_id=t.id,
        topic=context.name(t),
        indicator_id=i.id,
        indicator=context.name(i),
        indicator_description=_description(language, i, described),
        entity_id=e.id if e else None,
        entity=context.name(e) if e else None,
        period_label=pick(language, o.period_label, o.period_label_zh_hans, o.period_label_zh_hant),
        period_kind=o.period_kind,
        period_year=o.period_year,
        value=o.value,
        decimals=o.decimals,
        unit_id=u.id,
        unit=unit.name,
        qualifier=o.qualifier,
        provisional=o.provisional,
        derived=o.derived,
        formula=o.formula,
        inputs=tuple(inputs[ref] for ref in formula_inputs(o.formula) if ref in inputs) if o.formula else (),
        as_written=o.as_written,
        source_id=s.id,
        source_title=title,
        source_publisher=publisher,
        source_published=s.published,
        source_address=s.address,
        locator=o.locator,
        headline=o.headline,
        note=_note(language, o, noted),
        value_text=format_value(o.value, o.decimals, unit, o.qualifier, language, o.precision),
        batch_id=o.batch_id,
        citation_label=context.citation(label, o.locator),
        source_language=texts.source_language if texts else "en",
        locator_text=context.locator_text(o.locator),
        dimension=u.dimension,
        value_base=o.value_base,
        measure=i.measure,
        planned=o.planned,
        part_of=o.part_of,
        precision=o.precision,
    )


def _description(language: str, indicator: Record, described: Record | None) -> str:
    """In the reader's language; empty for a Chinese reader of an indicator described only in English (an
    imported one), so that no English shows in a Chinese window."""
    if described is not None:
        return pick(language, indicator.description_en, described.description_zh_hans, described.description_zh_hant)
    return "" if is_chinese(language) else indicator.description_en


def _note(language: str, observation: Record, noted: Record | None) -> str | None:
    """In the reader's language; None for a Chinese reader where the note is written in English only."""
    if noted is not None:
        return pick(language, observation.note or "", noted.note_zh_hans, noted.note_zh_hant)
    return None if is_chinese(language) else observation.note
