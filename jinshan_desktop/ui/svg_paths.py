"""Qt's SVG of a pyqtgraph scene, made portable: every path in the page's own coordinates.

Qt writes a plot's line in data coordinates under a group transform such as matrix(203,0,0,-0.07,…) and
asks for a `non-scaling-stroke`; renderers that ignore that (librsvg, many viewers) stretch the pen with
the transform and paint a two-pixel line as a wide band. Mapping each such path's points through its
group's matrix and dropping the transform draws the same line everywhere.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree

SVG = "http://www.w3.org/2000/svg"
_MATRIX = re.compile(r"matrix\(([^)]*)\)")
_TOKEN = re.compile(r"[MLCZ]|-?[\d.]+(?:e-?\d+)?", re.IGNORECASE)
Matrix = tuple[float, float, float, float, float, float]


def flatten_paths(svg_text: str) -> str:
    """The SVG with the transforms of groups holding non-scaling-stroke paths applied to the paths' points."""
    ElementTree.register_namespace("", SVG)
    ElementTree.register_namespace("xlink", "http://www.w3.org/1999/xlink")
    root = ElementTree.fromstring(svg_text)
    for group in root.iter(f"{{{SVG}}}g"):
        match = _MATRIX.fullmatch(group.get("transform", "").strip())
        paths = [child for child in group if child.tag == f"{{{SVG}}}path"]
        if match is None or not any(p.get("vector-effect") == "non-scaling-stroke" for p in paths):
            continue
        matrix = _matrix(match.group(1))
        if any(child.tag != f"{{{SVG}}}path" for child in group):
            continue  # text or images keep their transform: only lone paths are flattened
        for path in paths:
            path.set("d", map_path(path.get("d", ""), matrix))
            path.attrib.pop("vector-effect", None)
        del group.attrib["transform"]
    return ElementTree.tostring(root, encoding="unicode", xml_declaration=True)


def _matrix(text: str) -> Matrix:
    a, b, c, d, e, f = (float(part) for part in text.replace(" ", ",").split(",") if part)
    return a, b, c, d, e, f


def map_path(d: str, matrix: Matrix) -> str:
    """An absolute M/L/C/Z path (as Qt writes them) with every point mapped through matrix."""
    a, b, c, dd, e, f = matrix
    out: list[str] = []
    numbers: list[float] = []

    def flush() -> None:
        for x, y in zip(numbers[::2], numbers[1::2], strict=True):
            out.append(f"{a * x + c * y + e:.3f},{b * x + dd * y + f:.3f}")
        numbers.clear()

    for token in _TOKEN.findall(d):
        if token.isalpha():
            flush()
            out.append(token)
        else:
            numbers.append(float(token))
    flush()
    return " ".join(out)
