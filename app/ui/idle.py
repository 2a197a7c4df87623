"""Idle lock: any keyboard or mouse input restarts a timer; when it runs out, lock.

The minutes come from the hospital's settings (or the workstation's config) and are clamped
to 1..720 here as well as validated by the settings service: a 0 or a 100000 typed into a
config file must neither lock the desk at once nor overflow Qt's millisecond timer."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

from app.domain.sessions import clamp_idle_minutes

_INPUT = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
          QEvent.Type.Wheel, QEvent.Type.TouchBegin}


class IdleWatcher(QObject):
    idle = Signal()
    """idle() — no input for the configured minutes."""

    def __init__(self, minutes: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.idle)
        self.set_minutes(minutes)

    def set_minutes(self, minutes: object) -> None:
        self.minutes = clamp_idle_minutes(minutes)
        self._timer.setInterval(self.minutes * 60_000)  # <= 43.2M ms: fits Qt's int

    def start(self) -> None:
        if self._timer.interval() > 0:
            self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() in _INPUT and self._timer.isActive():
            self._timer.start()
        return False
