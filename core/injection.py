"""Prompt-injection detection: a scored verdict with a category and quoted evidence; never alters text.

Four layers read the folded text (core/injection_fold.py: invisible characters, look-alikes, spaced letters and
leetspeak undone) and every encoded blob in it (core/injection_decode.py):
- phrase rules (core/injection_rules_scan.py), quiet where a sentence describes an attack instead of making one;
- the genre layer (core/injection_genre.py): sentences that address the system reading them, in 12 languages
  phrase by phrase and 45 more through the override table (core/injection_languages.py);
- the learned layer (core/injection_model.py): a linear sentence model trained offline;
- decoded blobs: whatever an encoded blob says is scanned by the layers above.
The layers' scores combine by noisy-OR; evidence spans point into the original text.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from core.injection_address import addressed
from core.injection_concepts import concept_scores
from core.injection_decode import decode_all, hidden_sentence
from core.injection_decode_more import attribute_texts
from core.injection_fold import Folded, fold
from core.injection_genre import (
    UnitScore,
    anchored_units,
    described_spans,
    example_blob,
    mentioned,
    plain_work_line,
    score_units,
    units,
    windows,
)
from core.injection_mention import sample_blocks
from core.injection_model import LinearModel, foreign, shipped_model
from core.injection_quotes import QUOTE_MARKS
from core.injection_rules_scan import rule_hits
from core.injection_unscramble import unscrambled
from core.types import Evidence, InjectionResult

THRESHOLD = 0.5
MAX_EVIDENCE = 8
# Model probabilities below the floor add nothing, 1.0 adds MODEL_WEIGHT: alone the model flags almost nothing (its
# cross-validated false-positive rate per sentence is ~0.4% at 0.8, and a resume has ~40 sentences); it tips the
# balance when a rule or the genre layer has seen something weak.
MODEL_FLOOR = 0.8
MODEL_WEIGHT = 0.6
FOREIGN_FLOOR = 0.7
FOREIGN_WEIGHT = 0.8
DECODED_BONUS = 0.3  # an instruction hidden in an encoding is more telling than the same words in plain text
HIDDEN_SENTENCE = 0.5  # a sentence of plain words in base64/hex/ROT13/entities: a resume has no reason to hide prose
MIN_DOCUMENT_UNITS = 3
STANDALONE_DAMPING = 0.5
_MAX_SCAN = 200_000  # longer texts are refused at ingest; this only bounds the work
_DEFAULT = object()
# What a sentence inside a sample block still counts for: it speaks of a candidate, a verdict or the reader's rules.
_SAMPLE_KEEPS = frozenset({"candidate", "verdict", "instructions", "override", "your_output", "secrets"})


@dataclass(frozen=True)
class Signal:
    """One layer's finding: how telling it is, its category, and its span in the scanned text."""

    weight: float
    category: str
    start: int
    end: int
    layer: str


def _combine(weights: list[float]) -> float:
    """Noisy-OR: independent weak signals add up, one strong signal is enough."""
    remaining = 1.0
    for weight in weights:
        remaining *= 1.0 - weight
    return 1.0 - remaining


@lru_cache(maxsize=64)
def folded(text: str) -> Folded:
    """fold(text), remembered: INGEST scans the resume and VALIDATE reads it again for its instructions."""
    return fold(text)


@dataclass(frozen=True)
class GenreReading:
    """The genre layer's reading of one folded text: its sentences, those holding an anchor word, their scores."""

    spans: tuple[tuple[int, int], ...]
    anchored: tuple[tuple[int, int], ...]
    scored: tuple[UnitScore, ...]


@lru_cache(maxsize=64)
def genre_reading(text: str) -> GenreReading:
    """units, anchored_units and score_units of a folded text, remembered for the same reason as folded()."""
    spans = units(text)
    anchored = anchored_units(text, spans)
    return GenreReading(tuple(spans), tuple(anchored), tuple(score_units(text, anchored)))


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    return any(s <= pos < e for s, e in spans)


