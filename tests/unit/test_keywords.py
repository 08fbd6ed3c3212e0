"""core/keywords.py in plain Python gives scikit-learn's TfidfVectorizer weights and the same key phrases."""

from __future__ import annotations

import json
from pathlib import Path

from core.keywords import OCCUPATIONS_FILE, KeyPhraser, analyze, load_keyphraser

ROOT = Path(__file__).resolve().parents[2]


def _background() -> list[str]:
    data = json.loads(OCCUPATIONS_FILE.read_text(encoding="utf-8"))["occupations"]
    return [f"{o['title']}. {o['description']}" for o in data]


def test_analyzer_drops_stop_words_before_pairing_neighbours():
    assert analyze("We need a C++ and Node.js engineer; Kubernetes is a plus.") == [
        "c++",
        "node.js",
        "engineer",
        "kubernetes",
        "c++ node.js",
        "node.js engineer",
        "engineer kubernetes",
    ]
    assert analyze("the and of") == []


def test_unseen_words_rank_as_rare_and_unseen_pairs_are_dropped():
    kp = KeyPhraser(["python developer", "python tester", "java developer"], top_k=5)
    # developer: said twice, (1 + ln 2) x (ln(4/3) + 1); python developer: once, (ln(4/2) + 1) x 1.2 for a pair;
    # zyxlang: not in the background, so the idf at the rarer quarter (ln(4/2) + 1), without the pair's boost
    weights = [(k.term, k.weight) for k in kp.keywords("Zyxlang developer python developer")]
    assert weights == [("developer", 1.0), ("python developer", 0.932), ("zyxlang", 0.777), ("python", 0.591)]


def test_same_idf_and_key_phrases_as_scikit_learn():
    from sklearn.feature_extraction import text as text_mod  # pinned in requirements.txt: the reference to match

    from core.keywords import _BOILERPLATE, _TERM_PATTERN

    background = _background()
    reference = text_mod.TfidfVectorizer(
        ngram_range=(1, 2),
        stop_words=list(text_mod.ENGLISH_STOP_WORDS | _BOILERPLATE),
        sublinear_tf=True,
        token_pattern=_TERM_PATTERN,
        lowercase=True,
    ).fit(background)
    kp = load_keyphraser()
    assert kp._idf == {term: float(reference.idf_[i]) for term, i in reference.vocabulary_.items()}
    jds = [(ROOT / "samples" / "jd.txt").read_text(encoding="utf-8")]
    jds += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "data").rglob("*_jd.txt"))]
    analyzer = reference.build_analyzer()
    for jd in jds:
        assert analyze(jd) == analyzer(jd)
        assert kp.keywords(jd), jd[:80]


def test_stop_words_file_is_scikit_learns_list():
    from sklearn.feature_extraction import text as text_mod  # pinned in requirements.txt: the reference to match

    from core.keywords import _english_stop_words

    assert _english_stop_words() == text_mod.ENGLISH_STOP_WORDS
