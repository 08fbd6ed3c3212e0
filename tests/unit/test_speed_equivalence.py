"""The shortcuts taken for speed (issue 12's throughput goal) answer what the slower code they replace answered."""

from __future__ import annotations

from pathlib import Path

from lemminflect import getAllLemmas

from core import rewritable, roles

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
LINES = [
    "Senior Engineer, Acme Corp (2019 - Present)",
    "Jan 2020 – Dec 2022",
    "since 2015",
    "summer 2021 to 2022",
    "03/2019 - now",
    "Built a pipeline in 2 weeks for 1,900 users",
    "Wrote 2020-21 reports until 2023",
    "Education 1998 through 2002",
    "no dates at all here",
    "",
]


def test_role_range_prefilter_changes_no_answer() -> None:
    lines = LINES + (SAMPLES / "resume.txt").read_text(encoding="utf-8").splitlines()
    for line in lines:
        fast, slow = roles._range(line), roles._RANGE.search(line)
        assert (fast and fast.span()) == (slow and slow.span()), line
    resume = (SAMPLES / "resume.txt").read_text(encoding="utf-8")
    assert roles.find_roles(resume) == roles.find_roles(resume)  # remembered, and a fresh list each time
    assert roles.find_roles(resume) is not roles.find_roles(resume)
    assert any(r.current for r in roles.find_roles("Engineer\nMarch 2022 to present\n- Built things"))


def test_known_word_cache_is_the_lexicon() -> None:
    for word in ["built", "the", "kubernetes", "zzxq", "managed", "und", "of", "datos"]:
        assert rewritable._known(word) == (word in rewritable._FUNCTION_WORDS or bool(getAllLemmas(word)))
