"""Training the learned layer: labelled documents -> labelled sentences -> logistic regression -> LinearModel.

A labelled injection document mixes the planted sentence with ordinary resume lines, so a positive document gives
as positives only its sentences that do not read as a work bullet and do not also occur in a benign document; every
sentence of a benign document is a negative. Cross-validation keeps all sentences of one document in one fold.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from core.injection_address import read_address
from core.injection_fold import fold
from core.injection_genre import score_units, units
from core.injection_model import MIN_FEATURES, LinearModel, features
from core.injection_rules_scan import rule_hits

_WORK_BULLET = re.compile(
    r"^\s*(?:[-*•▪]\s*)?(?:[A-Z][a-z]+ed|Led|Built|Ran|Wrote|Won|Grew|Cut|Drove|Made|Taught|Sold)\b|"
    r"^\s*[\w .,&|()/-]{0,60}(?:19|20)\d{2}\s*$"
)
_LONG = 600  # a longer injected document is mostly context: only its sentences some other layer marks are positives
MIN_WEIGHT = 0.02  # smaller weights are dropped from the shipped file (they move no verdict; the file stays small)
C = 4.0  # inverse regularisation; chosen by the grouped cross-validation printed by `train-injection`


@dataclass(frozen=True)
class Sentence:
    """One training sentence: folded text, label, and the document it came from (its cross-validation group)."""

    text: str
    label: int
    group: str


def labelled_sentences(sources: dict[str, list[dict]]) -> list[Sentence]:
    """Labelled sentences of labelled documents ({"text", "label"}) by source, grouped by document."""
    folded_rows = {
        name: [(fold(str(r.get("text", ""))).text, int(r.get("label", 0))) for r in rows]
        for name, rows in sources.items()
    }
    benign = {
        _key(text[s:e]) for rows in folded_rows.values() for text, label in rows if label == 0 for s, e in units(text)
    }
    out: list[Sentence] = []
    for name, rows in folded_rows.items():
        for number, (text, label) in enumerate(rows):
            for start, end in units(text):
                sentence = text[start:end].strip()
                if len(set(features(sentence))) < MIN_FEATURES:
                    continue  # the model does not score fragments, so it does not learn from them
                if label == 1 and (
                    _key(sentence) in benign
                    or _WORK_BULLET.match(sentence)
                    or (len(text) > _LONG and not _marked(sentence))
                ):
                    continue  # the document's ordinary lines: neither a positive nor a trustworthy negative
                out.append(Sentence(sentence, label, f"{name}#{number}"))
    return out


def _marked(sentence: str) -> bool:
    """True when the rule or genre layer sees anything in the sentence (used to find the planted lines only)."""
    return bool(score_units(sentence)) or bool(rule_hits(sentence)) or read_address(sentence) is not None


def _key(sentence: str) -> str:
    """Sentences cut at different points (a context truncated before or after a planted line) share their start."""
    return " ".join(sentence.lower().split())[:40]


def fit(sentences: list[Sentence], *, c: float = C, char_grams: bool = False) -> LinearModel:
    """A logistic regression on the sentences' features, as a LinearModel."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform([_vector(s.text, char_grams) for s in sentences])
    labels = [s.label for s in sentences]
    classifier = LogisticRegression(C=c, class_weight="balanced", max_iter=2000, solver="lbfgs")
    classifier.fit(matrix, labels)
    names = vectorizer.get_feature_names_out()
    weights = {str(n): float(w) for n, w in zip(names, classifier.coef_[0], strict=True) if abs(w) >= MIN_WEIGHT}
    meta: dict[str, object] = {"sentences": len(sentences), "positives": sum(labels), "c": c}
    if char_grams:
        meta["char_grams"] = True
    return LinearModel(weights=weights, bias=float(classifier.intercept_[0]), meta=meta)


def _vector(sentence: str, char_grams: bool = False) -> dict[str, float]:
    names = set(features(sentence, char_grams))
    value = 1.0 / math.sqrt(len(names)) if names else 0.0
    return dict.fromkeys(names, value)


