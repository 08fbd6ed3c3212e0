"""Commands of this concern; see manage.py for the list of modules."""

import typer


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
