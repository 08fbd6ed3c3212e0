"""A job's name as people call it: the job description's title, or the uploaded file when the JDs differ."""

from __future__ import annotations

from collections.abc import Iterable

from core.jd_parts import find_title
from core.searchability import jd_title
from core.types import JDSignals

MAX_NAME = 200


def title_of(jd: str) -> str:
    """The title a JD opens with ('' when none can be read): the JD reader's, else its first line's."""
    found = find_title(jd)
    return found.text.strip() if found else jd_title(JDSignals(), jd)


def job_name(jds: Iterable[str], file_name: str | None = None) -> str:
    """'Senior Backend Engineer' for one JD; the file's name (with the title when all rows share one JD);
    'Nurse, Cook and 3 more' for several JDs pasted without a file; 'Untitled job' when nothing reads."""
    titles: list[str] = []
    distinct = 0
    seen: set[str] = set()
    for jd in jds:
        key = jd.strip()
        if key in seen:
            continue
        seen.add(key)
        distinct += 1
        title = title_of(key)
        if title and title not in titles:
            titles.append(title)
    if file_name:
        name = f"{file_name} · {titles[0]}" if distinct == 1 and titles else file_name
    elif len(titles) == 1 and distinct == 1:
        name = titles[0]
    elif titles:
        rest = distinct - 2 if len(titles) >= 2 else distinct - 1
        name = ", ".join(titles[:2]) + (f" and {rest} more" if rest > 0 else "")
    else:
        name = "Untitled job"
    return name[:MAX_NAME]
