"""Links to one figure, jinshan://figure/ID: made by Edit → Copy link, opened by the desktop entry's %u.

Pure text, no Qt: the command line reads a link before any window exists, and the window writes one.
"""

from __future__ import annotations

from collections.abc import Collection
from urllib.parse import quote, unquote, urlsplit

SCHEME = "jinshan"
FIGURE_HOST = "figure"


class NotAFigureLink(ValueError):
    """The text is a jinshan: address, but not one that names a figure."""


def figure_link(observation_id: str) -> str:
    return f"{SCHEME}://{FIGURE_HOST}/{quote(observation_id, safe='')}"


def is_link(text: str) -> bool:
    return text.strip().lower().startswith(f"{SCHEME}:")


def figure_of_link(link: str) -> str:
    """The figure's id in jinshan://figure/ID (a trailing slash, query or fragment is ignored)."""
    parts = urlsplit(link.strip())
    path = parts.path.strip("/")
    # One path segment: an id's own slash arrives quoted (%2F), a bare one would name something else.
    if parts.scheme.lower() != SCHEME or parts.netloc.lower() != FIGURE_HOST or not path or "/" in path:
        raise NotAFigureLink(link)
    return unquote(path)


def figure_of_reference(reference: str) -> str:
    """The id in `--open`'s argument: a jinshan://figure/ID link or the id itself."""
    return figure_of_link(reference) if is_link(reference) else reference.strip()


def links_as_options(argv: list[str], commands: Collection[str] = ()) -> list[str]:
    """The arguments with a jinshan: link, as a desktop passes it for %u, turned into `--open LINK`; whether it
    names a figure is said by the window, where the reader sees it (a desktop launch has no terminal). After a
    command word (`cite`), a link is that command's own argument and stays as it is."""
    options: list[str] = []
    for position, argument in enumerate(argv):
        if argument in commands:
            return options + argv[position:]
        options += ["--open", argument] if is_link(argument) else [argument]
    return options
