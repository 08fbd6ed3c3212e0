"""Accepting resume files over the REST API: one multipart bulk request of N PDFs against a DOCX JD, beside the same
resumes posted as JSON text (the difference is the reading of the files).

In process (FastAPI TestClient), a temporary SQLite database, the offline engine, no worker: what is timed is the
request, from the first byte to the 202. Prints one JSON object.

    .venv/bin/python bench/bench_uploads.py [--files 40] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.doccorpus import load_sources, parse, to_docx, to_pdf_platypus  # noqa: E402


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    """Build the files, post them both ways `runs` times, print the medians."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--files", type=int, default=40)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()

    from fastapi.testclient import TestClient

    from api.app import create_app
    from core.config import load_settings
    from core.documents import read_document
    from db.migrate import upgrade
    from db.session import session_scope
    from services.api_keys import create_api_key
    from services.users import create_user

    resumes = load_sources(limit=args.files)
    pdfs = [(f"{i:03d}-{r.source.rsplit('.', 1)[0]}.pdf", to_pdf_platypus(r)) for i, r in enumerate(resumes)]
    jd_text = (ROOT / "samples" / "jd.txt").read_text()
    jd_docx = to_docx(parse(jd_text))
    texts = [read_document(data, name).text for name, data in pdfs]
    pages = [read_document(data, name).pages for name, data in pdfs]

    with tempfile.TemporaryDirectory() as home:
        settings = load_settings(database_url=f"sqlite:///{home}/bench.db", redis_url=None, bulk_rate_per_minute=10_000)
        upgrade(settings)
        with session_scope(settings) as s:
            create_user(s, username="bench", role="recruiter", password="bench-password-1")
            _, key = create_api_key(s, username="bench", name="bench", scopes=("jobs:write", "jobs:read"))
        auth = {"Authorization": f"Bearer {key}"}
        files_wall, files_cpu, json_wall, json_cpu = [], [], [], []
        with TestClient(create_app(settings)) as client:
            for _ in range(args.runs):
                parts = [("files", (n, d, "application/pdf")) for n, d in pdfs]
                parts.append(("jd", ("jd.docx", jd_docx, "application/octet-stream")))
                t0, c0 = time.perf_counter(), _cpu()
                got = client.post("/api/bulk/process", files=parts, headers=auth)
                files_wall.append(time.perf_counter() - t0)
                files_cpu.append(_cpu() - c0)
                assert got.status_code == 202, got.text
                t0, c0 = time.perf_counter(), _cpu()
                got = client.post("/api/bulk/process", json={"jd": jd_text, "resumes": texts}, headers=auth)
                json_wall.append(time.perf_counter() - t0)
                json_cpu.append(_cpu() - c0)
                assert got.status_code == 202, got.text
    body_mb = (sum(len(d) for _, d in pdfs) + len(jd_docx)) / 2**20
    print(
        json.dumps(
            {
                "files": len(pdfs),
                "pages": sum(pages),
                "body_mb": round(body_mb, 2),
                "multipart_s": round(statistics.median(files_wall), 3),
                "multipart_cpu_s": round(statistics.median(files_cpu), 3),
                "multipart_ms_per_file": round(1000 * statistics.median(files_wall) / len(pdfs), 1),
                "json_same_texts_s": round(statistics.median(json_wall), 3),
                "json_cpu_s": round(statistics.median(json_cpu), 3),
                "load_average": round(os.getloadavg()[0], 1),
            }
        )
    )


if __name__ == "__main__":
    main()
