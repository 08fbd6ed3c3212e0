"""Read an uploaded batch (CSV, XLSX or JSONL) into rows, marking every invalid row with its reason."""

from __future__ import annotations

import io
import json
import sys
import zipfile
from dataclasses import dataclass, field

import pandas as pd

from core.config import Settings
from core.context import Limits
from core.errors import InputError
from core.zip_limits import check_zip
from services.intake import PairIn, check_rows

SUPPORTED = ("csv", "xlsx", "jsonl")
PREVIEW_CHARS = 80
DEFAULT_MAX_UNZIPPED = Settings.model_fields["max_unzipped_bytes"].default


class UploadError(InputError):
    """The file as a whole cannot be read (wrong type, no rows, no resume column)."""


@dataclass
class UploadRow:
    """One candidate pair as read from the file; `error` is None when the row can be submitted."""

    row: int
    ref: str
    resume: str
    jd: str
    error: str | None = None


@dataclass
class ParsedUpload:
    """Every row of a file, valid or not, in file order."""

    rows: list[UploadRow] = field(default_factory=list)

    @property
    def valid(self) -> list[UploadRow]:
        """Rows that can be submitted."""
        return [r for r in self.rows if r.error is None]

    @property
    def invalid(self) -> list[UploadRow]:
        """Rows with a reason they cannot be submitted."""
        return [r for r in self.rows if r.error is not None]

    def preview(self) -> pd.DataFrame:
        """A table for the preview: one line per row with its status and reason."""
        return pd.DataFrame(
            [
                {
                    "row": r.row,
                    "ref": r.ref,
                    "status": "invalid" if r.error else "ok",
                    "reason": r.error or "",
                    "resume": _clip(r.resume),
                    "jd": _clip(r.jd),
                    "resume chars": len(r.resume),
                }
                for r in self.rows
            ],
            columns=["row", "ref", "status", "reason", "resume", "jd", "resume chars"],
        )


def parse_upload(
    name: str,
    data: bytes,
    *,
    shared_jd: str | None = None,
    max_resume_chars: int,
    max_jd_chars: int,
    max_rows: int,
    max_unzipped_bytes: int = DEFAULT_MAX_UNZIPPED,
) -> ParsedUpload:
    """Parse a CSV, XLSX or JSONL upload; `shared_jd` is used for rows without their own JD.

    Raises:
        UploadError: the file cannot be read at all (the message says what to change).
    """
    kind = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if kind not in SUPPORTED:
        raise UploadError(f"{name}: unsupported file type; upload a .csv, .xlsx or .jsonl file")
    if not data.strip():
        raise UploadError(f"{name} is empty; it needs a header row and at least one candidate")
    if kind == "xlsx":
        try:
            check_zip(data, max_unzipped_bytes=max_unzipped_bytes, what=name)
        except InputError as exc:
            raise UploadError(str(exc)) from None
    records = _read_jsonl(data) if kind == "jsonl" else _read_table(kind, data, name)
    if not records:
        raise UploadError(f"{name} has no rows; add at least one candidate under the header")
    if len(records) > max_rows:
        raise UploadError(f"{name} has {len(records)} rows; one job takes at most {max_rows}, split the file")
    if kind != "jsonl" and not any("resume" in r for r in records):
        raise UploadError(f"{name} has no 'resume' column; name the columns resume, jd (optional) and ref (optional)")
    rows = [_read_row(i, rec, shared_jd) for i, rec in enumerate(records, start=1)]
    _check(rows, max_resume_chars, max_jd_chars)
    return ParsedUpload(rows)


def single_pair(resume: str, jd: str, *, max_resume_chars: int, max_jd_chars: int) -> UploadRow:
    """Validate one pasted pair the same way as an uploaded row."""
    row = _read_row(1, {"resume": resume, "jd": jd, "ref": "pasted"}, None)
    _check([row], max_resume_chars, max_jd_chars)
    return row


def _read_table(kind: str, data: bytes, name: str) -> list[dict]:
    try:
        if kind == "csv":
            frame = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False, encoding="utf-8-sig")
        else:
            frame = pd.read_excel(io.BytesIO(data), dtype=str, engine="openpyxl").fillna("")
    except UnicodeDecodeError as exc:
        raise UploadError(f"{name} is not UTF-8 text; save it as CSV UTF-8 and upload again") from exc
    except (ValueError, pd.errors.ParserError, OSError, KeyError, zipfile.BadZipFile) as exc:
        # openpyxl and the CSV parser raise these on damaged or mislabelled files
        raise UploadError(f"{name} could not be read as {kind.upper()}: {_short(exc)}") from exc
    frame.columns = [str(c).strip().lower() for c in frame.columns]
    return frame.to_dict(orient="records")


def _read_jsonl(data: bytes) -> list[dict]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UploadError("the JSONL file is not UTF-8 text; save it as UTF-8 and upload again") from exc
    records: list[dict] = []
    for line in text.splitlines():
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            records.append({"__error__": f"not valid JSON ({exc.msg} at column {exc.colno})"})
            continue
        except RecursionError:
            records.append({"__error__": "the JSON is nested too deeply; each line must be a flat object"})
            continue
        if not isinstance(obj, dict):
            records.append({"__error__": "each line must be a JSON object with resume, jd and ref"})
            continue
        records.append({str(k).strip().lower(): v for k, v in obj.items()})
    return records


def _read_row(row: int, rec: dict, shared_jd: str | None) -> UploadRow:
    ref = _text(rec.get("ref")).strip() or f"row-{row}"
    jd = _text(rec.get("jd")) or (shared_jd or "")
    return UploadRow(row=row, ref=ref, resume=_text(rec.get("resume")), jd=jd, error=rec.get("__error__"))


def _check(rows: list[UploadRow], max_resume_chars: int, max_jd_chars: int) -> None:
    """Mark each readable row with the submission's own row rules (services.intake: the pair checks INGEST makes,
    repeated refs). The bullet limit is left to the submission check that follows (webapp.batch.check_batch)."""
    limits = Limits(max_resume_chars, max_jd_chars, max_bullets=sys.maxsize)
    _, errors = check_rows([PairIn(r.resume, r.jd, r.ref) for r in rows], limits)
    for err in errors:
        row = rows[err["row"] - 1]
        if row.error is None:  # a line that could not be read keeps that reason
            row.error = err["error"]


def _text(value: object) -> str:
    if value is None or (isinstance(value, float) and value != value):  # NaN from spreadsheets
        return ""
    return value if isinstance(value, str) else str(value)


def _clip(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= PREVIEW_CHARS else flat[: PREVIEW_CHARS - 1] + "…"


def _short(exc: Exception) -> str:
    return str(exc).splitlines()[0][:160] if str(exc) else type(exc).__name__
