"""Character clean-up for text read from documents: ligatures, odd bullet glyphs, page numbers, line-end hyphens."""

from __future__ import annotations

import re

# Bullet glyphs from Word's Symbol/Wingdings fonts (private-use code points), dingbats and look-alikes.
BULLET_GLYPHS = (
    "•●▪■◦‣∙·○◆◇►▶➢➤✓✔❖→⁃⦁❑□▫∗\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf0a8\uf06e\uf0e0\uf0fe\u2023\u2043\u25aa\u25cf"
)
_LIGATURES = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
}
_TRANSLATE = str.maketrans({**_LIGATURES, "\u00a0": " ", "\u2002": " ", "\u2003": " ", "\u2009": " ", "\u00ad": ""})
_LEADING_BULLET = re.compile(rf"^[{re.escape(BULLET_GLYPHS)}]+\s*")
_NUMBERED = re.compile(r"^\(?\d{1,2}[.)]\s+")
_LEADING_DASH = re.compile(r"^[-–—*+]\s+")
_PAGE_NUMBER = re.compile(
    r"^(?:page\s*)?[-–—]?\s*\d{1,3}\s*[-–—]?(?:\s*(?:of|/|\|)\s*\d{1,3})?$|^page\s+\d{1,3}", re.IGNORECASE
)
# Word-ends that start the second half of a word a typesetter split (in-fra-struc-ture, de-ploy-ment): join them.
_SUFFIXES = re.compile(
    r"^(?:tion|sion|ment|ments|ing|ings|ity|ities|ance|ances|ence|ences|ture|tures|able|ible|ical|ically|ally|ness"
    r"|ized|ised|ize|ise|ated|ation|ations|ology|ular|ive|ives|ous|ant|ants|ent|ents|ist|ists|ism|ure|ary|ory|ery"
    r"|ies|ied|ial|ian|ians|ics|ship|ward|wards|ful|less|like|age|ages|er|ers|ed|es|ly|al|ic)\b"
)
# First halves of compounds that keep their hyphen when the line breaks after it (on-call, self-taught, co-led).
_COMPOUND_HEADS = frozenset(
    "self non co cross multi on off post pre full part well high low long short real end front back top cost data"
    " time mid semi sub inter intra anti re".split()
)


def clean(text: str) -> str:
    """Ligatures spelt out, odd spaces made plain, soft hyphens dropped."""
    return text.translate(_TRANSLATE)


def split_marker(text: str) -> tuple[str, str]:
    """(marker, rest) for a line that starts with a bullet glyph, a dash or a number; ('', text) otherwise."""
    for pattern, canon in ((_LEADING_BULLET, "•"), (_NUMBERED, None), (_LEADING_DASH, "•")):
        m = pattern.match(text)
        if m and text[m.end() :].strip():
            return (canon or m.group().strip()), text[m.end() :]
    return "", text


def is_page_number(text: str) -> bool:
    """'3', 'Page 3', 'Page 3 of 4', '3 / 4', '- 3 -'."""
    return bool(_PAGE_NUMBER.match(text.strip()))


def join_hyphenated(head: str, tail: str, known: set[str]) -> str:
    """Join a line ending in 'word-' to the next line starting 'rest': drop the hyphen when it split one word."""
    stem = re.search(r"([A-Za-z]+)-$", head)
    nxt = re.match(r"([a-z]+)", tail)
    if not stem or not nxt:
        return f"{head} {tail}" if not head.endswith("-") else head + tail
    first, second = stem.group(1), nxt.group(1)
    joined, hyphened = (first + second).lower(), f"{first}-{second}".lower()
    if hyphened in known:
        keep = True
    elif joined in known:
        keep = False
    else:
        keep = first.lower() in _COMPOUND_HEADS or not _SUFFIXES.match(second)
    return head + tail if keep else head[:-1] + tail
