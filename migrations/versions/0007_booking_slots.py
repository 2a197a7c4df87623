"""booking with slots: doctors' working hours, one live booking per doctor and slot,
the emergency department flag

- doctor_working_hours: per doctor and weekday, start/end (wall-clock times at the hospital)
  and the slot length; the OpenDental operatory bookings in those hours go to.
- appointments.slot_start + the partial unique index uq_appointments_doctor_slot on
  (doctor_id, slot_start) for live rows: two desks booking the same slot, exactly one wins,
  enforced by the database. Existing rows keep slot_start NULL: the demo, imported OpenDental
  appointments and generated bench data may overlap each other (walk-ins start "now"), and
  those rows are not slot bookings; the booking service still treats them as busy time.
- ix_appointments_doctor_day (doctor_id, appointment_date): the booking grids read each
  doctor's day with one index probe.
- departments.is_emergency, set for the departments already called Emergency (code ER/EMERG).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04 16:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'doctor_working_hours',
        sa.Column('id', sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column('hospital_id', sa.BigInteger(), nullable=False),
        sa.Column('doctor_id', sa.BigInteger(), nullable=False),
        sa.Column('weekday', sa.SmallInteger(), nullable=False,
                  comment='0 = Monday ... 6 = Sunday'),
        sa.Column('start_time', sa.Time(), nullable=False),
        sa.Column('end_time', sa.Time(), nullable=False),
        sa.Column('slot_minutes', sa.SmallInteger(), server_default='15', nullable=False),
        sa.Column('od_op_num', sa.BigInteger(), nullable=True,
                  comment='OpenDental operatory (Op) bookings in these hours go to'),
        sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'),
                  nullable=False),
        sa.CheckConstraint('weekday BETWEEN 0 AND 6',
                           name=op.f('ck_doctor_working_hours_weekday_range')),
        sa.CheckConstraint('end_time > start_time',
                           name=op.f('ck_doctor_working_hours_hours_ordered')),
        sa.CheckConstraint('slot_minutes BETWEEN 5 AND 240',
                           name=op.f('ck_doctor_working_hours_slot_minutes_range')),
        sa.ForeignKeyConstraint(['doctor_id'], ['doctors.id'],
                                name=op.f('fk_doctor_working_hours_doctor_id_doctors'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['hospital_id'], ['hospitals.id'],
                                name=op.f('fk_doctor_working_hours_hospital_id_hospitals'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_doctor_working_hours')),
        sa.UniqueConstraint('doctor_id', 'weekday', 'start_time',
                            name=op.f('uq_doctor_working_hours_doctor_id_weekday_start_time')),
    )
    op.add_column('appointments', sa.Column(
        'slot_start', sa.DateTime(timezone=True), nullable=True,
        comment='the working-hours slot this booking holds (0007); NULL: not slot-booked'))
    op.create_index('uq_appointments_doctor_slot', 'appointments', ['doctor_id', 'slot_start'],
                    unique=True, postgresql_where=sa.text(
                        "slot_start IS NOT NULL AND status NOT IN ('CANCELLED', 'NO_SHOW')"))
    op.create_index('ix_appointments_doctor_day', 'appointments',
                    ['doctor_id', 'appointment_date'], unique=False)
    op.add_column('departments', sa.Column('is_emergency', sa.Boolean(),
                                           server_default=sa.false(), nullable=False))
    op.execute("UPDATE departments SET is_emergency = true "
               "WHERE upper(code) IN ('ER', 'EMERG', 'EMERGENCY') OR name ILIKE 'emergency%'")


def downgrade() -> None:
    op.drop_column('departments', 'is_emergency')
    op.drop_index('ix_appointments_doctor_day', table_name='appointments')
    op.drop_index('uq_appointments_doctor_slot', table_name='appointments',
                  postgresql_where=sa.text(
                      "slot_start IS NOT NULL AND status NOT IN ('CANCELLED', 'NO_SHOW')"))
    op.drop_column('appointments', 'slot_start')
    op.drop_table('doctor_working_hours')
