"""Lines shown as a sample are mentioned, not used: a conversation designer's transcript, a support script, a test's
Gherkin scenario.

A line that introduces a sample ("Sample from the card-lock flow I designed:", "Example dialogue:") and ends with a
colon heads a block: the lines after it that are indented further or open with a speaker tag ("User:", "Bot:"), up to
a blank line. Chat markup inside such a block addresses nobody; what it says about a candidate or a verdict still
counts (core/injection.py keeps those features).
"""

from __future__ import annotations

import re

_LEAD = re.compile(
    r"^([ \t]*)(?:[-*•▪◦·>]\s*)?[^\n]{0,80}\b(?:samples?|examples?|excerpts?|transcripts?|snippets?|demos?|"
    r"dialog(?:ue)?s?|conversations?|scripts?|mock-?ups?|exchanges?)\b[^\n]{0,80}:[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_SPEAKER = re.compile(r"^[ \t]*(?:[-*•>]\s*)?[A-Z][\w .'-]{0,20}:\s")
# A Gherkin scenario is a test's script: step lines opening with Given / When / Then / And / But, or the three steps
# written in one line ("Given a user asks …, When the bot replies, Then it refuses").
_STEP = re.compile(r"^[ \t]*(?:[-*•>]\s*)?(?:Given|When|Then|And|But)\s[^\n]*$", re.MULTILINE)
_INLINE_STEPS = re.compile(r"^[^\n]*\bGiven\s[^\n]*\bWhen\s[^\n]*\bThen\s[^\n]*$", re.MULTILINE)


def sample_blocks(text: str) -> list[tuple[int, int]]:
    """Spans of the lines a sample lead introduces (empty for most texts: one search for a lead line)."""
    blocks = _gherkin(text) if "Given " in text else []
    if ":" not in text:
        return blocks
    for lead in _LEAD.finditer(text):
        indent = len(lead.group(1).expandtabs())
        start = pos = lead.end() + 1
        while pos < len(text):
            line_end = text.find("\n", pos)
            line_end = len(text) if line_end < 0 else line_end
            line = text[pos:line_end]
            if not line.strip():
                break
            deeper = len(line) - len(line.lstrip()) > indent
            if not (deeper or _SPEAKER.match(line)):
                break
            pos = line_end + 1
        if pos > start:
            blocks.append((start, min(pos, len(text))))
    return blocks


def _gherkin(text: str) -> list[tuple[int, int]]:
    """Runs of two or more Gherkin step lines, and lines holding all three steps."""
    blocks = [m.span() for m in _INLINE_STEPS.finditer(text)]
    run: list[tuple[int, int]] = []
    for m in _STEP.finditer(text):
        if run and text[run[-1][1] : m.start()].strip():
            run = []  # another line came between: a new run
        run.append(m.span())
        if len(run) == 2:
            blocks.append((run[0][0], run[1][1]))
        elif len(run) > 2:
            blocks[-1] = (run[0][0], m.end())
    return blocks
