"""The small tables: themes and topics, sources, facts, entities, the words of exported files, and totals."""

from __future__ import annotations

from sqlalchemy import func, select

from jinshan_desktop.data import schema
from jinshan_desktop.data.dialects import binary_order
from jinshan_desktop.data.languages import pick
from jinshan_desktop.data.reads.context import ReadContext
from jinshan_desktop.data.rows import DataInfo, EntityRow, FactRow, SourceInfo, ThemeInfo, TopicInfo


def themes(context: ReadContext) -> list[ThemeInfo]:
    topics = [
        TopicInfo(t.id, t.theme_id, context.name(t), t.position)
        for (t,) in context.rows(select(schema.Topic).order_by(schema.Topic.theme_id, schema.Topic.position))
    ]
    return [
        ThemeInfo(t.id, context.name(t), t.role_en, t.position, tuple(x for x in topics if x.theme_id == t.id))
        for (t,) in context.rows(select(schema.Theme).order_by(schema.Theme.position))
    ]


def sources(context: ReadContext, counted: bool = True) -> list[SourceInfo]:
    """Every source; with counted, how many figures and facts cite it (a pass over all figures)."""
    figures: dict[str, int] = {}
    fact_counts: dict[str, int] = {}
    if counted:
        o, f = schema.Observation, schema.Fact
        figures = dict(context.rows(select(o.source_id, func.count()).group_by(o.source_id)))
        fact_counts = dict(context.rows(select(f.source_id, func.count()).group_by(f.source_id)))
    statement = (
        select(schema.Source, schema.SourceText)
        .outerjoin(schema.SourceText, schema.Source.id == schema.SourceText.source_id)
        .order_by(schema.Source.position)
    )
    result = []
    for s, texts in context.rows(statement):
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
        select(schema.Fact, schema.Topic, schema.Entity, schema.Source, schema.SourceText)
        .join(schema.Topic, schema.Fact.topic_id == schema.Topic.id)
        .join(schema.Source, schema.Fact.source_id == schema.Source.id)
        .outerjoin(schema.Entity, schema.Fact.entity_id == schema.Entity.id)
        .outerjoin(schema.SourceText, schema.Fact.source_id == schema.SourceText.source_id)
        .order_by(binary_order(schema.Topic.theme_id), schema.Topic.position, schema.Fact.position)
    )
    if theme_id is not None:
        statement = statement.where(schema.Topic.theme_id == theme_id)
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
        for f, t, e, s, texts in context.rows(statement)
    ]


def entities(context: ReadContext, theme_id: str | None = None) -> list[EntityRow]:
    entity = schema.Entity
    statement = select(entity).order_by(binary_order(entity.theme_id), binary_order(entity.name_en))
    if theme_id is not None:
        statement = statement.where(schema.Entity.theme_id == theme_id)
    found = [entity for (entity,) in context.rows(statement)]
    figures = _figures_of(context, theme_id)
    facts_of = (
        select(schema.Fact.id, schema.Fact.entity_id)
        .join(schema.Entity, schema.Fact.entity_id == schema.Entity.id)
        .order_by(schema.Fact.position)  # the file's order, on either engine
    )
    if theme_id is not None:
        facts_of = facts_of.where(schema.Entity.theme_id == theme_id)
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
    indicators = select(schema.Indicator.id, schema.Indicator.entity_id).join(
        schema.Entity, schema.Indicator.entity_id == schema.Entity.id
    )
    if theme_id is not None:
        indicators = indicators.where(schema.Entity.theme_id == theme_id)
    entity_of = {str(indicator_id): str(entity_id) for indicator_id, entity_id in context.rows(indicators)}
    links: dict[str, list[str]] = {}
    for obs_id, indicator_id in context.rows(
        select(schema.Observation.id, schema.Observation.indicator_id).where(
            schema.Observation.indicator_id.in_(entity_of)
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
        for (label,) in context.rows(select(schema.Label))
    }


def info(context: ReadContext) -> DataInfo:
    meta = {str(k): str(v) for k, v in context.rows(select(schema.Meta.key, schema.Meta.value))}
    return DataInfo(
        schema_revision=meta.get("schema_revision", ""),
        data_vintage=meta.get("data_vintage", ""),
        observation_count=_count(context, schema.Observation),
        fact_count=_count(context, schema.Fact),
        source_count=_count(context, schema.Source),
        vintage_basis=meta.get("data_vintage_basis", "published"),
    )


def _count(context: ReadContext, model: type[schema.Observation] | type[schema.Fact] | type[schema.Source]) -> int:
    return int(context.rows(select(func.count()).select_from(model))[0][0])
