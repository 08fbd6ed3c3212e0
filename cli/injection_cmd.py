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
    leave_one_language_out: bool = typer.Option(
        False, "--leave-one-language-out", help="also train once per written language without it and score it"
    ),
) -> None:
    """Train the sentence model, print its grouped cross-validation figures, write the model file."""
    from cli.injection_data import SHARED_EVAL, training_documents
    from core.injection_model import FOREIGN_MODEL_PATH, MODEL_PATH
    from core.injection_train import cross_validate, fit, labelled_sentences, training_set
    from core.injection_train import leave_one_language_out as lolo

    if not (SHARED_EVAL / "injection_dev.jsonl").is_file():
        fail(f"training data not found: {SHARED_EVAL / 'injection_dev.jsonl'} (the shared eval folder)")
    documents = labelled_sentences(training_documents())
    report = cross_validate(documents, folds=folds)
    model = fit(documents)
    target = out or MODEL_PATH
    target.write_text(model.to_json() + "\n", encoding="utf-8")
    # The model for other languages: the documents, the written corpus (core/injection_corpus.py), letter 4-grams.
    foreign = fit(training_set(documents), char_grams=True)
    foreign_target = target.with_name(FOREIGN_MODEL_PATH.name) if out else FOREIGN_MODEL_PATH
    foreign_target.write_text(foreign.to_json() + "\n", encoding="utf-8")
    extra = {"leave_one_language_out": lolo(documents)} if leave_one_language_out else {}
    emit_json(
        {
            "out": str(target),
            "features": len(model.weights),
            **model.meta,
            "cross_validated": report,
            "foreign": {"out": str(foreign_target), "features": len(foreign.weights), **foreign.meta},
            **extra,
        }
    )


def register(app: typer.Typer) -> None:
    """Add the command to the app."""
    app.command("train-injection")(train_injection_cmd)
