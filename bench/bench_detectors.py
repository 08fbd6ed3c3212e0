"""Speed and quality of the PII and injection detectors: rows/s on the labelled files, per-type and per-category
figures, and milliseconds per generated resume/JD pair. Prints readable lines, then one JSON object."""

from __future__ import annotations

import json
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.pairgen import make_pairs  # noqa: E402
from core.evals.injection_eval import evaluate_injection  # noqa: E402
from core.evals.pii_eval import evaluate_pii  # noqa: E402
from core.injection import detect_injection  # noqa: E402
from core.pii import find_pii, redact_texts  # noqa: E402

SHARED_EVAL = ROOT.parent / "shared" / "eval"
DATA = ROOT / "tests" / "data"


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _timed(fn, rows: list[dict]) -> tuple[dict, float]:
    """The report of fn on rows and rows per second (best of three runs)."""
    best = float("inf")
    report: dict = {}
    for _ in range(3):
        start = time.perf_counter()
        report = fn(rows)
        best = min(best, time.perf_counter() - start)
    return report, len(rows) / best


def _per_call_ms(fn, texts: list[str]) -> dict:
    """p50/p95 milliseconds of fn over texts (after one warm-up pass)."""
    for text in texts[:5]:
        fn(text)
    samples = []
    for text in texts:
        start = time.perf_counter()
        fn(text)
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return {"p50": round(statistics.median(samples), 3), "p95": round(samples[int(len(samples) * 0.95) - 1], 3)}


FAKER_LOCALES = (
    "en_US en_GB de_DE fr_FR es_ES it_IT nl_NL sv_SE da_DK fi_FI pt_BR pt_PT pl_PL cs_CZ hu_HU el_GR tr_TR en_AU "
    "en_CA ja_JP is_IS no_NO en_IN ru_RU es_MX en_PH"
).split()
FAKER_PROVIDERS = {
    "street_address": "STREET_ADDRESS",
    "address": "STREET_ADDRESS",
    "phone_number": "PHONE_NUMBER",
    "email": "EMAIL_ADDRESS",
    "credit_card_number": "CREDIT_CARD",
}


def faker_recall(seed: int = 99, per_provider: int = 20) -> dict:
    """Recall on values Faker generates in 26 locales, bare or in a plain sentence (no address cue)."""
    from faker import Faker

    found: dict[str, int] = {}
    total: dict[str, int] = {}
    for locale in FAKER_LOCALES:
        fake = Faker(locale)
        fake.seed_instance(seed)
        for provider, kind in FAKER_PROVIDERS.items():
            if not hasattr(fake, provider):
                continue
            for i in range(per_provider):
                value = getattr(fake, provider)()
                text = value if i % 2 else f"Details follow. {value}\nThanks."
                start = text.index(value)
                hit = any(
                    f.type == kind and f.span[0] < start + len(value) and start < f.span[1] for f in find_pii(text)
                )
                found[kind] = found.get(kind, 0) + hit
                total[kind] = total.get(kind, 0) + 1
    return {kind: {"n": total[kind], "recall": round(found[kind] / total[kind], 3)} for kind in total}


def main() -> None:
    """Run the benchmark and print its figures."""
    out: dict = {"pii": {}, "injection": {}, "per_text_ms": {}}
    for name in ("pii_synth_dev.jsonl", "pii_presidio_tests.jsonl"):
        report, rate = _timed(evaluate_pii, _rows(SHARED_EVAL / name))
        out["pii"][name] = {"rows_per_s": round(rate), **report}
        print(f"PII {name}: {rate:,.0f} rows/s, micro F2 {report['micro']['f2']}")
        for kind, s in report["entities"].items():
            counts = f"(tp {s['tp']} fp {s['fp']} fn {s['fn']})"
            print(f"  {kind:15s} P {s['precision']:.3f} R {s['recall']:.3f} F2 {s['f2']:.3f} {counts}")
    for path in (SHARED_EVAL / "injection_dev.jsonl", DATA / "injection_extra.jsonl"):
        report, rate = _timed(evaluate_injection, _rows(path))
        out["injection"][path.name] = {"rows_per_s": round(rate), **report}
        print(f"Injection {path.name}: {rate:,.0f} rows/s, recall {report['recall']} FPR {report['fpr']}")
        for category, c in report["by_category"].items():
            print(f"  {category:45s} {c['flagged']}/{c['n']} flagged")
    bullets = [b for b in (DATA / "clean_bullets.txt").read_text().splitlines() if b.strip() and not b.startswith("#")]
    out["clean_bullets"] = {
        "n": len(bullets),
        "pii_flagged": sum(1 for b in bullets if find_pii(b)),
        "injection_flagged": sum(1 for b in bullets if detect_injection(b).detected),
    }
    print(f"Clean bullets: {out['clean_bullets']}")
    out["faker"] = faker_recall()
    print(f"Faker values, 26 locales (seed 99): {out['faker']}")
    rng = random.Random(3)
    pairs = make_pairs(200, seed=11)
    header = (
        "Jane Doe\njane.doe@gmail.com | (312) 555-0199 | linkedin.com/in/janedoe\n742 Evergreen Terrace, Austin, TX\n"
    )
    resumes = [header + resume if rng.random() < 0.5 else resume for resume, _ in pairs]
    jds = [jd for _, jd in pairs]
    words = statistics.mean(len(r.split()) for r in resumes)
    out["per_text_ms"] = {
        "resume_words": round(words),
        "find_pii_resume": _per_call_ms(find_pii, resumes),
        "find_pii_jd": _per_call_ms(find_pii, jds),
        "detect_injection_resume": _per_call_ms(detect_injection, resumes),
        "detect_injection_jd": _per_call_ms(detect_injection, jds),
        "redact_15_bullets": _per_call_ms(lambda r: redact_texts(r.splitlines()[-15:]), resumes),
    }
    for key, value in out["per_text_ms"].items():
        print(f"{key}: {value}")
    print(json.dumps(out))


if __name__ == "__main__":
    main()
