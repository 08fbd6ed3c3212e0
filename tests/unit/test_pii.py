"""Unit tests of core.pii: each type, severities, overlaps and redaction with restore."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.pii import find_pii, redact_texts


def _found(text: str) -> list[tuple[str, str]]:
    return [(f.type, f.text) for f in find_pii(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Contact: jane.doe+jobs@mail.example.org.", ("EMAIL_ADDRESS", "jane.doe+jobs@mail.example.org")),
        ("Call (415) 555-0132 after 5pm", ("PHONE_NUMBER", "(415) 555-0132")),
        ("Mobile: +44 20 7946 0958", ("PHONE_NUMBER", "+44 20 7946 0958")),
        ("Cep: 0532 555 44 33", ("PHONE_NUMBER", "0532 555 44 33")),
        ("PH mobile 0917 555 1234", ("PHONE_NUMBER", "0917 555 1234")),
        ("Fax: 345-899-3560x4587", ("PHONE_NUMBER", "345-899-3560x4587")),
        ("SSN 512-34-6789 on file", ("US_SSN", "512-34-6789")),
        ("card 4111 1111 1111 1111 exp 12/29", ("CREDIT_CARD", "4111 1111 1111 1111")),
        ("Amex 3782 822463 10005", ("CREDIT_CARD", "3782 822463 10005")),
        ("DOB: 04/07/1988", ("DATE_OF_BIRTH", "04/07/1988")),
        ("Born on March 3, 1985 in Ohio", ("DATE_OF_BIRTH", "March 3, 1985")),
        ("Geburtsdatum: 12.03.1990", ("DATE_OF_BIRTH", "12.03.1990")),
        ("Fecha de nacimiento: 03/12/1990", ("DATE_OF_BIRTH", "03/12/1990")),
        ("https://github.com/octocat?tab=repositories", ("URL", "https://github.com/octocat?tab=repositories")),
        ("see linkedin.com/in/janedoe for more", ("URL", "linkedin.com/in/janedoe")),
        (
            "742 Evergreen Terrace, Springfield, OR 97403",
            ("STREET_ADDRESS", "742 Evergreen Terrace, Springfield, OR 97403"),
        ),
        ("Apt 4B, 1200 Oak Avenue, Austin, TX 78701", ("STREET_ADDRESS", "Apt 4B, 1200 Oak Avenue, Austin, TX 78701")),
        ("Kurfürstendamm 21, 10719 Berlin", ("STREET_ADDRESS", "Kurfürstendamm 21, 10719 Berlin")),
        ("25 Rue de Rivoli, 75004 Paris", ("STREET_ADDRESS", "25 Rue de Rivoli, 75004 Paris")),
        ("Flat 2, 33 Queen's Road, Bristol BS8 1QE", ("STREET_ADDRESS", "Flat 2, 33 Queen's Road, Bristol BS8 1QE")),
        ("Flat 60\nPaula Court", ("STREET_ADDRESS", "Flat 60\nPaula Court")),
        ("60181 Aguilar Parkways Apt. 016", ("STREET_ADDRESS", "60181 Aguilar Parkways Apt. 016")),
        ("16, boulevard Gauthier, 75001 Paris", ("STREET_ADDRESS", "16, boulevard Gauthier, 75001 Paris")),
        ("Alameda Mara Anjos, S/N", ("STREET_ADDRESS", "Alameda Mara Anjos, S/N")),
        ("Address:\nBenákova 20", ("STREET_ADDRESS", "Benákova 20")),
        ("Rico-Siering-Gasse 28", ("STREET_ADDRESS", "Rico-Siering-Gasse 28")),
        ("P.O. Box 1234, Anchorage, AK 99501", ("STREET_ADDRESS", "P.O. Box 1234, Anchorage, AK 99501")),
        ("PSC 0413, Box 8144\nAPO AA 42323", ("STREET_ADDRESS", "PSC 0413, Box 8144\nAPO AA 42323")),
    ],
)
def test_each_type_is_found(text: str, expected: tuple[str, str]) -> None:
    assert expected in _found(text)


def test_address_block_runs_over_unit_line_to_postcode() -> None:
    text = "Philippe Guernon\n\n0104 Hafnarstraeti 5\n Suite 179\n Akureyri\n Iceland 80296"
    [finding] = find_pii(text)
    assert finding.type == "STREET_ADDRESS"
    assert finding.text.startswith("0104 Hafnarstraeti 5") and finding.text.endswith("80296")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("078-05-1120", "US_SSN"),  # the voided Woolworth sample number
        ("000-12-3456", "US_SSN"),
        ("666-12-3456", "US_SSN"),
        ("912-34-5678", "US_SSN"),
        ("123-00-4567", "US_SSN"),
        ("123-45-0000", "US_SSN"),
        ("693-09.4444", "US_SSN"),  # mixed separators
        ("4012-8888-8888-1882", "CREDIT_CARD"),  # fails Luhn
        ("1748503543012", "CREDIT_CARD"),  # Luhn-valid but no issuer uses the prefix at this length
    ],
)
def test_invalid_identifiers_are_not_that_type(text: str, kind: str) -> None:
    assert kind not in {f.type for f in find_pii(text)}


@pytest.mark.parametrize(
    "text",
    [
        "666-12-3456",  # an SSN layout is never read as a phone either
        "Ranked 1234567890 in the bracket",  # ascending placeholder digits
        "www.microsoft",
        "http://microsoft",
        "Updated setup.py and README.md for ASP.NET builds",
        "Worked 2015-2019 and 05/2019 - 06/2021",
        "Started on 2021-03-01",  # a date without birth context
        "Helped mitigate 12 risks and investigate 5 incidents",
        "Streamed order events via Kafka 2.8 to 3 services",
        "Taught CS 101, Fall 2020 - Spring 2022",
        "Led 3 Data Center migrations and 2 Distribution Center openings",
        "Smith et al. Nature 2019 reported 5 results",
    ],
)
def test_negatives_are_not_flagged(text: str) -> None:
    assert find_pii(text) == []


def test_date_inside_a_candidate_is_not_a_phone() -> None:
    assert _found("Date: 1992-02-08 20:15:24\nPhone: 0378 3549890") == [("PHONE_NUMBER", "0378 3549890")]


def test_severity_and_recommendation() -> None:
    findings = {f.type: f for f in find_pii("jane@x.io, SSN 512-34-6789, DOB: 1990-01-02", where="jd")}
    assert findings["EMAIL_ADDRESS"].severity == "contact" and findings["EMAIL_ADDRESS"].recommendation is None
    for kind in ("US_SSN", "DATE_OF_BIRTH"):
        assert findings[kind].severity == "high"
        assert findings[kind].recommendation and "Remove" in findings[kind].recommendation
    assert {f.where for f in findings.values()} == {"jd"}


def test_spans_point_at_the_text_and_do_not_overlap() -> None:
    text = "Jane | jane.doe@gmail.com | (312) 555-0199 | https://janedoe.dev | 4111111111111111"
    findings = find_pii(text)
    assert [f.type for f in findings] == ["EMAIL_ADDRESS", "PHONE_NUMBER", "URL", "CREDIT_CARD"]
    for f in findings:
        assert text[f.span[0] : f.span[1]] == f.text
    ends = [f.span[1] for f in findings]
    starts = [f.span[0] for f in findings]
    assert all(e <= s for e, s in zip(ends, starts[1:], strict=False))


def test_email_domain_is_not_also_a_url() -> None:
    assert _found("write to first.last@company.com") == [("EMAIL_ADDRESS", "first.last@company.com")]


def test_empty_text() -> None:
    assert find_pii("") == []


def test_redaction_uses_one_placeholder_per_value_across_texts() -> None:
    texts = ["Mail jane@x.io or call 415-555-0132", "jane@x.io again", "other@y.org"]
    redacted, redaction = redact_texts(texts)
    assert redacted == ["Mail [EMAIL_1] or call [PHONE_1]", "[EMAIL_1] again", "[EMAIL_2]"]
    assert [redaction.restore(r) for r in redacted] == texts


def test_restore_survives_dropped_duplicated_and_mangled_placeholders() -> None:
    _, redaction = redact_texts(["jane@x.io, 415-555-0132"])
    assert redaction.restore("Reach [EMAIL_1] / [EMAIL_1]") == "Reach jane@x.io / jane@x.io"
    assert redaction.restore("no placeholders left") == "no placeholders left"
    assert redaction.restore("[ email_1 ] and [PHONE_9]") == "jane@x.io and [PHONE_9]"
    assert redaction.restore("") == ""


def test_placeholder_already_in_the_text_is_not_reused() -> None:
    texts = ["literal [EMAIL_1] token and jane@x.io"]
    redacted, redaction = redact_texts(texts)
    assert redacted == ["literal [EMAIL_1] token and [EMAIL_2]"]
    assert redaction.restore(redacted[0]) == texts[0]


_filler = st.text(alphabet=st.characters(blacklist_characters="[]@", blacklist_categories=("Cs",)), max_size=30)
_pii_values = st.sampled_from(
    [
        "jane.doe@gmail.com",
        "(415) 555-0132",
        "+44 20 7946 0958",
        "512-34-6789",
        "4111 1111 1111 1111",
        "https://github.com/jdoe",
        "742 Evergreen Terrace, Springfield, OR 97403",
    ]
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.one_of(_filler, _pii_values.map(lambda v: f" {v} ")), max_size=6), max_size=4))
def test_redaction_round_trip(parts: list[list[str]]) -> None:
    texts = ["".join(p) for p in parts]
    redacted, redaction = redact_texts(texts)
    assert len(redacted) == len(texts)
    assert [redaction.restore(r) for r in redacted] == texts
    placeholder_of = {value: placeholder for placeholder, value in redaction.values.items()}
    for original, text in zip(texts, redacted, strict=True):
        for finding in find_pii(original):
            assert placeholder_of[finding.text] in text


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_text_never_raises(text: str) -> None:
    findings = find_pii(text)
    for finding in findings:
        assert text[finding.span[0] : finding.span[1]] == finding.text
    redacted, redaction = redact_texts([text])
    assert redaction.restore(redacted[0]) == text


def test_pathological_input_stays_fast() -> None:
    import time

    for text in ("Apt 4 " * 3000, " ".join(["Street 12 Road"] * 2000), "1 " * 10000, "a." * 10000):
        start = time.perf_counter()
        find_pii(text)
        assert time.perf_counter() - start < 3.0  # linear: well under a second on an idle core
