"""Realistic synthetic (resume, JD) pairs for the benchmarks: JD ~400 words, resume ~600 words, ~15 bullets."""

from __future__ import annotations

import random

SKILLS = (
    "Python Go Java TypeScript JavaScript Rust Kotlin SQL PostgreSQL MySQL Redis Kafka RabbitMQ Docker Kubernetes "
    "Terraform AWS GCP Azure React Django Flask FastAPI Spark Airflow Snowflake Elasticsearch GraphQL Jenkins "
    "Prometheus Grafana Linux Git Node.js Pandas TensorFlow PyTorch MongoDB Ansible"
).split()
ALIASES = {"Kubernetes": "k8s", "PostgreSQL": "Postgres", "JavaScript": "JS", "GCP": "Google Cloud", "Go": "golang"}
WEAK = (
    "Responsible for building",
    "Helped build",
    "Worked on",
    "Was responsible for maintaining",
    "Participated in the rollout of",
    "Assisted with",
)
STRONG = ("Built", "Designed", "Led", "Migrated", "Automated", "Reduced", "Improved", "Shipped", "Launched", "Owned")
OBJECTS = (
    "the billing service",
    "a real-time analytics pipeline",
    "the customer onboarding flow",
    "an internal developer platform",
    "the search ranking service",
    "a fraud detection system",
    "the mobile API gateway",
    "a data warehouse migration",
    "the notification service",
    "an experimentation framework",
)
OUTCOMES = (
    "cutting p95 latency by {n}%",
    "saving ${n}K a year in hosting costs",
    "serving {n}M requests per day",
    "reducing incidents by {n}%",
    "used by {n} enterprise customers",
    "improving conversion by {n}%",
    "shortening release cycles from {n} days to 2",
)
COMPANIES = ("Acme Corp", "Globex", "Initech", "Umbrella Health", "Stark Logistics", "Wayne Fintech", "Hooli")
TITLES = ("Software Engineer", "Senior Software Engineer", "Backend Engineer", "Data Engineer", "Platform Engineer")
FILLER_JD = (
    "We are a fast-growing team that values ownership, clear writing and thoughtful code review. "
    "You will work closely with product, design and operations to deliver reliable systems for our customers. "
    "Our engineers own their services end to end, from design documents to production monitoring and on-call. "
)


def _bullet(rng: random.Random, skills: list[str]) -> str:
    first, second = rng.sample(skills, 2)
    named = ALIASES.get(first, first) if rng.random() < 0.3 else first
    opening = rng.choice(WEAK) if rng.random() < 0.4 else rng.choice(STRONG)
    if opening in STRONG and rng.random() < 0.2:
        opening = "Successfully " + opening.lower()
    outcome = rng.choice(OUTCOMES).format(n=rng.randint(2, 90))
    extra = f" and {second}" if rng.random() < 0.5 else ""
    return (
        f"{opening} {rng.choice(OBJECTS)} using {named}{extra} in order to support {rng.randint(2, 9)} product "
        f"teams, {outcome}, while keeping the on-call load low."
    )


