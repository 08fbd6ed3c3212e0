# syntax=docker/dockerfile:1
# One image for every role; the command picks it:
#   docker run IMAGE migrate | api --host 0.0.0.0 --port 8000 | web | worker | backup --to F | restore --from F
# (the ENTRYPOINT is `python manage.py`). See docs/DEPLOY.md.

ARG PYTHON_IMAGE=python:3.11-slim-bookworm

# ---- build: wheels into a virtualenv (compilers live only in this stage) -------------------
FROM ${PYTHON_IMAGE} AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONDONTWRITEBYTECODE=1
RUN apt-get update \
    && apt-get install -y --no-install-recommends build-essential \
    && rm -rf /var/lib/apt/lists/*
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
COPY requirements.txt constraints.txt /tmp/
RUN pip install -r /tmp/requirements.txt -c /tmp/constraints.txt

# ---- runtime: slim, non-root, no compilers ------------------------------------------------
FROM ${PYTHON_IMAGE} AS runtime
# postgresql-client: pg_dump/pg_restore for `backup`/`restore` (Debian bookworm ships 15, matching
# the compose file's postgres:15); tini: PID 1 that forwards SIGTERM so RQ workers stop warm;
# tesseract-ocr (+ English): OCR of scanned PDF resumes (core/documents).
RUN apt-get update \
    && apt-get install -y --no-install-recommends postgresql-client tini tesseract-ocr tesseract-ocr-eng \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 ats \
    && useradd --system --uid 10001 --gid ats --home-dir /home/ats --create-home --shell /usr/sbin/nologin ats
COPY --from=build /opt/venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    HOME=/home/ats \
    ATS_API_HOST=0.0.0.0 \
    ATS_WEB_HOST=0.0.0.0 \
    ATS_WORKER_METRICS_HOST=0.0.0.0
WORKDIR /app
COPY . /app
# The code stays root-owned (read-only to the app); only ./data (the SQLite default) is writable.
RUN mkdir -p /app/data && chown ats:ats /app/data
USER ats
EXPOSE 8000 8501 9100
# The probe reads the role from the container's command line (api, web, worker or migrate).
HEALTHCHECK --interval=30s --timeout=6s --start-period=60s --retries=3 \
    CMD ["python", "-m", "observability.healthcheck"]
ENTRYPOINT ["tini", "--", "python", "manage.py"]
CMD ["api", "--host", "0.0.0.0", "--port", "8000"]
