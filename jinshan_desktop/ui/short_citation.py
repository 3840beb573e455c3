"""The short citation a reader sees beside a figure or fact: who published it, the year, where in it.

In Chinese each bundled source has its own label ("《发布会》¶8", "金山区政府网 2020-01 报道"). English has
none, and the source ids ("jsq-1938 article", "edo-2022-preliminary") are the files' keys, not something to
show: the English citation is made of the publisher, the year published and the paragraph or named part,
"Information Office of Shanghai Municipality, 2020, ¶8"; an article cited whole names no part.
"""

from __future__ import annotations

WHOLE_DOCUMENT = "article"


def short_citation(label: str, publisher: str, published: str | None, locator: str, locator_text: str = "") -> str:
    """label: the reader's own citation where the source has one (Chinese), used as it is."""
    if label:
        return label
    year = published[:4] if published else ""
    where = "" if locator == WHOLE_DOCUMENT else (locator_text or locator)
    return ", ".join(part for part in (publisher, year, where) if part)
