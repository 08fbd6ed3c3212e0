"""Whether the JD's name of a requirement may be written as the name of the resume's evidence for it.

Coverage may judge a requirement met through a broad link of the skill graph: "end-to-end testing" is one of the
names of Test Automation, and Jest is a kind of test automation, so the JD's end-to-end testing counts as met by
Jest. Writing "end-to-end testing (Jest)" is another matter: it says Jest is end-to-end testing, and it is a unit-test
tool. "504 plans (IEP)" says two things are one because the graph files both under Special Education. A name is
written beside evidence only when the evidence really is a kind of what the name says: every word the name adds to
its concept's own name (the qualifier: "end-to-end", "cloud", "3D", "504 plans") is written on the evidence's line,
or the evidence is a known kind of the qualified name (SolidWorks is 3D CAD, NetSuite is a cloud ERP).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

_FUNCTION = frozenset("of in on for and or with to the a an".split())
# words a JD adds to a name without narrowing it ('FEA tools', 'payroll system', 'CRM platform')
_PLAIN = frozenset(
    "tool tools software system systems platform platforms skill skills experience techniques technique methods "
    "principles instruments instrument equipment programs program knowledge solutions solution".split()
)
# a skill named as what other people do ('Worked with React developers', 'the Salesforce admins') is theirs, not the
# candidate's work with it: no JD name is written for it (the text after the skill's name, as a regular expression)
PEOPLE = (
    r"\s+(?:developers?|engineers?|teams?|admins?|administrators?|users?|specialists?|consultants?|vendors?|"
    r"analysts?|architects?|experts?|partners?|staff|group|squad)\b"
)
_SUFFIXES = ("ational", "ations", "ation", "ings", "ing", "ies", "ers", "er", "ed", "es", "al", "s")

# Qualified names and the tools that are kinds of them, as any practitioner would file them. Only names whose
# qualifier a resume rarely writes beside the tool (nobody writes "SolidWorks, a 3D CAD tool").
KNOWN_KINDS: dict[str, frozenset[str]] = {
    name: frozenset(t.strip().lower() for t in tools.split(","))
    for name, tools in {
        "3d cad": "SolidWorks, CATIA, Creo, PTC Creo, NX, Siemens NX, Inventor, Autodesk Inventor, Fusion 360, "
        "Onshape, Solid Edge, Rhino, SketchUp, Revit",
        "2d cad": "AutoCAD, DraftSight, AutoCAD LT",
        "cloud erp": "NetSuite, Oracle NetSuite, Acumatica, Sage Intacct, Workday, SAP S/4HANA Cloud, "
        "Microsoft Dynamics 365, Dynamics 365, Oracle Fusion",
        "relational database": "PostgreSQL, Postgres, MySQL, SQLite, SQL Server, Microsoft SQL Server, Oracle, "
        "Oracle Database, MariaDB, Db2, IBM Db2, Amazon RDS, Aurora, Amazon Aurora, SQL",
        "data warehouse": "Snowflake, BigQuery, Redshift, Amazon Redshift, Azure Synapse, Synapse, Teradata, "
        "Vertica, Databricks",
        "end-to-end testing": "Playwright, Cypress, Selenium, WebdriverIO, Puppeteer, TestCafe, Nightwatch",
        "e2e testing": "Playwright, Cypress, Selenium, WebdriverIO, Puppeteer, TestCafe, Nightwatch",
        "unit testing": "Jest, JUnit, pytest, Mocha, Jasmine, Vitest, NUnit, xUnit, RSpec, unittest, TestNG",
        "cam programming": "Mastercam, GibbsCAM, Esprit CAM, ESPRIT, Fusion 360, CAMWorks, hyperMILL, PowerMill",
        "nosql database": "MongoDB, DynamoDB, Cassandra, Couchbase, Redis, Firestore, Cosmos DB",
    }.items()
}


def _stem(word: str) -> str:
    word = word.lower().strip(".-/'")
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word[:5]


def _words(text: str) -> list[str]:
    return [w for w in re.findall(r"[A-Za-z0-9+#&]+", text) if w.lower() not in _FUNCTION]


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words).lower()


def qualifier(term: str, names: Iterable[str]) -> list[str]:
    """The words of a JD term that none of the given names (its concept's, the evidence's) write, as a word, a
    stem or an abbreviation ('cloud' of 'cloud ERP' beside ERP; none of 'EHR' beside Electronic Health Records)."""
    have: set[str] = set()
    short: set[str] = set()
    for name in names:
        words = _words(name)
        have |= {_stem(w) for w in words}
        short |= {_initials(words)} | {w.lower() for w in words}
    words = [w for w in _words(term) if w.lower() not in _PLAIN]
    if words and _initials(words) in short:
        return []  # 'site reliability engineering' beside SRE
    return [w for w in words if _stem(w) not in have and w.lower() not in short]


def _known_kind(term: str, tools: Iterable[str]) -> bool:
    words = [w for w in _words(term.lower()) if w not in _PLAIN]
    key = " ".join(_stem(w) for w in words)
    for name, kinds in KNOWN_KINDS.items():
        if " ".join(_stem(w) for w in _words(name)) == key and any(t.lower() in kinds for t in tools if t):
            return True
    return False


_ABBREVIATION = re.compile(r"[A-Z][A-Z0-9]{1,5}")


def _spells(short: str, long: str) -> bool:
    """True when the shorter name's letters stand in order in the longer ('HTML' in 'HTML5', 'TSQL' in 'SQL')."""
    a, b = sorted(([c for c in n.lower() if c.isalnum()] for n in (short, long)), key=len)
    letters = iter(b)
    return bool(a) and all(c in letters for c in a)


