"""job_items.ref as Text: refs are stored encrypted like the texts (a Fernet token outgrows 200 characters)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02

Refs and error texts written before stay readable as plaintext; `manage.py rotate-key` encrypts them.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("job_items") as batch:
        batch.alter_column("ref", existing_type=sa.String(length=200), type_=sa.Text(), existing_nullable=True)


def downgrade() -> None:
    # Fails while an encrypted ref is stored: its token is longer than 200 characters.
    with op.batch_alter_table("job_items") as batch:
        batch.alter_column("ref", existing_type=sa.Text(), type_=sa.String(length=200), existing_nullable=True)
