"""Messages for people, as codes with parameters instead of finished English sentences.

The domain and the services never decide the language a receptionist reads. They return a
``Msg``: a stable ``code`` (for tests, logs and the CLI's JSON), the English source text with
``{named}`` placeholders (the key of the translation catalogue, as in Qt's own ``tr()``), and
the parameters. The UI renders it in the signed-in user's language (app/ui/i18n.py); the CLI
and logs use ``str(msg)``, the English rendering.

Parameters keep their type until rendering so that each language can format them its own
way: ``Money`` is an amount in AED, a ``Decimal`` is a plain number, a ``date``/``datetime``
is shown in the Gregorian calendar, and a nested ``Msg`` is rendered in the same language.

    M = messages(__name__)
    raise ValidationError(M("amount_over_due", "{amount} is more than the {due} due.",
                            amount=Money(paid), due=Money(due)))
"""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

#: The one translation context of the whole application (see scripts/i18n.py).
CONTEXT = "ClinicDesk"

#: Interface languages a user can choose (users.language).
LANGUAGES = ("en", "ar")


class Money(Decimal):
    """An amount in AED, to be shown with the currency in the reader's language."""

    __slots__ = ()


class Day:
    """A calendar day inside a message: English "04 Dec 2026" (as the sentences always had
    it); the UI shows it in the reader's language (Arabic: 04/12/2026, no English month)."""

    __slots__ = ("value",)

    def __init__(self, value: dt.date) -> None:
        self.value = value

    def __str__(self) -> str:
        return self.value.strftime("%d %b %Y")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Day) and other.value == self.value

    def __hash__(self) -> int:
        return hash(self.value)


@dataclass(frozen=True)
class Msg:
    code: str
    """Stable identifier, ``<module>.<name>``: what tests and the CLI's JSON look at."""

    text: str
    """English source text with ``{named}`` placeholders; the catalogue key."""

    params: Mapping[str, Any] = field(default_factory=dict)

    def render(self, translate: Callable[[str], str] | None = None,
               value: Callable[[Any], str] | None = None, *,
               keyed: Callable[[str, str], str] | None = None) -> str:
        """The text in one language: ``translate`` maps the English source to the reader's
        language (identity: English), or ``keyed`` maps (source, code) — the code tells apart
        two messages with the same English that another language words differently ("approved"
        of a refund and of a pre-authorisation); ``value`` formats one parameter."""
        if keyed is not None:
            template = keyed(self.text, self.code)
        else:
            template = translate(self.text) if translate else self.text
        show = value or english_value
        params = {k: (v.render(translate, value, keyed=keyed) if isinstance(v, Msg) else show(v))
                  for k, v in self.params.items()}
        try:
            return template.format(**params)
        except (KeyError, IndexError, ValueError):
            # A translation with a broken placeholder must not hide the message itself.
            return self.text.format(**params)

    def to_dict(self) -> dict[str, Any]:
        """For the CLI's JSON: the code, the parameters as text and the English rendering."""
        return {"code": self.code, "params": {k: str(v) for k, v in self.params.items()},
                "message": str(self)}

    def __str__(self) -> str:
        return self.render()


def english_value(value: Any) -> str:
    if isinstance(value, Money):
        from app.domain.money import fmt

        return fmt(value)
    if isinstance(value, (Msg, Day)):
        return str(value)
    if isinstance(value, dt.datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    return str(value)


def placeholders(text: str) -> set[str]:
    """The ``{names}`` a source text or its translation uses (the catalogue check compares
    them)."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


class MessageFactory:
    """``M = messages(__name__)``; ``M("code", "English {x}", x=1)`` → ``Msg``.

    scripts/i18n.py finds every ``M("code", "text", ...)`` call and puts the text in the
    catalogue of the module that holds it, so both arguments must be string literals."""

    def __init__(self, module: str) -> None:
        self.prefix = module.rsplit(".", 1)[-1]

    def __call__(self, code: str, text: str, /, **params: Any) -> Msg:
        return Msg(f"{self.prefix}.{code}", text, params)


def messages(module: str) -> MessageFactory:
    return MessageFactory(module)


def as_msg(value: str | Msg, code: str = "text") -> Msg:
    """A Msg for either: legacy plain text becomes an untranslatable message of its own."""
    if isinstance(value, Msg):
        return value
    return Msg(code, "{text}", {"text": value})


def N_(text: str) -> str:  # noqa: N802 - the gettext name every translator knows
    """Mark a fixed label of the domain (a status name, a bucket title) for the catalogue;
    the UI shows it with ``tr(label)``."""
    return text


def joined(parts: list[Msg], sep: str = " ", code: str = "joined") -> Msg:
    """Messages shown one after the other (a list of problems, the parts of a summary):
    each part is translated on its own; the separator stays as given."""
    names = [f"p{i}" for i in range(len(parts))]
    template = sep.join("{" + n + "}" for n in names)
    return Msg(code, template, dict(zip(names, parts, strict=True)))
