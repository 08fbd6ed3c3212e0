"""One command-line entry for everything an operator does: `python manage.py --help`."""

from __future__ import annotations

import importlib
import sys

import typer

from cli.common import run_app

# Each module registers its commands on the app; one module per concern.
COMMAND_MODULES = (
    "cli.process_cmd",  # process
    "cli.taxonomy_cmd",  # build-taxonomy
    "cli.eval_cmd",  # eval pii | injection | skills
    "cli.jobs_cmd",  # migrate, create-user, create-api-key, submit, status, purge, rotate-key
    "cli.worker_cmd",  # worker
    "cli.api_cmd",  # api
    "cli.server_cmd",  # web, run
    "cli.ops_cmd",  # backup, restore
    "cli.injection_cmd",  # train-injection
)


def build_app() -> typer.Typer:
    """The typer application with every command module registered."""
    app = typer.Typer(add_completion=False, no_args_is_help=True, help="ATS Resume Agent operator commands.")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(app)
    return app


if __name__ == "__main__":
    sys.exit(run_app(build_app()))
