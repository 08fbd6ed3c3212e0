"""Skill graph builder: O*NET names normalised, ESCO merged, curated links, attribution, command output."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from core.errors import InputError
from core.skills import TAXONOMY_FILE, SkillMatcher, read_taxonomy
from core.taxonomy import ALIASES_FILE, build_taxonomy, onet_aliases
from core.taxonomy_esco import american, keep_label

ROOT = Path(__file__).resolve().parents[2]
ONET = ROOT.parent / "shared" / "data" / "onet"
ESCO = ROOT.parent / "shared" / "data" / "esco"
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


def test_run_together_product_names_match_capitalised_once() -> None:
    # resumes write "Mailchimp" and "Quickbooks"; O*NET writes MailChimp, QuickBooks
    _, _, exact = onet_aliases("MailChimp", VENDORS, VOCAB, hot=False)
    assert exact == {"MailChimp", "Mailchimp"}
    for name in ("LaTeX", "FastEST", "PuTTY"):  # not capitalised words run together: only as written
        assert onet_aliases(name, VENDORS, VOCAB, hot=False)[2] == {name}


def test_committed_taxonomy_has_attribution_and_kinds() -> None:
    document = json.loads(TAXONOMY_FILE.read_text(encoding="utf-8"))
    header = document["header"]
    assert "O*NET" in header["attribution"] and "CC BY 4.0" in header["attribution"]
    assert "This product uses the ESCO classification of the European Commission." in header["esco_attribution"]
    kinds = {s["kind"] for s in document["skills"]}
    assert kinds == {"tool", "knowledge", "soft", "certification", "licence", "degree", "category", "group"}
    ids = [s["id"] for s in document["skills"]]
    assert len(ids) == len(set(ids)), "ids are unique"
    known = set(ids)
    assert all(p in known for s in document["skills"] for p in s.get("parents", [])), "every parent is a node"
    by_name = {s["name"]: s for s in document["skills"]}
    assert "k8s" in by_name["Kubernetes"]["aliases"]
    assert "Go" in by_name["Go"]["exact"] and not by_name["Go"]["aliases"]
    assert ALIASES_FILE.is_file()


def test_build_is_deterministic_and_matches_the_committed_file() -> None:
    first, _ = build_taxonomy(ONET, esco_dir=ESCO)
    second, _ = build_taxonomy(ONET, esco_dir=ESCO)
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
        [sys.executable, "manage.py", "build-taxonomy", "--onet", str(ONET), "--esco", str(ESCO)]
        + ["--out", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout.strip().splitlines()[-1])
    assert summary["skills"] > 10000 and summary["soft"] > 5 and summary["links"] > 10000
    assert summary["certification"] > 50 and summary["licence"] > 15 and summary["degree"] > 10
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


def test_curated_graph_file_names_only_defined_concepts(tmp_path: Path) -> None:
    bad = tmp_path / "graph.yaml"
    bad.write_text("concepts:\n  Thing:\n    kind: tool\n    aliases: [thing tool]\n    parents: [No Such Concept]\n")
    with pytest.raises(InputError, match="No Such Concept"):
        build_taxonomy(ONET, graph_file=bad)


def test_esco_labels_are_filtered_and_respelled() -> None:
    vocab = {"chemistry", "technique", "football"}
    assert keep_label("high-performance liquid chromatography", "high-performance liquid chromatography", vocab)
    assert keep_label("HPLC", "high-performance liquid chromatography", vocab)
    assert not keep_label("IT", "in-circuit test", vocab), "an acronym must spell the preferred label"
    assert not keep_label("chemistry technique", "high-performance liquid chromatography", vocab)
    assert not keep_label("soccer", "football", vocab), "one-word alternative labels drift"
    assert not keep_label("quality standards", "quality standards", vocab), "two words ending in a vague head"
    assert american("search engine optimisation") == "search engine optimization"
    assert american("paediatric haematology") == "pediatric hematology" and american("exercise") == "exercise"


def test_curated_concept_carves_its_names_out_of_a_broader_entry() -> None:
    document, _ = build_taxonomy(ONET)
    by_name = {s["name"]: s for s in document["skills"]}
    id_of = {s["name"]: s["id"] for s in document["skills"]}
    hipaa, compliance = by_name["HIPAA"], by_name["Compliance"]
    assert "HIPAA" in hipaa["aliases"] + hipaa["exact"]
    assert "HIPAA" not in compliance["aliases"] + compliance["exact"]
    assert id_of["Compliance"] in hipaa["parents"]
    bsn = by_name["Bachelor of Science in Nursing"]
    assert "BSN" in bsn["aliases"] + bsn["exact"]
