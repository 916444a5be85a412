"""Tables streamed as CSV or JSON in bounded chunks, with spreadsheet-safe CSV cells.

Exports can be long (a year of logs is tens of thousands of rows); they are written
while the rows arrive, a chunk at a time, so neither the server's memory nor the
time to the first byte grows with the log.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence

from app.core.json import dumps

CHUNK_BYTES = 64 * 1024
# What makes a spreadsheet read a cell as a formula or command (OWASP, "CSV Injection").
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

Cell = str | int | float | None


def safe_cell(value: Cell) -> Cell:
    """A text cell a spreadsheet will show as text, never evaluate.

    OWASP's recommendation: a cell starting with = + - @ tab or carriage return gets a
    leading single quote (Excel, LibreOffice and Google Sheets then treat it as text);
    every field is also quoted by the writer. Numbers are left as numbers.
    """
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def csv_chunks(columns: Sequence[str], rows: Iterable[Sequence[Cell]]) -> Iterator[bytes]:
    """The header and rows as UTF-8 CSV, every field quoted, formulas neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if v is None else safe_cell(v) for v in row])
        if buffer.tell() >= CHUNK_BYTES:
            yield buffer.getvalue().encode()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode()


def json_chunks(columns: Sequence[str], rows: Iterable[Sequence[Cell]]) -> Iterator[bytes]:
    """`{"columns": [...], "rows": [{column: value}, ...]}`, written row by row."""
    parts: list[bytes] = [b'{"columns":', dumps(list(columns)), b',"rows":[']
    size = 0
    separator = b""
    for row in rows:
        encoded = dumps(dict(zip(columns, row, strict=True)))
        parts += (separator, encoded)
        separator = b","
        size += len(encoded) + 1
        if size >= CHUNK_BYTES:
            yield b"".join(parts)
            parts, size = [], 0
    parts.append(b"]}")
    yield b"".join(parts)
