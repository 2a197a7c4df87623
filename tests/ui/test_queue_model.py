"""The queue table model on its own: in-place updates, merges without reset, the Waiting
column redrawn alone, stage colours, and rows entering and leaving a tab's filter."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

from PySide6.QtCore import QItemSelectionModel, Qt

from app.domain.enums import AppointmentStatus, CopayStatus, VisitType
from app.services.queue import QueueRow
from app.ui.models.queue_model import (
    STAGE_COLOURS,
    TAB_STAGES,
    TO_CHECK_IN,
    Col,
    QueueFilterProxy,
    QueueModel,
    Stage,
)

DUBAI = dt.timezone(dt.timedelta(hours=4))
NOW = dt.datetime(2026, 3, 1, 10, 0, tzinfo=dt.UTC)


def _row(i: int, **kw) -> QueueRow:
    values = dict(
        appointment_id=i, version=1, token_number=None, patient_id=100 + i,
        patient_name=f"Patient {i}", mrn=f"MRN{i:06d}", emirates_id=f"784-1990-{i:07d}-1",
        doctor_id=1, doctor_name="Dr. A", department_id=1, department_name="General",
        scheduled_start=dt.datetime(2026, 3, 1, 9, i % 60, tzinfo=DUBAI),
        visit_type=VisitType.CONSULTATION, is_emergency=False,
        status=AppointmentStatus.SCHEDULED, copay_status=CopayStatus.PENDING,
        copay_amount=None, checked_in_at=None, vitals_recorded_at=None,
        consultation_started_at=None, completed_at=None, primary_insurer="Daman")
    values.update(kw)
    return QueueRow(**values)


def _checked_in(row: QueueRow, minutes_ago: int = 12) -> QueueRow:
    return dataclasses.replace(row, version=row.version + 1,
                               status=AppointmentStatus.CHECKED_IN, token_number=3,
                               copay_status=CopayStatus.COLLECTED,
                               copay_amount=Decimal("30.00"),
                               checked_in_at=NOW - dt.timedelta(minutes=minutes_ago))


def _model(qtbot, rows):
    model = QueueModel(now=lambda: NOW)
    model.set_rows(rows)
    today = QueueFilterProxy(TAB_STAGES["today"])
    today.set_filters(stage=TO_CHECK_IN)  # the Today tab's default choice (QueueWindow)
    live = QueueFilterProxy(TAB_STAGES["live"])
    for p in (today, live):
        p.setSourceModel(model)
        p.sort(Col.TIME)
    return model, today, live


def test_upsert_changes_one_row_and_moves_it_between_tabs(qtbot):
    model, today, live = _model(qtbot, [_row(i) for i in range(5)])
    selection = QItemSelectionModel(today)
    selection.select(today.index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                     | QItemSelectionModel.SelectionFlag.Rows)
    changed, resets = [], []
    model.dataChanged.connect(lambda a, b, *_: changed.append((a.row(), b.row())))
    model.modelReset.connect(lambda: resets.append(1))
    assert model.upsert(_checked_in(_row(3)))
    assert changed == [(3, 3)] and resets == []
    assert today.rowCount() == 4 and live.rowCount() == 1
    assert today.proxy_row_of(3) is None and live.proxy_row_of(3) == 0
    assert selection.selectedRows()[0].row() == 0  # the selection survived
    assert not model.upsert(_checked_in(_row(3)))  # the same row again: nothing to redraw
    assert not model.upsert(_row(3))  # an older version arriving late is ignored


def test_merge_removes_changes_and_appends_without_reset(qtbot):
    model, today, _live = _model(qtbot, [_row(i) for i in range(5)])
    resets, removed, inserted = [], [], []
    model.modelReset.connect(lambda: resets.append(1))
    model.rowsRemoved.connect(lambda _p, a, b: removed.append((a, b)))
    model.rowsInserted.connect(lambda _p, a, b: inserted.append((a, b)))
    fresh = [_row(0), _checked_in(_row(1)), _row(3), _row(4), _row(7)]
    assert model.merge(fresh) == 3
    assert resets == [] and removed == [(2, 2)] and inserted == [(4, 4)]
    assert [r.appointment_id for r in model.rows()] == [0, 1, 3, 4, 7]
    assert model.row_for(1).status is AppointmentStatus.CHECKED_IN


def test_waiting_column_is_redrawn_alone(qtbot):
    model, _today, live = _model(qtbot, [_checked_in(_row(1), minutes_ago=75), _row(2)])
    changed = []
    model.dataChanged.connect(lambda a, b, roles: changed.append((a.column(), b.column())))
    model.refresh_waiting()
    assert changed == [(Col.WAITING, Col.WAITING)]
    assert model.index(0, Col.WAITING).data() == "1 h 15 min"
    assert model.index(1, Col.WAITING).data() == ""
    assert model.waiting_timer.interval() == 30_000 and model.waiting_timer.isActive()


def test_stage_colours_and_labels(qtbot):
    rows = [_row(1), _checked_in(_row(2)),
            dataclasses.replace(_checked_in(_row(3)), vitals_recorded_at=NOW)]
    model, _t, _l = _model(qtbot, rows)
    bg = Qt.ItemDataRole.BackgroundRole
    assert model.index(0, 0).data(bg).color().name() == STAGE_COLOURS[Stage.SCHEDULED]
    assert model.index(1, 0).data(bg).color().name() == STAGE_COLOURS[Stage.AWAITING_VITALS]
    assert model.index(2, 0).data(bg).color().name() == STAGE_COLOURS[Stage.READY]
    assert model.index(1, Col.STATUS).data() == "Awaiting vitals"
    assert model.index(2, Col.STATUS).data() == "Ready for doctor"
    assert model.index(1, Col.COPAY).data() == "Collected · AED 30.00"
    assert model.index(1, Col.TOKEN).data() == "#3"


def test_search_by_name_mrn_or_emirates_id_digits(qtbot):
    model, today, _live = _model(qtbot, [_row(i) for i in range(1, 4)])
    today.set_filters(search="patient 2")
    assert today.rowCount() == 1 and today.row_at(0).appointment_id == 2
    today.set_filters(search="mrn000003")
    assert today.row_at(0).appointment_id == 3
    today.set_filters(search="1990 0000001")
    assert today.rowCount() == 1 and today.row_at(0).appointment_id == 1
    today.set_filters(search="")
    assert today.rowCount() == 3
