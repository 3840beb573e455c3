"""The rows of a CSV text as csv.reader reads them, with a line that holds no quote split on its commas.

csv.reader walks every character of a million-row file (3.3 s of one here); a plain split of the lines is
2.4 s. A line without a quote has no field that a comma or a line break could be part of, so its fields are
exactly its text between commas, without the line's own ending (kept by newline=""). Any line with a quote,
or long enough that csv's field size limit could refuse it, goes to csv.reader with as many further lines as
its quoted fields span: its fields, and its errors, are csv's own.
"""

from __future__ import annotations

import csv
import itertools
from collections.abc import Iterator


def csv_rows(lines: Iterator[str]) -> Iterator[list[str]]:
    """lines: a text stream opened with newline="", whose lines each end at their own line ending (if any);
    a list of strings with line breaks inside them is not that, and csv.reader would read it otherwise."""
    limit = csv.field_size_limit()
    for line in lines:
        if '"' in line or len(line) > limit:
            yield next(csv.reader(itertools.chain((line,), lines)))  # reads on while a quoted field is open
            continue
        text = line.rstrip("\r\n")
        yield text.split(",") if text else []  # csv reads an empty line as a row of no fields
