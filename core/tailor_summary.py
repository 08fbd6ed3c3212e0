"""A tailored summary of 2-3 sentences, built only from the resume's facts: the JD's title when the resume holds it,
the must-haves the resume shows (in the JD's words), and the resume's strongest measured result."""

from __future__ import annotations

import re

from core import facts, grammar
from core.confirm import is_credential
from core.resume_parts import summary_part
from core.roles import find_roles
from core.tailor_skills import JOB_NOUN as _JOB_NOUN
from core.tailor_skills import writable_name
from core.tailor_terms import TermToWrite, held_credential
from core.text_search import found, lowered
from core.text_search import written_in as written_in_words
from core.text_similarity import COPY_RUN
from core.types import CoverageEntry, ImpliedSkill, JDSignals

MAX_STRENGTHS = 5
MAX_HELD = 4
CREDENTIAL_KINDS = frozenset({"certification", "licence", "degree"})
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
_OUTCOME = re.compile(
    r"\b(?:reduc|increas|improv|sav|grew|cut|boost|lower|rais|doubl|tripl|decreas|eliminat|fell|rose|won|ranked)",
    re.IGNORECASE,
)
_SENIORITY = re.compile(r"\b(?:senior|sr\.?|junior|jr\.?|lead|principal|entry[- ]level|[IV]{1,3})\b", re.IGNORECASE)
_TITLE_SPLIT = re.compile(r"\s[–—-]\s|\s*[|·,(]\s*")
_LEVEL = re.compile(r"\s+(?:[IV]{1,3}|[1-4])$")  # 'Technician II': the level is the employer's grade
_YEARS = re.compile(r"\b(\d{1,2}\+?)\s+(?:years?|yrs?)\b", re.IGNORECASE)
_CREDENTIAL = re.compile(r"\b(?:licen[cs]e|certifi|registered|CPA|RN\b|CDL|PE\b|BLS|ACLS|CPR|OSHA)", re.IGNORECASE)


def _title_core(title: str) -> tuple[str, str]:
    """('Senior Staff Accountant', 'Staff Accountant') from 'Senior Staff Accountant (GL & Close)'."""
    first = _TITLE_SPLIT.split(title.strip())[0].strip()
    core = " ".join(_SENIORITY.sub("", first).split())
    return first, core


def _title_places(resume: str) -> list[str]:
    """Where a candidate's own titles are written: the headline, job headings and the summary's opening words."""
    lines = [line for line in resume.split("\n")[:4]]
    previous: dict[int, str] = {}
    pos = 0
    for line in resume.split("\n"):
        previous[pos] = line
        pos += len(line) + 1
    for role in find_roles(resume):
        lines.append(role.line)
        before = [p for p in previous if p < role.start]
        if before:
            lines.append(previous[max(before)])
    summary = summary_part(resume)
    if summary:
        lines.append(" ".join(summary.text.split()[:5]))
    return lines


def _held(title: str, places: list[str]) -> bool:
    pattern = re.compile(r"(?<!\w)" + re.escape(title) + r"(?!\w)", re.IGNORECASE)
    return bool(title) and any(pattern.search(p) for p in places)


def candidate_title(resume: str, signals: JDSignals, jd: str = "") -> str | None:
    """The JD's title when the resume shows the candidate holds it, else the candidate's most recent title."""
    places = _title_places(resume)
    first_line = next((line.strip() for line in jd.split("\n") if line.strip()), "")
    for title in (signals.title, first_line if len(first_line.split()) <= 8 else None):
        if not title:
            continue
        full, core = _title_core(title)
        for name in (full, core):
            last = full.split()[-1] if full.split() else ""
            if name == core != full and _SENIORITY.fullmatch(last) and _JOB_NOUN.search(last):
                continue  # 'Warehouse' of 'Warehouse Lead' lost the word that names the job
            if len(name.split()) <= 5 and _held(name, places):
                return name
    for role in find_roles(resume):
        for piece in _TITLE_SPLIT.split(role.line):
            piece = _LEVEL.sub("", piece.strip())
            if piece and not any(c.isdigit() for c in piece) and len(piece.split()) <= 6 and _JOB_NOUN.search(piece):
                return piece
    return None


