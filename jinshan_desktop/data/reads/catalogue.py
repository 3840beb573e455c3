"""The small tables: themes and topics, sources, facts, entities, the words of exported files, and totals."""

from __future__ import annotations

from sqlalchemy import Table, func, select

from jinshan_desktop.data import tables
from jinshan_desktop.data.dialects import binary_order
from jinshan_desktop.data.languages import pick
from jinshan_desktop.data.reads.context import ReadContext
from jinshan_desktop.data.rows import DataInfo, EntityRow, FactRow, SourceInfo, ThemeInfo, TopicInfo


def themes(context: ReadContext) -> list[ThemeInfo]:
    topic, theme = tables.topics, tables.themes
    topics = [
        TopicInfo(t.id, t.theme_id, context.name(t), t.position)
        for (t,) in context.records(select(topic).order_by(topic.c.theme_id, topic.c.position))
    ]
    return [
        ThemeInfo(t.id, context.name(t), t.role_en, t.position, tuple(x for x in topics if x.theme_id == t.id))
        for (t,) in context.records(select(theme).order_by(theme.c.position))
    ]


def sources(context: ReadContext, counted: bool = True) -> list[SourceInfo]:
    """Every source; with counted, how many figures and facts cite it (a pass over all figures)."""
    figures: dict[str, int] = {}
    fact_counts: dict[str, int] = {}
    if counted:
        o, f = tables.observations.c, tables.facts.c
        figures = dict(context.rows(select(o.source_id, func.count()).group_by(o.source_id)))
        fact_counts = dict(context.rows(select(f.source_id, func.count()).group_by(f.source_id)))
    statement = (
        select(tables.sources, tables.source_texts)
        .outerjoin(tables.source_texts, tables.sources.c.id == tables.source_texts.c.source_id)
        .order_by(tables.sources.c.position)
    )
    result = []
    for s, texts in context.records(statement):
        title, publisher, label = context.source_texts(s, texts)
        contributed = s.contributed
        if texts is not None:
            contributed = pick(context.language, s.contributed, texts.contributed_zh_hans, texts.contributed_zh_hant)
        result.append(
            SourceInfo(
                s.id,
                title,
                publisher,
                s.published,
                s.address,
                s.grade,
                s.locators,
                contributed,
                figures.get(s.id, 0),
                fact_counts.get(s.id, 0),
                citation=label,
                title_kind=texts.title_kind if texts is not None else "official",
                language=texts.source_language if texts is not None else "en",
            )
        )
    return result


def facts(context: ReadContext, theme_id: str | None = None) -> list[FactRow]:
    statement = (
        select(tables.facts, tables.topics, tables.entities, tables.sources, tables.source_texts)
        .join(tables.topics, tables.facts.c.topic_id == tables.topics.c.id)
        .join(tables.sources, tables.facts.c.source_id == tables.sources.c.id)
        .outerjoin(tables.entities, tables.facts.c.entity_id == tables.entities.c.id)
        .outerjoin(tables.source_texts, tables.facts.c.source_id == tables.source_texts.c.source_id)
        .order_by(binary_order(tables.topics.c.theme_id), tables.topics.c.position, tables.facts.c.position)
    )
    if theme_id is not None:
        statement = statement.where(tables.topics.c.theme_id == theme_id)
    return [
        FactRow(
            f.id,
            t.theme_id,
            t.id,
            context.name(t),
            f.kind,
            pick(context.language, f.statement_en, f.statement_zh_hans, f.statement_zh_hant),
            f.entity_id,
            context.name(e) if e else None,
            s.id,
            context.source_texts(s, texts)[0],
            f.locator,
            citation_label=context.citation(context.source_texts(s, texts)[2], f.locator),
            locator_text=context.locator_text(f.locator),
        )
        for f, t, e, s, texts in context.records(statement)
    ]


def entities(context: ReadContext, theme_id: str | None = None) -> list[EntityRow]:
    entity = tables.entities
    statement = select(entity).order_by(binary_order(entity.c.theme_id), binary_order(entity.c.name_en))
    if theme_id is not None:
        statement = statement.where(entity.c.theme_id == theme_id)
    found = [e for (e,) in context.records(statement)]
    figures = _figures_of(context, theme_id)
    facts_of = (
        select(tables.facts.c.id, tables.facts.c.entity_id)
        .join(tables.entities, tables.facts.c.entity_id == tables.entities.c.id)
        .order_by(tables.facts.c.position)  # the file's order, on either engine
    )
    if theme_id is not None:
        facts_of = facts_of.where(tables.entities.c.theme_id == theme_id)
    fact_links: dict[str, list[str]] = {}
    for fact_id, entity_id in context.rows(facts_of):
        fact_links.setdefault(str(entity_id), []).append(str(fact_id))
    return [
        EntityRow(
            e.id,
            e.kind,
            context.name(e),
            e.name_zh_hant if context.language == "zh_TW" else e.name_zh_hans,
            e.theme_id,
            pick(context.language, e.description_en, e.description_zh_hans, e.description_zh_hant),
            tuple(figures.get(e.id, ())),
            tuple(fact_links.get(e.id, ())),
            name_kind=e.name_kind,
            name_source=e.name_source,
        )
        for e in found
    ]


def _figures_of(context: ReadContext, theme_id: str | None) -> dict[str, list[str]]:
    """Each entity's figures, sorted: the few indicators with an entity first, then their figures by index."""
    indicators = select(tables.indicators.c.id, tables.indicators.c.entity_id).join(
        tables.entities, tables.indicators.c.entity_id == tables.entities.c.id
    )
    if theme_id is not None:
        indicators = indicators.where(tables.entities.c.theme_id == theme_id)
    entity_of = {str(indicator_id): str(entity_id) for indicator_id, entity_id in context.rows(indicators)}
    links: dict[str, list[str]] = {}
    for obs_id, indicator_id in context.rows(
        select(tables.observations.c.id, tables.observations.c.indicator_id).where(
            tables.observations.c.indicator_id.in_(entity_of)
        )
    ):
        links.setdefault(entity_of[str(indicator_id)], []).append(str(obs_id))
    for ids in links.values():
        ids.sort()
    return links


def labels(context: ReadContext) -> dict[str, str]:
    """Column headers and words of the exported files, in the reader's language."""
    return {
        label.id: pick(context.language, label.text_en, label.text_zh_hans, label.text_zh_hant)
        for (label,) in context.records(select(tables.labels))
    }


def info(context: ReadContext) -> DataInfo:
    meta = {str(k): str(v) for k, v in context.rows(select(tables.meta.c.key, tables.meta.c.value))}
    return DataInfo(
        schema_revision=meta.get("schema_revision", ""),
        data_vintage=meta.get("data_vintage", ""),
        observation_count=_count(context, tables.observations),
        fact_count=_count(context, tables.facts),
        source_count=_count(context, tables.sources),
        vintage_basis=meta.get("data_vintage_basis", "published"),
    )


def _count(context: ReadContext, table: Table) -> int:
    return int(context.rows(select(func.count()).select_from(table))[0][0])