def cross_validate(
    sentences: list[Sentence], *, folds: int = 5, threshold: float = 0.5, c: float = C
) -> dict[str, float]:
    """Sentence-level recall and false-positive rate of models trained on the other folds (grouped by document)."""
    groups = sorted({s.group for s in sentences})
    fold_of = {g: i % folds for i, g in enumerate(groups)}
    tp = fn = fp = tn = 0
    for k in range(folds):
        train = [s for s in sentences if fold_of[s.group] != k]
        test = [s for s in sentences if fold_of[s.group] == k]
        if not test or len({s.label for s in train}) < 2:
            continue
        model = fit(train, c=c)
        for s in test:
            flagged = model.score(s.text) >= threshold
            tp += s.label == 1 and flagged
            fn += s.label == 1 and not flagged
            fp += s.label == 0 and flagged
            tn += s.label == 0 and not flagged
    return {
        "folds": folds,
        "positives": tp + fn,
        "negatives": fp + tn,
        "recall": round(tp / (tp + fn), 4) if tp + fn else 0.0,
        "fpr": round(fp / (fp + tn), 4) if fp + tn else 0.0,
    }


def corpus_training(exclude_language: str | None = None) -> list[Sentence]:
    """The written corpus (core/injection_corpus.py) as labelled training sentences, cut into units as scan() cuts
    a text. A positive's units that are only its carrier ("Automatic reply: I am out of the office.") are left out;
    a negative's every unit is a negative. exclude_language leaves one language out (the leave-one-out check)."""
    from core.injection_corpus import corpus_sentences

    out: list[Sentence] = []
    for item in corpus_sentences():
        if item.language == exclude_language:
            continue
        own = {name for name in features(fold(item.bare).text) if name.startswith("w:")}
        text = fold(item.text).text
        for start, end in units(text):
            sentence = text[start:end].strip()
            names = set(features(sentence))
            if len(names) < MIN_FEATURES:
                continue
            words = [n for n in names if n.startswith("w:")]
            if item.label == 1 and sum(n in own for n in words) * 2 < len(words):
                continue  # the carrier around the instruction, not the instruction
            out.append(Sentence(sentence, item.label, item.group))
    return out


def carried_negatives(sentences: list[Sentence]) -> list[Sentence]:
    """Negatives of the labelled documents again, a share of them inside a carrier (core/injection_corpus.carried)."""
    from core.injection_corpus import carried

    negatives = [s for s in sentences if s.label == 0]
    return [Sentence(fold(t).text, 0, "carried") for t in carried([s.text for s in negatives])]


def training_set(documents: list[Sentence], exclude_language: str | None = None) -> list[Sentence]:
    """The sentences the shipped model is fit on: the documents', the written corpus, carried negatives."""
    return documents + corpus_training(exclude_language) + carried_negatives(documents)


def leave_one_language_out(base: list[Sentence], *, threshold: float = 0.5, c: float = C) -> dict[str, object]:
    """Per written language L: a model trained on base + the corpus without L, scored on L's corpus sentences.

    The honest figure for languages nobody wrote training text for: the mean recall and false-positive rate of the
    sentence model over the left-out languages (English lines stay in training; they are not a left-out language).
    """
    from core.injection_corpus import LANGUAGES

    per: dict[str, dict[str, float]] = {}
    for code in LANGUAGES:
        model = fit(training_set(base, exclude_language=code), c=c, char_grams=True)
        held = [s for s in corpus_training() if s.group.startswith(f"corpus:{code}:")]
        pos = [model.score(s.text) >= threshold for s in held if s.label == 1]
        neg = [model.score(s.text) >= threshold for s in held if s.label == 0]
        per[code] = {"recall": round(sum(pos) / len(pos), 3), "fpr": round(sum(neg) / len(neg), 3)}
    return {
        "threshold": threshold,
        "mean_recall": round(sum(v["recall"] for v in per.values()) / len(per), 3),
        "mean_fpr": round(sum(v["fpr"] for v in per.values()) / len(per), 3),
        "languages": per,
    }
