"""The light stem and the words of soft skills."""

from __future__ import annotations

import gzip
from pathlib import Path

import core.word_stems as ws
from core.word_stems import soft_share, soft_vocabulary, stem


def test_stem_meets_the_work_and_the_one_who_does_it() -> None:
    assert stem("counseling") == stem("counselor") == stem("counsel")
    assert stem("fitting") == stem("fit") and stem("planned") == stem("plan")
    assert stem("senior") == "senior"  # not "sen": -ior is no agent suffix


def test_work_stem_reads_a_noun_in_ment_as_its_verb() -> None:
    assert ws.work_stem("development") == ws.work_stem("developer") == ws.work_stem("develop")
    assert ws.work_stem("deployment") == ws.work_stem("deployed")
    assert ws.work_stem("payment") == stem("payment")  # short words keep their -ment


def test_soft_vocabulary_reads_transversal_labels(tmp_path: Path) -> None:
    rows = (
        'preferredLabel,altLabels\nshow initiative,"take the initiative | be proactive"\ncope with stress,"stay calm"\n'
    )
    with gzip.open(tmp_path / "transversalSkillsCollection_en.csv.gz", "wt", encoding="utf-8") as handle:
        handle.write(rows)
    words = soft_vocabulary(tmp_path, ["Teamwork", "attention to detail"])
    assert {stem("initiative"), stem("proactive"), stem("calm"), stem("teamwork"), stem("detail")} <= set(words)
    assert "the" not in words and "to" not in words


def test_soft_share_reads_qualities_of_a_person(monkeypatch) -> None:
    monkeypatch.setattr(ws, "_soft", lambda: frozenset({"communic", "verbal", "calm"}))
    assert soft_share({"communic", "verbal"}) == 1.0
    assert soft_share({"grant", "writ"}, extra=frozenset({"writ"})) == 0.5
    assert soft_share(set()) == 0.0
