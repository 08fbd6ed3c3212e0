"""`build-taxonomy`: rebuild core/data/skills_taxonomy.json (the skill graph) from O*NET, ESCO and the curated files."""

from __future__ import annotations

from pathlib import Path

import typer

from cli.common import emit_json, fail

DEFAULT_ONET = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "onet"
DEFAULT_ESCO = DEFAULT_ONET.parent / "esco"
ESCO_FILES = (
    "skills_en.csv.gz",
    "skillGroups_en.csv.gz",
    "broaderRelationsSkillPillar.csv.gz",
    "occupationSkillRelations.csv.gz",
)


def build_taxonomy_cmd(
    onet: Path = typer.Option(DEFAULT_ONET, "--onet", help="folder with technology_skills.tsv and occupation_data.tsv"),
    out: Path | None = typer.Option(None, "--out", help="output folder (default: core/data)"),
    aliases: Path | None = typer.Option(None, "--aliases", help="alias YAML (default: core/data/skills_aliases.yaml)"),
    esco: Path = typer.Option(DEFAULT_ESCO, "--esco", help="folder with the ESCO v1.1.1 CSV files (gzipped)"),
    graph: Path | None = typer.Option(None, "--graph", help="curated graph YAML (default: core/data/skill_graph.yaml)"),
) -> None:
    """Build the skill graph data file; prints a JSON summary on the last line."""
    from core.errors import InputError
    from core.taxonomy import ALIASES_FILE, DATA_DIR, GRAPH_FILE, write_taxonomy

    for name in ("technology_skills.tsv", "occupation_data.tsv"):
        if not (onet / name).is_file():
            fail(f"O*NET file not found: {onet / name}")
    for name in ESCO_FILES:
        if not (esco / name).is_file():
            fail(f"ESCO file not found: {esco / name}")
    for path, what in ((aliases or ALIASES_FILE, "alias"), (graph or GRAPH_FILE, "graph")):
        if not path.is_file():
            fail(f"{what} file not found: {path}")
    target = out or DATA_DIR
    try:
        summary = write_taxonomy(onet, target, aliases or ALIASES_FILE, esco, graph or GRAPH_FILE)
    except InputError as exc:
        fail(str(exc))
    emit_json({"out": str(target), **summary})


def register(app: typer.Typer) -> None:
    """Add the build-taxonomy command."""
    app.command("build-taxonomy")(build_taxonomy_cmd)
