"""`python -m webapp.serve app.py [streamlit options]`: the `streamlit run` command line, from this interpreter.

app.py defines an st.App, which `streamlit run` detects and serves (the script, pages/ and the cookie routes);
its lifespan calls configure_observability() inside the server process.
"""

from __future__ import annotations

import logging
import runpy
import sys


def configure_observability() -> None:
    """JSON logs and tracing as the API and workers have them, and every record scrubbed (Streamlit's too)."""
    from core.config import get_settings
    from observability.logs import configure_logging, scrub_every_record
    from observability.tracing import configure_tracing

    settings = get_settings()
    configure_logging(settings)
    scrub_every_record()
    configure_tracing(settings)
    # uvicorn (st.App's server) logs every request; the browser's page, script and health requests are noise here.
    logging.getLogger("uvicorn.access").setLevel(logging.WARNING)


def main(argv: list[str]) -> None:
    """`streamlit run <argv>`, exactly as `python -m streamlit run <argv>` runs it."""
    sys.argv = ["streamlit", "run", *argv]
    runpy.run_module("streamlit", run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main(sys.argv[1:])