def _years(resume: str) -> str | None:
    """'6 years' when the summary or the headline states the candidate's years of experience."""
    summary = summary_part(resume)
    for text in [summary.text if summary else "", "\n".join(resume.split("\n")[:6])]:
        found = _YEARS.search(text)
        if found:
            return f"{found.group(1)} years"
    return None


def _join(items: list[str]) -> str:
    """'A, B and C'; 'A, B and C, and D' or 'A as well as B and C' when an item holds an 'and' of its own."""
    if len(items) == 1:
        return items[0]
    inner = any(" and " in i for i in items)
    if inner and len(items) == 2:
        return f"{items[0]} as well as {items[1]}"
    return f"{', '.join(items[:-1])}{',' if inner else ''} and {items[-1]}"


def strengths(
    entries: list[CoverageEntry], signals: JDSignals, implied: list[ImpliedSkill], resume: str = ""
) -> list[str]:
    """The required (then preferred) skills the resume shows, in the JD's words; implied ones name their evidence
    as the resume writes it ('container platform (EKS)')."""
    quote = {s.skill: s.quote for s in implied}
    out: list[str] = []
    for required in (True, False):
        for entry in entries:
            if entry.required != required:
                continue
            name = writable_name(entry, signals, resume, set(quote))
            if not name:
                continue
            shown = _whole(quote.get(entry.skill) or "")
            name = _lower_line_capital(name)
            same = shown.lower() in name.lower() or _one_word_alike(shown, name)  # 'communication (Communicate)'
            item = f"{name} ({shown})" if shown and not same else name
            if item.lower() not in (o.lower() for o in out):
                out.append(item)
    return out[: MAX_STRENGTHS + 3]


def credentials(entries: list[CoverageEntry], resume: str = "") -> list[str]:
    """The required licences and certifications the resume shows as held, in the resume's own words."""
    out: list[str] = []
    for entry in entries:
        if entry.kind not in ("certification", "licence") or not entry.before or not entry.evidence:
            continue
        if resume and not held_credential(entry.evidence[0], resume, False):
            continue  # a line saying it is not held yet ('Part 1 passed; Part 2 scheduled')
        words = entry.evidence[0].quote.strip()
        if words and len(words.split()) <= 6 and words.lower() not in (o.lower() for o in out):
            out.append(words)
    return out[:3]


def _whole(quote: str) -> str:
    """A quote without a parenthesis it was cut inside ('Spanish (native' -> 'Spanish')."""
    quote = quote.strip()
    while quote.count("(") > quote.count(")"):
        quote = quote[: quote.rindex("(")].strip()
    return quote


_COUNTED = re.compile(
    r"\b(?:licen[cs]e|certification|certificate|card|endorsement|authori[sz]ation|credential|diploma|degree|"
    r"registration|permit)$",
    re.IGNORECASE,
)
_BARE_LEVEL = re.compile(r"(?:bachelor|master|associate)(?:'|’)?s", re.IGNORECASE)
_VOWEL_LETTERS = "AEFHILMNORSX"  # initials read with a vowel sound: 'an MBA', 'an RN license', 'an LPN'


def _with_article(name: str) -> str:
    """A credential named as one thing held, with its article ('a bachelor's degree', 'an MBA', 'a DOT medical
    card'); a name already led by one, or a plural, is left as it is."""
    first = name.split()[0]
    if first.lower() in ("a", "an", "the") or name.endswith("s") and not _COUNTED.search(name):
        return name
    if first.isupper() and len(first) > 1 and first.isalpha():
        vowel = first[0] in _VOWEL_LETTERS
    else:
        vowel = first[:1].lower() in "aeio" or (first[:1].lower() == "u" and not first.lower().startswith("uni"))
    return f"{'an' if vowel else 'a'} {name}"


