"""Word-level diff highlighting of a bullet and its rewrite."""

from __future__ import annotations

from webapp.diff import changed_ratio, diff_html, diff_ops


def test_marks_removed_and_added_words() -> None:
    left, right = diff_html("Worked on k8s clusters", "Operated Kubernetes clusters")
    assert "<del" in left and ">Worked on k8s</del>" in left
    assert ">Operated Kubernetes</ins>" in right
    assert right.endswith("clusters")


def test_escapes_html_in_user_text() -> None:
    left, right = diff_html("<script>alert(1)</script> did x", "<b>bold</b> did x")
    assert "<script>" not in left and "&lt;script&gt;" in left
    assert "&lt;b&gt;bold&lt;/b&gt;" in right


def test_identical_text_has_no_marks() -> None:
    left, right = diff_html("Led a team of 5", "Led a team of 5")
    assert left == right == "Led a team of 5"
    assert changed_ratio("same", "same") == 0.0
    assert all(op == "equal" for op, _, _ in diff_ops("a b", "a b"))
    assert changed_ratio("abc", "xyz") > 0.9
