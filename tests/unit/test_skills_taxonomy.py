"""Taxonomy builder: O*NET names normalised, aliases merged, attribution in the header, command output."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from core.skills import TAXONOMY_FILE, SkillMatcher, read_taxonomy
from core.taxonomy import ALIASES_FILE, build_taxonomy, onet_aliases

ROOT = Path(__file__).resolve().parents[2]
ONET = ROOT.parent / "shared" / "data" / "onet"
VOCAB = {"database", "scheduling", "visual", "project", "word", "access"}
VENDORS = ["Apache", "Atlassian", "Amazon Web Services AWS", "Amazon Web Services", "The MathWorks", "Oracle"]


def test_acronym_long_forms_become_the_acronym() -> None:
    canonical, aliases, _ = onet_aliases("Structured query language SQL", VENDORS, VOCAB, hot=True)
    assert canonical == "SQL"
    assert {"Structured query language", "Structured query language SQL"} <= aliases


def test_vendor_prefix_is_stripped_for_the_canonical_name() -> None:
    canonical, aliases, _ = onet_aliases("Atlassian JIRA", VENDORS, VOCAB, hot=True)
    assert canonical == "JIRA" and "Atlassian JIRA" in aliases
    canonical, _, _ = onet_aliases("The MathWorks MATLAB", VENDORS, VOCAB, hot=True)
    assert canonical == "MATLAB"
    canonical, aliases, _ = onet_aliases("Amazon Web Services AWS software", VENDORS, VOCAB, hot=True)
    assert canonical == "AWS" and "Amazon Web Services AWS software" in aliases


def test_generic_categories_are_dropped_and_niche_words_need_exact_case() -> None:
    assert onet_aliases("Database software", VENDORS, VOCAB) is None
    canonical, aliases, exact = onet_aliases("FastEST", VENDORS, VOCAB, hot=False)
    assert canonical == "FastEST" and not aliases and exact == {"FastEST"}


def test_committed_taxonomy_has_attribution_and_kinds() -> None:
    document = json.loads(TAXONOMY_FILE.read_text(encoding="utf-8"))
    header = document["header"]
    assert "O*NET" in header["attribution"] and "CC BY 4.0" in header["attribution"]
    kinds = {s["kind"] for s in document["skills"]}
    assert kinds == {"tool", "knowledge", "soft"}
    by_name = {s["name"]: s for s in document["skills"]}
    assert "k8s" in by_name["Kubernetes"]["aliases"]
    assert "Go" in by_name["Go"]["exact"] and not by_name["Go"]["aliases"]
    assert ALIASES_FILE.is_file()


def test_build_is_deterministic_and_matches_the_committed_file() -> None:
    first, _ = build_taxonomy(ONET)
    second, _ = build_taxonomy(ONET)
    assert first == second
    assert first["skills"] == read_taxonomy(), "core/data is stale: run `python manage.py build-taxonomy`"


def test_matcher_from_a_small_taxonomy() -> None:
    matcher = SkillMatcher(
        [
            {"name": "Kubernetes", "kind": "tool", "aliases": ["Kubernetes", "k8s"], "exact": []},
            {"name": "Go", "kind": "tool", "aliases": [], "exact": ["Go"], "ambiguous": ["Go"]},
        ]
    )
    assert [m.skill for m in matcher.find("K8S and Go, daily")] == ["Kubernetes", "Go"]
    assert matcher.find("Go home") == []


@pytest.mark.slow
def test_build_taxonomy_command_writes_files_and_prints_json(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "manage.py", "build-taxonomy", "--onet", str(ONET), "--out", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout.strip().splitlines()[-1])
    assert summary["skills"] > 5000 and summary["soft"] > 5
    assert (tmp_path / "skills_taxonomy.json").is_file() and (tmp_path / "occupations.json").is_file()


def test_build_taxonomy_command_fails_in_one_line_on_a_missing_folder(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "manage.py", "build-taxonomy", "--onet", str(tmp_path / "none")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode != 0
    assert done.stderr.strip().count("\n") == 0 and "not found" in done.stderr
