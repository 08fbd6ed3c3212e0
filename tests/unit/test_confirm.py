"""Questions to confirm with the candidate read as questions a recruiter can send."""

from __future__ import annotations

from core.confirm import question


def test_a_duty_is_asked_as_a_duty_and_a_gerund_without_with() -> None:
    assert question("run small-group and individual counseling sessions") == (
        "Can you run small-group and individual counseling sessions, and where have you done it?"
    )
    assert question("performing prophylaxis and periodontal charting") == (
        "Do you have experience performing prophylaxis and periodontal charting, and where did you do it?"
    )
    assert question("control of food and labor costs").startswith("Do you have experience with control of")


def test_a_word_the_jd_reader_cut_is_dropped_with_what_dangles() -> None:
    sentence = "2+ years of full-cycle technical recruiting in an agency or in-house"
    assert question("2+ years of full-cycle technical recruiting in an agenc", [], "experience_years", sentence) == (
        "Do you have 2+ years of full-cycle technical recruiting, and in which roles?"
    )


def test_no_taxonomy_label_and_no_company_sentence() -> None:
    sentence = "4+ years of professional backend development"
    asked = question(sentence, ["Back-End Development"], "experience_years", sentence)
    assert asked == "Do you have 4+ years of professional backend development, and in which roles?"
    assert question("We're looking for a Marketing Manager to build our pipeline engine from scratch") is None
    assert (
        question(
            "We're looking for someone with at least 2 years of professional writing experience", [], "experience_years"
        )
        == "Do you have at least 2 years of professional writing experience, and in which roles?"
    )


def test_articles_and_capitals() -> None:
    assert question("MS or PhD in Computer Science", [], "degree").startswith("Do you hold an MS or PhD")
    assert question("Master's degree in School Counseling", [], "degree").startswith("Do you hold a Master's")
    assert question("Valid driver's license", [], "licence") == (
        "Do you hold a current driver's license, and which state or body issued it?"
    )
    assert question("cloud data warehouse", [], "tool").startswith("Have you used a cloud data warehouse")
    assert question("Estimating software", [], "tool").startswith("Have you used estimating software")
    assert question("performance testing tools like k6", [], "tool").startswith("Have you used performance testing")
    assert question("Microsoft 365", [], "tool").startswith("Have you used Microsoft 365")
    assert question("Kafka", [], "tool") == "Have you used Kafka in your work, and for how long?"


def test_nothing_to_ask_about_is_not_asked() -> None:
    assert question("with") is None and question("someone with") is None and question("(") is None


def test_a_jd_name_the_resume_holds_only_inside_a_longer_name_is_not_supported() -> None:
    from core.confirm import supported_name
    from core.types import JDSignals, SkillMention

    signals = JDSignals(required=[SkillMention(skill="Windows Phone", span=(0, 2), quote="WP")])
    assert supported_name(signals, "Windows Phone", "Deployed with WP-CLI and tuned WP_Query calls") is None
    assert supported_name(signals, "Windows Phone", "Shipped three WP apps") == "WP"
