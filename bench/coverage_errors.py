"""Coverage errors of the labelled folders, with the labels' evidence and the judge's, and a fast re-judge loop.

`capture` runs the pipeline once per pair (the offline engine, as `manage.py eval match` does) and keeps what
coverage reads (the resume, its bullets, the JD's signals, the score's other inputs) in .cache/coverage_errors;
`figures` judges coverage again with the code as it stands now (seconds, not minutes: only core.coverage runs) and
prints each folder's coverage accuracy and Spearman; `errors` also lists every coverage error of the read folders
with the labelled evidence, the requirement as read and the evidence the judge found. Re-capture after a change to
the JD reading or the skill graph (the signals change); a change to coverage alone needs none. Blind 9 is read by
nobody: only its aggregate is ever printed.

    python bench/coverage_errors.py capture
    python bench/coverage_errors.py figures
    python bench/coverage_errors.py errors dev blind6 > /tmp/errors.txt
"""

from __future__ import annotations

import argparse
import pickle
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.match_cv import FOLDERS  # noqa: E402
from core.evals.match_eval import (  # noqa: E402
    MATCH_MIN,
    _labels,
    baseline_scores,
    extracted_from_result,
    judge_pair,
    read_folder,
    similarity,
    summarise,
    word_similarity,
)

CACHE = ROOT / ".cache" / "coverage_errors"
UNREAD = frozenset({"blind9"})  # folders whose pairs and labels nobody reads: aggregate figures only


def _context() -> Any:
    from core.config import load_settings
    from core.factory import build_context

    return build_context(load_settings(llm_provider="offline"))


def capture(name: str, ctx: Any) -> None:
    """Run the pipeline on a folder and keep, per pair, what coverage and the score before read."""
    from core import ats_score, scoring
    from core.pipeline import run_to_end
    from core.types import ItemState

    rows = read_folder(FOLDERS[name])
    baselines = baseline_scores([(resume, jd) for _, resume, jd in rows])
    real_cover, real_score = scoring.score_before_and_coverage, ats_score.score
    got: dict[str, Any] = {}

    def cover(
        before: list[str],
        after: list[str],
        resume: str,
        bullets: Any,
        signals: Any,
        matcher: Any,
        jd: str | None = None,
    ) -> Any:
        got["args"] = (before, resume, bullets, signals)
        return real_cover(before, after, resume, bullets, signals, matcher, jd)

    def score(judged: Any, **kwargs: Any) -> Any:
        if kwargs.get("side") == "before" and "kwargs" not in got:
            got["kwargs"] = kwargs
        return real_score(judged, **kwargs)

    out = []
    scoring.score_before_and_coverage, ats_score.score = cover, score  # type: ignore[assignment]
    try:
        for (row, resume, jd), base in zip(rows, baselines, strict=True):
            got.clear()
            state = run_to_end(ItemState(item_id=f"cov-{name}-{row['id']}", resume_text=resume, jd_text=jd), ctx)
            out.append({"row": row, "base": base, **got, "result": state.result or {}})
    finally:
        scoring.score_before_and_coverage, ats_score.score = real_cover, real_score  # type: ignore[assignment]
    CACHE.mkdir(parents=True, exist_ok=True)
    (CACHE / f"{name}.pkl").write_bytes(pickle.dumps(out))


def rejudge(name: str, ctx: Any) -> list[tuple[dict[str, Any], dict[str, Any], list[Any]]]:
    """(label row, item result, judged requirements) per pair, coverage judged by the code as it stands."""
    from core import ats_score
    from core.coverage import entries_of, judge_all
    from core.types import Bullet

    out = []
    for item in pickle.loads((CACHE / f"{name}.pkl").read_bytes()):
        result, judged = dict(item["result"]), []
        if "args" in item:
            before, resume, bullets, signals = item["args"]
            if len(bullets) != len(before):
                bullets = [Bullet(index=i, text=t) for i, t in enumerate(before)]
            judged = judge_all(resume, bullets, signals, ctx.matcher, None)
            result["coverage"] = [e.model_dump(mode="json") for e in entries_of(judged)]
            result["score_before"] = ats_score.score(judged, **item["kwargs"])[0]
        out.append((item, result, judged))
    return out


def _errors(name: str, item: dict[str, Any], result: dict[str, Any], judged: list[Any], canonical: Any) -> list[str]:
    """Each coverage error of a pair: the label, its evidence, the requirement as read and the judge's evidence."""
    row, lines = item["row"], []
    raw = {r["names"][0]: r for level in ("required", "preferred") for r in row.get(level, [])}
    extracted = extracted_from_result(result)
    for label in _labels(row):
        label.canonical = set().union(*(canonical(n) for n in label.names)) if label.names else set()
        scored = [
            (similarity(label.names, e.names, label.canonical, e.canonical), word_similarity(label.names, e.names), i)
            for i, e in enumerate(extracted)
        ]
        top = max(scored, default=(0.0, 0.0, -1), key=lambda t: (t[0], t[1], -t[2]))
        if top[0] < MATCH_MIN or top[2] >= len(judged) or judged[top[2]].before == label.covered:
            continue
        j, labelled = judged[top[2]], raw[label.names[0]]
        req = j.requirement
        lines += [
            f"== {name}/{row['id']} fit {row['fit']} [{row.get('occupation', '')}] labelled {label.covered} "
            f"({labelled['kind']}), judged {j.before} ({j.how}, {req.kind})",
            f"   label: {labelled['names']} any_of={labelled.get('any_of')} evidence={labelled.get('evidence')!r}",
            f"   read:  {req.jd_name!r} skill={req.skill} alternatives={req.alternatives[:6]} years={req.years}",
            f"   found: {[(e.bullet, e.quote, e.via) for e in j.evidence[:3]]}",
        ]
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mode", choices=["capture", "figures", "errors"])
    parser.add_argument("folders", nargs="*", help=f"of {', '.join(FOLDERS)} (default: all)")
    args = parser.parse_args()
    names = args.folders or list(FOLDERS)
    ctx = _context()
    canonical = lambda name: {m.skill for m in ctx.matcher.find(name)}  # noqa: E731
    for name in names:
        if args.mode == "capture":
            capture(name, ctx)
            print(f"{name}: captured", flush=True)
            continue
        judged = rejudge(name, ctx)
        outcomes = [judge_pair(item["row"], result, item["base"], canonical) for item, result, _ in judged]
        figures = summarise(outcomes)
        print(f"{name}: coverage {figures['coverage_accuracy']:.4f} spearman {figures['spearman']:.4f}", flush=True)
        if args.mode == "errors" and name not in UNREAD:
            for item, result, reqs in judged:
                for line in _errors(name, item, result, reqs, canonical):
                    print(line)


if __name__ == "__main__":
    main()
