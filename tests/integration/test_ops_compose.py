"""Deployment files without a Docker engine: compose, Dockerfile, .env.example and Prometheus rules parse and agree."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from core.config import Settings
from observability import metrics
from observability.healthcheck import check, role_from_cmdline

ROOT = Path(__file__).resolve().parents[2]
APP_SERVICES = ("migrate", "api", "web", "worker")


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def dockerfile_stages() -> list[list[str]]:
    """Dockerfile instructions (continuation lines joined), split by FROM into stages."""
    text = re.sub(r"\\\n\s*", " ", (ROOT / "Dockerfile").read_text())
    lines = [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.strip().startswith("#")]
    stages: list[list[str]] = []
    for line in lines:
        if line.upper().startswith("FROM "):
            stages.append([])
        if stages:
            stages[-1].append(line)
    return stages


def env_names() -> set[str]:
    """Every environment variable Settings reads."""
    names = set()
    for name, field in Settings.model_fields.items():
        alias = field.validation_alias
        names.add(alias if isinstance(alias, str) else f"ATS_{name.upper()}")
    return names


def test_compose_services_images_and_start_order(compose: dict) -> None:
    services = compose["services"]
    assert {"postgres", "redis", *APP_SERVICES} <= set(services)
    assert services["postgres"]["image"].startswith("postgres:15")
    assert services["redis"]["image"].startswith("redis:")
    image = services["api"]["image"]
    for name in APP_SERVICES:
        svc = services[name]
        assert svc["image"] == image, name  # one image, the role is the command
        assert svc["build"]["context"] == "."
        assert svc["env_file"] == ".env"
        assert svc["depends_on"]["postgres"]["condition"] == "service_healthy"
        assert svc["depends_on"]["redis"]["condition"] == "service_healthy"
    for name in ("api", "web", "worker"):
        assert services[name]["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    assert services["migrate"]["restart"] == "no"
    assert services["web"]["depends_on"]["api"]["condition"] == "service_healthy"


def test_compose_commands_ports_and_healthchecks(compose: dict) -> None:
    s = compose["services"]
    assert s["migrate"]["command"] == ["migrate"]
    assert s["api"]["command"] == ["api", "--host", "0.0.0.0", "--port", "8000"]
    assert s["web"]["command"] == ["web"]
    assert s["worker"]["command"] == ["worker"]
    assert s["api"]["ports"] == ["${ATS_API_PUBLISH:-8000}:8000"]
    assert s["web"]["ports"] == ["${ATS_WEB_PUBLISH:-8501}:8501"]
    assert "ports" not in s["worker"] and "container_name" not in s["worker"]  # --scale worker=4 must work
    assert s["worker"]["environment"]["ATS_WORKER_METRICS_PORT"] == "9100"
    for name in ("api", "web", "worker", "migrate"):
        assert s[name]["healthcheck"]["test"] == ["CMD", "python", "-m", "observability.healthcheck", name]
    assert "pg_isready" in " ".join(s["postgres"]["healthcheck"]["test"])
    assert s["redis"]["healthcheck"]["test"] == ["CMD", "redis-cli", "ping"]


def test_compose_persists_data_and_takes_secrets_from_env(compose: dict) -> None:
    s = compose["services"]
    assert "pgdata:/var/lib/postgresql/data" in s["postgres"]["volumes"]
    assert "redisdata:/data" in s["redis"]["volumes"]
    redis_cmd = s["redis"]["command"]
    assert redis_cmd[redis_cmd.index("--appendonly") + 1] == "yes"
    assert {"pgdata", "redisdata"} <= set(compose["volumes"])
    assert s["postgres"]["environment"]["POSTGRES_PASSWORD"].startswith("${POSTGRES_PASSWORD:?")
    raw = (ROOT / "docker-compose.yml").read_text()
    assert not re.search(r"(?i)(password|secret|api_key|cookie_key)\s*:\s*['\"]?[A-Za-z0-9]{8,}", raw)
    env = s["api"]["environment"]
    assert "postgres:5432" in env["DATABASE_URL"] and env["REDIS_URL"].endswith("redis:6379/0}")


def test_dockerfile_multi_stage_slim_non_root_with_healthcheck() -> None:
    stages = dockerfile_stages()
    assert len(stages) >= 2
    text = (ROOT / "Dockerfile").read_text()
    assert re.search(r"ARG PYTHON_IMAGE=python:3\.11-slim", text)
    final = stages[-1]
    joined = "\n".join(final)
    assert "COPY --from=build /opt/venv /opt/venv" in joined
    for compiler in ("build-essential", "gcc", "g++", "clang", "make "):
        assert compiler not in joined, compiler  # compilers stay in the build stage
    users = [ln.split()[1] for ln in final if ln.upper().startswith("USER ")]
    assert users and users[-1] not in ("root", "0")
    health = [ln for ln in final if ln.upper().startswith("HEALTHCHECK ")]
    assert health and '"observability.healthcheck"' in health[0]
    entry = [ln for ln in final if ln.upper().startswith("ENTRYPOINT ")]
    assert entry == ['ENTRYPOINT ["tini", "--", "python", "manage.py"]']
    assert "postgresql-client" in joined  # pg_dump / pg_restore for backup and restore


def test_dockerignore_keeps_secrets_and_state_out() -> None:
    ignored = {ln.strip() for ln in (ROOT / ".dockerignore").read_text().splitlines() if ln.strip()}
    assert {".env", ".git", ".venv", "data/"} <= ignored


def test_env_example_lists_every_setting() -> None:
    text = (ROOT / ".env.example").read_text()
    listed = set(re.findall(r"^#?\s*([A-Z][A-Z0-9_]+)=", text, flags=re.M))
    missing = env_names() - listed
    assert not missing, f".env.example lacks {sorted(missing)}"
    assert "POSTGRES_PASSWORD" in listed
    # No variable may be set to an empty value (that means "", not "unset").
    assert not re.findall(r"^[A-Z][A-Z0-9_]+=\s*$", text, flags=re.M)


def _metric_names_in(expr: str) -> set[str]:
    tokens = set(re.findall(r"\b(ats_[a-z0-9_]+)", expr))
    return {re.sub(r"_(bucket|sum|count)$", "", t) for t in tokens}


def test_alert_rules_cover_the_issue_and_use_real_metrics() -> None:
    groups = yaml.safe_load((ROOT / "deploy/prometheus/alerts.yml").read_text())["groups"]
    rules = [r for g in groups for r in g["rules"]]
    names = {r["alert"] for r in rules}
    assert {"AtsQueueStuck", "AtsItemsFailing", "AtsCircuitBreakerOpen", "AtsSpendNearDailyLimit"} <= names
    known = {m.name for m in metrics.REGISTRY.collect()}
    known |= {n + "_total" for n in known}
    for rule in rules:
        assert rule["labels"]["severity"] in ("warning", "critical")
        assert rule["annotations"]["summary"] and rule["for"]
        assert rule["expr"].count("(") == rule["expr"].count(")"), rule["alert"]
        unknown = _metric_names_in(rule["expr"]) - known
        assert not unknown, f"{rule['alert']} uses unknown metrics {unknown}"
    docs = (ROOT / "docs" / "DEPLOY.md").read_text()
    for name in names:
        assert name in docs, f"docs/DEPLOY.md does not explain {name}"


def test_prometheus_config_scrapes_api_and_every_worker() -> None:
    cfg = yaml.safe_load((ROOT / "deploy/prometheus/prometheus.yml").read_text())
    assert cfg["rule_files"] == ["alerts.yml"]
    jobs = {j["job_name"]: j for j in cfg["scrape_configs"]}
    assert jobs["ats-api"]["static_configs"][0]["targets"] == ["api:8000"]
    assert jobs["ats-api"]["authorization"]["type"] == "Bearer"
    assert jobs["ats-worker"]["dns_sd_configs"][0] == {"names": ["worker"], "type": "A", "port": 9100}


def test_healthcheck_reads_role_from_command_line() -> None:
    assert role_from_cmdline(["tini", "--", "python", "manage.py", "api", "--host", "0.0.0.0"]) == "api"
    assert role_from_cmdline(["/usr/bin/python3", "/app/manage.py", "worker", "--burst"]) == "worker"
    assert role_from_cmdline(["python", "manage.py", "backup", "--to", "x"]) is None
    assert role_from_cmdline(["bash"]) is None
    assert check("migrate", object()) == (True, "one-shot")
    assert check("nope", object())[0] is False
