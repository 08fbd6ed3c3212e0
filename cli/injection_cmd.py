"""`train-injection`: rebuild the learned injection layer (core/data/injection_model.json) from labelled data."""

from __future__ import annotations

from pathlib import Path

import typer

from cli.common import emit_json, fail


def train_injection_cmd(
    out: Path | None = typer.Option(
        None, "--out", help="model file to write (default: core/data/injection_model.json)"
    ),
    folds: int = typer.Option(5, "--folds", min=2, max=20, help="cross-validation folds (grouped by document)"),
) -> None:
    """Train the sentence model, print its grouped cross-validation figures, write the model file."""
    from cli.injection_data import SHARED_EVAL, training_documents
    from core.injection_model import MODEL_PATH
    from core.injection_train import cross_validate, fit, labelled_sentences

    if not (SHARED_EVAL / "injection_dev.jsonl").is_file():
        fail(f"training data not found: {SHARED_EVAL / 'injection_dev.jsonl'} (the shared eval folder)")
    sentences = labelled_sentences(training_documents())
    report = cross_validate(sentences, folds=folds)
    model = fit(sentences)
    target = out or MODEL_PATH
    target.write_text(model.to_json() + "\n", encoding="utf-8")
    emit_json({"out": str(target), "features": len(model.weights), **model.meta, "cross_validated": report})


def register(app: typer.Typer) -> None:
    """Add the command to the app."""
    app.command("train-injection")(train_injection_cmd)
