"""`build-taxonomy`: rebuild core/data/skills_taxonomy.json from O*NET and the hand-written alias file."""

from __future__ import annotations

from pathlib import Path

import typer

from cli.common import emit_json, fail

DEFAULT_ONET = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "onet"


def build_taxonomy_cmd(
    onet: Path = typer.Option(DEFAULT_ONET, "--onet", help="folder with technology_skills.tsv and occupation_data.tsv"),
    out: Path | None = typer.Option(None, "--out", help="output folder (default: core/data)"),
    aliases: Path | None = typer.Option(None, "--aliases", help="alias YAML (default: core/data/skills_aliases.yaml)"),
) -> None:
    """Build the skills taxonomy data file; prints a JSON summary on the last line."""
    from core.taxonomy import ALIASES_FILE, DATA_DIR, write_taxonomy

    for name in ("technology_skills.tsv", "occupation_data.tsv"):
        if not (onet / name).is_file():
            fail(f"O*NET file not found: {onet / name}")
    alias_file = aliases or ALIASES_FILE
    if not alias_file.is_file():
        fail(f"alias file not found: {alias_file}")
    target = out or DATA_DIR
    summary = write_taxonomy(onet, target, alias_file)
    emit_json({"out": str(target), **summary})


def register(app: typer.Typer) -> None:
    """Add the build-taxonomy command."""
    app.command("build-taxonomy")(build_taxonomy_cmd)
