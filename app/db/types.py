"""Annotated column shapes used across the models, so each model reads as what it holds."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import mapped_column

intpk = Annotated[int, mapped_column(sa.BigInteger, sa.Identity(), primary_key=True)]
money = Annotated[Decimal, mapped_column(sa.Numeric(12, 2))]
money0 = Annotated[Decimal, mapped_column(sa.Numeric(12, 2), server_default=sa.text("0"))]
pct = Annotated[Decimal, mapped_column(sa.Numeric(5, 2))]
rate = Annotated[Decimal, mapped_column(sa.Numeric(5, 4))]
created_at = Annotated[
    dt.datetime, mapped_column(sa.DateTime(timezone=True), server_default=sa.func.now())
]
updated_at = Annotated[
    dt.datetime,
    mapped_column(sa.DateTime(timezone=True), server_default=sa.func.now(), onupdate=sa.func.now()),
]
bool_false = Annotated[bool, mapped_column(server_default=sa.false())]
bool_true = Annotated[bool, mapped_column(server_default=sa.true())]
jsonb = Annotated[dict[str, Any], mapped_column(JSONB, server_default=sa.text("'{}'::jsonb"))]
jsonb_null = Annotated[dict[str, Any] | None, mapped_column(JSONB)]


def fk(target: str, *, ondelete: str = "RESTRICT", index: bool = True, **kw: Any) -> Any:
    """A BIGINT foreign key with a deliberate ON DELETE (RESTRICT unless said otherwise)."""
    return mapped_column(sa.BigInteger, sa.ForeignKey(target, ondelete=ondelete), index=index, **kw)
