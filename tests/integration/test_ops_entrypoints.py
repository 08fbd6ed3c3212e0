"""The image's entry commands run from a clean checkout exactly as the Dockerfile and compose invoke them.

No Docker engine here: the checkout is `git archive HEAD` minus what .dockerignore keeps out of the
image; the command is the Dockerfile's ENTRYPOINT (without tini) plus each compose service's
command; the environment is the compose file's plus the Dockerfile's ENV, with the service
host names and 0.0.0.0 adapted to 127.0.0.1 and the ports to free ones.
"""

from __future__ import annotations

import fnmatch
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tarfile
import time
from pathlib import Path

import httpx
import pytest
import yaml
from cryptography.fernet import Fernet

from tests.conftest import free_port
from tests.processes import kill_group

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.postgres, pytest.mark.redis, pytest.mark.slow]


@pytest.fixture(scope="module")
def checkout(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """HEAD as the image's build context sees it (the build files themselves sit beside it, in SRC)."""
    dest = tmp_path_factory.mktemp("checkout")
    archive = dest / "head.tar"
    subprocess.run(["git", "archive", "--format=tar", "-o", str(archive), "HEAD"], cwd=ROOT, check=True)
    with tarfile.open(archive) as tar:
        tar.extractall(dest / "src", filter="data")
    src, app = dest / "src", dest / "app"
    patterns = [p.strip() for p in (src / ".dockerignore").read_text().splitlines() if p.strip() and p[0] not in "#!"]

    def ignored(directory: str, names: list[str]) -> list[str]:
        rel = Path(directory).relative_to(src)
        out = []
        for name in names:
            path = (rel / name).as_posix()
            if any(fnmatch.fnmatch(path, p.rstrip("/")) or fnmatch.fnmatch(name, p.lstrip("*/")) for p in patterns):
                out.append(name)
        return out

    shutil.copytree(src, app, ignore=ignored)
    assert (app / "manage.py").exists() and not (app / "tests").exists() and not (app / "Dockerfile").exists()
    return app


def _src(app: Path, name: str) -> str:
    """A build file (Dockerfile, compose, .env.example) of the checkout."""
    return (app.parent / "src" / name).read_text()


def _entrypoint(app: Path) -> list[str]:
    line = next(ln for ln in _src(app, "Dockerfile").splitlines() if ln.startswith("ENTRYPOINT"))
    args = json.loads(line.split(None, 1)[1])
    if args[0] == "tini":
        args = args[args.index("--") + 1 :]
    assert args == ["python", "manage.py"]
    return [sys.executable, *args[1:]]


def _dockerfile_env(app: Path) -> dict[str, str]:
    text = re.sub(r"\\\n\s*", " ", _src(app, "Dockerfile"))
    runtime = text.split("AS runtime", 1)[1]
    env: dict[str, str] = {}
    for line in runtime.splitlines():
        if line.startswith("ENV "):
            env.update(dict(re.findall(r"(\w+)=(\S+)", line)))
    return {k: v for k, v in env.items() if k.startswith("ATS_")}


def _interpolate(value: str, env: dict[str, str]) -> str:
    pattern = re.compile(r"\$\{(\w+)(?::([-?])([^{}]*(?:\{[^{}]*\}[^{}]*)*))?\}")
    while (m := pattern.search(value)) is not None:
        name, op, arg = m.group(1), m.group(2), m.group(3) or ""
        got = env.get(name) or (_interpolate(arg, env) if op == "-" else None)
        if got is None:
            raise AssertionError(f"compose needs {name}: {arg}")
        value = value[: m.start()] + got + value[m.end() :]
    return value


def _service(app: Path, name: str, overrides: dict[str, str], args: dict[str, int]) -> tuple[list[str], dict]:
    """The command line and environment of one compose service, adapted to this machine."""
    compose = yaml.safe_load(_src(app, "docker-compose.yml"))
    svc = compose["services"][name]
    dotenv = dict(re.findall(r"^([A-Z][A-Z0-9_]*)=(.*)$", _src(app, ".env.example"), flags=re.M))
    env = {**_dockerfile_env(app), **dotenv}
    env.update({k: _interpolate(str(v), {**dotenv, **overrides}) for k, v in svc.get("environment", {}).items()})
    env.update(overrides)
    for key, value in list(env.items()):
        env[key] = value.replace("0.0.0.0", "127.0.0.1")
    cmd = [str(a).replace("0.0.0.0", "127.0.0.1") for a in svc["command"]]
    cmd = [str(args.get(a, a)) for a in cmd]  # e.g. the fixed container port 8000 -> a free port
    base = {k: v for k, v in os.environ.items() if not k.startswith(("ATS_", "DATABASE_URL", "REDIS_URL", "OTEL_"))}
    health = svc["healthcheck"]["test"]
    return [*_entrypoint(app), *cmd], {**base, **{k: v for k, v in env.items() if v != ""}, "_HEALTH": " ".join(health)}


@pytest.fixture
def overrides(pg_url: str, redis_namespace: tuple[str, str], tmp_path: Path) -> dict[str, str]:
    redis_url, queue = redis_namespace
    return {
        "DATABASE_URL": pg_url,
        "REDIS_URL": redis_url,
        "ATS_QUEUE_NAME": queue,
        "POSTGRES_PASSWORD": "unused-here",
        "ATS_ENCRYPTION_KEY": Fernet.generate_key().decode(),  # the template's placeholder is invalid on purpose
        "ATS_COOKIE_KEY": "k-" + os.urandom(16).hex(),
        "HOME": str(tmp_path),
    }


def _healthcheck(app: Path, env: dict) -> subprocess.CompletedProcess:
    args = env["_HEALTH"].split()[1:]  # ["CMD", "python", "-m", ...] -> python -m ...
    assert args[:3] == ["python", "-m", "observability.healthcheck"]
    return subprocess.run([sys.executable, *args[1:]], cwd=app, env=env, capture_output=True, text=True, timeout=30)


def _migrate(app: Path, overrides: dict[str, str]) -> dict:
    cmd, env = _service(app, "migrate", overrides, {})
    done = subprocess.run(cmd, cwd=app, env=env, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def _start(cmd: list[str], app: Path, env: dict) -> subprocess.Popen:
    """Start a server with its output in a file that failures can show."""
    log = app.parent / f"{cmd[2]}-{time.monotonic_ns()}.log"
    with log.open("w") as sink:
        proc = subprocess.Popen(cmd, cwd=app, env=env, stdout=sink, stderr=subprocess.STDOUT, start_new_session=True)
    proc.log_path = log  # type: ignore[attr-defined]
    return proc


def _wait_http(url: str, proc: subprocess.Popen, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"exited with {proc.returncode}: {proc.log_path.read_text()[-3000:]}")
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"{url} did not answer 200 within {seconds}s")


def _stop(proc: subprocess.Popen) -> int:
    proc.send_signal(signal.SIGTERM)
    try:
        return proc.wait(30)
    except subprocess.TimeoutExpired:
        proc.kill()
        raise
    finally:
        kill_group(proc)  # the server's own children (Streamlit under `manage.py web`) go with it


def test_migrate_is_a_repeatable_one_shot(checkout: Path, overrides: dict[str, str]) -> None:
    first = _migrate(checkout, overrides)
    assert first["revision"]
    assert _migrate(checkout, overrides)["revision"] == first["revision"]


def test_api_serves_health_and_passes_its_healthcheck(checkout: Path, overrides: dict[str, str]) -> None:
    _migrate(checkout, overrides)
    port = free_port()
    cmd, env = _service(checkout, "api", {**overrides, "ATS_API_PORT": str(port)}, {"8000": port})
    assert cmd[-4:] == ["--host", "127.0.0.1", "--port", str(port)]
    proc = _start(cmd, checkout, env)
    try:
        _wait_http(f"http://127.0.0.1:{port}/health", proc)
        done = _healthcheck(checkout, env)
        assert done.returncode == 0 and done.stdout.startswith("healthy: api"), done.stdout + done.stderr
        assert httpx.get(f"http://127.0.0.1:{port}/metrics", timeout=5).status_code == 401
    finally:
        _stop(proc)
    # With the server gone the same probe must fail.
    assert _healthcheck(checkout, env).returncode == 1


def test_worker_burst_and_long_running_worker_health(checkout: Path, overrides: dict[str, str]) -> None:
    _migrate(checkout, overrides)
    cmd, env = _service(checkout, "worker", overrides, {})
    assert env["ATS_WORKER_METRICS_PORT"] == "9100"
    env["ATS_WORKER_METRICS_PORT"] = str(free_port())
    burst = subprocess.run([*cmd, "--burst"], cwd=checkout, env=env, capture_output=True, text=True, timeout=180)
    assert burst.returncode == 0, burst.stderr[-2000:]

    proc = _start(cmd, checkout, env)
    try:
        _wait_http(f"http://127.0.0.1:{env['ATS_WORKER_METRICS_PORT']}/metrics", proc)
        done = _healthcheck(checkout, env)
        assert done.returncode == 0 and "worker" in done.stdout, done.stdout + done.stderr
    finally:
        assert _stop(proc) in (0, -signal.SIGTERM)


def test_web_serves_and_passes_its_healthcheck(checkout: Path, overrides: dict[str, str]) -> None:
    _migrate(checkout, overrides)
    port = free_port()
    cmd, env = _service(checkout, "web", {**overrides, "ATS_WEB_PORT": str(port)}, {})
    proc = _start(cmd, checkout, env)
    try:
        _wait_http(f"http://127.0.0.1:{port}/_stcore/health", proc, seconds=120)
        done = _healthcheck(checkout, env)
        assert done.returncode == 0 and done.stdout.startswith("healthy: web"), done.stdout + done.stderr
    finally:
        _stop(proc)


def test_rollback_with_alembic_downgrade_then_upgrade(checkout: Path, overrides: dict[str, str]) -> None:
    """The runbook's rollback command: `alembic -c db/alembic.ini downgrade -1` in the image, then migrate again."""
    head = _migrate(checkout, overrides)["revision"]
    _, env = _service(checkout, "migrate", overrides, {})
    alembic = [sys.executable, "-m", "alembic", "-c", "db/alembic.ini"]
    down = subprocess.run([*alembic, "downgrade", "-1"], cwd=checkout, env=env, capture_output=True, text=True)
    assert down.returncode == 0, down.stderr[-2000:]
    current = subprocess.run([*alembic, "current"], cwd=checkout, env=env, capture_output=True, text=True)
    assert current.returncode == 0 and head not in current.stdout
    assert _migrate(checkout, overrides)["revision"] == head
