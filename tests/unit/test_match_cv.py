"""bench/match_cv.py: figures per folder, constants replaced by name, and leave-one-folder-out on small cases."""

from __future__ import annotations

from typing import Any

import pytest

from bench.match_cv import Pair, Sweep, _replace, by_folder, figures, lofo
from core import ats_score as ats


def pair(folder: str, fit: float, n: int) -> Pair:
    return Pair(folder=folder, id=str(n), fit=fit, group="other", baseline=fit / 100, score=0.0, features={})


FITS = [10, 30, 50, 75, 90]
PAIRS = [pair(f, fit, i) for f in ("a", "b", "c") for i, fit in enumerate(FITS)]


class _Fixed(Sweep):
    """A sweep whose candidates are given scorers, so the selection can be checked without the pipeline."""

    def __init__(self, scorers: dict[str, Any]) -> None:
        super().__init__("fixed", {"name": list(scorers)})
        self.scorers = scorers

    def candidates(self) -> list[tuple[dict[str, Any], Any]]:
        return [({"name": k}, s) for k, s in self.scorers.items()]


def test_figures_split_strong_and_weak_fits_and_rank_the_baseline():
    got = figures(PAIRS[:5], [12.0, 20.0, 55.0, 80.0, 95.0])
    assert got["pairs"] == 5 and got["spearman"] == pytest.approx(1.0)
    assert got["baseline_spearman"] == pytest.approx(1.0)
    assert got["strong_mean"] == 87.5 and got["weak_mean"] == 16.0
    table = by_folder(PAIRS, lambda p: p.fit)
    assert list(table) == ["a", "b", "c", "all"] and table["all"]["pairs"] == 15


def test_constants_are_replaced_by_name_and_by_key_of_a_dict():
    params = _replace(ats.PARAMS, {"gate_factor": 0.5, "weights.terms": 0.0})
    assert params.gate_factor == 0.5 and params.weights["terms"] == 0.0
    assert params.weights["required"] == ats.WEIGHTS["required"] and ats.PARAMS.weights["terms"] == ats.WEIGHTS["terms"]


def test_lofo_chooses_on_the_other_folders_and_measures_the_one_left_out():
    # "right" ranks every folder right but c; "right_on_c" ranks only c right: left out, c gets what a and b chose
    right = lambda p: -p.fit if p.folder == "c" else p.fit  # noqa: E731
    right_on_c = lambda p: p.fit if p.folder == "c" else -p.fit  # noqa: E731
    report = lofo(PAIRS, _Fixed({"right": right, "right_on_c": right_on_c}))
    held = report["held_out"]
    assert held["c"]["chosen"] == {"name": "right"} and held["c"]["spearman"] == pytest.approx(-1.0)
    assert held["a"]["chosen"] == {"name": "right"} and held["a"]["spearman"] == pytest.approx(1.0)
    assert report["lofo_min"] == pytest.approx(-1.0) and report["lofo_mean"] == pytest.approx(1 / 3)