def _held_kind(term: TermToWrite) -> bool:
    """A degree, licence or certification, also when the JD reader took it for a skill ('Arizona adjuster
    license', 'FAA A&P certificate'): it is held, not a skill one is skilled in."""
    return term.kind in CREDENTIAL_KINDS or is_credential(term.term)


def _beside(term: TermToWrite) -> str:
    """The JD's words with the resume's own beside them ('BLS certification (BLS Provider)'); a field of work asked
    as years ('commercial electrical') stands alone: one tool of the resume does not show it."""
    words = term.term
    if term.kind == "degree" and _BARE_LEVEL.fullmatch(words):
        words = words[0].lower() + words[1:] + " degree"  # 'Master's' of "Master's or doctoral degree"
    if _held_kind(term) and (term.kind == "degree" or _COUNTED.search(words)):
        words = _with_article(words)
    elif not _held_kind(term):
        words = _as_noun(words)  # 'read blueprints' -> 'reading blueprints'
    shown = _whole(term.shown)
    same = shown.lower() in term.term.lower() or _one_word_alike(shown, term.term)  # not 'communication (Communicate)'
    if term.kind == "experience_years" or not shown or same or len(shown.split()) > 6:
        return words
    if "(" in shown:
        return words  # never nested: 'FAA A&P certificate (FAA Airframe & Powerplant (A&P) Certificate)'
    return f"{words} ({shown})"


def _first(items: list[str], more: list[str]) -> list[str]:
    """The items, then those of `more` that no earlier one already says (as text, or word for word: 'version control
    (Git)' after 'version control with Git')."""
    out = list(items)
    for item in more:
        words = set(re.findall(r"[\w/+#&.-]+", item.lower()))
        if item.lower() in " ".join(out).lower():
            continue
        if words and any(words <= set(re.findall(r"[\w/+#&.-]+", o.lower())) for o in out):
            continue
        out.append(item)
    return out


def build_summary(
    resume: str,
    signals: JDSignals,
    entries: list[CoverageEntry],
    implied: list[ImpliedSkill],
    results: list[str],
    jd: str = "",
    terms: list[TermToWrite] | None = None,
) -> str | None:
    """2-3 sentences: the title (and years) with the must-haves shown, the credentials held, then the resume's own
    summary sentence that best fits the JD (or its strongest measured result). None when too little supports one.
    `terms`: the JD's words for requirements met but written nowhere else; they lead, beside the resume's own."""
    title = candidate_title(resume, signals, jd)
    years = _years(resume)
    soft = _soft(terms or [])
    unwritten = [t for t in terms or [] if not _held_kind(t) and t.kind != "soft_skill" and not t.phrase]
    skills = _first(_first([], [_beside(t) for t in unwritten]), strengths(entries, signals, implied, resume))
    skills = [s for s in skills if not any(_says(p, s) for p in soft)]
    skills = [s for s in skills if not title or s.lower() != title.lower()]
    skills += [
        _as_noun(k, results) for k in jd_phrases_shown(signals, results) if k.lower() not in " ".join(skills).lower()
    ]
    skills = skills[: max(MAX_STRENGTHS, len(unwritten))]
    as_held = [_with_article(c) if _COUNTED.search(c) else c for c in credentials(entries, resume)]  # "a … Card"
    held = _first([_beside(t) for t in terms or [] if _held_kind(t)], as_held)[:MAX_HELD]
    if len(skills) + len(held) + len(soft) < (1 if title else 2):
        return None  # nothing the JD asks for to lead with: the candidate's own summary stands
    sentences: list[str] = []
    lead = f"{title[0].upper()}{title[1:]}" if title else "Experienced"
    if title and years:
        lead += f" with {years} of experience"
    if skills:
        # 'with 6 years of experience, skilled in X': the years are the resume's, not a claim of 6 years of each skill
        lead += f"{', skilled in' if title and years else ' skilled in' if title else ' in'} {_join(skills)}"
    if held and not skills and title:
        joiner = "; holds" if years else " holding"  # not 'with 5 years of experience holding X'
        sentences.append(f"{lead}{joiner} {_join(held)}.")  # not a bare 'Delivery Driver.'
    else:
        sentences.append(lead + ".")
        if held:
            sentences.append(f"Holds {_join(held)}.")
    if soft:  # the JD's whole phrases and the soft skills a line of the resume shows at work, named apart from
        # the skills ('skilled in interpersonal skills', 'skilled in butchery experience' do not read)
        sentences.insert(1, f"Strengths include {_join(soft)}.")
    own = _own_sentence(resume, signals, " ".join(sentences))
    extra = own or _best_result(results)
    if extra:
        sentences.append(extra)
    return " ".join(sentences[: 3 + bool(soft)])


