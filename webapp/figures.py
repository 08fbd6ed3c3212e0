"""Every chart of the app: pure functions, DataFrame in, plotly Figure out (no Streamlit, no database)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from webapp import labels
from webapp.review_data import ADDED_BY_REWRITE, IN_ORIGINAL, MISSING

_LAYOUT = {"margin": {"l": 10, "r": 10, "t": 40, "b": 10}, "template": "plotly_white", "height": 320}
_COVERAGE_COLORS = [
    [0.0, "#f4d6d4"],  # missing
    [0.33, "#f4d6d4"],
    [0.34, "#ffe39a"],  # surfaced by the rewrite
    [0.66, "#ffe39a"],
    [0.67, "#7cc98f"],  # in the original resume
    [1.0, "#7cc98f"],
]
DAY_MS = 86_400_000
BAR_MS = int(DAY_MS * 0.7)  # a day's bar on a date axis (plotly would size a lone bar to a millisecond)
_COVERAGE_WORDS = {MISSING: "missing", ADDED_BY_REWRITE: "named by the rewrite", IN_ORIGINAL: "in the resume"}


def coverage_heatmap(matrix: pd.DataFrame) -> go.Figure:
    """Candidates x requirements heatmap: green in the resume, yellow named by the rewrite, red missing."""
    words = matrix.map(lambda v: "not in this JD" if pd.isna(v) else _COVERAGE_WORDS[int(v)])
    fig = go.Figure(
        go.Heatmap(
            z=matrix.to_numpy(dtype=float),
            x=list(matrix.columns),
            y=list(matrix.index),
            zmin=MISSING,
            zmax=IN_ORIGINAL,
            colorscale=_COVERAGE_COLORS,
            customdata=words.to_numpy(),
            hovertemplate="%{y} · %{x}: %{customdata}<extra></extra>",
            showscale=False,
            xgap=2,
            ygap=2,
        )
    )
    height = max(220, min(28 * len(matrix.index) + 140, 1400))
    fig.update_layout(**{**_LAYOUT, "height": height}, title="Who covers what (required skills first)")
    fig.update_yaxes(autorange="reversed", type="category")
    fig.update_xaxes(side="top", tickangle=-40, type="category")
    return fig


def ranking_bar(ranking: pd.DataFrame) -> go.Figure:
    """Horizontal bars of each candidate's ATS score after the rewrite, in ranking order, with the score before."""
    fig = go.Figure()
    names = ranking["candidate"]
    fig.add_bar(y=names, x=ranking["score before"], name="before", orientation="h", marker_color="#c9d3e0")
    fig.add_bar(y=names, x=ranking["score after"], name="after", orientation="h", marker_color="#3b6fb6")
    height = max(220, min(24 * len(ranking.index) + 120, 1400))
    fig.update_layout(**{**_LAYOUT, "height": height}, barmode="group", title="ATS score, before and after")
    fig.update_yaxes(autorange="reversed", type="category")
    fig.update_xaxes(range=[0, 100])
    return fig


def cost_per_day(frame: pd.DataFrame) -> go.Figure:
    """Stacked bars of dollars per day: one colour per provider / model when the frame has them (day, usd)."""
    fig = go.Figure()
    if not frame.empty:
        if {"provider", "model"} <= set(frame.columns):
            labelled = frame.assign(series=frame["provider"].astype(str) + " / " + frame["model"].astype(str))
            for series, part in labelled.groupby("series", sort=True):
                fig.add_bar(x=part["day"], y=part["usd"], name=str(series), width=BAR_MS)
        else:
            fig.add_bar(x=frame["day"], y=frame["usd"], name="all models", width=BAR_MS)
    fig.update_layout(**_LAYOUT, barmode="stack", title="Cost per day (USD)", yaxis_tickprefix="$")
    fig.update_yaxes(rangemode="nonnegative")
    return _day_axis(_empty_note(fig, frame), frame)


ITEM_OUTCOMES = ("completed", "failed", "quarantined", "cancelled")


def items_per_day(frame: pd.DataFrame) -> go.Figure:
    """Stacked bars of items finished per day by outcome (columns: day and any of completed/failed/...)."""
    fig = go.Figure()
    if not frame.empty:
        for outcome in ITEM_OUTCOMES:
            if outcome in frame.columns and frame[outcome].fillna(0).sum() > 0:
                fig.add_bar(x=frame["day"], y=frame[outcome], name=labels.status(outcome), width=BAR_MS)
    fig.update_layout(**_LAYOUT, barmode="stack", title="Candidates finished per day")
    fig.update_yaxes(rangemode="nonnegative", tickformat="d")
    return _day_axis(_empty_note(fig, frame), frame)


def score_lift(frame: pd.DataFrame) -> go.Figure:
    """Average ATS score before and after per day (columns: day, score_before, score_after)."""
    fig = go.Figure()
    if not frame.empty:
        fig.add_scatter(x=frame["day"], y=frame["score_before"], name="before", mode="lines+markers")
        fig.add_scatter(x=frame["day"], y=frame["score_after"], name="after", mode="lines+markers")
    fig.update_layout(**_LAYOUT, title="Average match score, before → after", yaxis_range=[0, 100])
    return _day_axis(_empty_note(fig, frame), frame)


def usage_per_user(frame: pd.DataFrame) -> go.Figure:
    """Dollars per user, highest at the top (columns: username, usd; calls optional for the hover)."""
    fig = go.Figure()
    if not frame.empty:
        ordered = frame.sort_values("usd", ascending=True)
        hover = ordered["calls"] if "calls" in ordered.columns else None
        calls_note = " · %{customdata} calls" if hover is not None else ""
        fig.add_bar(
            y=ordered["username"],
            x=ordered["usd"],
            orientation="h",
            customdata=hover,
            hovertemplate="%{y}: $%{x:.4f}" + calls_note + "<extra></extra>",
        )
    fig.update_layout(**_LAYOUT, title="Spend per user (USD)", xaxis_tickprefix="$")
    return _empty_note(fig, frame)


def spend_gauge(spent: float, limit: float) -> go.Figure:
    """Today's spend against the daily limit as a gauge that turns red near the limit."""
    top = max(limit, spent, 0.01)
    fig = go.Figure(
        go.Indicator(
            mode="gauge+number",
            value=spent,
            number={"prefix": "$", "valueformat": ".4f"},
            gauge={
                "axis": {"range": [0, top]},
                "bar": {"color": "#c0392b" if limit and spent >= 0.9 * limit else "#3b6fb6"},
                "threshold": {"line": {"color": "#c0392b", "width": 3}, "value": limit},
            },
            title={"text": f"Spent today of ${limit:,.2f}"},
        )
    )
    fig.update_layout(**{**_LAYOUT, "height": 260})
    return fig


def _day_axis(fig: go.Figure, frame: pd.DataFrame) -> go.Figure:
    """Dates on the x axis, one tick a day (never hours or milliseconds), with half a day of margin either side."""
    if frame.empty or "day" not in frame:
        return fig
    days = pd.to_datetime(frame["day"], errors="coerce").dropna()
    if days.empty:
        return fig
    lo, hi = days.min() - pd.Timedelta(hours=14), days.max() + pd.Timedelta(hours=14)
    span = (days.max() - days.min()).days
    fig.update_xaxes(type="date", range=[lo, hi], tickformat="%d %b", dtick=DAY_MS * max(1, span // 14 + 1))
    return fig


def _empty_note(fig: go.Figure, frame: pd.DataFrame) -> go.Figure:
    if frame.empty:
        fig.add_annotation(text="No data in this range", showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper")
    return fig
