"""llm_batches: provider batches (OpenAI Batch API, Anthropic Message Batches) carrying a job's model requests

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "llm_batches",
        sa.Column("id", sa.String(length=24), nullable=False),
        sa.Column("job_id", sa.String(length=36), nullable=False),
        sa.Column("provider", sa.String(length=32), nullable=False),
        sa.Column("model", sa.String(length=100), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("provider_batch_id", sa.String(length=100), nullable=True),
        sa.Column("provider_status", sa.String(length=32), nullable=True),
        sa.Column("total", sa.Integer(), nullable=False),
        sa.Column("completed", sa.Integer(), nullable=False),
        sa.Column("failed", sa.Integer(), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["job_id"], ["jobs.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("llm_batches", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_llm_batches_job_id"), ["job_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_llm_batches_status"), ["status"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("llm_batches", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_llm_batches_status"))
        batch_op.drop_index(batch_op.f("ix_llm_batches_job_id"))
    op.drop_table("llm_batches")
