"""A real worker process for the worker tests: `python worker_proc.py '<settings json>' LOG DELAY [--burst]`.

It runs the project's own worker loop (workers.main.run_worker) with CostlyProvider instead of the configured one.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))


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
    matcher, extractor = load_local()
    provider = CostlyProvider(
        OfflineProvider(matcher=matcher, extractor=extractor), log_path=sys.argv[2], delay_s=float(sys.argv[3])
    )
    run_worker(settings, burst="--burst" in sys.argv, provider=provider)


if __name__ == "__main__":
    main()
