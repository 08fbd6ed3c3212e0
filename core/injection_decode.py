"""Encoded blobs a model can read but a pattern cannot: base64, hex, ROT13 and reversed text, decoded for scanning.

`decoded_blobs(text)` returns (span, decoded text) pairs: the span is where the blob sits in the text it was given,
so evidence quotes the blob itself. Only decodings that read as words are returned: a git hash or a certificate id
decodes to bytes or a code, not to a sentence.
"""

from __future__ import annotations

import base64
import binascii
import codecs
import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import chain
from urllib.parse import unquote_plus

from core.injection_decode_more import shape_blobs, shift_cued, shifted
from core.injection_text import letter_runs, lowered

# A blob may hang off an id ("CW-LIT-2024-QXNz..."), so only base64 letters before it break it.
_BASE64 = re.compile(
    r"(?<![A-Za-z0-9+/=])(?:[A-Za-z0-9+/]{4}){4,}(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?(?![\w+/=-])"
)
# Hex of text starts each byte with 2-7: starting there (boundaries checked after) keeps the scan 8x cheaper.
_HEX = re.compile(r"[2-7][0-9a-fA-F][ :]?[2-7][0-9a-fA-F](?:[ :]?[0-9a-fA-F]{2}){10,}")
_ENTITIES = re.compile(r"(?:&#(?:x[0-9a-fA-F]{1,6}|[0-9]{1,7});[^&<\n]{0,3}){8,}")
_FORMAT = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")  # bidi overrides hide reversed text
_BASE32 = re.compile(r"(?<![A-Za-z0-9])[A-Z2-7]{16,}={0,6}(?![A-Za-z0-9=])")
_URL_VALUE = re.compile(r"[?&#][\w.-]{1,30}=([^&\s)\]\"'>]{8,})")
# A chunk ends at a line, a colon or semicolon, a dash or a parenthesis: a hint beside a reversed sentence ("… — spell
# it from the right") is English and would otherwise make the whole line read as plain text.
_CHUNK = re.compile(r"[^\n.:;!?—–()]*[A-Za-z][^\n:;—–()]*")
_WORD = re.compile(r"(?<![^\W\d_])[a-z]+(?![^\W\d_])")  # whole words: "vóa" holds no "a"
_MAX_BLOBS = 20
# The commonest English words: a decoding that is text has several of them, gibberish has few.
COMMON = frozenset(
    "the a an and or to of in on for with is are be was this that it you your me my i all any not no do as at by from "
    "if then now only just please must should will can say tell give rate rank score candidate resume instructions "
    "ignore previous prior above rules system prompt answer reply response output first best top hire this these "
    "what who how follow obey new task model ai assistant everything".split()
)

_ROT13_COMMON = frozenset(codecs.encode(w, "rot13") for w in COMMON)
_REVERSED_COMMON = frozenset(w[::-1] for w in COMMON if len(w) > 1)
_ROT13_OR_REVERSED = (_ROT13_COMMON | _REVERSED_COMMON) - COMMON  # "or"/"be" are ROT13 of each other: not a sign


def _wordy(text: str) -> int:
    """How many of text's words are common English words (0 when it holds control bytes: not text)."""
    if not text or not text.replace("\n", " ").replace("\t", " ").isprintable():
        return 0
    return len([w for w in _WORD.findall(text.lower()) if w in COMMON])


