"""Word weights: rare words of the work weigh more than common ones, built from ESCO/O*NET-shaped files."""

from __future__ import annotations

import csv
import gzip
from pathlib import Path

from core.word_stems import work_stem as stem
from core.word_weights import weight, weighted_share, word_weights


def _gz(path: Path, rows: list[dict[str, str]]) -> None:
    with gzip.open(path, "wt", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def test_weights_from_the_source_files(tmp_path: Path) -> None:
    skills = [
        {"preferredLabel": f"manage {thing}", "altLabels": "", "description": "management of the work"}
        for thing in ("staff", "budgets", "stock", "fleets")
    ]
    skills.append({"preferredLabel": "rig loads", "altLabels": "rigging", "description": "overhead crane work"})
    _gz(tmp_path / "skills_en.csv.gz", skills)
    _gz(tmp_path / "occupations_en.csv.gz", [{"preferredLabel": "rigger", "altLabels": "", "description": "manage"}])
    (tmp_path / "occupation_data.tsv").write_text("O*NET-SOC Code\tTitle\tDescription\n1\tManagers\tManage\n")
    weights, rare = word_weights(tmp_path, tmp_path)
    assert weights[stem("manage")] < rare  # in six of seven documents
    assert stem("crane") not in weights  # in one: weighs as the rarest


def test_a_rare_shared_word_counts_for_more_than_a_common_one() -> None:
    asked = {stem(w) for w in ("install", "repair", "conveyors", "bearings")}
    rare = weighted_share(asked, frozenset({stem("conveyors"), stem("bearings")}))
    common = weighted_share(asked, frozenset({stem("install"), stem("repair")}))
    assert rare > 0.5 > common
    assert weight(stem("management")) < weight(stem("conveyor"))  # the shipped file
