"""A sentence a service returns for people, as text that still carries its message.

Services that used to return an English ``str`` (a connection test's outcome, what happened
in OpenDental) keep returning a ``str`` so that every caller keeps working, but the value is
a ``MsgText``: its text is the English rendering and ``.msg`` the ``Msg`` that the UI renders
in the reader's language (``i18n.render(text.msg)``).
"""

from __future__ import annotations

from typing import Any

from app.domain.errors import DomainError
from app.domain.messages import Msg


class MsgText(str):
    """``str(MsgText(msg)) == str(msg)`` (English); ``.msg`` is the message itself."""

    msg: Msg

    def __new__(cls, msg: Msg) -> MsgText:
        text = super().__new__(cls, str(msg))
        text.msg = msg
        return text


def msg_of(text: str | Msg) -> Msg | str:
    """The message behind a returned sentence, or the sentence itself when it has none."""
    if isinstance(text, Msg):
        return text
    return getattr(text, "msg", text)


def label_msg(label: str) -> Msg:
    """A fixed ``N_()`` label as a message, so that it is translated inside a sentence."""
    return Msg("label", label)


def joined(parts: list[str | Msg] | tuple[str | Msg, ...], sep: str = " ") -> Msg:
    """Several messages (or names) one after the other, each rendered in the reader's
    language: the problems of a form, the parts of a title. ``str()`` is the English texts
    joined by ``sep``, as before."""
    names = [f"p{i}" for i in range(len(parts))]
    return Msg("joined", sep.join("{" + n + "}" for n in names),
               dict(zip(names, parts, strict=True)))


def error_dict(exc: DomainError) -> dict[str, Any]:
    """A refusal for the admin CLI's JSON: the message code, its English rendering and its
    parameters (``Msg.to_dict()``), and the error's kind (``NOT_FOUND``, ``VALIDATION``...)."""
    return {**exc.msg.to_dict(), "kind": exc.code}
