"""Ops.mutate: a mutating service call runs off the GUI thread; its Changes reach the change bus
exactly once on success (even if the screen that asked was closed meanwhile) and never on
failure; a failure is shown to the desk unless the screen handles it itself."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.domain.errors import NotFound
from app.services.changes import Changes


@pytest.fixture
def desk(ctx, sign_in):
    sign_in("reception")
    published: list[Changes] = []
    ctx.bus.data_changed.connect(published.append)
    return ctx, published


def _pending_appointment(ctx) -> int:
    for row in ctx.services.queue.day(ctx.actor):
        if row.status.value in ("SCHEDULED", "CONFIRMED") and row.copay_status.value == "PENDING":
            return row.appointment_id
    pytest.skip("the demo has no appointment waiting for its copay today")


def _boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.isVisible()]


def test_success_publishes_the_calls_changes_once_then_calls_on_done(desk, qtbot, idle):
    ctx, published = desk
    appointment_id = _pending_appointment(ctx)
    owner = QWidget()
    qtbot.addWidget(owner)
    threads: list[threading.Thread] = []
    done: list[tuple[object, int]] = []

    def call():
        threads.append(threading.current_thread())
        return ctx.services.copay.defer(ctx.actor, appointment_id)

    ctx.ops.mutate(call, on_done=lambda r: done.append((r, len(published))), owner=owner)
    idle(ctx)
    assert threads and threads[0] is not threading.main_thread()  # off the GUI thread
    assert published == [Changes.of(appointments={appointment_id})]
    [(result, seen)] = done
    assert result.changes == published[0]
    assert seen == 1  # on_done runs after the bus was told: screens are already refreshing
    assert ctx.services.queue.row(ctx.actor, appointment_id).copay_status.value == "DEFERRED"
    assert _boxes() == []


def test_failure_publishes_nothing_and_shows_the_error(desk, qtbot, idle):
    ctx, published = desk
    owner = QWidget()
    qtbot.addWidget(owner)
    done: list[object] = []
    ctx.ops.mutate(lambda: ctx.services.copay.defer(ctx.actor, 987_654_321),
                   on_done=done.append, owner=owner)
    idle(ctx)
    assert published == [] and done == []
    boxes = _boxes()
    assert len(boxes) == 1 and "987654321" in boxes[0].text().replace(",", "")
    assert boxes[0].parent() is owner
    boxes[0].close()


def test_a_screens_own_failure_handler_replaces_the_dialog(desk, qtbot, idle):
    ctx, published = desk
    failures: list[BaseException] = []
    ctx.ops.mutate(lambda: ctx.services.copay.defer(ctx.actor, 987_654_321),
                   on_done=lambda r: pytest.fail("no result expected"),
                   on_failure=failures.append)
    idle(ctx)
    assert published == [] and _boxes() == []
    assert len(failures) == 1 and isinstance(failures[0], NotFound)


def test_changes_are_published_even_when_the_screen_closed_meanwhile(desk, qtbot, idle):
    ctx, published = desk
    appointment_id = _pending_appointment(ctx)
    owner = QWidget()
    release = threading.Event()
    done: list[object] = []

    def call():
        release.wait(5)
        return ctx.services.copay.defer(ctx.actor, appointment_id)

    ctx.ops.mutate(call, on_done=done.append, owner=owner)
    owner.deleteLater()  # the dialog is closed while the call runs
    qtbot.wait(50)
    release.set()
    idle(ctx)
    assert published == [Changes.of(appointments={appointment_id})]  # the rows did change
    assert done == []  # nothing left to update


def test_a_call_without_changes_is_logged_and_reloads_everything(desk, qtbot, idle, caplog):
    ctx, published = desk
    ctx.ops.mutate(lambda: 42, on_done=lambda r: None)
    idle(ctx)
    assert published == [Changes.all()]
    assert "not a result with `changes`" in caplog.text


def test_every_mutating_service_method_returns_a_result_with_changes():
    """The one shape: a mutation's return annotation names a class with a ``changes`` field
    (so Ops.mutate can publish it), never a bare int, bool, None or Changes."""
    import dataclasses
    import inspect
    import typing

    from app.services import (
        copay,
        eligibility,
        insurance,
        patients,
        queue,
        refunds,
        settings,
    )

    mutations = {
        copay.CopayService: ["collect", "waive", "defer", "override_preauth", "request_preauth",
                             "convert_to_self_pay"],
        queue.QueueService: ["check_in", "record_vitals", "start_consultation", "complete",
                             "create_walk_in"],
        patients.PatientService: ["register", "deposit_top_up"],
        insurance.InsuranceService: ["add_primary"],
        refunds.RefundService: ["request", "approve", "reject", "process", "delete"],
        eligibility.EligibilityService: ["lookup_by_eid", "verify_patient", "resolve_mismatch",
                                         "accept_coverage_change", "reject_coverage_change",
                                         "manual_verify", "manual_reject",
                                         "reset_verification"],
        settings.SettingsService: ["update", "save_dha_credentials", "set_smtp_password"],
    }
    for cls, names in mutations.items():
        module = inspect.getmodule(cls)
        for name in names:
            returned = typing.get_type_hints(getattr(cls, name), vars(module))["return"]
            assert dataclasses.is_dataclass(returned), f"{cls.__name__}.{name} -> {returned}"
            fields = {f.name: f.type for f in dataclasses.fields(returned)}
            assert "changes" in fields, f"{cls.__name__}.{name} -> {returned.__name__}"
