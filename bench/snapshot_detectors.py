"""Equivalence snapshot of the detectors: every verdict, score, category and evidence span of detect_injection (with
the main text's layer signals at full precision) and every find_pii span, on every labelled and sample text.

A speed change must leave the snapshot unchanged:
    python bench/snapshot_detectors.py save /tmp/before.json     # on the tree before the change
    python bench/snapshot_detectors.py compare /tmp/before.json  # after it: prints the differences, exit 1 if any
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.pairgen import make_pairs  # noqa: E402
from cli.injection_data import plant, read_jsonl, training_documents  # noqa: E402

SHARED_EVAL = ROOT.parent / "shared" / "eval"
DATA = ROOT / "tests" / "data"


def _folder_texts(folder: Path) -> list[tuple[str, str]]:
    """(name, text) of every .txt file under folder (the match folders' resumes and JDs), named the same in any copy
    of the repository."""
    out = []
    for path in sorted(folder.rglob("*.txt")):
        name = path.relative_to(ROOT) if path.is_relative_to(ROOT) else "shared" / path.relative_to(SHARED_EVAL.parent)
        out.append((str(name), path.read_text(encoding="utf-8")))
    return out


def texts() -> dict[str, str]:
    """Every text the snapshot reads, by a stable key."""
    out: dict[str, str] = {}
    for source, rows in sorted(training_documents().items()):
        out |= {f"{source}:{i}": str(r["text"]) for i, r in enumerate(rows)}
    for path in sorted((DATA / "redteam").glob("*.jsonl")):
        out |= {f"{path.name}:{i}": str(r["text"]) for i, r in enumerate(read_jsonl(path))}
    for path in [*sorted(SHARED_EVAL.glob("pii_*.jsonl")), DATA / "pii_obfuscated.jsonl"]:
        out |= {f"{path.name}:{i}": str(r["text"]) for i, r in enumerate(read_jsonl(path))}
    folders = [SHARED_EVAL / "match_dev" / "pairs", *sorted(DATA.glob("match_blind*/pairs")), ROOT / "samples"]
    folders += [DATA / "documents_blind", DATA / "rewrite_blind" / "pairs"]
    for folder in folders:
        out |= dict(_folder_texts(folder))
    contexts = [t for k, t in sorted(out.items()) if k.endswith(".txt")]
    positives = [("planted", t) for k, t in sorted(out.items()) if k.startswith(("round", "injection_extra")) and t]
    out |= {f"planted:{i}": r["text"] for i, r in enumerate(plant(positives, contexts, seed=7))}
    from core.injection_corpus import corpus_sentences

    out |= {f"corpus:{i}": s.text for i, s in enumerate(corpus_sentences())}
    rng = random.Random(3)
    header = (
        "Jane Doe\njane.doe@gmail.com | (312) 555-0199 | linkedin.com/in/janedoe\n742 Evergreen Terrace, Austin, TX\n"
    )
    for i, (resume, jd) in enumerate(make_pairs(200, seed=11)):
        out[f"bench_resume:{i}"] = header + resume if rng.random() < 0.5 else resume
        out[f"bench_jd:{i}"] = jd
    for i in range(5):
        out[f"bench_50k:{i}"] = (out[f"bench_resume:{i}"] * 20)[:50_000]
    return out


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def record(text: str) -> dict:
    """What the detectors say about one text, in a form json can hold and compare exactly."""
    import core.injection as inj
    from core.injection_model import shipped_model
    from core.injection_output import _read
    from core.pii import find_pii

    result = inj.detect_injection(text)
    read = inj.folded(text[: inj._MAX_SCAN]) if text.strip() else None
    out: dict = {
        "detected": result.detected,
        "score": result.score,
        "category": result.category,
        "evidence": [[*e.span, e.text] for e in result.evidence],
        "pii": [[f.type, *f.span, f.text] for f in find_pii(text)],
    }
    if read is not None:
        signals = inj.scan(read.text, model=shipped_model(), use_gates=True)
        # 12 significant digits: the model sums its weights in set order, which varies with the hash seed (last bits)
        out["signals"] = sorted(repr((f"{s.weight:.12g}", s.category, s.start, s.end, s.layer)) for s in signals)
        out["folded"] = _digest(read.text)
        out["spans"] = _digest(repr([read.span(i, i + 1) for i in range(0, len(read.text), 7)]))
        reading = inj.genre_reading(read.text)
        scored = [(u.start, u.end, u.score, u.reason, sorted(u.features)) for u in reading.scored]
        out["genre"] = _digest(repr((reading.spans, reading.anchored, scored)))
        features, instructions, rest = _read(text)
        out["output"] = [sorted(features), _digest(instructions), _digest(rest)]
    return out


def snapshot() -> dict[str, dict]:
    """The record of every text."""
    return {key: record(text) for key, text in texts().items()}


def main() -> None:
    """save PATH | compare PATH (the new snapshot is written beside it, PATH with .new.json, to look into)."""
    command, path = sys.argv[1], Path(sys.argv[2])
    start = time.process_time()
    snap = snapshot()
    seconds = time.process_time() - start
    if command == "save":
        path.write_text(json.dumps(snap, sort_keys=True), encoding="utf-8")
        print(f"saved {len(snap)} texts to {path} ({seconds:.1f} CPU s)")
        return
    path.with_suffix(".new.json").write_text(json.dumps(snap, sort_keys=True), encoding="utf-8")
    before = json.loads(path.read_text(encoding="utf-8"))
    keys = sorted(set(before) | set(snap))
    differ = [k for k in keys if before.get(k) != json.loads(json.dumps(snap.get(k)))]
    for key in differ[:20]:
        old, new = before.get(key) or {}, snap.get(key) or {}
        fields = sorted(f for f in set(old) | set(new) if old.get(f) != json.loads(json.dumps(new.get(f))))
        print(f"DIFF {key}: " + "; ".join(f"{f}: {old.get(f)!r} -> {new.get(f)!r}"[:400] for f in fields))
    print(f"{len(keys)} texts, {len(differ)} differ ({seconds:.1f} CPU s)")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
