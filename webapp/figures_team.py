"""The manager dashboard's team charts: pure functions, DataFrame in, plotly Figure out (no Streamlit)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

_LAYOUT = {"margin": {"l": 10, "r": 10, "t": 40, "b": 10}, "template": "plotly_white", "height": 320}
FINISHED, REVIEWED = "#3b6fb6", "#7cc98f"


def _height(rows: int) -> int:
    return max(220, min(30 * rows + 120, 900))


def recruiter_throughput(frame: pd.DataFrame) -> go.Figure:
    """Per recruiter: candidates finished and rewrites reviewed of those to review (columns of team_report)."""
    fig = go.Figure()
    if not frame.empty:
        ordered = frame.iloc[::-1]  # plotly draws the first row at the bottom
        fig.add_bar(
            y=ordered["recruiter"],
            x=ordered["completed"],
            name="candidates finished",
            orientation="h",
            marker_color=FINISHED,
        )
        fig.add_bar(
            y=ordered["recruiter"],
            x=ordered["reviewed"],
            name="rewrites reviewed",
            orientation="h",
            marker_color=REVIEWED,
            customdata=ordered["to review"],
            hovertemplate="%{y}: %{x} of %{customdata} rewrites reviewed<extra></extra>",
        )
    fig.update_layout(**{**_LAYOUT, "height": _height(len(frame))}, barmode="group", title="Throughput per recruiter")
    fig.update_yaxes(type="category")
    fig.update_xaxes(rangemode="nonnegative", tickformat="d")
    return _empty(fig, frame)


def missing_skills(frame: pd.DataFrame) -> go.Figure:
    """The required skills most often missing across the team's candidates (columns skill, share, count)."""
    fig = go.Figure()
    if not frame.empty:
        ordered = frame.iloc[::-1]
        fig.add_bar(
            y=ordered["skill"],
            x=ordered["share"] * 100,
            orientation="h",
            marker_color="#c0392b",
            customdata=ordered["candidates missing it"],
            hovertemplate="%{y}: missing for %{customdata} candidates (%{x:.0f}%)<extra></extra>",
        )
    fig.update_layout(**{**_LAYOUT, "height": _height(len(frame))}, title="Required skills most often missing")
    fig.update_yaxes(type="category")
    fig.update_xaxes(ticksuffix="%", range=[0, 100])
    return _empty(fig, frame)


def _empty(fig: go.Figure, frame: pd.DataFrame) -> go.Figure:
    if frame.empty:
        fig.add_annotation(text="No data in this range", showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper")
    return fig
