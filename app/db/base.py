"""Declarative base: one MetaData with a naming convention, and how Python types map to columns.

Enums are stored by value as VARCHAR with a CHECK constraint (no native PG enum types, so a
new value is a plain migration); Decimal is NUMERIC(12,2); datetimes are timestamptz; dicts are
JSONB.
"""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = sa.MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {
        Decimal: sa.Numeric(12, 2),
        dt.datetime: sa.DateTime(timezone=True),
        dt.date: sa.Date(),
        dict[str, Any]: JSONB(),
        list[Any]: JSONB(),
        enum.Enum: sa.Enum(
            enum.Enum,
            native_enum=False,
            create_constraint=True,
            length=40,
            values_callable=lambda e: [m.value for m in e],
            validate_strings=True,
        ),
    }