def _soft(terms: list[TermToWrite]) -> list[str]:
    """The JD's whole phrases and its words for the soft skills a line of the resume shows, once each
    ('communication' is not named again beside 'written and verbal communication')."""
    names = [t.term for t in terms if (t.kind == "soft_skill" or t.phrase) and not _held_kind(t)]
    names = list(dict.fromkeys(names))
    return [n for n in names if not any(n != o and written_in_words(n, o) for o in names)]


def _says(phrase: str, item: str) -> bool:
    """True when a phrase already says an item ('FEA' in 'FEA tools'; 'version control (Git)' in 'version control
    with Git')."""
    words = set(re.findall(r"[\w/+#&.-]+", item.lower()))
    return written_in_words(item, phrase) or bool(words) and words <= set(re.findall(r"[\w/+#&.-]+", phrase.lower()))


def _one_word_alike(shown: str, name: str) -> bool:
    """One word each, of one stem ('Communicate' beside 'communication' says nothing more)."""
    return len(shown.split()) == 1 and len(name.split()) == 1 and shown[:6].lower() == name[:6].lower()


def _lower_line_capital(name: str) -> str:
    """A JD phrase of two or more words capitalised only at its start, whose first word is a common word, in lower
    case ('Relational databases' -> 'relational databases'); names ('Microsoft Word', 'Python') are left."""
    words = name.split()
    if len(words) < 2 or not words[0][1:].islower() or any(w != w.lower() for w in words[1:]):
        return name
    first = words[0].lower()
    return name[0].lower() + name[1:] if grammar.other_readings(first) or grammar.verb_tags(first) else name


def _as_noun(phrase: str, duties: list[str] | None = None) -> str:
    """A phrase that can follow 'experience in': a duty led by a verb reads as its gerund ('administer medications'
    -> 'administering medications'; 'counsel patients' -> 'counseling patients' when a bullet opens with it)."""
    first, _, rest = phrase.partition(" ")
    tags = grammar.verb_tags(first)
    opens = any(d.strip().lower().startswith(phrase.lower()) for d in duties or [])
    if not rest or not tags & {"VB", "VBP"} or ("NOUN" in grammar.other_readings(first) and not opens):
        return phrase
    gerund = grammar.retense(first, "gerund")
    return f"{gerund} {rest}" if gerund else phrase


def with_terms(own: str, terms: list[TermToWrite]) -> str | None:
    """The candidate's own summary with one sentence naming the JD's words it and the bullets do not write ('Holds
    Bachelor's degree (B.S.).'); None when there is nothing to add."""
    skills = _first([], [_beside(t) for t in terms if not _held_kind(t) and t.kind != "soft_skill" and not t.phrase])
    held = _first([], [_beside(t) for t in terms if _held_kind(t)])[:MAX_HELD]
    soft = _soft(terms)
    skills = [s for s in skills if not any(_says(p, s) for p in soft)]
    added = []
    if skills:
        added.append(f"Skilled in {_join(skills)}.")
    if soft:
        added.append(f"Strengths include {_join(soft)}.")
    if held:
        added.append(f"Holds {_join(held)}.")
    if not added:
        return None
    own = own.rstrip()
    return " ".join([own if own[-1:] in ".!?" else own + ".", *added])


