"""The learned layer: a linear model over word, word-pair and word-stem features of one sentence.

Trained offline with scikit-learn (core/injection_train.py, `manage.py train-injection`) and shipped as a small
JSON file of feature weights (core/data/injection_model.json), so scoring at run time is a few dictionary look-ups
per word and needs neither scikit-learn nor numpy.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import repeat
from pathlib import Path

MODEL_PATH = Path(__file__).resolve().parent / "data" / "injection_model.json"
# The model for sentences in other languages (trained with the written corpus, core/injection_corpus.py).
FOREIGN_MODEL_PATH = MODEL_PATH.with_name("injection_model_foreign.json")
_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|[^\x00-\x7f\s\w]|[^\x00-\x7f\W\d_]+")
_ASCII_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_DENSE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")  # scripts written without spaces: one token a char
_STEM = 5
MIN_FEATURES = 8


def features(sentence: str, char_grams: bool = False) -> list[str]:
    """The feature names of one sentence (lower-cased, folded text): words, word pairs, word stems; with char_grams
    also the letter 4-grams inside longer words."""
    if sentence.isascii():
        tokens = _ASCII_TOKEN.findall(sentence.lower())  # the other alternatives need a non-ASCII letter
    else:
        found = _TOKEN.findall(sentence.lower())
        tokens = []
        for token in found:
            if len(token) > 1 and _DENSE.search(token):
                tokens.extend(token)
            else:
                tokens.append(token)
    if not tokens:
        return []
    out = ["w:" + t for t in tokens]
    out += [f"b:{a} {b}" for a, b in zip(tokens, tokens[1:], strict=False)]
    out += ["s:" + t[:_STEM] for t in tokens if len(t) > _STEM]
    if char_grams:
        # inside-word letter 4-grams of longer words: cognates and inflections share them across languages
        out += ["c:" + t[i : i + 4] for t in tokens if len(t) > _STEM for i in range(1, len(t) - 3)]
    out.append("first:" + tokens[0])
    return out


# English words no other language of the corpus writes as a word ("a", "do", "no", "to", "on" are left out: they are
# Spanish, Portuguese, Italian or Polish words too).
_ENGLISH = frozenset(
    "the and of an in for with is are be been was were your you this that these those as by at or from it its all "
    "any my our we will would can could should must please not if every each one their they them he she his her "
    "who which what when where how than then there here has have had about into over after before more most other "
    "some such only also just very our us me up out new".split()
)


def foreign(sentence: str) -> bool:
    """True when a sentence of six or more words holds none of the common English words: another language."""
    words = sentence.lower().split()
    return len(words) >= 6 and _ENGLISH.isdisjoint(words)


@dataclass(frozen=True)
class LinearModel:
    """Weights per feature and a bias; probability = sigmoid(bias + sum of weights / sqrt(feature count))."""

    weights: dict[str, float] = field(default_factory=dict)
    bias: float = 0.0
    meta: dict[str, object] = field(default_factory=dict)
    foreign: LinearModel | None = None  # read instead for a sentence foreign() calls another language

    def score(self, sentence: str) -> float:
        """Probability that the sentence addresses the model reading it."""
        if sentence.count(" ") < 2 and sentence.isascii():
            return 0.0  # one or two words: a heading or a fragment
        names = set(features(sentence, bool(self.meta.get("char_grams"))))
        if len(names) < MIN_FEATURES:
            return 0.0  # a heading or a fragment: too little to judge, and short vectors weigh each word heavily
        total = sum(map(self.weights.get, names, repeat(0.0))) / math.sqrt(len(names))
        z = self.bias + total
        return 1.0 / (1.0 + math.exp(-z)) if z > -30 else 0.0

    def to_json(self) -> str:
        """The model as the JSON the file holds (weights rounded: the file stays small and diffs stay stable)."""
        weights = {k: round(v, 3) for k, v in sorted(self.weights.items())}
        return json.dumps(
            {"bias": round(self.bias, 4), "meta": self.meta, "weights": weights}, ensure_ascii=False, indent=0
        )

    @classmethod
    def from_json(cls, text: str) -> LinearModel:
        """Read a model written by to_json()."""
        data = json.loads(text)
        return cls(weights=dict(data["weights"]), bias=float(data["bias"]), meta=dict(data.get("meta", {})))


@lru_cache(maxsize=1)
def shipped_model() -> LinearModel | None:
    """The model in core/data with its model for other languages, or None when it has not been built (the rule and
    genre layers still run)."""
    if not MODEL_PATH.is_file():
        return None
    model = LinearModel.from_json(MODEL_PATH.read_text(encoding="utf-8"))
    if not FOREIGN_MODEL_PATH.is_file():
        return model
    return replace(model, foreign=LinearModel.from_json(FOREIGN_MODEL_PATH.read_text(encoding="utf-8")))
