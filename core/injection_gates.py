"""Cheap pre-checks for the injection rules: a rule runs only when a word (or mark) it cannot match without is present.

Every gate lists words one of which any match of its rule must contain, so gating never changes a verdict
(tests/unit/test_injection.py checks gated against ungated results); it only skips most regexes on ordinary text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from core.injection_text import letter_runs, lowered


@dataclass(frozen=True)
class Gate:
    """Words (lower-case tokens) or raw marks, one of which must occur for the rule to be tried."""

    words: frozenset[str] = frozenset()
    marks: tuple[str, ...] = field(default_factory=tuple)
    also: frozenset[str] = frozenset()  # when set, one of these words must occur as well


def _g(words: str = "", marks: tuple[str, ...] = (), also: str = "") -> Gate:
    return Gate(frozenset(words.split()), marks, frozenset(also.split()))


_IGNORE = (
    "ignore ignores ignoring disregard disregards disregarding forget forgets forgetting override overrides overriding "
    "overrule bypass bypasses bypassing skip discard drop neglect set pay"
)
_AI = (
    "ai i llm llms gpt chatgpt claude gemini copilot language model assistant bot chatbot automated ats applicant "
    "screening parser screener algorithm software evaluation"
)

GATES: dict[str, Gate] = {
    "ignore_previous": _g(_IGNORE),
    "ignore_prior_bare": _g(_IGNORE),
    "ignore_your": _g(_IGNORE),
    "ignore_them_instead": _g("instead"),
    "new_instructions": _g("instructions directives task orders prompt"),
    "from_now_on": _g("now"),
    "forget_told": _g("told given instructed taught asked follow"),
    "regardless": _g("regardless"),
    "do_not_deviate": _g("deviate"),
    "stop_everything": _g("everything nevermind"),
    "focus_only_following": _g("focus"),
    "this_is_a_test": _g("test"),
    "reply_only": _g("only nothing verbatim"),
    "just_print": _g("just simply only instead"),
    "if_asked_respond": _g("ask asks asked prompted queried"),
    "provide_to_user": _g("user"),
    "bracket_role": _g(marks=("[", "<")),
    "line_role": _g("system assistant ai developer"),
    "user_turn": _g("user human"),
    "session_marker": _g(marks=("[", "<")),
    "end_of_document": _g("end"),
    "system_header": _g(marks=("#",)),
    "system_claim": _g("system"),
    "separator": _g(marks=("----", "====", "****", "____", "####")),
    "note_to_ai": _g("note message instruction instructions memo attention reminder text comment section info"),
    "addressing_ai": _g("hey hello hi dear attention psst if " + _AI, ("<!--",)),
    "ai_reading_this": _g("reading parsing screening reviewing processing", also="this"),
    "hidden_text": _g("hidden invisible white tiny zero visible"),
    "for_automated": _g("automated ai llm"),
    "html_comment": _g(marks=("-->",)),
    "keep_secret": _g("mention reveal disclose reference acknowledge"),
    "reveal_prompt": _g(
        "prompt text words content message configuration config guidelines rules settings instructions"
    ),
    "not_allowed_share": _g("allowed told instructed forbidden"),
    "secrets": _g("password passwords credentials secrets tokens key keys"),
    "award_score": _g(
        "perfect top excellent ideal outstanding exceptional highest maximum strong stronger strongest best stars",
        ("10", "5 stars"),
        also="as at with",
    ),
    "give_score": _g("give assign award grant"),
    "verdict_phrase": _g("exceptional perfect match fit recommended qualified exceeds hire advance shortlist must"),
    "scoring_override": _g("override bypass ignore evaluate t not dont"),
    "pre_verified": _g("verified approved vetted preverified preapproved", also="by"),
    "use_this_to_evaluate": _g("use"),
    "persona_dan": _g("anything developer dan stan dude aim"),
    "no_rules": _g(
        "broken break abide filters restrictions limitations censorship without bound restricted limited constrained"
    ),
    "roleplay_ai": _g("pretend act play immerse become be"),
    "two_responses": _g("prompts gpt dan jailbreak"),
    "chatgpt_vocative": _g("chatgpt gpt claude"),
    "verdict_imperative": _g(
        "treat consider regard rank rate score mark classify label recommend approve shortlist advance pass hire "
        "select accept prioritize prioritise flag place put list",
        also="me myself candidate applicant resume cv profile person application",
    ),
    "candidate_should_pass": _g("should must shall is needs"),
    "missing_as_present": _g("missing"),
    "skills_as_matched": _g("matched present met satisfied fulfilled found"),
    "ends_up_top": _g("top first number", ("#1",)),
    "the_score_is": _g("score rating"),
    "deserves_top": _g("deserve deserves"),
    "rules_do_not_apply": _g("apply"),
    "ignore_everything_above": _g("ignore disregard forget skip"),
    "only_ai_sees": _g("only written"),
    "in_your_reply": _g("your"),
    "do_not_summarise": _g("not t dont"),
    "line_label_override": _g("override important new"),
    "when_scoring": _g("when while before", also="score rating ranking verdict recommendation"),
    "return_max": _g("return output report give"),
    "vocative_software": _g(_AI + " dear", (":", ",")),
    "whoever_reads": _g("whoever whatever any"),
    "for_model_only": _g("only"),
    "invisible_css": _g("font color display visibility opacity"),
    "stop_following": _g("follow obey apply use adhere following obeying applying using"),
    "follow_these_instead": _g("instead"),
    "you_were_configured": _g("configured programmed given told instructed trained set provided"),
    "forget_the_task": _g("forget ignore disregard throw discard scrap"),
    "task_changed": _g("your real actual true"),
    "stop_task": _g("stop"),
    "output_the_word": _g("word phrase text string sentence"),
    "answer_every_question": _g("every all any each"),
    "json_role": _g("role"),
    "bracket_override": _g(marks=("[",)),
    "everything_before": _g("before above prior"),
    "send_data_out": _g("send forward email upload post leak exfiltrate copy"),
    "other_candidates_data": _g("other"),
    "instructions_void": _g(
        "void cancelled canceled revoked superseded obsolete invalid outdated replaced withdrawn "
        "null longer overridden overruled"
    ),
    "cancel_instructions": _g("scratch overlook cancel void abandon nullify suspend"),
    "ignore_the_x": _g("ignore disregard forget overlook pay"),
    "do_not_apply": _g("not t dont never stop"),
    "follow_this_document": _g("follow"),
    "label_override": _g("override instruction instructions"),
    "bracket_note": _g(marks=("[",)),
    "for_the_ai": _g(
        _AI + " bot screener screeners ats algorithm reviewer recruiter recruiting sentence line note "
        "text section part paragraph"
    ),
    "special_mode": _g("mode"),
    "unrestricted_ai": _g("unrestricted unfiltered uncensored jailbroken evil rogue"),
    "no_guidelines": _g("no character"),
    "respond_with_quote": _g("respond reply answer write say print output type"),
    "single_line": _g("single one"),
    "instead_of_task": _g("instead"),
    "no_reasoning": _g("reasoning reasons explanation justification"),
    "only_job_now": _g("your"),
    "leak_your_prompt": _g("your the", also="prompt instructions configuration guidelines rules"),
    "to_your_answer": _g("your"),
    "score_of_n": _g("score"),
    "no_matter_what": _g("matter"),
    "full_marks": _g("marks score points rating"),
    "appear_first": _g("appear listed ranked placed shown"),
    "verdict_assignment": _g(marks=("=", ":")),
    "ai_is_reading": _g("if when whenever while", also="is are"),
    "free_from_policies": _g("free without"),
    "set_score_to": _g("set"),
    "others_data": _g("other"),
    "what_you_were_told": _g("told instructed asked word"),
    "told_no_longer": _g("told instructed given asked", also="longer void irrelevant cancelled canceled"),
    "approve_this": _g("approve shortlist hire advance accept select prioritize prioritise"),
}


def tokens_of(text: str) -> frozenset[str]:
    """The lower-case letter runs of text, the vocabulary the gates test against."""
    return letter_runs(lowered(text))


def gate_open(name: str, text: str, tokens: frozenset[str]) -> bool:
    """True when the rule called name may match text (or has no gate)."""
    gate = GATES.get(name)
    if gate is None:
        return True
    if gate.also and not gate.also & tokens:
        return False
    return bool(gate.words & tokens) or any(mark in text for mark in gate.marks)
