"""The main window's navigation: which screens exist, who may open them, and how to build one.

A page whose ``factory`` is None is not built yet and is shown as such, with no fake data.
Titles and summaries are English source texts marked ``N_()`` (the key of each page's
shortcut in the docs, and of the catalogue); the navigation shows them with ``tr()``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from app.domain.roles import Permission
from app.ui.context import AppContext
from app.ui.i18n import N_

PageFactory = Callable[[AppContext], QWidget]


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str
    permission: Permission
    factory: PageFactory | None
    shortcut: str = ""
    summary: str = ""


def _queue(ctx: AppContext) -> QWidget:
    from app.ui.queue_window import QueueWindow

    return QueueWindow(ctx)


def _walkin(ctx: AppContext) -> QWidget:
    from app.ui.walkin_dialog import WalkInPage

    return WalkInPage(ctx)


def _refunds(ctx: AppContext) -> QWidget:
    from app.ui.refunds_window import RefundsWindow

    return RefundsWindow(ctx)


def _audit(ctx: AppContext) -> QWidget:
    from app.ui.audit_window import AuditWindow

    return AuditWindow(ctx)


def _settings(ctx: AppContext) -> QWidget:
    from app.ui.settings_dialog import SettingsPage

    return SettingsPage(ctx)


def _opendental(ctx: AppContext) -> QWidget:
    from app.ui.opendental_page import OpenDentalPage

    return OpenDentalPage(ctx)


def _sync_status(ctx: AppContext) -> QWidget:
    from app.ui.sync_status_page import SyncStatusPage

    return SyncStatusPage(ctx)


def _sessions(ctx: AppContext) -> QWidget:
    from app.ui.sessions_page import SessionsPage

    return SessionsPage(ctx)


def _booking(ctx: AppContext) -> QWidget:
    from app.ui.booking_page import BookingPage

    return BookingPage(ctx)


def _reconciliation(ctx: AppContext) -> QWidget:
    from app.ui.reconciliation_page import ReconciliationPage

    return ReconciliationPage(ctx)


def _eligibility_review(ctx: AppContext) -> QWidget:
    from app.ui.eligibility_review_page import EligibilityReviewPage

    return EligibilityReviewPage(ctx)


def _activity(ctx: AppContext) -> QWidget:
    from app.ui.activity_page import ActivityPage

    return ActivityPage(ctx)


def _claims(ctx: AppContext) -> QWidget:
    from app.ui.claims_page import ClaimsPage

    return ClaimsPage(ctx)


def _dashboard(ctx: AppContext) -> QWidget:
    from app.ui.dashboard_page import DashboardPage

    return DashboardPage(ctx)


def _shift(ctx: AppContext) -> QWidget:
    from app.ui.shift_page import ShiftPage

    return ShiftPage(ctx)


def _available(module: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(module) is not None


def all_pages() -> list[PageSpec]:
    return [
        PageSpec("queue", N_("OPD Queue"), Permission.VIEW_QUEUE,
                 _queue if _available("app.ui.queue_window") else None, "Ctrl+1",
                 N_("Today's appointments and the live queue")),
        PageSpec("walkin", N_("Walk-in"), Permission.WALK_IN,
                 _walkin if _available("app.ui.walkin_dialog") else None, "Ctrl+2",
                 N_("Emirates ID lookup, quick registration and copay")),
        PageSpec("refunds", N_("Refunds"), Permission.VIEW_REFUNDS,
                 _refunds if _available("app.ui.refunds_window") else None, "Ctrl+3",
                 N_("Copay refunds and their approval")),
        PageSpec("audit", N_("Insurance Audit"), Permission.VIEW_AUDIT,
                 _audit if _available("app.ui.audit_window") else None, "Ctrl+4",
                 N_("Every copay and eligibility decision, with CSV export")),
        PageSpec("claims", N_("Claims & Payments"), Permission.VIEW_CLAIMS,
                 _claims if _available("app.ui.claims_page") else None, "Ctrl+5",
                 N_("Claims and insurance payments from OpenDental")),
        PageSpec("settings", N_("Settings"), Permission.MANAGE_SETTINGS,
                 _settings if _available("app.ui.settings_dialog") else None, "Ctrl+6",
                 N_("DHA eClaimLink, printing and email")),
        PageSpec("opendental", N_("OpenDental"), Permission.MANAGE_OPENDENTAL,
                 _opendental if _available("app.ui.opendental_page") else None, "Ctrl+7",
                 N_("OpenDental connections: address, API keys, cadence, test")),
        PageSpec("sync", N_("Sync status"), Permission.VIEW_SYNC_STATUS,
                 _sync_status if _available("app.ui.sync_status_page")
                 and _available("app.services.sync_status") else None, "Ctrl+8",
                 N_("OpenDental sync per job: last run, rows, errors, Sync now")),
        PageSpec("sessions", N_("Sessions"), Permission.MANAGE_USERS, _sessions, "Ctrl+9",
                 N_("Who is signed in on which workstation; end a session")),
        PageSpec("booking", N_("Booking"), Permission.BOOK_APPOINTMENT, _booking, "Ctrl+Shift+5",
                 N_("Book, move and cancel appointments: Standard, Quick Book, Emergency")),
        PageSpec("reconciliation", N_("Reconciliation"), Permission.VIEW_CLAIMS, _reconciliation,
                 "Ctrl+Shift+1", N_("Copay collected vs the insurer's patient portion; refunds")),
        PageSpec("eligibility_review", N_("Eligibility review"), Permission.VIEW_CLAIMS,
                 _eligibility_review, "Ctrl+Shift+2",
                 N_("Appointments' eligibility and an administrator's override")),
        PageSpec("activity", N_("Activity log"), Permission.VIEW_ACTIVITY, _activity,
                 "Ctrl+Shift+3", N_("Every change, sign-in and heartbeat, with CSV export")),
        PageSpec("dashboard", N_("Dashboard"), Permission.VIEW_DASHBOARD, _dashboard, "Ctrl+0",
                 N_("Schedule, outstanding claims by age and payer, revenue per day")),
        PageSpec("shift", N_("Cash drawer"), Permission.MANAGE_SHIFT, _shift, "Ctrl+Shift+4",
                 N_("Open and close your cash shift, petty payouts, Z report")),
    ]
