"""Fold text to the plain Latin the detectors read, remembering where every folded character came from.

Attackers hide instructions from pattern matchers by writing them in ways a model still reads: format and
zero-width characters between letters, look-alike letters from other scripts ("Ignоre" with a Cyrillic о),
fullwidth or styled letters, combining marks, letters spaced or dotted apart ("I G N O R E"), leetspeak
("1gn0r3"). `fold()` undoes these so the rules and the model see the words; `Folded.span()` maps a span of
the folded text back to the original, so evidence always quotes what the candidate wrote.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from core.injection_letters import letter_of

_KEEP = frozenset("\n\t")
_NEWLINES = frozenset("\r\x0b\x0c\x85\u2028\u2029")
# Letters set apart one by one with the same separator: "I G N O R E", "i.g.n.o.r.e", "N-o-t-e".
_SPACED = re.compile(r"(?<![\w.*-])(?:(?:[A-Za-z] ){2,}|(?:[A-Za-z]\.){1,}|(?:[A-Za-z][-_*]){1,})[A-Za-z](?![\w*-])")
_ABBREVIATIONS = frozenset("eg ie am pm us uk jr sr dr st mr ms vs ph bs ba ma no co vp hr qa it ai ml".split())
# A token mixing letters with digits or symbols the way leetspeak does; pure numbers and codes are left alone.
# Where a letter touches a digit or one of @ $ !: the token around it may be leetspeak ("1gn0r3", "pr3v10us", "@ll").
_LEET_SEAM = re.compile(r"[a-zA-Z][0-9@$!]|[0-9@$][a-zA-Z]")
_LEET_CHARS = re.compile(r"[\w@$!]+")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b", re.IGNORECASE)
# Four or more letters set apart by one separator: worth the full (slower) spaced-letter pattern.
_SPACED_HINT = re.compile(r"[A-Za-z][ .*_-][A-Za-z][ .*_-][A-Za-z][ .*_-][A-Za-z]")
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i"})
_VOWELS = frozenset("aeiou")


@dataclass(frozen=True)
class Folded:
    """Folded text and, per folded character, the index of the original character it came from (None: identity)."""

    text: str
    origin: tuple[int, ...] | None = None
    source_len: int = 0

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span a folded span [start, end) came from."""
        if self.origin is None:
            return start, end
        if end <= start or not self.origin:
            pos = self.origin[start] if start < len(self.origin) else self.source_len
            return pos, pos
        return self.origin[start], self.origin[min(end, len(self.origin)) - 1] + 1


class _Edits:
    """Collects non-overlapping replacements of one pass and applies them with their origin map."""

    def __init__(self, base: Folded) -> None:
        self.base = base
        self.edits: list[tuple[int, int, str, list[int]]] = []

    def replace(self, start: int, end: int, new: str, origins: list[int] | None = None) -> None:
        """Replace base.text[start:end] with new; origins gives the base index of each new character."""
        if origins is None:
            origins = [start] * len(new)
            if new:
                origins[-1] = end - 1
        self.edits.append((start, end, new, origins))

    def apply(self) -> Folded:
        """The folded text after every replacement, its origins composed onto the base's."""
        if not self.edits:
            return self.base
        text, base_origin = self.base.text, self.base.origin
        parts: list[str] = []
        origin: list[int] = []
        pos = 0
        for start, end, new, origins in self.edits:
            parts.append(text[pos:start])
            origin.extend(range(pos, start))
            parts.append(new)
            origin.extend(origins)
            pos = end
        parts.append(text[pos:])
        origin.extend(range(pos, len(text)))
        if base_origin is not None:
            origin = [base_origin[i] for i in origin]
        return Folded("".join(parts), tuple(origin), self.base.source_len)


@lru_cache(maxsize=4096)
def _latin_lookalike(ch: str) -> str | None:
    """The ASCII letter ch is confusable with (Unicode confusables data), or None."""
    from confusable_homoglyphs import confusables  # loaded on the first non-ASCII letter only

    found = confusables.is_confusable(ch, greedy=True, preferred_aliases=["latin"])
    if not found:
        return None
    letters = [g["c"] for g in found[0]["homoglyphs"] if len(g["c"]) == 1 and g["c"].isascii() and g["c"].isalpha()]
    same_case = [c for c in letters if c.isupper() == ch.isupper()]  # Greek capital iota is "I", not "l"
    return (same_case or letters or [None])[0]


@lru_cache(maxsize=8192)
def _nfkc(ch: str) -> str:
    """NFKC of one character, accents dropped from Latin letters ("é" -> "e") so word lists need one spelling; a
    letter look-alike NFKC leaves alone (small capitals, regional indicators, Braille) read as its letter."""
    letter = letter_of(ch)
    if letter is not None:
        return letter
    out = unicodedata.normalize("NFKC", ch)
    if len(out) == 1 and not out.isascii():
        base = unicodedata.normalize("NFD", out)
        if base[0].isascii() and base[0].isalpha() and all(unicodedata.category(c) == "Mn" for c in base[1:]):
            return base[0]
    return out


