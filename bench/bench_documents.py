"""Reading resumes from PDF and DOCX: text fidelity, bullets, reading order, speed and hostile files.

    .venv/bin/python bench/bench_documents.py [--limit N] [--ocr-every 4] [--no-chromium] [--runs 5]

Builds the generated corpus (bench/doccorpus.py: every text resume in samples/ and ../shared/eval/match_dev/pairs
rendered by python-docx, reportlab platypus, reportlab canvas and Chromium, in one and two columns, plus image-only
PDFs for OCR), reads each file with core.documents and compares with the text it was made from. Then the fifty
hostile files (bench/hostile_docs.py). Goals: char F1 ≥ 0.98 on text PDFs and DOCX, ≥ 0.90 on OCR'd pages; bullets
with the same boundaries ≥ 0.95; two-column reading order right on every two-column file; ≤ 150 ms per 2-page text
PDF on one core; OCR time per page reported; 0 crashes on the hostile files. Prints a JSON summary last.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import doccorpus, hostile_docs  # noqa: E402


def _read(data: bytes, name: str):  # noqa: ANN202 - the Document type is imported lazily
    from core.documents import read_document

    return read_document(data, name)


def main() -> None:
    """Build, read, measure, print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="first N source resumes only")
    parser.add_argument("--ocr-every", type=int, default=4, help="an image-only PDF of every N-th resume")
    parser.add_argument("--no-chromium", action="store_true", help="skip the Chromium producer")
    parser.add_argument("--runs", type=int, default=5, help="timed reads per text PDF (the median is kept)")
    parser.add_argument("--sources", type=Path, default=None, help="a folder of *_resume.txt (default: the dev set)")
    parser.add_argument("--no-hostile", action="store_true", help="skip the fifty hostile files")
    args = parser.parse_args()
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    print(f"load average before: {open('/proc/loadavg').read().split()[:3]}")

    started = time.perf_counter()
    resumes = doccorpus.load_sources(args.limit, args.sources)
    if args.no_chromium:
        docs = list(doccorpus.build(resumes, ocr_every=args.ocr_every))
    else:
        with doccorpus.Chromium() as chromium:
            docs = list(doccorpus.build(resumes, chromium=chromium, ocr_every=args.ocr_every))
    print(f"corpus: {len(docs)} files from {len(resumes)} resumes in {time.perf_counter() - started:.1f} s")

    rows = []
    for d in docs:
        t = time.perf_counter()
        doc = _read(d.data, d.name)
        first_ms = (time.perf_counter() - t) * 1000
        ms = cpu_ms = first_ms
        if d.name.endswith(".pdf") and not d.ocr:
            times, cpu = [], []
            for _ in range(args.runs):
                t, c = time.perf_counter(), time.process_time()
                _read(d.data, d.name)
                times.append((time.perf_counter() - t) * 1000)
                cpu.append((time.process_time() - c) * 1000)
            ms, cpu_ms = statistics.median(times), statistics.median(cpu)
        n_exp, n_ok, n_got = doccorpus.bullet_scores(d.expected, doc.text)
        rows.append(
            {
                "name": d.name,
                "producer": d.producer,
                "ocr": d.ocr,
                "two_columns": d.two_columns,
                "pages": doc.pages,
                "ms": ms,
                "cpu_ms": cpu_ms,
                "f1": doccorpus.char_f1(d.expected, doc.text),
                "bullets": n_exp,
                "bullets_ok": n_ok,
                "bullets_read": n_got,
                "order_ok": doccorpus.order_right(d.expected, doc.text) if d.two_columns else None,
                "ocr_confidence": doc.ocr_confidence,
            }
        )

    summary: dict[str, object] = {"files": len(rows)}
    by_producer: dict[str, dict[str, object]] = {}
    for producer in sorted({r["producer"] for r in rows}):
        rs = [r for r in rows if r["producer"] == producer]
        exp = sum(r["bullets"] for r in rs)
        by_producer[producer] = {
            "files": len(rs),
            "f1_mean": round(statistics.fmean(r["f1"] for r in rs), 4),
            "f1_min": round(min(r["f1"] for r in rs), 4),
            "bullets_recall": round(sum(r["bullets_ok"] for r in rs) / max(exp, 1), 4),
            "bullets_precision": round(
                sum(r["bullets_ok"] for r in rs) / max(sum(r["bullets_read"] for r in rs), 1), 4
            ),
            "two_column_order_ok": f"{sum(bool(r['order_ok']) for r in rs if r['two_columns'])}/"
            f"{sum(1 for r in rs if r['two_columns'])}",
        }
        print(f"{producer:20s} {json.dumps(by_producer[producer])}")
    summary["by_producer"] = by_producer
    text = [r for r in rows if not r["ocr"]]
    ocr = [r for r in rows if r["ocr"]]
    summary["text_f1_mean"] = round(statistics.fmean(r["f1"] for r in text), 4)
    summary["text_f1_min"] = round(min(r["f1"] for r in text), 4)
    summary["bullets_recall"] = round(sum(r["bullets_ok"] for r in text) / max(sum(r["bullets"] for r in text), 1), 4)
    two = [r for r in rows if r["two_columns"] and not r["ocr"]]
    summary["two_column_order_ok"] = f"{sum(bool(r['order_ok']) for r in two)}/{len(two)}"
    two_page = [r["ms"] for r in text if r["name"].endswith(".pdf") and r["pages"] == 2]
    pdf_pages = [r["ms"] / r["pages"] for r in text if r["name"].endswith(".pdf")]
    summary["ms_per_2page_pdf_median"] = round(statistics.median(two_page), 1) if two_page else None
    summary["ms_per_2page_pdf_max"] = round(max(two_page), 1) if two_page else None
    two_cpu = [r["cpu_ms"] for r in text if r["name"].endswith(".pdf") and r["pages"] == 2]
    summary["cpu_ms_per_2page_pdf_median"] = round(statistics.median(two_cpu), 1) if two_cpu else None
    summary["cpu_ms_per_2page_pdf_max"] = round(max(two_cpu), 1) if two_cpu else None
    summary["ms_per_pdf_page_median"] = round(statistics.median(pdf_pages), 1)
    summary["ms_per_docx_median"] = round(statistics.median(r["ms"] for r in text if r["name"].endswith(".docx")), 1)
    if ocr:
        summary["ocr_f1_mean"] = round(statistics.fmean(r["f1"] for r in ocr), 4)
        summary["ocr_f1_min"] = round(min(r["f1"] for r in ocr), 4)
        summary["ocr_bullets_recall"] = round(
            sum(r["bullets_ok"] for r in ocr) / max(sum(r["bullets"] for r in ocr), 1), 4
        )
        summary["ocr_ms_per_page_median"] = round(statistics.median(r["ms"] / r["pages"] for r in ocr))
        summary["ocr_confidence_mean"] = round(statistics.fmean(r["ocr_confidence"] or 0 for r in ocr), 3)
        summary["ocr_two_column_order_ok"] = (
            f"{sum(bool(r['order_ok']) for r in ocr if r['two_columns'])}/{sum(1 for r in ocr if r['two_columns'])}"
        )
    for r in sorted(rows, key=lambda r: r["f1"])[:5]:
        print(f"lowest f1: {r['name']} {r['f1']:.4f} bullets {r['bullets_ok']}/{r['bullets']}")
    for r in two:
        if not r["order_ok"]:
            print(f"two-column order wrong: {r['name']}")
    if not args.no_hostile:
        summary["hostile"] = _hostile()
    summary["loadavg"] = open("/proc/loadavg").read().split()[:3]
    print(json.dumps(summary))


def _hostile() -> dict[str, object]:
    """Read each hostile file: a DocumentError with an expected reason is right; anything else is a crash or a miss."""
    from core.documents import DocumentError, DocumentLimits, read_document

    crashes, wrong, total, slowest = [], [], 0, 0.0
    for h in hostile_docs.build():
        total += 1
        t = time.perf_counter()
        try:
            read_document(h.data, h.name, limits=dataclasses.replace(DocumentLimits(), **h.limits))
            wrong.append(f"{h.name}: read")
        except DocumentError as exc:
            if exc.reason not in h.reasons:
                wrong.append(f"{h.name}: {exc.reason}")
        except Exception as exc:  # noqa: BLE001 - counting crashes is the point
            crashes.append(f"{h.name}: {type(exc).__name__}")
        slowest = max(slowest, time.perf_counter() - t)
    print(f"hostile: {total} files, {len(crashes)} crashes, {len(wrong)} not refused as expected {crashes + wrong}")
    return {"files": total, "crashes": len(crashes), "wrong_reason": len(wrong), "slowest_s": round(slowest, 2)}


if __name__ == "__main__":
    main()