def scan(text: str, *, model: LinearModel | None, use_gates: bool = True) -> list[Signal]:
    """The signals of every layer on one folded text (spans in that text)."""
    reading = genre_reading(text)
    spans = list(reading.spans)
    described: list[tuple[int, int]] | None = None  # worked out only when a rule or the model needs it

    def is_described(pos: int) -> bool:
        nonlocal described
        if described is None:
            described = described_spans(text, spans)
        return _inside(described, pos)

    signals: list[Signal] = []
    fired: dict[str, Signal] = {}
    samples = sample_blocks(text)  # lines shown as a sample (a designed chat flow): mentioned, not used
    anchored = list(reading.anchored)
    for hit in rule_hits(text, use_gates=use_gates, windows=windows(spans, anchored)):
        if is_described(hit.start) or (samples and _inside(samples, hit.start)):
            continue  # the sentence describes an attack ("red-teamed prompts like 'ignore ...'"): not made here
        signal = Signal(hit.rule.weight, hit.rule.category, hit.start, hit.end, "rules")
        # A rule counts once however often it fires; its strongest match stands for all of them.
        if hit.rule.name not in fired or signal.weight > fired[hit.rule.name].weight:
            fired[hit.rule.name] = signal
    if fired:
        signals.append(_merged(list(fired.values()), "rules"))
    # A text of one or two sentences is a message, not a document: a request in it is expected, so only the strong
    # combinations (an override, a demand on "your response", a note to the AI) count fully there.
    standalone = len(spans) < MIN_DOCUMENT_UNITS
    genre = sorted(
        (u for u in reading.scored if not (samples and _inside(samples, u.start) and not u.features & _SAMPLE_KEEPS)),
        key=lambda u: -u.score,
    )
    for rank, unit in enumerate(genre[:3]):
        weight = unit.score * (0.5 if rank else 1.0) * (STANDALONE_DAMPING if standalone and unit.score < 0.7 else 1.0)
        signals.append(Signal(weight, unit.reason, unit.start, unit.end, "genre"))
    # A request to the reader in another language, read as concepts (core/injection_concepts.py).
    for found in [c for c in concept_scores(text, spans) if not (samples and _inside(samples, c.start))][:2]:
        signals.append(Signal(found.weight, found.category, found.start, found.end, "genre"))
    # The reader addressed by a clause's shape, read on every sentence (core/injection_address.py).
    for shaped in [a for a in addressed(text, spans) if not (samples and _inside(samples, a.start))][:3]:
        signals.append(Signal(shaped.weight, shaped.category, shaped.start, shaped.end, "genre"))
    if model is not None:
        # Past-tense work lines without an anchor word are skipped: most of a resume, and never an instruction.
        marked = set(anchored)
        candidates = [(s, e) for s, e in spans if not plain_work_line(text[s:e], (s, e) in marked)]
        scored = sorted(((_model_weight(model, text[s:e]), s, e) for s, e in candidates), reverse=True)
        best = next((item for item in scored if item[0] <= 0.0 or not is_described(item[1])), None)
        if best is not None and best[0] > 0.0:
            damping = STANDALONE_DAMPING if standalone else 1.0
            signals.append(Signal(best[0] * damping, "learned", best[1], best[2], "model"))
    return signals


def _model_weight(model: LinearModel, sentence: str) -> float:
    """What the model's reading of one sentence adds: nothing below the floor, up to the weight at probability 1.

    A sentence in another language (few English function words) is read by the model trained with the written
    multilingual corpus (model.foreign); the rule and genre layers read few of those languages, so nothing else tips
    the balance there and that model counts more (FOREIGN_FLOOR / FOREIGN_WEIGHT). English sentences are read by the
    main model exactly as before."""
    if model.foreign is not None and foreign(sentence):
        probability, floor, weight = model.foreign.score(_used(sentence)), FOREIGN_FLOOR, FOREIGN_WEIGHT
    else:
        probability, floor, weight = model.score(_used(sentence)), MODEL_FLOOR, MODEL_WEIGHT
    return (probability - floor) / (1 - floor) * weight if probability > floor else 0.0


