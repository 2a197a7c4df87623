"""Append-only records: the insurance verification audit and the activity log.

Triggers in the database refuse UPDATE and DELETE on both tables (see app/db/rules.py), and
chain every row to the one before it (app/db/chain.py): see :class:`ChainLink`.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base
from app.db.types import created_at, fk, intpk, jsonb, jsonb_null
from app.domain.enums import ActorType, AuditAction


class ChainLink:
    """The hash-chain columns (app/db/chain.py). A BEFORE INSERT trigger fills them; NULL
    only on a row inserted with the triggers bypassed, which ``audit verify`` reports."""

    chain_seq: Mapped[int | None] = mapped_column(sa.BigInteger)
    prev_hash: Mapped[str | None] = mapped_column(sa.String(64))
    row_hash: Mapped[str | None] = mapped_column(sa.String(64))


class HashChainHead(Base):
    """The newest link of each chain per hospital (key 0: activity without a hospital), so
    deleting the newest rows is detected. Written only by the SECURITY DEFINER triggers."""

    __tablename__ = "hash_chain_heads"

    chain: Mapped[str] = mapped_column(sa.String(40), primary_key=True)
    hospital_key: Mapped[int] = mapped_column(sa.BigInteger, primary_key=True)
    last_seq: Mapped[int] = mapped_column(sa.BigInteger)
    last_hash: Mapped[str] = mapped_column(sa.String(64))
    updated_at: Mapped[created_at]


class InsuranceAudit(ChainLink, Base):
    """seed 004 §11 InsuranceVerificationAudit."""

    __tablename__ = "insurance_verification_audits"
    __table_args__ = (
        # Keyset pagination walks (performed_at, id) backwards, with or without an action filter.
        sa.Index("ix_insurance_audits_page", "hospital_id", sa.text("performed_at DESC"),
                 sa.text("id DESC")),
        sa.Index("ix_insurance_audits_action_page", "hospital_id", "action",
                 sa.text("performed_at DESC"), sa.text("id DESC")),
        sa.Index("ix_insurance_audits_patient", "patient_id", sa.text("performed_at DESC")),
        sa.Index("ix_insurance_audits_performer", "performed_by", sa.text("performed_at DESC")),
        sa.Index("uq_insurance_audits_chain", "hospital_id", "chain_seq", unique=True),
    )

    id: Mapped[intpk]
    hospital_id: Mapped[int] = fk("hospitals.id", ondelete="RESTRICT", index=False)
    patient_id: Mapped[int | None] = fk("patients.id", ondelete="RESTRICT", index=False)
    appointment_id: Mapped[int | None] = fk("appointments.id", ondelete="RESTRICT")
    action: Mapped[AuditAction]
    previous_data: Mapped[jsonb_null]
    new_data: Mapped[jsonb_null]
    dha_response: Mapped[jsonb_null]
    reason: Mapped[str | None] = mapped_column(sa.Text)
    performed_by: Mapped[int | None] = fk("users.id", ondelete="RESTRICT", index=False)
    performed_at: Mapped[created_at]
    workstation: Mapped[str | None] = mapped_column(sa.String(120))
    ip_address: Mapped[str | None] = mapped_column(sa.String(45))


class ActivityLog(ChainLink, Base):
    """seed 000 §8: every mutating service call, with actor, target and a payload snapshot."""

    __tablename__ = "activity_logs"
    __table_args__ = (
        sa.Index("ix_activity_logs_hospital_created", "hospital_id", sa.text("created_at DESC")),
        sa.Index("ix_activity_logs_target", "target_type", "target_id"),
        sa.Index("uq_activity_logs_chain", sa.text("COALESCE(hospital_id, 0)"), "chain_seq",
                 unique=True),
    )

    id: Mapped[intpk]
    hospital_id: Mapped[int | None] = fk("hospitals.id", ondelete="RESTRICT", index=False)
    actor_type: Mapped[ActorType]
    user_id: Mapped[int | None] = fk("users.id", ondelete="RESTRICT", index=False)
    action: Mapped[str] = mapped_column(sa.String(60))
    target_type: Mapped[str | None] = mapped_column(sa.String(40))
    target_id: Mapped[str | None] = mapped_column(sa.String(40))
    payload: Mapped[jsonb]
    workstation: Mapped[str | None] = mapped_column(sa.String(120))
    ip_address: Mapped[str | None] = mapped_column(sa.String(45))
    created_at: Mapped[created_at]