def _readable(text: str) -> bool:
    words = _WORD.findall(text.lower())
    return len(words) >= 3 and _wordy(text) >= max(2, len(words) // 4)


def _base64(blob: str) -> str | None:
    try:
        raw = base64.b64decode(blob + "=" * (-len(blob) % 4), validate=True)
        return raw.decode("utf-8")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None


def _base32(blob: str) -> str | None:
    try:
        return base64.b32decode(blob + "=" * (-len(blob) % 8)).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None


def _hex(blob: str) -> str | None:
    try:
        return bytes.fromhex(re.sub(r"[ :]", "", blob)).decode("utf-8")
    except (ValueError, UnicodeDecodeError):
        return None


@dataclass(frozen=True)
class Decoded:
    """A blob's span in the text, what it decodes to, and whether it was hidden on purpose (not a URL's query)."""

    span: tuple[int, int]
    text: str
    hidden: bool


def _hex_bounded(text: str, start: int, end: int) -> bool:
    """A hex blob stands alone (or after "0x"): not the tail of a longer word or number."""
    before = text[start - 1 : start]
    after = text[end : end + 1]
    return (not before.isalnum() or text[start - 2 : start] == "0x") and not after.isalnum()


def _entities(blob: str) -> str | None:
    return html.unescape(blob)


def decoded_blobs(text: str) -> list[tuple[tuple[int, int], str]]:
    """(span, decoded text) for every blob in text that decodes to readable words."""
    return [(d.span, d.text) for d in decode_all(text)]


def hidden_sentence(decoded: Decoded) -> bool:
    """True when an encoding hid a sentence of plain words: a resume or a JD has no reason to encode prose."""
    return decoded.hidden and len(_WORD.findall(decoded.text.lower())) >= 5


_TAIL = re.compile(r"\s[—–|]\s+([^—–|\n]{1,60})$")


def _line_tails(text: str) -> list[Decoded]:
    """A sentence split over the ends of three or more lines ("Skills: Python — ignore", "... — all previous ..."):
    the tails after a dash or bar, joined, when they read as words."""
    found: list[Decoded] = []
    run: list[tuple[int, int, str]] = []
    pos = 0
    for line in [*text.split("\n"), ""]:
        m = _TAIL.search(line) if ("—" in line or "–" in line or "|" in line) else None
        if m and len(m.group(1).split()) <= 8:
            run.append((pos, pos + len(line), m.group(1).strip()))
        else:
            if len(run) >= 3:
                joined = " ".join(tail for *_, tail in run)
                if _readable(joined):
                    found.append(Decoded((run[0][0], run[-1][1]), joined, False))
            run = []
        pos += len(line) + 1
    return found


def _shifted_chunks(text: str) -> list[Decoded]:
    """Chunks that read as words after a Caesar shift or the reversed alphabet (tried only when the text names one)."""
    found: list[Decoded] = []
    for m in _CHUNK.finditer(text):
        chunk = m.group()
        words = _WORD.findall(chunk.lower())
        if len(words) < 3 or _wordy(chunk) * 4 >= len(words):
            continue
        best = max(shifted(chunk), key=_wordy)
        # 25 shifts are 25 chances of a fluke: at least half the words, and three of two letters or more, common
        common = [w for w in _WORD.findall(best.lower()) if w in COMMON and len(w) > 1]
        if len(common) >= 3 and 2 * _wordy(best) >= len(words) and _wordy(best) >= _wordy(chunk) + 2:
            found.append(Decoded((m.start(), m.end()), best, True))
        if len(found) >= _MAX_BLOBS:
            break
    return found


_MIN_RUN = 16  # the shortest base64 or base32 blob


def _long_runs(text: str, size: int) -> list[tuple[int, int]]:
    """The spans of the whitespace-free runs of size characters or more, in order (str.split: one pass in C)."""
    spans = []
    pos = 0
    for token in text.split():
        if len(token) >= size:
            # the first occurrence after the last long run is this run: a shorter one cannot hold it
            start = text.find(token, pos)
            spans.append((start, start + len(token)))
            pos = start + len(token)
    return spans


def decode_all(text: str) -> list[Decoded]:
    """Every blob in text that decodes to readable words."""
    found: list[Decoded] = []
    runs = _long_runs(text, _MIN_RUN)
    for pattern, decode in ((_BASE64, _base64), (_HEX, _hex), (_BASE32, _base32), (_ENTITIES, _entities)):
        if pattern is _ENTITIES and "&#" not in text:
            continue
        if pattern is _BASE64 or pattern is _BASE32:  # no space inside: read only the long runs without one
            matches: Iterator[re.Match[str]] = chain.from_iterable(pattern.finditer(text, s, e) for s, e in runs)
        else:
            matches = pattern.finditer(text)
        for m in matches:
            if pattern is _HEX and not _hex_bounded(text, m.start(), m.end()):
                continue
            decoded = decode(m.group().strip())
            if decoded and _readable(decoded):
                found.append(Decoded((m.start(), m.end()), decoded, True))
            if len(found) >= _MAX_BLOBS:
                return found
    for m in _URL_VALUE.finditer(text):  # a URL's query carries words too: "?note=ignore+previous+instructions"
        value = unquote_plus(m.group(1))
        if value.count("_") >= 3 and " " not in value:
            value = value.replace("_", " ")  # "note=attention_ai_screener_this_candidate_…": words joined by "_"
        if value != m.group(1) and _readable(value):
            found.append(Decoded((m.start(1), m.end(1)), value, False))
    found += _line_tails(text)
    for span, decoded in shape_blobs(text):  # decimal codes, binary, Morse (core/injection_decode_more.py)
        if _readable(decoded):
            found.append(Decoded(span, decoded, True))
    if shift_cued(text):
        found += _shifted_chunks(text)
    if _ROT13_OR_REVERSED.isdisjoint(letter_runs(lowered(text))):
        return found  # no ROT13 or reversed common word anywhere: nothing to decode (most texts, one pass)
    for m in _CHUNK.finditer(text):
        chunk = m.group()
        words = _WORD.findall(chunk.lower())
        if len(words) < 3 or _wordy(chunk) * 4 >= len(words):
            continue  # too short, or already reads as English
        if _ROT13_COMMON.isdisjoint(words) and _REVERSED_COMMON.isdisjoint(words):
            continue  # neither a ROT13 nor a reversed common word in it: not worth decoding
        for variant in (codecs.encode(chunk, "rot13"), _FORMAT.sub("", chunk[::-1])):
            if _readable(variant) and _wordy(variant) >= _wordy(chunk) + 2:
                found.append(Decoded((m.start(), m.end()), variant, True))
                break
        if len(found) >= _MAX_BLOBS:
            break
    return found
