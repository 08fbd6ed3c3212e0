"""Properties: accepted rewrites never carry a number their original lacks; the pipeline never raises."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.config import load_settings
from core.factory import build_context
from core.facts import number_values
from core.pipeline import run_to_end
from core.types import ItemState, JDSignals, SkillMention, Stage, UnlimitedBudget
from core.validate import check_rewrite

CAPPED = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
OPENINGS = ["Responsible for", "Helped", "Worked on", "Successfully built", "I led", "Utilized", "Managing", ""]
WORDS = ["the", "billing", "service", "k8s", "Postgres", "Python", "latency", "by", "for", "teams", "golang", "users"]
DIGITS = re.compile(r"\d+")


def number_text() -> st.SearchStrategy[str]:
    n = st.integers(min_value=0, max_value=999_999)
    return st.one_of(
        n.map(str),
        n.map(lambda v: f"{v:,}"),
        n.map(lambda v: f"{v}%"),
        n.map(lambda v: f"${v}K"),
        st.floats(min_value=0.1, max_value=99, allow_nan=False).map(lambda v: f"{v:.1f}M"),
    )


bullets = st.lists(
    st.tuples(st.sampled_from(OPENINGS), st.lists(st.one_of(st.sampled_from(WORDS), number_text()), max_size=12)).map(
        lambda t: " ".join([t[0], *t[1]]).strip()
    ),
    min_size=1,
    max_size=6,
).filter(lambda bs: all(b for b in bs))


@pytest.fixture(scope="module")
def ctx():
    return build_context(load_settings(database_url="sqlite://", redis_url=None, llm_provider="offline"))


SIGNALS = JDSignals(
    required=[SkillMention(skill=s, span=(0, 0), quote=s) for s in ("Kubernetes", "PostgreSQL", "Go", "Python")]
)


@CAPPED
@given(texts=bullets)
def test_accepted_offline_rewrites_never_carry_a_new_number(ctx, texts):
    reply = ctx.offline.rewrite(texts, SIGNALS, budget=UnlimitedBudget())
    for original, proposal in zip(texts, reply.rewrites, strict=True):
        if check_rewrite(original, proposal.rewrite, matcher=ctx.matcher):
            continue  # rejected: the original stands
        assert set(DIGITS.findall(proposal.rewrite)) <= set(DIGITS.findall(original))


@CAPPED
@given(
    original=bullets.map(lambda bs: bs[0]),
    added=number_text(),
    joiner=st.sampled_from([" and ", ", reaching ", " for ", " ("]),
)
def test_a_rewrite_that_adds_a_number_is_never_accepted(ctx, original, added, joiner):
    have = number_values(original)
    new_values = number_values(added)
    if not new_values or all(v in have for v in new_values):
        return  # the 'added' number is already supported by the original
    flags = check_rewrite(original, original + joiner + added, matcher=ctx.matcher)
    assert any(f.kind == "invented_number" for f in flags)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(resume=st.text(max_size=400), jd=st.text(max_size=300))
def test_the_pipeline_never_raises_on_arbitrary_unicode(ctx, resume, jd):
    state = run_to_end(ItemState(resume_text=resume, jd_text=jd), ctx)
    assert state.stage in (Stage.COMPLETED, Stage.FAILED)
    assert state.result is not None and state.result["status"] == state.stage.value
    if state.stage == Stage.FAILED:
        assert isinstance(state.error, str) and state.error


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines=st.lists(st.text(min_size=1, max_size=60), min_size=1, max_size=8), jd=st.text(min_size=1, max_size=200))
def test_bulleted_unicode_resumes_complete_or_fail_cleanly(ctx, lines, jd):
    resume = "Experience\n" + "\n".join(f"• {line}" for line in lines)
    state = run_to_end(ItemState(resume_text=resume, jd_text=jd + " Python"), ctx)
    assert state.stage in (Stage.COMPLETED, Stage.FAILED)
    if state.stage == Stage.COMPLETED:
        assert 0 <= state.result["score_before"] <= 100 and 0 <= state.result["score_after"] <= 100
