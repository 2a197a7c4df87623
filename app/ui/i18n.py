"""The interface's language: Qt's translation system, right-to-left, and how values are shown.

Every user-visible string of the UI goes through ``tr()`` (Qt's ``QCoreApplication.translate``
in the one context of the app) and messages from the domain and services (``Msg``) through
``render()``. The Arabic catalogue is kept in ``resources/i18n/ar/*.ts`` (one file per source
module, written by ``scripts/i18n.py update``) and compiled into ``resources/i18n/
clinicdesk_ar.qm``; from a source checkout a stale or missing ``.qm`` is compiled on start.

Arabic turns the whole application right-to-left (``Qt.RightToLeft``: layouts, tables,
progress bars and headers mirror themselves). Numbers and amounts use Western digits unless
the hospital chose Arabic-Indic ones (hospital setting ``number_digits``); dates are always
Gregorian, day first.

Strings built at import time (column headers, tab titles) are marked with ``N_()`` so the
catalogue script finds them, and passed through ``tr()`` where they are shown.
"""

from __future__ import annotations

import datetime as dt
import logging
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from app.domain.messages import CONTEXT, N_, Day, Money, Msg  # noqa: F401 - N_ for the UI too
from app.domain.money import q
from app.resources import resource_path

log = logging.getLogger(__name__)

LANGUAGES: dict[str, str] = {"en": "English", "ar": "العربية"}
"""Language code → its own name, as the sign-in window offers them."""

RTL_LANGUAGES = frozenset({"ar"})
DIGIT_STYLES = ("western", "arabic-indic")
ARABIC_FONT = "Noto Sans Arabic"
CURRENCY = {"en": "AED", "ar": "د.إ"}
_ARABIC_INDIC = str.maketrans("0123456789,.", "٠١٢٣٤٥٦٧٨٩٬٫")


class _State:
    language = "en"
    digits = "western"
    translators: list[QTranslator] = []
    fonts_loaded = False
    base_font: QFont | None = None  # the application font before any language


def tr(text: str, disambiguation: str | None = None) -> str:
    """``text`` in the interface's language. Use ``tr("… {name} …").format(name=…)``, never
    an f-string: the catalogue key must be the literal text."""
    return QCoreApplication.translate(CONTEXT, text, disambiguation)


def language() -> str:
    return _State.language


def is_rtl() -> bool:
    return _State.language in RTL_LANGUAGES


def catalogue_path(lang: str):
    return resource_path("i18n", f"clinicdesk_{lang}.qm")


def install(lang: str, *, digits: str | None = None) -> None:
    """Switch the whole application to ``lang`` ('en' or 'ar'). Windows built afterwards are
    in that language; a window that stays open (the sign-in window) retranslates itself on
    ``QEvent.LanguageChange``."""
    if lang not in LANGUAGES:
        lang = "en"
    if digits is not None:
        set_digits(digits)
    app = QCoreApplication.instance()
    _load_fonts()
    for old in _State.translators:
        QCoreApplication.removeTranslator(old)
    _State.translators = []
    _State.language = lang
    if lang != "en":
        ensure_compiled(lang)
        for path in (catalogue_path(lang),
                     _qt_translations() / f"qtbase_{lang}.qm"):
            translator = QTranslator(app)
            if translator.load(str(path)):
                QCoreApplication.installTranslator(translator)
                _State.translators.append(translator)
            else:
                log.warning("translation catalogue %s could not be loaded", path)
    if isinstance(app, QGuiApplication):
        app.setLayoutDirection(Qt.LayoutDirection.RightToLeft if is_rtl()
                               else Qt.LayoutDirection.LeftToRight)
        if _State.base_font is None:
            _State.base_font = QFont(app.font())
        font = QFont(_State.base_font)
        if is_rtl():
            # Arabic first when the interface is Arabic (its glyphs are drawn by the font made
            # for them; Latin falls back to the base font). English keeps the application's
            # own font untouched: Arabic names there are found by Qt's font fallback among
            # the registered fonts.
            font.setFamilies([ARABIC_FONT, *font.families()])
        app.setFont(font)


def set_digits(style: str) -> None:
    _State.digits = style if style in DIGIT_STYLES else "western"


def _qt_translations():
    from pathlib import Path

    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