def _tag_ascii(ch: str) -> str | None:
    """Unicode tag characters (U+E0020-U+E007E) are invisible, yet each stands for an ASCII character a model reads."""
    code = ord(ch)
    return chr(code - 0xE0000) if 0xE0020 <= code <= 0xE007E else None


def _drop(ch: str) -> bool:
    """Format, control and private-use characters carry no reading; line separators are kept (as newlines)."""
    return ch not in _KEEP and ch not in _NEWLINES and unicodedata.category(ch) in ("Cf", "Cc", "Co", "Cs")


def _fold_token(token: str, latin_context: bool) -> tuple[str, list[int]]:
    """One whitespace-free token: NFKC, invisible characters out, look-alikes folded when the token reads as Latin."""
    chars: list[str] = []
    origins: list[int] = []
    for i, ch in enumerate(token):
        if ch.isascii():
            chars.append(ch)
            origins.append(i)
            continue
        tag = _tag_ascii(ch)
        if tag is not None:
            chars.append(tag)
            origins.append(i)
            continue
        if _drop(ch):
            continue
        if unicodedata.category(ch) == "Mn" and chars and chars[-1].isascii():
            continue  # combining marks stacked on Latin letters (zalgo, strike-through)
        for part in _nfkc(ch):
            chars.append(part)
            origins.append(i)
    letters = [c for c in chars if c.isalpha()]
    ascii_letters = sum(1 for c in letters if c.isascii())
    if letters and ascii_letters < len(letters) and (ascii_letters or latin_context):
        folded = [_latin_lookalike(c) if c.isalpha() and not c.isascii() else None for c in chars]
        # Fold only when look-alikes make up every non-Latin letter: "naïve" or "Zürich" stay as they are.
        if all(f is not None for f, c in zip(folded, chars, strict=True) if c.isalpha() and not c.isascii()):
            chars = [f or c for f, c in zip(folded, chars, strict=True)]
    return "".join(chars), origins


def _latin_share(text: str, start: int, end: int) -> bool:
    window = text[max(0, start - 80) : end + 80]
    letters = [c for c in window if c.isalpha()]
    return bool(letters) and sum(1 for c in letters if c.isascii()) * 2 > len(letters)


@lru_cache(maxsize=8192)
def _needs_fold(ch: str) -> bool:
    """False for characters folding leaves alone (bullets, dashes, curly quotes, CJK): their tokens are skipped."""
    category = unicodedata.category(ch)
    return (
        _nfkc(ch) != ch
        or category in ("Cf", "Cc", "Co", "Cs", "Mn")
        or (ch.isalpha() and _latin_lookalike(ch) is not None)
    )


def _unicode_pass(base: Folded) -> Folded:
    text = base.text
    needed = sorted(ch for ch in set(text) if not ch.isascii() and _needs_fold(ch))
    if not needed:
        return base
    edits = _Edits(base)
    tokens = re.compile(r"[^\s]*[" + re.escape("".join(needed)) + r"][^\s]*")
    for m in tokens.finditer(text):
        token = m.group()
        # Whether the neighbourhood reads as Latin matters only for a token with no Latin letter of its own.
        latin = any("a" <= c.lower() <= "z" for c in token) or _latin_share(text, m.start(), m.end())
        new, origins = _fold_token(token, latin)
        if new != token:
            edits.replace(m.start(), m.end(), new, [m.start() + o for o in origins])
    return edits.apply()


def _spaced_pass(base: Folded) -> Folded:
    edits = _Edits(base)
    previous_end = -1
    for m in _SPACED.finditer(base.text):
        raw = m.group()
        separator = raw[1]
        if any(raw[i] != separator for i in range(1, len(raw), 2)):
            continue  # mixed separators: an ordinary list such as "a-b c.d"
        letters = raw[::2]
        if separator == "." and (letters.isupper() and len(letters) <= 5 or letters.lower() in _ABBREVIATIONS):
            continue  # initialisms and abbreviations: "U.S.A.", "N.A.S.A", "e.g.", "i.e."
        gap = base.text[previous_end : m.start()] if previous_end >= 0 else ""
        if gap.strip() in {".", "/", "|", "·", "_", "-"} and len(gap) <= 5 and len(letters) > 1:
            # "d.i.s.r.e.g.a.r.d . a.l.l": the mark between two spelled-out words is a word space, not a sentence end
            edits.replace(previous_end, m.start(), " ", [previous_end])
        edits.replace(m.start(), m.end(), letters, [m.start() + 2 * i for i in range(len(letters))])
        previous_end = m.end() if separator in "._-*" else -1
    return edits.apply()


