"""The labelled documents the learned injection layer is trained on, read from their files (licences in the README).

- ../shared/eval/injection_dev.jsonl (per-row licences: Apache-2.0 / MIT)
- ../shared/eval/bipia_attacks_train.json (BIPIA training attacks, MIT); `plant()` puts them in resumes and JDs
- tests/data/injection_extra.jsonl and the red-team rounds already measured (tests/data/redteam, written here)
- benign: tests/data/clean_bullets.txt, tests/data/injection_negatives.jsonl, samples/, ../shared/eval/match_dev
  pairs (CC0), the job-posting sentences of ../shared/eval/skillspan_tech_dev.conll (MIT)
"""

from __future__ import annotations

import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED_EVAL = ROOT.parent / "shared" / "eval"
DATA = ROOT / "tests" / "data"
REDTEAM = DATA / "redteam"
# Rounds join the training data only after their first-try figures were recorded in the README.
TRAINED_ROUNDS: tuple[str, ...] = (
    "round1.jsonl",
    "round2.jsonl",
    "round3.jsonl",
    "round4.jsonl",
    "round5.jsonl",
    "security_negatives.jsonl",
    "round6.jsonl",
)


def read_jsonl(path: Path) -> list[dict]:
    """Rows of a JSONL file (blank lines skipped)."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def skillspan_sentences() -> list[str]:
    """The job-posting sentences of SkillSpan's tech dev split (MIT), tokens joined by spaces."""
    path = SHARED_EVAL / "skillspan_tech_dev.conll"
    if not path.is_file():
        return []
    sentences, tokens = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            tokens.append(line.split("\t")[0])
        elif tokens:
            sentences.append(" ".join(tokens))
            tokens = []
    return [s for s in sentences if len(s.split()) >= 5]


def _benign_texts() -> list[str]:
    texts = sorted(p.read_text(encoding="utf-8") for p in (SHARED_EVAL / "match_dev" / "pairs").glob("*.txt"))
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").glob("*.txt"))]
    bullets = DATA / "clean_bullets.txt"
    texts += [b for b in bullets.read_text(encoding="utf-8").splitlines() if b.strip() and not b.startswith("#")]
    return texts


def bipia_attacks() -> list[tuple[str, str]]:
    """(category, attack) of BIPIA's training split; code attacks cut to their instruction sentence."""
    data = json.loads((SHARED_EVAL / "bipia_attacks_train.json").read_text(encoding="utf-8"))
    return [
        (cat, attack.split("```")[0].strip()) for cat, attacks in sorted(data["attacks"].items()) for attack in attacks
    ]


def plant(attacks: list[tuple[str, str]], contexts: list[str], seed: int = 16) -> list[dict]:
    """Each attack planted at a random line of a random context document (label 1)."""
    rng = random.Random(seed)
    rows = []
    for category, attack in attacks:
        lines = rng.choice(contexts).splitlines()
        at = rng.randrange(len(lines) + 1)
        rows.append({"text": "\n".join([*lines[:at], attack, *lines[at:]]), "label": 1, "category": category})
    return rows


def training_documents() -> dict[str, list[dict]]:
    """Labelled documents by source name."""
    benign = _benign_texts()
    sources = {
        "injection_dev": read_jsonl(SHARED_EVAL / "injection_dev.jsonl"),
        "bipia_train": [{"text": attack, "label": 1, "category": cat} for cat, attack in bipia_attacks()],
        "injection_extra": read_jsonl(DATA / "injection_extra.jsonl"),
        "benign": [{"text": t, "label": 0} for t in benign],
        "skillspan_jd": [{"text": t, "label": 0} for t in skillspan_sentences()],
    }
    negatives = DATA / "injection_negatives.jsonl"
    if negatives.is_file():
        sources["negatives_written"] = read_jsonl(negatives)
    for name in TRAINED_ROUNDS:
        sources[f"redteam_{name}"] = read_jsonl(REDTEAM / name)
    return sources
