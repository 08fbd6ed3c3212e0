"""The Review page's summary and skills-list text keeps its lines and escapes markup."""

from __future__ import annotations

from webapp.review_sections.tailoring import text_html


def test_summary_lines_stay_lines() -> None:
    summary = "Warehouse lead with 6 years of WMS work.\nHolds a Class A CDL."
    assert text_html(summary) == "Warehouse lead with 6 years of WMS work.<br>Holds a Class A CDL."


def test_markup_in_a_summary_is_shown_not_run() -> None:
    assert text_html("<b>C++</b> & Rust\nok") == "&lt;b&gt;C++&lt;/b&gt; &amp; Rust<br>ok"