def _used(sentence: str) -> str:
    """The sentence without what it mentions (quotes framed as examples): the model reads only the words used."""
    if "<" not in sentence and ":" not in sentence and not any(mark in sentence for mark in QUOTE_MARKS):
        return sentence
    for start, end in mentioned(sentence):
        sentence = sentence[:start] + " " * (end - start) + sentence[end:]
    return sentence


def _merged(signals: list[Signal], layer: str) -> Signal:
    best = max(signals, key=lambda s: s.weight)
    return Signal(_combine([s.weight for s in signals]), best.category, best.start, best.end, layer)


def detect_injection(text: str, *, use_gates: bool = True, model: object = _DEFAULT) -> InjectionResult:
    """Score text for instructions aimed at the model; returns the strongest category and evidence spans."""
    if not text or not text.strip():
        return InjectionResult()
    chosen = shipped_model() if model is _DEFAULT else model
    learned = chosen if isinstance(chosen, LinearModel) else None
    scanned = text[:_MAX_SCAN]
    read = folded(scanned)
    anchored = list(genre_reading(read.text).anchored)
    signals = [
        Signal(s.weight, s.category, *read.span(s.start, s.end), s.layer)
        for s in scan(read.text, model=learned, use_gates=use_gates)
    ]
    # the original: folding would mangle the blobs' digits; unscrambled: spelled, interleaved, joined or vowel-less text
    blobs = [(blob, blob.span, True) for blob in decode_all(scanned)]
    # a re-read word list or identifier is not hidden: only what it says counts, with no bonus for the encoding
    blobs += [(blob, read.span(*blob.span), blob.hidden) for blob in unscrambled(read.text, anchored)]
    for blob, (start, end), encoded in blobs:
        inner = scan(fold(blob.text).text, model=learned, use_gates=use_gates)
        # A blob shown as an example ("e.g. SGVsbG8…", "(VGhpcyBp… style payloads)") hides nothing by itself.
        hidden = HIDDEN_SENTENCE if hidden_sentence(blob) and not example_blob(scanned, start, end) else 0.0
        if inner or hidden:
            bonus = DECODED_BONUS if inner and encoded else 0.0
            weight = _combine([max((s.weight for s in inner), default=0.0), bonus, hidden])
            category = max(inner, key=lambda s: s.weight).category if inner else "hidden_note"
            signals.append(Signal(weight, category, start, end, "decoded"))
    for (start, end), inner_text in attribute_texts(scanned):
        # an attribute's text read as a document of its own (not hidden by an encoding: no bonus)
        inner = scan(fold(inner_text).text, model=learned, use_gates=use_gates)
        if inner:
            best = max(inner, key=lambda s: s.weight)
            signals.append(Signal(best.weight, best.category, start, end, "decoded"))
    if not signals:
        return InjectionResult()
    # Rules and genre read the same words, so the stronger of the two stands for both; the model and the decoded
    # blobs are independent evidence and add up with it.
    by_layer: dict[str, float] = {}
    for s in signals:
        layer = "words" if s.layer in ("rules", "genre") else s.layer
        by_layer[layer] = max(by_layer.get(layer, 0.0), s.weight)
    score = _combine(list(by_layer.values()))
    strongest = max(signals, key=lambda s: s.weight)
    evidence = sorted(
        {(s.start, s.end) for s in sorted(signals, key=lambda s: -s.weight)[:MAX_EVIDENCE] if s.end > s.start}
    )
    return InjectionResult(
        detected=score >= THRESHOLD,
        score=round(score, 3),
        category=strongest.category,
        evidence=[Evidence(span=span, text=scanned[span[0] : span[1]]) for span in evidence],
    )