def _load_fonts() -> None:
    if _State.fonts_loaded or QGuiApplication.instance() is None:
        return
    _State.fonts_loaded = True
    for name in ("NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf"):
        if QFontDatabase.addApplicationFont(str(resource_path("fonts", name))) < 0:
            log.warning("font %s could not be loaded", name)


def ensure_compiled(lang: str) -> None:
    """From a source checkout, compile the catalogue when a .ts is newer than the .qm (a
    frozen bundle ships it compiled)."""
    from app.resources import is_frozen

    if is_frozen():
        return
    from app import i18n_catalogue

    try:
        i18n_catalogue.build_if_stale(lang)
    except Exception:  # noqa: BLE001 - an English fallback beats no window at all
        log.exception("could not compile the %s catalogue", lang)


# ------------------------------------------------------------------ values in the language
def digits(text: str) -> str:
    """Western digits as they are, or Arabic-Indic ones when the hospital chose them (only
    for an Arabic interface)."""
    if _State.digits == "arabic-indic" and is_rtl():
        return text.translate(_ARABIC_INDIC)
    return text


def number(value: Decimal | int, places: int | None = None) -> str:
    if places is not None:
        value = Decimal(value).quantize(Decimal(1).scaleb(-places))
    return digits(f"{value:,}")


def money(amount: Decimal | None, *, currency: bool = True) -> str:
    """``AED 1,234.50`` in English, ``1,234.50 د.إ`` in Arabic (the amount first when read
    right to left)."""
    if amount is None:
        return ""
    text = digits(f"{q(Decimal(amount)):,.2f}")
    if not currency:
        return text
    if is_rtl():
        return f"{text} {CURRENCY['ar']}"
    return f"{CURRENCY['en']} {text}"


def date_text(value: dt.date | None) -> str:
    if value is None:
        return ""
    return digits(value.strftime("%d/%m/%Y"))


def datetime_text(value: dt.datetime | None, *, seconds: bool = False) -> str:
    if value is None:
        return ""
    return digits(value.strftime("%d/%m/%Y %H:%M:%S" if seconds else "%d/%m/%Y %H:%M"))


def time_text(value: dt.time | dt.datetime | None) -> str:
    if value is None:
        return ""
    return digits(value.strftime("%H:%M"))


RLM = "\u200f"
"""Right-to-left mark (Qt takes a paragraph's direction from its first letter)."""


def rtl_line(text: str) -> str:
    """``text`` laid out right to left in Arabic although it starts with a name in Latin
    letters (a right-to-left mark first); unchanged in English."""
    return RLM + text if is_rtl() else text


WEEKDAYS = (N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"),
            N_("Saturday"), N_("Sunday"))
MONTHS = (N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
          N_("July"), N_("August"), N_("September"), N_("October"), N_("November"),
          N_("December"))


def weekday_name(day: dt.date) -> str:
    """The day's name in the interface's language (Qt's and strftime's are English here)."""
    return tr(WEEKDAYS[day.weekday()])


def month_name(day: dt.date) -> str:
    return tr(MONTHS[day.month - 1])


def value_text(value: Any) -> str:
    """One parameter of a message, shown in the interface's language."""
    if isinstance(value, Money):
        return money(value)
    if isinstance(value, Msg):
        return render(value)
    if isinstance(value, Day):
        return date_text(value.value)
    if isinstance(value, bool) or value is None:
        return str(value)
    if isinstance(value, dt.datetime):
        return datetime_text(value)
    if isinstance(value, dt.date):
        return date_text(value)
    if isinstance(value, (int, Decimal)):
        return digits(str(value))
    return str(value)


def render(message: Msg | str) -> str:
    """A domain or service message in the interface's language (a service's ``MsgText``, a
    str that carries its message, is rendered from the message)."""
    if isinstance(message, str):
        inner = getattr(message, "msg", None)
        return render(inner) if isinstance(inner, Msg) else message
    return message.render(value=value_text, keyed=_keyed)


def _keyed(text: str, code: str) -> str:
    # Qt looks the (text, code) pair up first and falls back to the text alone, so a label
    # marked N_() and nested in a message is found too.
    return QCoreApplication.translate(CONTEXT, text, code)


def locale() -> QLocale:
    """The locale for widgets that format on their own (date edits): Gregorian calendar and
    Western digits whatever the interface language."""
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedArabEmirates)
