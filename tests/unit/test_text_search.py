"""core.text_search answers exactly what the per-call regular expression it replaced answered."""

from __future__ import annotations

import random
import re

import pytest

from core import jd_terms, text_search

NAMES = [
    "C", "C++", "C#", "Go", "go", "CI/CD", "Node.js", "node", "(LPN)", "Practical Nurse (LPN)", "AWS", "aws cloud",
    "R", "SQL", "PostgreSQL", "", " ", "a", "İstanbul", "machine learning", "e-commerce", "+", "#", ".NET", "k8s",
]  # fmt: skip
TEXTS = [
    "Built C++ services and C# tools; wrote C and Go.",
    "CI/CD with GitHub Actions; Node.js and NodeJS; (LPN) licence",
    "Licensed Practical Nurse (LPN), İstanbul; machine-learning and Machine Learning",
    "ASP.NET, .NET 8, k8s, e-commerce, R, SQL/PostgreSQL, aws cloud",
    "",
    "go-to person; going; Go; GO!",
]


def _reference(name: str, text: str, edge: str) -> bool:
    return bool(re.search(f"(?<!{edge})" + re.escape(name.lower()) + f"(?!{edge})", text.lower()))


@pytest.mark.parametrize("edge", [text_search.WORD, text_search.WORD_PLUS])
def test_same_answer_as_the_regular_expression(edge: str) -> None:
    rng = random.Random(7)
    texts = TEXTS + [" ".join(rng.choice(NAMES + ["x", "and", ",", "/"]) for _ in range(12)) for _ in range(200)]
    for text in texts:
        for name in NAMES:
            assert text_search.written_in(name, text, edge) == _reference(name, text, edge), (name, text, edge)


def test_edges() -> None:
    assert text_search.written_in("C", "wrote C and Go")
    assert not text_search.written_in("C", "wrote C++ only")  # '+' is part of the name
    assert text_search.written_in("C", "wrote C++ only", text_search.WORD)  # unless the edge is letters only
    assert not text_search.written_in("go", "going places")
    assert text_search.found("node.js", "node.js and react")
    assert not text_search.found("node", "nodejs")


def test_jd_terms_uses_it() -> None:
    assert jd_terms.written_in("CI/CD", "Built CI/CD pipelines")
    assert not jd_terms.written_in("C", "C# and C++")


def test_a_quote_is_found_where_it_stands_as_whole_words() -> None:
    text = "TOMASZ ASEVEDO-KRUK\nCertifications\nASE Master Automobile Technician"
    assert text_search.find_whole("ASE", text) == text.index("ASE Master")
    assert text_search.find_whole("Master of O", "Master of Occupational Therapy") == 0  # a cut quote: where it is
    assert text_search.find_whole("CDL", text) == -1


def test_a_piece_of_a_hyphenated_or_underscored_name_is_no_name_of_its_own() -> None:
    assert not text_search.written_whole("WP", "Deployed with WP-CLI and tuned WP_Query calls")
    assert text_search.written_whole("WP-CLI", "Deployed with WP-CLI and tuned WP_Query calls")
    assert text_search.written_whole("wp", "Built themes for WP sites")
