"""job_jds: a job's JD stored once, shared by its items (job_items.jd_text stays for items stored before)

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "job_jds",
        sa.Column("job_id", sa.String(length=36), nullable=False),
        sa.Column("jd_hash", sa.String(length=64), nullable=False),
        sa.Column("text", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["job_id"], ["jobs.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("job_id", "jd_hash"),
    )


def downgrade() -> None:
    # Items that share a stored JD get their own copy back before the table goes.
    op.execute(
        "UPDATE job_items SET jd_text = (SELECT text FROM job_jds WHERE job_jds.job_id = job_items.job_id "
        "AND job_jds.jd_hash = job_items.jd_hash) WHERE jd_text IS NULL"
    )
    op.drop_table("job_jds")
