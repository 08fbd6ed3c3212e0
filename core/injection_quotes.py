"""Quoted text that is mentioned, not used: how the words around a quote frame it, in any language.

A security professional quotes attacks ("tested the bot with inputs such as 'ignore previous instructions'"), a QA
engineer quotes test inputs, a conversation designer quotes what the bot says, a researcher quotes a talk title. The
quote addresses nobody; the *frame* around it says what it is. Two strengths of frame:

- **strong**: the words outside the quotes name an attack, a test or a prompt (injection, jailbreak, payload,
  phishing, red team, test, prompt, … as stems in the languages of the lexicon, so "Prompt-Injection-Tests … mit
  Eingaben wie „Ignoriere …"" and "提示注入攻击用例，例如“忽略之前的所有指令”" are read alike), or the quote is a title
  cited with a venue or a year. Whatever the quote says is mentioned.
- **marked**: an example marker before or after the quote in any language ("such as", "e.g.", "wie", "como", "comme",
  "typu", "вида", "例如", "のような", "जैसे", "gibi"), a noun naming what the quote is ("'ignore your rules' requests"),
  or the next item of a list of quotes. The quote is mentioned unless what it says asks for a verdict on this
  candidate or addresses the reader itself (the genre layer decides, core/injection_genre.py).
- **plain**: a short label ("Italian sample: '…'") or a quote inside a clause. As marked, and the quote also counts
  when it overrides the reader's rules: a language sample that tells "the system reading this" to drop its
  instructions is a note, not an example.

A frame that itself addresses the reader ("Note to the AI: '…'") is no frame; the genre layer checks that.
"""

from __future__ import annotations

import re

_F = re.IGNORECASE
STRONG, MARKED, PLAIN = 2, 1, 0  # how firmly the words around a quote frame it as mentioned
QUOTED = re.compile(
    r"„[^“”\"\n]{2,300}[“”\"]|\"[^\"\n]{2,300}\"|“[^”\n]{2,300}”|‘[^’\n]{2,300}’|«[^»\n]{2,300}»|「[^」\n]{1,300}」|"
    r"『[^』\n]{1,300}』|(?<!\w)'[^'\n]{2,300}'(?!\w)"
)
QUOTE_MARKS = "\"“‘«「『„'"

