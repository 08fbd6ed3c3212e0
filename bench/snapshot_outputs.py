"""Every output of the offline pipeline written to a folder, so a speed change can be shown to change nothing.

Runs the pipeline over the bench pairs of `bench/pairgen.py` (the warm-up, cold and warm runs of
`bench_pipeline.py`, then the warm pairs again with everything cached) and over every pair of the labelled
folders (`../shared/eval/match_dev`, `tests/data/match_blind*`, `tests/data/rewrite_blind`), and dumps each item's
whole state (signals, brief, rewrites, bullet results, sections, questions, result) and its tailored document as
JSON, timings removed. It also captures `manage.py eval match --input DIR --details` on each match folder and
`bench/bench_rewrites.py --rows --input DIR` on match_dev and rewrite_blind (their wall-clock and load fields
removed). Compare two snapshots with `diff -r OLD NEW` (or `--compare OLD`): a speed step must leave them identical.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.pairgen import make_pairs  # noqa: E402
from core.config import load_settings  # noqa: E402
from core.factory import build_context  # noqa: E402
from core.pipeline import run_to_end  # noqa: E402
from core.tailor import tailored_document  # noqa: E402
from core.types import ItemState, MemoryCache  # noqa: E402

MATCH_DIRS = [ROOT.parent / "shared" / "eval" / "match_dev", *sorted((ROOT / "tests" / "data").glob("match_blind*"))]
REWRITE_DIRS = [ROOT.parent / "shared" / "eval" / "match_dev", ROOT / "tests" / "data" / "rewrite_blind"]
_TIMING = {"ms", "latency_ms", "seconds", "loadavg", "ms_per_sentence"}


def _scrub(value: Any) -> Any:
    """The value without wall-clock fields (stage timings, latencies, seconds, load)."""
    if isinstance(value, dict):
        return {k: _scrub(v) for k, v in value.items() if k not in _TIMING}
    if isinstance(value, list):
        return [_scrub(v) for v in value]
    return value


def _item(state: ItemState) -> dict[str, Any]:
    """An item's whole state and tailored document, timings removed."""
    dumped = _scrub(state.model_dump(mode="json"))
    document = None
    if state.bullet_results is not None and state.resume_clean is not None:
        standing = [r.rewrite if r.accepted and r.rewrite else r.original for r in state.bullet_results]
        document = tailored_document(state.resume_clean, state.bullets, standing, state.sections)
    return {"state": dumped, "tailored_document": document}


def _run(pairs: list[tuple[str, str]], ctx: Any, prefix: str) -> list[dict[str, Any]]:
    return [
        _item(run_to_end(ItemState(item_id=f"{prefix}-{i}", resume_text=r, jd_text=jd), ctx))
        for i, (r, jd) in enumerate(pairs)
    ]


def _folder_pairs(folder: Path) -> list[tuple[str, str]]:
    rows = [json.loads(line) for line in (folder / "labels.jsonl").read_text(encoding="utf-8").splitlines() if line]
    return [
        ((folder / row["resume"]).read_text(encoding="utf-8"), (folder / row["jd"]).read_text(encoding="utf-8"))
        for row in rows
    ]


def _write(out: Path, name: str, value: Any) -> None:
    (out / name).write_text(json.dumps(value, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")


def _command(args: list[str]) -> list[Any]:
    """The JSON lines a command prints, wall-clock fields removed (other lines kept as text)."""
    env = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"}
    done = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    lines: list[Any] = []
    for line in done.stdout.splitlines():
        try:
            lines.append(_scrub(json.loads(line)))
        except json.JSONDecodeError:
            lines.append(line)
    return lines


def snapshot(out: Path, n: int, commands: bool) -> None:
    """Write the snapshot into `out`."""
    out.mkdir(parents=True, exist_ok=True)
    ctx = build_context(load_settings(llm_provider="offline"), cache=MemoryCache())
    _write(out, "bench_warmup.json", _run(make_pairs(5, seed=1), ctx, "warmup"))
    ctx.cache = MemoryCache()
    _write(out, "bench_cold.json", _run(make_pairs(n, seed=11), ctx, "cold"))
    warm = make_pairs(n, seed=23, jds=5)
    ctx.cache = MemoryCache()
    _run(warm[:5], ctx, "prewarm")
    _write(out, "bench_warm.json", _run(warm, ctx, "warm"))
    _write(out, "bench_warm_again.json", _run(warm, ctx, "warm"))  # every text seen before: caches answer
    for folder in sorted({*MATCH_DIRS, *REWRITE_DIRS}):
        _write(out, f"pairs_{folder.name}.json", _run(_folder_pairs(folder), ctx, folder.name))
    if not commands:
        return
    python = sys.executable
    for folder in MATCH_DIRS:
        lines = _command([python, "manage.py", "eval", "match", "--input", str(folder), "--details"])
        _write(out, f"eval_match_{folder.name}.json", lines)
    for folder in REWRITE_DIRS:
        lines = _command([python, "bench/bench_rewrites.py", "--rows", "--input", str(folder)])
        _write(out, f"bench_rewrites_{folder.name}.json", lines)


def compare(old: Path, new: Path) -> list[str]:
    """Names of the files that differ between two snapshots (or exist in only one)."""
    names = {p.name for p in old.glob("*.json")} | {p.name for p in new.glob("*.json")}
    differ = []
    for name in sorted(names):
        a, b = old / name, new / name
        if not (a.exists() and b.exists()) or a.read_bytes() != b.read_bytes():
            differ.append(name)
    return differ


def main() -> None:
    """Write a snapshot; with --compare, say whether it is byte-identical to an earlier one (exit 1 if not)."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path, help="folder to write the snapshot into")
    parser.add_argument("-n", type=int, default=200, help="bench pairs per run (cold and warm)")
    parser.add_argument("--no-commands", action="store_true", help="skip eval match and bench_rewrites")
    parser.add_argument("--compare", type=Path, help="an earlier snapshot folder to compare with")
    args = parser.parse_args()
    snapshot(args.out, args.n, commands=not args.no_commands)
    digest = hashlib.sha256()
    for path in sorted(args.out.glob("*.json")):
        digest.update(path.name.encode() + path.read_bytes())
    summary: dict[str, Any] = {"out": str(args.out), "files": len(list(args.out.glob("*.json")))}
    summary["sha256"] = digest.hexdigest()
    if args.compare is not None:
        summary["differ"] = compare(args.compare, args.out)
    print(json.dumps(summary))
    if summary.get("differ"):
        sys.exit(1)


if __name__ == "__main__":
    main()