def make_resume(rng: random.Random, n_bullets: int = 13) -> str:
    """A plain-text resume: contact, summary, three roles (13 bullets), two projects, education, skills."""
    skills = rng.sample(SKILLS, 14)
    name = rng.choice(("Alex Kim", "Sam Patel", "Jordan Lee", "Maria Garcia", "Chen Wei"))
    lines = [
        name,
        f"{name.split()[0].lower()}.{rng.randint(10, 99)}@example.com | +1 415 555 01{rng.randint(10, 99)}",
        "",
        "SUMMARY",
        f"Engineer with {rng.randint(3, 12)} years of experience building backend and data systems with "
        f"{', '.join(skills[:4])}. Enjoys mentoring, writing design documents and improving reliability. "
        "Comfortable owning services from the first design review to production support, and happiest on teams "
        "that measure what they ship and share what they learn.",
        "",
        "EXPERIENCE",
    ]
    per_role = max(1, n_bullets // 3)
    for role in range(3):
        start = 2012 + role * 3 + rng.randint(0, 1)
        lines += ["", f"{rng.choice(COMPANIES)} | {rng.choice(TITLES)} | {start} - {start + 3}"]
        marker = rng.choice(("•", "-", "*"))
        count = per_role if role < 2 else n_bullets - 2 * per_role
        lines += [f"{marker} {_bullet(rng, skills)}" for _ in range(count)]
    lines += [
        "",
        "PROJECTS",
        f"- Maintainer of a small open-source {skills[5]} library for rate limiting with {rng.randint(50, 900)} stars.",
        f"- Built a home-lab monitoring stack with {skills[6]} and wrote a blog series about it.",
        "",
        "EDUCATION",
        f"B.S. Computer Science, State University, {2008 + rng.randint(0, 4)}",
        "Coursework in distributed systems, databases, statistics and operating systems.",
        "",
        "SKILLS",
        ", ".join(skills),
        "",
        "INTERESTS",
        "Rock climbing, open-source contributions, chess, community meetups and teaching introductory programming.",
    ]
    return "\n".join(lines)


def make_jd(rng: random.Random) -> str:
    """A job description with about, responsibilities, requirements, nice-to-haves and benefits."""
    skills = rng.sample(SKILLS, 12)
    title = rng.choice(TITLES)
    company = rng.choice(COMPANIES)
    resp = [
        f"Design, build and operate services in {skills[0]} and {skills[1]} that handle millions of requests.",
        f"Own the reliability of {rng.choice(OBJECTS)} and its dashboards in {skills[2]}.",
        "Review code, write design documents and mentor engineers across the team.",
        f"Improve deployment pipelines on {skills[3]} and reduce the time from merge to production.",
        "Partner with product managers to scope, estimate and deliver features every sprint.",
        "Participate in a fair on-call rotation and lead blameless incident reviews.",
        f"Model data in {skills[4]} and keep queries fast as usage grows {rng.randint(2, 10)}x a year.",
    ]
    req = [
        f"{rng.randint(3, 8)}+ years of professional software engineering experience.",
        f"Strong experience with {skills[0]} and {skills[1]} in production.",
        f"Hands-on experience with {skills[3]} and {skills[5]}.",
        f"Solid knowledge of {skills[4]}, data modelling and query tuning.",
        f"Experience running services on {skills[6]}.",
        "Clear written and spoken communication and a habit of measuring results.",
        "A degree in computer science or equivalent practical experience.",
    ]
    nice = [
        f"Experience with {skills[7]} or {skills[8]}.",
        f"Familiarity with {skills[9]} and observability tooling.",
        f"Exposure to {skills[10]} in a regulated industry such as payments or healthcare.",
        f"Open-source contributions, especially around {skills[11]}.",
    ]
    parts = [
        f"{rng.choice(('Senior ', '', 'Staff '))}{title}, {company}",
        "",
        "About us",
        FILLER_JD * 3,
        "",
        "What you'll do",
        *[f"- {r}" for r in resp],
        "",
        "Requirements",
        *[f"- {r}" for r in req],
        "",
        "Nice to have",
        *[f"- {r}" for r in nice],
        "",
        "What we offer",
        "Competitive salary and equity, health, dental and vision coverage, a yearly learning budget, "
        "flexible hours, remote-friendly teams across time zones, and generous parental leave for every parent. "
        f"{company} is an equal opportunity employer and welcomes applicants from every background.",
    ]
    return "\n".join(parts)


def make_pairs(n: int, *, seed: int = 7, jds: int | None = None) -> list[tuple[str, str]]:
    """n (resume, JD) pairs; with jds set, the JDs cycle through that many distinct ones."""
    rng = random.Random(seed)
    pool = [make_jd(rng) for _ in range(jds)] if jds else []
    return [(make_resume(rng), pool[i % len(pool)] if pool else make_jd(rng)) for i in range(n)]