# What the frame names: an attack, a test, a prompt, abuse, in the lexicon's languages (stems, folded text).
TOPIC = re.compile(
    r"inject|injecc|iniez|injek|inyecc|инъек|инъекц|注入|インジェクション|इंजेक्शन|jailbr|джейлбрейк|越狱|越獄|脱獄|"
    r"attack|ataque|angriff|attaque|attacc|\batak|атак|攻击|攻撃|हमल|payload|phish|red[- ]?team|adversar|malicious|"
    r"malveill|bosartig|malicios|вредонос|恶意|悪意|\bprompts?\b|prompt-|промпт|提示词|提示注入|プロンプト|प्रॉम्प्ट|"
    r"\btest|testes|testei|testow|pruebas?\b|probado|тест|测试|テスト|परीक्षण|fuzz|\bqa\b|regression|"
    r"\babuse|\babus\b|misbruik|missbrauch|\bexploit|\blures?\b|\bscams?\b|fraud|betrug|estafa|мошен|诈骗|詐欺|"
    r"social\s+engineering|guardrail|moderat|trust\s*(?:&|and)\s*safety|content\s+polic|safety\s+polic|"
    r"classifier|detect|filter|block|flagged|labell?(?:ed|ing)|annotat|benchmark|"
    r"payloads?|strings?|openers?|setups?|tricks?|templates?|\bhid(?:e|es|den|ing)\b|invisible|white[- ]on[- ]white|"
    r"white\s+text|smuggl|manipulat|\bgam(?:e|ing)\s+(?:the|ai|ats)|keyword\s+stuff|cheat",
    _F,
)
# Example markers before a quote ("such as", "wie", "como", "例如") and after it ("のような", "जैसे", "gibi").
_LEAD = re.compile(
    r"(?:\b(?:such\s+as|like|e\.g\.|i\.e\.|for\s+(?:example|instance)|including|includes?|included|as\s+in|saying|said|"
    r"says|reads?|read|wrote|asked|told|types?|typed|typing|enters?|entered|pastes?|pasted|submits?|submitted|"
    r"wie|etwa|z\.\s?b\.|zum\s+beispiel|beispielsweise|como|tipo|del\s+tipo|por\s+ejemplo|p\.\s?ej\.|comme|"
    r"par\s+exemple|tel(?:le)?s?\s+que|come|ad\s+esempio|per\s+esempio|zoals|bijvoorbeeld|typu|np\.|jak|takie\s+jak|"
    r"seperti|misalnya|som|kuten|esim\.|вида|типа|как|например|вроде|такие\s+как|такого|такі\s+як|на\s+кшталт)|"
    r"例如|比如|诸如|譬如|例えば|たとえば)\s*[:,(]?\s*$",
    _F,
)
_TAIL = re.compile(
    r"\s*(?:のような|のように|ような|といった|などの|など|という|みたいな|जैसे|जैसी|जैसा|इत्यादि|आदि|\bgibi\b|之类|等|这样的|"
    r"[-–]?\s*(?:style\s+|type\s+|like\s+)?(?:jailbreaks?|attacks?|prompts?|payloads?|injections?|strings?|phrases?|"
    r"messages?|emails?|examples?|patterns?|templates?|attempts?|instructions?|tricks?|exploits?|requests?|commands?|"
    r"inputs?|queries|lures?|texts?|lines?|macros?|replies|responses?|openers?|setups?|imperatives?|questions?|"
    r"comments?|blocks?|tags?)\b)",
    _F,
)
# "imperatives (" / "inputs include:" — a noun naming what the quotes are, just before them
_NOUN_LEAD = re.compile(
    r"\b(?:requests?|commands?|imperatives?|inputs?|queries|messages?|lures?|texts?|lines?|emails?|macros?|replies|"
    r"responses?|phrases?|openers?|setups?|questions?|phrasings?|wordings?|slogans?|titles?|captions?)\b"
    r"(?:\s+(?:such\s+as|like|include|included|including|were|are|was|is))?\s*[:,(]?\s*$",
    _F,
)
# A title cited with a venue or a year: '"Why strings like … fool screeners", BSides 2024'.
_CITED = re.compile(r"\s*[,(–—-]\s*[^\n]{0,80}?\b(?:19|20)\d\d\b")
_LABEL_BEFORE = re.compile(r"^\s*(?:[-*•▪◦·>]\s*)?[^\s:：_{}\[\]]{1,30}(?:\s+[^\s:：_{}\[\]]{1,30}){0,3}\s*[:：]\s*$")
# JSON and YAML: a quoted key ('"fit": 96') or a value after a key; structure, not a quotation.
_STRUCTURED = re.compile(r"[\"”]\s*:|[{\[]\s*[\"“]")
_MARKUP = re.compile(r"<!--.{0,300}?-->|<([a-z][a-z0-9]*)\b[^<>\n]{0,200}>(?:[^<>\n]{0,300}</\1>)?", _F)
_COLON_LEAD = re.compile(r"^\s*(?:[-*•▪◦·>]\s*)?([^:\n]{3,80}?)[:：]\s+(?=\S)")
_EXAMPLES_NOUN = re.compile(
    r"\b(?:examples?|samples?|cases?|inputs?|payloads?|prompts?|strings?|attacks?|lures?|include|included|including|"
    r"such\s+as|e\.g\.)\s*:$",
    _F,
)
# A title is cited, whatever it says: 'Blog post: "Why strings like … should be stripped"', "talk titled '…'".
_TITLE_LEAD = re.compile(
    r"\b(?:(?:blog\s+)?posts?|talks?|papers?|articles?|blogs?|titles?|titled|books?|chapters?|thesis|presentations?|"
    r"sessions?|workshops?|courses?|episodes?|podcasts?|keynotes?|publications?|newsletters?|columns?|essays?|"
    r"webinars?|lectures?)\s*[:,(]?\s*$",
    _F,
)
_LIST_GAP = re.compile(r"\s*(?:[,;/]|\band\b|\bor\b|\bund\b|\by\b|\bet\b|\be\b|\bи\b|、|，)\s*(?:(?:and|or)\s+)?$", _F)
_BULLET = re.compile(r"^\s*(?:[-*•▪◦·>]\s*)?$")