def jd_phrases_shown(signals: JDSignals, results: list[str]) -> list[str]:
    """The JD's heaviest key phrases (two or more words) that the resume's bullets write word for word."""
    text = " ".join(results).lower()
    out = []
    for keyword in sorted(signals.keywords, key=lambda k: -k.weight):
        term = keyword.term.strip()
        if len(term.split()) >= 2 and found(term.lower(), text):
            out.append(term)
    return out[:3]


def _own_sentence(resume: str, signals: JDSignals, lead: str) -> str | None:
    """The sentence of the resume's own summary that adds most JD terms the lead does not already write (kept word
    for word, so nothing the candidate said about the JD's asks is lost)."""
    part = summary_part(resume)
    if part is None:
        return None
    terms = {k.term.lower() for k in signals.keywords} | {
        m.quote.lower() for m in [*signals.required, *signals.preferred]
    }
    terms = {t for t in terms if t and t not in lead.lower()}
    best: tuple[int, str] | None = None
    for sentence in _SENTENCE.split(" ".join(part.text.split())):
        sentence = sentence.strip()
        words = sentence.split()
        if len(words) < 5 or len(words) > 32 or re.search(r"\b(?:I|my|me)\b", sentence):
            continue
        hits = sum(1 for t in terms if found(t, lowered(sentence)))
        if best is None or hits > best[0]:
            best = (hits, sentence)
    if best is None or best[0] == 0:
        return None
    text = best[1].rstrip()
    return text if text[-1:] in ".!?" else text + "."


def _best_result(results: list[str]) -> str | None:
    """The resume's strongest measured result as a sentence (a bullet with a percentage, money or number)."""
    ranked = []
    for i, text in enumerate(results):
        nums = facts.numbers(text, words=False)
        if not nums or len(text.split()) > 26 or not _OUTCOME.search(text):
            continue
        weight = 2 if any(n.kind != "plain" for n in nums) else 1
        ranked.append((-weight, i, text.strip()))
    if not ranked:
        return None
    text = sorted(ranked)[0][2].rstrip(".;, ")
    return text[0].upper() + text[1:] + "."


_RUN_WORD = re.compile(r"[a-z0-9]+")


def _copy_runs(text: str) -> set[tuple[str, ...]]:
    words = _RUN_WORD.findall(text.lower())
    return {tuple(words[i : i + COPY_RUN]) for i in range(len(words) - COPY_RUN + 1)}


def copied_apart(summary: str, jd: str) -> str:
    """The summary with each sentence that repeats COPY_RUN words of the JD in a row (a degree's whole name, a long
    JD phrase: 'Holds a Bachelor of Science in Mechanical Engineering') on a line of its own after the others. A
    reader, and the score's text similarity (core.text_similarity), take such a line as the JD's words; the
    candidate's own facts beside it are not."""
    if not jd or "\n" in summary:
        return summary
    copied = _copy_runs(jd)
    lines: list[list[str]] = [[]]
    for sentence in _sentences(summary):
        if _copy_runs(sentence) & copied:
            lines += [[sentence], []]
        else:
            lines[-1].append(sentence)
    lines = [line for line in lines if line]
    return "\n".join(" ".join(line) for line in lines) if len(lines) > 1 else summary


def _sentences(text: str) -> list[str]:
    """A text's sentences: split after '.', '!' or '?' before a capital, never inside a parenthesis or after an
    abbreviation written with stops ('(B.S. Mechanical Engineering)', 'B.A. English')."""
    out, start, depth = [], 0, 0
    for at, char in enumerate(text):
        depth += (char == "(") - (char == ")")
        if depth or char not in ".!?" or not _SENTENCE.match(text, at + 1):
            continue
        if re.search(r"(?:^|[\s(])(?:[A-Za-z]\.){2,}$", text[start : at + 1]):
            continue  # 'B.S.' ends no sentence
        out.append(text[start : at + 1].strip())
        start = at + 1
    return [s for s in [*out, text[start:].strip()] if s]
