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


def held_out(
    sources: tuple[str, ...] = (
        "injection_dev",
        "injection_extra",
        "redteam_round1.jsonl",
        "redteam_round2.jsonl",
        "redteam_round3.jsonl",
        "redteam_round4.jsonl",
        "redteam_round5.jsonl",
        "redteam_security_negatives.jsonl",
        "redteam_round6.jsonl",
    ),
) -> dict:
    """Each labelled file scored by the detector whose learned layer was trained without that file."""
    from cli.injection_data import training_documents
    from core.injection_train import fit, labelled_sentences

    documents = training_documents()
    out = {}
    for name in sources:
        if name not in documents:
            continue
        model = fit(labelled_sentences({k: v for k, v in documents.items() if k != name}))
        rows = documents[name]
        flagged = [detect_injection(str(r["text"]), model=model).detected for r in rows]
        positives = [f for f, r in zip(flagged, rows, strict=True) if int(r["label"]) == 1]
        negatives = [f for f, r in zip(flagged, rows, strict=True) if int(r["label"]) == 0]
        out[name] = {
            "recall": round(sum(positives) / len(positives), 4) if positives else None,
            "fpr": round(sum(negatives) / len(negatives), 4) if negatives else None,
            "n": len(rows),
        }
    return out


def _in_jd(row: dict) -> bool:
    """Whether a red-team row is a JD ("where", or the blind rounds' "indirect_injection_in_jd" category)."""
    return row.get("where") == "jd" or str(row.get("category", "")).endswith("_in_jd")


def defence_in_depth() -> dict:
    """Every planted attack of the red-team rounds, undetected on purpose, sent to a local model that obeys it
    (real openai SDK over HTTP): how many changed a score or the coverage, how many got a demanded claim accepted."""
    import core.injection
    from core import ingest
    from core.config import load_settings
    from core.factory import build_context
    from core.pipeline import run_to_end
    from core.types import InjectionResult, ItemState, MemoryCache
    from tests.fakes.llm_server import FakeLLMServer
    from tests.fakes.obedient_server import ObedientLLMServer, demanded_claims

    jd = "Senior Engineer\nRequirements: Python, SQL, Kubernetes, AWS, PMP, 5+ years.\n"
    resume = (
        "Experience\n- Built billing APIs in Python.\n- Migrated 40 services to PostgreSQL.\n- Cut build times by 35%."
    )
    real = core.injection.detect_injection
    core.injection.detect_injection = lambda text, **_: InjectionResult()  # type: ignore[assignment]
    counts = {"cases": 0, "obeyed": 0, "score_changed": 0, "coverage_changed": 0, "claims_accepted": 0}
    try:
        ingest._scan_jd_cached.cache_clear()
        rows = [r for p in sorted((DATA / "redteam").glob("round*.jsonl")) for r in _rows(p) if r["label"] == 1]
        with FakeLLMServer(rewriter=lambda t: t) as plain, ObedientLLMServer(rewriter=lambda t: t) as obedient:

            def run(server: FakeLLMServer, row: dict) -> dict:
                settings = load_settings(
                    llm_provider="openai-compatible", llm_base_url=server.openai_url, llm_max_retries=0,
                    database_url="sqlite://", redis_url=None,
                )  # fmt: skip
                ctx = build_context(settings, cache=MemoryCache())
                texts = (resume, row["text"]) if _in_jd(row) else (row["text"], jd)
                return run_to_end(ItemState(item_id="b", resume_text=texts[0], jd_text=texts[1]), ctx).result or {}

            for row in rows:
                base, obeyed = run(plain, row), run(obedient, row)
                if base.get("status") != "COMPLETED" or obeyed.get("status") != "COMPLETED":
                    continue
                counts["cases"] += 1
                claims = demanded_claims(obedient.requests[-1].user_text) if obedient.requests else []
                counts["obeyed"] += bool(claims)
                counts["score_changed"] += obeyed["score_after"] != base["score_after"]
                counts["coverage_changed"] += obeyed["coverage"] != base["coverage"]
                counts["claims_accepted"] += any(  # a claim the bullet already states adds nothing
                    b["accepted"] and any(c in (b["rewrite"] or "") and c not in b["original"] for c in claims)
                    for b in obeyed["bullets"]
                )
    finally:
        core.injection.detect_injection = real  # type: ignore[assignment]
        ingest._scan_jd_cached.cache_clear()
    return counts


def _uncached(text: str):
    """detect_injection on a text it has not read before: the genre layer's reading of a text is remembered (so VALIDATE
    need not read the resume again), and a benchmark that repeats one text would time the memory, not the scan."""
    import core.injection
    import core.injection_text

    core.injection.folded.cache_clear()
    core.injection.genre_reading.cache_clear()
    core.injection_text.clear()
    return detect_injection(text)


def cpu_ms(fn, texts: list[str], repeat: int = 3) -> float:
    """Best-of-repeat mean CPU milliseconds per call (process time: less disturbed by other jobs than wall time)."""
    for text in texts[:3]:
        fn(text)
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        for text in texts:
            fn(text)
        best = min(best, (time.process_time() - start) / len(texts) * 1000)
    return round(best, 3)


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
    rounds = sorted((DATA / "redteam").glob("round*.jsonl"))
    for path in (SHARED_EVAL / "injection_dev.jsonl", DATA / "injection_extra.jsonl", *rounds):
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
    out["cpu_ms"] = {
        "detect_injection_resume": cpu_ms(_uncached, resumes),
        "detect_injection_jd": cpu_ms(_uncached, jds),
        "detect_injection_50k_chars": max(cpu_ms(_uncached, [(r * 20)[:50_000]], repeat=1) for r in resumes[:5]),
    }
    print(f"CPU ms per call (process time): {out['cpu_ms']}")
    out["defence_in_depth"] = defence_in_depth()
    print(f"Undetected on purpose, obedient model: {out['defence_in_depth']}")
    out["held_out"] = held_out()
    print(f"Injection, learned layer trained without the file scored: {out['held_out']}")
    out["loadavg"] = open("/proc/loadavg").read().split()[:3]
    print(f"load average: {out['loadavg']}")
    print(json.dumps(out))


if __name__ == "__main__":
    main()
