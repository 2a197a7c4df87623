"""Free text on its way to a column: cleaned, checked and capped in one place.

Everything a person types (a reason, a note, a name, a search) or a caller passes goes through
:func:`clean_text` before a service stores or queries it, so that:

- PostgreSQL never sees a NUL byte (it refuses them with a driver error) or a lone surrogate
  (it cannot be encoded as UTF-8);
- control characters and the bidirectional override characters (which make a reason read
  differently from what is stored) never reach the append-only audit;
- no field is longer than its cap (the audit once stored a 20 MB reason), and the message
  names the field and the cap, the same cap the screen shows on its counter.

Arabic-Indic (٠-٩) and Persian (۰-۹) digits are read as the ASCII digits they are:
:func:`ascii_digits` is the one helper amounts, Emirates IDs and phone numbers use.
"""

from __future__ import annotations

import re
from enum import Enum
from typing import TypeVar

from app.domain.errors import ValidationError
from app.domain.messages import Msg, messages

M = messages(__name__)

# Caps for free text, shared by the services and the screens (setMaxLength / counters).
REASON_MAX = 500  # waive, override, self-pay, rejections, coverage decisions
NOTE_MAX = 2000  # clinical note to an insurer, verification notes, refund details
SEARCH_MAX = 100  # what a search box sends
KEY_MAX = 80  # machine keys (idempotency keys); the column is VARCHAR(80)

# Arabic-Indic and Extended Arabic-Indic (Persian) digits, and the Arabic decimal and
# thousands separators, to what Decimal and the EID rules read.
_DIGITS = str.maketrans({
    **{chr(0x0660 + i): str(i) for i in range(10)},
    **{chr(0x06F0 + i): str(i) for i in range(10)},
    "\u066b": ".",  # ARABIC DECIMAL SEPARATOR
    "\u066c": ",",  # ARABIC THOUSANDS SEPARATOR
})

# Embedding, override and isolate controls: they reorder what is displayed, so a stored
# reason could read differently from what it holds ("Trojan Source"). RLM/LRM stay allowed.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# C0/C1 controls (all of Unicode category Cc), the bidi controls, lone surrogates; one regex
# scan is ~100x faster than a Python loop over a long paste.
_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069"
                  "\ud800-\udfff]")
_BAD_OR_BREAK = re.compile(_BAD.pattern[:-1] + "\t\n\r]")


def ascii_digits(text: str) -> str:
    """``text`` with Arabic-Indic / Persian digits (and Arabic separators) as ASCII."""
    return text.translate(_DIGITS)


def clean_text(value: object, field: str | Msg, max_len: int, *, required: bool = False,
               multiline: bool = False, key: str | None = None) -> str | None:
    """``value`` stripped and checked, or None when empty and not ``required``.

    Single-line fields have their runs of whitespace (line breaks included) collapsed to one
    space; multi-line fields keep line breaks and tabs. Refused with a ValidationError naming
    ``field``: anything that is not a string, NUL and other control characters, lone
    surrogates, bidirectional overrides, and more than ``max_len`` characters. The error's
    ``details["field"]`` is ``key`` (the form field a screen highlights), else ``field``."""
    try:
        return _clean(value, field, max_len, required=required, multiline=multiline)
    except ValidationError as exc:
        if key is None:
            raise
        raise ValidationError(exc.msg, **{**exc.details, "field": key}) from None


def _clean(value: object, field: str | Msg, max_len: int, *, required: bool,
           multiline: bool) -> str | None:
    if isinstance(value, str) and len(value) > 4 * max_len + 1000:
        # Far over the cap whatever whitespace it holds: don't scan a pasted megabyte.
        raise ValidationError(M("field_most_max_len", "{field} can have at most {max_len} "
                                "characters; this has {length}.", field=field, max_len=max_len,
                                length=len(value)), field=str(field), max_len=max_len)
    if value is None:
        text = ""
    elif isinstance(value, str):
        text = value
    else:
        raise ValidationError(M("field_text", "{field} must be text.", field=field), field=str(field))
    check_storable(text, field, allow_breaks=True)
    if multiline:
        text = "\n".join(line.rstrip() for line in text.strip().splitlines())
    else:
        text = " ".join(text.split())
    if not text:
        if required:
            raise ValidationError(M("field_required", "{field} is required.", field=field), field=str(field))
        return None
    if len(text) > max_len:
        raise ValidationError(
            M("field_most_max_len_2", "{field} can have at most {max_len} characters; this "
              "has {length}.", field=field, max_len=max_len, length=len(text)),
            field=str(field), max_len=max_len)
    return text


def check_storable(text: str, field: str | Msg, *, allow_breaks: bool = False) -> None:
    """Refuse characters no column should hold (see the module docstring)."""
    bad = (_BAD if allow_breaks else _BAD_OR_BREAK).search(text)
    if bad is None:
        return
    ch = bad.group()
    if ch == "\x00":
        raise ValidationError(M("field_contains_nul_character", "{field} contains a NUL "
                                "character, which cannot be stored; retype it.", field=field), field=str(field))
    if ch in _BIDI_CONTROLS:
        raise ValidationError(M("field_contains_invisible_text", "{field} contains invisible "
                                "text-direction characters; retype it.", field=field), field=str(field))
    if "\ud800" <= ch <= "\udfff":
        raise ValidationError(M("field_contains_broken_character", "{field} contains a broken "
                                "character that cannot be stored; retype it.", field=field), field=str(field))
    raise ValidationError(M("field_contains_control_character", "{field} contains a control "
                            "character (U+{ord}); retype it.", field=field, ord=f"{ord(ch):04X}"), field=str(field))


E = TypeVar("E", bound=Enum)


def parse_choice(kind: type[E], value: object, field: str | Msg) -> E:
    """``value`` as a member of the enum ``kind`` (a member or its value), or a sentence
    listing the choices; the value itself is quoted only when short and printable."""
    try:
        return kind(value)
    except (ValueError, TypeError):
        choices = ", ".join(str(m.value) for m in kind)  # type: ignore[attr-defined]
        shown = repr(value) if isinstance(value, str) and len(value) <= 40 \
            and value.isprintable() else "that value"
        raise ValidationError(M("field_shown_one_choices", "{field}: {shown} is not one of "
                                "{choices}.", field=field, shown=shown, choices=choices),
                              field=str(field)) from None
