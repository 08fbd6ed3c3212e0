"""PII recall on values Faker generates in 26 locales (written elsewhere, never tuned row by row), and quiet
on the prose Faker generates."""

from __future__ import annotations

from collections import Counter

import pytest
from faker import Faker

from core.pii import find_pii

LOCALES = (
    "en_US en_GB de_DE fr_FR es_ES it_IT nl_NL sv_SE da_DK fi_FI pt_BR pt_PT pl_PL cs_CZ hu_HU el_GR tr_TR en_AU "
    "en_CA ja_JP is_IS no_NO en_IN ru_RU es_MX en_PH"
).split()
PROVIDERS = {
    "street_address": "STREET_ADDRESS",
    "address": "STREET_ADDRESS",
    "phone_number": "PHONE_NUMBER",
    "email": "EMAIL_ADDRESS",
    "credit_card_number": "CREDIT_CARD",
}
TEMPLATES = ("{v}", "Contact details:\n{v}\n", "You can reach me at {v}.")
GOALS = {"STREET_ADDRESS": 0.80, "PHONE_NUMBER": 0.90, "EMAIL_ADDRESS": 0.97, "CREDIT_CARD": 0.97}


@pytest.fixture(scope="module")
def recall() -> dict[str, float]:
    found: Counter = Counter()
    total: Counter = Counter()
    for locale in LOCALES:
        fake = Faker(locale)
        fake.seed_instance(2024)
        for provider, kind in PROVIDERS.items():
            if not hasattr(fake, provider):  # a few locales have no phone provider
                continue
            for i in range(9):
                value = getattr(fake, provider)()
                text = TEMPLATES[i % len(TEMPLATES)].format(v=value)
                start = text.index(value)
                end = start + len(value)
                total[kind] += 1
                found[kind] += any(f.type == kind and f.span[0] < end and start < f.span[1] for f in find_pii(text))
    return {kind: found[kind] / total[kind] for kind in total}


@pytest.mark.parametrize("kind", sorted(GOALS))
def test_recall_on_faker_values(recall: dict[str, float], kind: str) -> None:
    assert recall[kind] >= GOALS[kind], recall


def test_faker_prose_is_quiet() -> None:
    flagged = 0
    texts = 0
    for locale in ("en_US", "en_GB", "de_DE", "fr_FR", "es_ES"):
        fake = Faker(locale)
        fake.seed_instance(7)
        for _ in range(40):
            for text in (fake.sentence(nb_words=14), fake.job(), fake.company(), fake.catch_phrase()):
                texts += 1
                flagged += bool(find_pii(text))
    assert flagged / texts <= 0.01, flagged