def _leet_tokens(text: str) -> list[re.Match[str]]:
    """The word-like tokens with a letter-digit seam, each once, in order."""
    tokens: dict[int, re.Match[str]] = {}
    for seam in _LEET_SEAM.finditer(text):
        start = seam.start()
        while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_@$!"):
            start -= 1
        if start not in tokens:
            token = _LEET_CHARS.match(text, start)
            if token:
                tokens[start] = token
    return [tokens[k] for k in sorted(tokens)]


def _emails(text: str) -> list[tuple[int, int]]:
    """The spans _EMAIL.finditer(text) gives, read only in the whitespace-free tokens holding an "@": no match holds
    a space, so the scan of the whole text (slow on long words) finds nothing elsewhere."""
    spans: list[tuple[int, int]] = []
    at = text.find("@")
    while at >= 0:
        start, end = at, at + 1
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        while end < len(text) and not text[end].isspace():
            end += 1
        spans += [(e.start(), e.end()) for e in _EMAIL.finditer(text, start, end)]
        at = text.find("@", end)
    return spans


def _leet_pass(base: Folded) -> Folded:
    edits = _Edits(base)
    emails = _emails(base.text)
    for m in _leet_tokens(base.text):
        token = m.group()
        if len(token) < 3 or (emails and any(s <= m.start() < e for s, e in emails)):
            continue  # "intake@quillstone-careers.example.org" is an address, not "intakea…"
        letters = sum(c.isalpha() for c in token)
        if letters < 2 or letters * 3 < len(token) or token[-1:] == "!" and token[:-1].isalpha():
            continue  # "2FA", "B2B", "a1", "Wow!": codes and punctuation, not disguised words
        mapped = token.translate(_LEET)
        if not _VOWELS & set(mapped.lower()) or mapped.lower() == token.lower():
            continue
        edits.replace(m.start(), m.end(), mapped, [m.start() + i for i in range(len(mapped))])
    return edits.apply()


def _unify_newlines(text: str) -> Folded:
    if not any(ch in text for ch in _NEWLINES):  # six scans in C: cheaper than a set of the text's characters
        return Folded(text, None, len(text))
    edits = _Edits(Folded(text, None, len(text)))
    for i, ch in enumerate(text):
        if ch in _NEWLINES:
            if ch == "\r" and text[i + 1 : i + 2] == "\n":
                edits.replace(i, i + 1, "", [])
            else:
                edits.replace(i, i + 1, "\n", [i])
    return edits.apply()


# Three or more escapes in a row spell text a reader decodes at sight: HTML numeric entities, \u00XX / \xXX escapes,
# percent-encoding, quoted-printable ("&#73;&#103;&#110;", "\u0049\u0067", "%49%67%6E", "=49=67=6E", a soft line break
# "=" at a line end inside a run). A lone "%20", "=3D" or "&amp;" is left alone.
_ESCAPE = (
    r"(?:&#(?:\d{2,3}|[xX][0-9a-fA-F]{2});|\\u00[0-9a-fA-F]{2}|\\x[0-9a-fA-F]{2}|%[0-9a-fA-F]{2}|=[0-9A-F]{2}|=\n)"
)
_ESCAPE_RUN = re.compile(_ESCAPE + r"{3,}")
_ONE_ESCAPE = re.compile(_ESCAPE)


def _escaped_char(escape: str) -> str:
    if escape == "=\n":
        return ""  # a quoted-printable soft line break
    if escape.startswith("&#"):
        body = escape[2:-1]
        code = int(body[1:], 16) if body[:1] in "xX" else int(body)
    else:
        code = int(escape[-2:], 16)
    return chr(code) if 32 <= code < 127 else ""


def _escape_pass(base: Folded) -> Folded:
    edits = _Edits(base)
    for run in _ESCAPE_RUN.finditer(base.text):
        chars, origins = [], []
        for m in _ONE_ESCAPE.finditer(run.group()):
            ch = _escaped_char(m.group())
            if ch:
                chars.append(ch)
                origins.append(run.start() + m.start())
        if chars:
            edits.replace(run.start(), run.end(), "".join(chars), origins)
    return edits.apply()


def fold(text: str) -> Folded:
    """The text as the detectors read it; Folded.span() leads back to the original characters."""
    folded = _unify_newlines(text)
    if ("&#" in text or "\\" in text or "%" in text or "=" in text) and _ESCAPE_RUN.search(folded.text):
        folded = _escape_pass(folded)
    if not folded.text.isascii():
        folded = _unicode_pass(folded)
    if _SPACED_HINT.search(folded.text):
        folded = _spaced_pass(folded)
    if _LEET_SEAM.search(folded.text):
        folded = _leet_pass(folded)
    return folded
