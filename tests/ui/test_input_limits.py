"""The screens show and hold the services' caps, and the typed database errors read as
sentences: a reason dialog's counter, a pasted novel cut at the cap, "another desk is working
on this visit" shown as a warning, not as the unexpected-error report."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from app.db.timeouts import BUSY_MESSAGE
from app.domain.errors import (
    ConcurrentUpdate,
    Deadlock,
    DomainError,
    RecordBusy,
    TimedOut,
    ValidationError,
)
from app.domain.text import REASON_MAX
from app.ui.errors import message_for, show_error
from app.ui.widgets.reason_dialog import ReasonDialog


def test_the_reason_dialog_counts_and_stops_at_the_services_cap(qtbot):
    dialog = ReasonDialog("Waive copay", "Why is the copay waived?")
    qtbot.addWidget(dialog)
    assert dialog.counter.text() == f"0 / {REASON_MAX}"
    dialog.text.setPlainText("Patient is staff")
    assert dialog.counter.text() == f"16 / {REASON_MAX}"
    dialog.text.setPlainText("x" * 20_000)  # a paste
    assert len(dialog.text.toPlainText()) == REASON_MAX
    assert dialog.counter.text() == f"{REASON_MAX} / {REASON_MAX}"
    dialog.resize(460, 240)
    dialog.show()
    dialog.grab().save("/tmp/f2_reason_dialog.png")


def test_typed_database_errors_read_as_sentences_and_warnings(qtbot):
    parent_errors = [RecordBusy(BUSY_MESSAGE), Deadlock("Two desks ... Try again."),
                     ConcurrentUpdate("Another desk changed this record. Try again."),
                     TimedOut("The database took too long."),
                     ValidationError("The reason can have at most 500 characters.")]
    for exc in parent_errors:
        assert isinstance(exc, DomainError)
        assert message_for(exc) == exc.message
    parent = QWidget()
    qtbot.addWidget(parent)
    show_error(parent, RecordBusy(BUSY_MESSAGE))
    box = parent.findChild(QMessageBox)
    assert box is not None
    assert box.text() == BUSY_MESSAGE
    assert box.icon() is QMessageBox.Icon.Warning
    assert not box.detailedText()  # not the "something went wrong" report
    box.close()


def test_the_refund_details_box_shows_its_cap(ctx, sign_in, qtbot):
    from app.domain.refunds import MAX_DETAILS
    from app.ui.refunds_window import RequestRefundDialog

    sign_in("reception")
    dialog = RequestRefundDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.details.setPlainText("Charged twice; card slip attached.\n" * 200)
    assert len(dialog.details.toPlainText()) == MAX_DETAILS
    assert dialog.details_counter.text() == f"{MAX_DETAILS:,} / {MAX_DETAILS:,}"
    dialog.show()
    dialog.grab().save("/tmp/f2_refund_request.png")
