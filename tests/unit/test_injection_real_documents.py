"""Real resumes and JDs are never flagged: a false alarm quarantines the pair and silently removes it from ranking."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.injection import detect_injection

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = sorted((ROOT.parent / "shared" / "eval" / "match_dev" / "pairs").glob("*.txt")) + sorted(
    (ROOT / "samples").glob("*.txt")
)


def test_the_folders_hold_documents() -> None:
    assert len(DOCUMENTS) >= 40


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_a_recruiter_labelled_document_is_not_an_injection(path: Path) -> None:
    verdict = detect_injection(path.read_text(encoding="utf-8"))
    assert not verdict.detected, [e.text for e in verdict.evidence]