def other_abbreviation(name: str, quote: str) -> bool:
    """True when a name and the resume's quote are both abbreviations (of formats, standards, protocols: 'JSON',
    'XML') and neither spells the other: two names of two things, however a taxonomy files them together."""
    words = [w for w in _words(name) if w.lower() not in _PLAIN]
    if len(words) != 1 or not _ABBREVIATION.fullmatch(words[0]) or not _ABBREVIATION.fullmatch(quote.strip()):
        return False
    return not _spells(words[0], quote.strip())


def names_evidence(term: str, concepts: Iterable[str], via: str, quote: str, line: str) -> bool:
    """True when the JD term may be written as the name of this evidence: what it adds to its concept's own name
    is written on the evidence's line, or the evidence is a known kind of it. Evidence read as the concept itself
    through another abbreviation ('XML' filed under JSON) is not given the JD's ('JSON')."""
    if via in set(concepts) and other_abbreviation(term, quote):
        return False
    extra = qualifier(term, [*concepts, via, quote])
    if not extra:
        return True
    line_stems = {_stem(w) for w in _words(line)}
    if all(_stem(w) in line_stems for w in extra):
        return True  # 'hydraulic system design' on 'Designed hydraulic circuits for …'
    return _known_kind(term, (via, quote))


def names_field(
    term: str, concepts: Iterable[str], evidence: tuple[str, str, str], work: str, is_name: Callable[[str], bool]
) -> bool:
    """True when the JD's words for a field of work (a years group: 'Linux servers (RHEL, Rocky, CentOS or
    similar)', 'commercial electrical') may be written for this evidence (via, quote, line): a word that names a
    thing ('CentOS', 'iOS') only on the evidence's line, a plain word of the field ('commercial') on any line of
    the resume's work."""
    via, quote, line = evidence
    line_stems = {_stem(w) for w in _words(line)}
    work_stems = {_stem(w) for w in _words(work)}
    return all(
        _stem(w) in line_stems or (not is_name(w) and _stem(w) in work_stems)
        for w in qualifier(term, [*concepts, via, quote])
    )
