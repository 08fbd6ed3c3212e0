"""Helpers shared by the command modules: one readable error line, JSON on the last line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer

from core.errors import AtsError


def emit_json(obj: Any) -> None:
    """Print one JSON object on its own (last) line."""
    typer.echo(json.dumps(obj, ensure_ascii=False, default=str))


def fail(message: str, code: int = 2) -> None:
    """Exit non-zero with one readable line on stderr."""
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


def read_text_file(path: Path, what: str) -> str:
    """Read a UTF-8 text file or fail with a line that says what is wrong with it."""
    if not path.exists():
        fail(f"{what} file not found: {path}")
    if path.is_dir():
        fail(f"{what} path is a directory, not a file: {path}")
    data = path.read_bytes()
    if b"\x00" in data[:8192]:
        fail(f"{what} file looks binary (PDF, DOCX, image?): paste or save its text as UTF-8 first: {path}")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        fail(f"{what} file is not UTF-8 text: {path}")
    if not text.strip():
        fail(f"{what} file is empty: {path}")
    return text


def read_document_file(path: Path, what: str) -> str:
    """Read a resume or JD file (PDF, DOCX, TXT, MD, RTF) as text, or fail with a line that says what to fix."""
    from core.config import get_settings
    from core.documents import DocumentError, DocumentLimits, read_document

    if not path.exists():
        fail(f"{what} file not found: {path}")
    if path.is_dir():
        fail(f"{what} path is a directory, not a file: {path}")
    try:
        doc = read_document(path.read_bytes(), path.name, limits=DocumentLimits.from_settings(get_settings()))
    except DocumentError as exc:
        fail(f"{what} file {path.name}: {exc}")
    if doc.ocr:
        typer.echo(f"note: {what} {path.name}: {doc.warnings[0]} (confidence {doc.ocr_confidence:.0%})", err=True)
    return doc.text


def run_app(app: typer.Typer) -> int:
    """Run the CLI, turning project errors into one line and a non-zero exit (never a traceback)."""
    try:
        # With standalone_mode=False click *returns* the code of a typer.Exit instead of raising it.
        code = app(standalone_mode=False)
    except typer.Exit as exc:
        return exc.exit_code
    except AtsError as exc:
        typer.echo(f"error: {exc}", err=True)
        return 2
    except (typer.Abort, KeyboardInterrupt):
        typer.echo("aborted", err=True)
        return 130
    except Exception as exc:  # noqa: BLE001 - the CLI edge: one line, never a traceback
        import click

        if isinstance(exc, click.ClickException):
            exc.show()
            return exc.exit_code
        typer.echo(f"error: {type(exc).__name__}: {exc}", err=True)
        return 1
    return code if isinstance(code, int) else 0