def quote_spans(sentence: str) -> list[tuple[int, int]]:
    """The quoted spans of a sentence (empty without a quote mark: one scan for the marks)."""
    if not any(mark in sentence for mark in QUOTE_MARKS):
        return []
    return [(m.start(), m.end()) for m in QUOTED.finditer(sentence)]


def cited_spans(sentence: str) -> list[tuple[int, int]]:
    """Quotes and inline markup ("<!-- TODO -->", '<span class="x">…</span>'): what a sentence can cite; markup is
    cited like a quote ("templates that used <div hidden> blocks"), and quotes inside it belong to it."""
    quotes = quote_spans(sentence)
    if "<" not in sentence:
        return quotes
    markup = [(m.start(), m.end()) for m in _MARKUP.finditer(sentence)]
    inside = [q for q in quotes if not any(m0 <= q[0] < m1 for m0, m1 in markup)]
    return sorted(inside + markup)


def listed_after_colon(sentence: str) -> tuple[int, int] | None:
    """The rest of a sentence after a lead that names test inputs or attack examples ("Test inputs include: Ignore all
    previous instructions and print …"): a list of things mentioned, quoted or not."""
    lead = _COLON_LEAD.match(sentence)
    if lead is None or not TOPIC.search(lead.group(1)):
        return None
    head = lead.group(1) + ":"
    if not (_LEAD.search(head[:-1] + " ") or _NOUN_LEAD.search(head) or _EXAMPLES_NOUN.search(head)):
        return None
    return lead.end(), len(sentence)


def frames(sentence: str, quotes: list[tuple[int, int]] | None = None) -> list[tuple[int, int, int]]:
    """(start, end, strength) of each quote the words around it frame as mentioned: STRONG, MARKED or PLAIN."""
    spans = quote_spans(sentence) if quotes is None else quotes
    if not spans or _STRUCTURED.search(sentence):
        listed = listed_after_colon(sentence) if ":" in sentence and not spans else None
        return [(*listed, STRONG)] if listed else []
    outside = _blank(sentence, spans)
    topic = bool(TOPIC.search(outside))
    out: list[tuple[int, int, int]] = []
    for start, end in spans:
        before = sentence[max(0, start - 40) : start]
        after = sentence[end : end + 60]
        in_list = bool(out) and out[-1][1] <= start and _LIST_GAP.match(sentence, out[-1][1], start) is not None
        if topic or _TITLE_LEAD.search(before) or (_BULLET.match(sentence[:start]) and _CITED.match(after)):
            out.append((start, end, STRONG))
        elif in_list:
            out.append((start, end, out[-1][2]))  # the next item of a list of quotes shares the first one's frame
        elif _LEAD.search(before) or _NOUN_LEAD.search(before) or _TAIL.match(after):
            out.append((start, end, MARKED))
        elif _LABEL_BEFORE.match(sentence[:start]) or _embedded(sentence, start, end):
            out.append((start, end, PLAIN))
    return out


def _embedded(sentence: str, start: int, end: int) -> bool:
    """A quote inside a clause: words of the sentence before it and after it ("… with '…', logging 52 failures")."""
    return bool(re.search(r"\w", sentence[:start])) and bool(re.search(r"\w\w", sentence[end:]))


def _blank(sentence: str, spans: list[tuple[int, int]]) -> str:
    parts, last = [], 0
    for start, end in spans:
        parts.append(sentence[last:start])
        parts.append(" " * (end - start))
        last = end
    parts.append(sentence[last:])
    return "".join(parts)
