"""LTI 1.3: the platforms registered to launch the app, who their users are here, the tool's
signing key, what a login leaves for its launch, the course a cohort is, and a cohort's coaches
besides its owner (the course's other instructors).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

WHEN = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "lti_platforms",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("issuer", sa.String(300), nullable=False),
        sa.Column("client_id", sa.String(300), nullable=False),
        sa.Column("deployment_ids", sa.JSON, nullable=False),
        sa.Column("auth_login_url", sa.String(500), nullable=False),
        sa.Column("auth_token_url", sa.String(500), nullable=False),
        sa.Column("key_set_url", sa.String(500), nullable=False),
        sa.Column("created_at", WHEN, nullable=False),
        sa.UniqueConstraint("issuer", "client_id"),
    )
    op.create_table(
        "lti_users",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("issuer", sa.String(300), nullable=False),
        sa.Column("subject", sa.String(300), nullable=False),
        sa.Column(
            "user_id",
            sa.Integer,
            sa.ForeignKey("users.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.UniqueConstraint("issuer", "subject"),
    )
    op.create_table(
        "lti_keys",
        sa.Column("kid", sa.String(64), primary_key=True),
        sa.Column("private_pem", sa.Text, nullable=False),
        sa.Column("created_at", WHEN, nullable=False),
    )
    op.create_table(
        "lti_values",
        sa.Column("key", sa.String(300), primary_key=True),
        sa.Column("value", sa.JSON, nullable=False),
        sa.Column("expires_at", WHEN, nullable=False, index=True),
    )
    with op.batch_alter_table("cohorts") as cohorts:
        cohorts.add_column(sa.Column("lti_context", sa.String(700), nullable=True))
        cohorts.create_unique_constraint("uq_cohorts_lti_context", ["lti_context"])
    op.create_table(
        "cohort_coaches",
        sa.Column(
            "cohort_id",
            sa.Integer,
            sa.ForeignKey("cohorts.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column(
            "user_id",
            sa.Integer,
            sa.ForeignKey("users.id", ondelete="CASCADE"),
            primary_key=True,
            index=True,
        ),
    )


def downgrade() -> None:
    op.drop_table("cohort_coaches")
    with op.batch_alter_table("cohorts") as cohorts:
        cohorts.drop_constraint("uq_cohorts_lti_context", type_="unique")
        cohorts.drop_column("lti_context")
    op.drop_table("lti_values")
    op.drop_table("lti_keys")
    op.drop_table("lti_users")
    op.drop_table("lti_platforms")
