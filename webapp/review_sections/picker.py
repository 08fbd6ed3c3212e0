"""Pickers for the job and the candidate, both kept in the URL (?job=…&candidate=…)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from webapp.query import url_select
from webapp.ui import job_label

JOB_KEY, CANDIDATE_KEY = "review_job", "review_candidate"


def job(jobs: list[dict[str, Any]]) -> dict[str, Any]:
    """The job chosen in the picker (the one in the URL when it is listed)."""
    labels = {j["job_id"]: job_label(j) for j in jobs}
    job_id = url_select(
        "Job", list(labels), param="job", key=JOB_KEY, format_func=labels.__getitem__, clears=("candidate",)
    )
    return next(j for j in jobs if j["job_id"] == job_id)


def candidate(items: list[dict[str, Any]], finished: list[dict[str, Any]], overview: pd.DataFrame) -> dict[str, Any]:
    """The item chosen in the candidate picker (the one in the URL, else the first finished one)."""
    rows = {row["item"]: row for row in overview.to_dict("records")}

    def label(item_id: str) -> str:
        row = rows[item_id]
        if row["status"] != "completed":
            return f"{row['ref']} · {row['status']}"
        return (
            f"{row['ref']} · score {row['score before']} → {row['score after']} · "
            f"{row['reviewed']} of {row['to review']} reviewed"
        )

    item_id = url_select(
        "Candidate",
        [i["item_id"] for i in items],
        param="candidate",
        key=CANDIDATE_KEY,
        format_func=label,
        default=finished[0]["item_id"],
    )
    return next(i for i in items if i["item_id"] == item_id)
