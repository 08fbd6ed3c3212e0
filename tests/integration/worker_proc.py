"""A real worker process for the worker tests: `python worker_proc.py '<settings json>' LOG DELAY [--burst]`.

It runs the project's own worker loop (workers.main.run_worker) with CostlyProvider instead of the configured one.
When the worker logs "worker ready" its pid is appended to LOG.ready, so a test can wait for every worker it
started before it submits work (on a loaded machine a worker may take seconds to load the pipeline).
"""

from __future__ import annotations

import json
import logging
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))


class _ReadyMarker(logging.Handler):
    """Appends this process's pid to the ready file when the worker says it is ready."""

    def __init__(self, path: str) -> None:
        super().__init__(logging.INFO)
        self.path = path

    def emit(self, record: logging.LogRecord) -> None:
        if record.getMessage() == "worker ready":
            with open(self.path, "a") as out:
                out.write(f"{os.getpid()}\n")


def main() -> None:
    """Parse argv, build the provider around the offline engine, run the worker."""
    from costly_provider import CostlyProvider

    from core.config import load_settings
    from core.factory import load_local
    from core.llm.offline import OfflineProvider
    from observability.logs import configure_logging
    from workers.main import run_worker

    settings = load_settings(**json.loads(sys.argv[1]))
    configure_logging(settings, level="WARNING")
    ready = logging.getLogger("workers.main")
    ready.setLevel(logging.INFO)  # the one INFO line the marker needs; the root stays at WARNING
    ready.addHandler(_ReadyMarker(sys.argv[2] + ".ready"))
    matcher, extractor = load_local()
    provider = CostlyProvider(
        OfflineProvider(matcher=matcher, extractor=extractor), log_path=sys.argv[2], delay_s=float(sys.argv[3])
    )
    run_worker(settings, burst="--burst" in sys.argv, provider=provider)


if __name__ == "__main__":
    main()
