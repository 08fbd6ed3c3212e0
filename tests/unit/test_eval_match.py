"""eval match: the matching rules on small cases, and the ratchet on the labelled development pairs."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from core.evals.match_eval import content_tokens, judge_pair, similarity, summarise

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT.parent / "shared" / "eval" / "match_dev"
BLIND = ROOT / "tests" / "data" / "match_blind"


def _row(**kw: object) -> dict:
    base = {"id": "x", "group": "g", "fit": 90, "required": [], "preferred": [], "not_requirements": []}
    return {**base, **kw}


def _label(names: list[str], covered: bool, any_of: list[str] | None = None) -> dict:
    return {"names": names, "any_of": any_of or [], "covered": covered, "evidence": "", "kind": "hard_skill"}


def test_names_match_by_words_or_by_canonical_skill() -> None:
    assert content_tokens("5+ years of SQL experience") == {"5", "sql"}
    assert similarity(["Kubernetes", "K8s"], ["k8s clusters"], set(), set()) == 1.0
    assert similarity(["infrastructure as code"], ["Terraform"], {"Infrastructure as Code"}, {"Terraform"}) == 0.0
    assert similarity(["IaC"], ["IaC"], {"Infrastructure as Code"}, {"Infrastructure as Code"}) == 1.0
    assert similarity(["registered nurse license"], ["Current Ohio registered nurse license"], set(), set()) == 1.0


def test_recall_precision_and_coverage_are_counted_per_label() -> None:
    row = _row(
        required=[_label(["Python"], True), _label(["AWS, GCP or Azure", "public cloud"], False, ["AWS", "Azure"])],
        preferred=[_label(["Grafana"], True)],
        not_requirements=["Slack"],
    )
    result = {
        "score_before": 80,
        "coverage": [
            {"skill": "Python", "required": True, "before": True, "jd_name": "Python"},
            {"skill": "AWS", "required": True, "before": True, "jd_name": "AWS or Azure", "alternatives": ["Azure"]},
            {"skill": "Slack", "required": False, "before": False, "jd_name": "Slack"},
        ],
    }
    outcome = judge_pair(row, result, 0.5, lambda name: set())
    assert (outcome.labels, outcome.found, outcome.extracted, outcome.extracted_ok) == (3, 2, 3, 2)
    assert outcome.coverage_ok == 1 and outcome.misses == ["Grafana"] and outcome.false_positives == ["Slack"]
    figures = summarise([outcome])
    assert figures["req_recall"] == round(2 / 3, 4) and figures["req_precision"] == round(2 / 3, 4)
    assert figures["coverage_accuracy"] == 0.5 and figures["level_accuracy"] == 1.0


def _ratchet() -> dict:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.search(r"<!-- match-ratchet (\{.*?\}) -->", readme)
    assert found, "README records the match figures in a <!-- match-ratchet {...} --> line"
    return json.loads(found.group(1))


def _run(folder: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "manage.py", "eval", "match", "--input", str(folder)]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)


def _eval(folder: Path) -> dict:
    done = _run(folder)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.slow
def test_dev_figures_never_fall_below_what_the_readme_records() -> None:
    floor = _ratchet()
    got = _eval(DEV)
    assert got["pairs"] == 40
    for key in ("spearman", "strong_mean", "req_recall", "req_precision", "coverage_accuracy", "level_accuracy"):
        assert got[key] >= floor[key], f"{key}: {got[key]} < {floor[key]} recorded in the README"
    assert got["weak_mean"] <= floor["weak_mean_max"]
    assert got["spearman"] > got["baseline_spearman"], "the score must rank better than TF-IDF cosine"
    for name, group in got["by_group"].items():
        assert group["req_recall"] >= floor["group_recall_min"], name
        assert group["req_precision"] >= floor["group_precision_min"], name


@pytest.mark.slow
def test_blind_pairs_are_read_and_a_bad_folder_fails_in_one_line(tmp_path: Path) -> None:
    got = _eval(BLIND)
    assert got["pairs"] == 14 and set(got["by_group"]) >= {"healthcare", "finance", "logistics"}
    done = _run(tmp_path)
    assert done.returncode != 0 and "labels.jsonl" in done.stderr and done.stderr.strip().count("\n") == 0
