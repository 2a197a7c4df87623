"""Receipt PDFs with reportlab: A4 for office printers, 80 mm roll for thermal printers.

``render_pdf(data, layout)`` returns the PDF as bytes; it touches no Qt and no database, so
it can run on a worker thread. Labels are bilingual (English left, Arabic right). Arabic is
shaped with ``arabic_reshaper`` (presentation forms, lam-alef ligatures) and put in visual
order with python-bidi, then drawn with DejaVu Sans from ``resources/fonts`` (it has the
Arabic presentation forms; the Bitstream Vera/Arev licence ships beside it). Ligatures the
font lacks (e.g. the single-glyph "Allah" in names such as عبد الله) are switched off so
no glyph goes missing.

Text is laid out as a stack of blocks measured before drawing: the thermal page is exactly
as tall as its content, and A4 breaks to a new page if a long note ever needs it.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from io import BytesIO
from typing import Literal

import arabic_reshaper
from arabic_reshaper.ligatures import LIGATURES
from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from app.domain.money import fmt
from app.receipts.model import ReceiptData
from app.resources import resource_path

try:  # python-bidi >= 0.5 (Rust implementation)
    from bidi import get_display as _get_display
except ImportError:  # pragma: no cover - python-bidi 0.4
    from bidi.algorithm import get_display as _get_display

Layout = Literal["A4", "THERMAL_80MM"]
LAYOUTS: tuple[str, ...] = ("A4", "THERMAL_80MM")

FONTS_DIR = resource_path("fonts")
FONT = "ClinicDesk-Sans"
FONT_BOLD = "ClinicDesk-Sans-Bold"
_FONT_FILES = {FONT: "DejaVuSans.ttf", FONT_BOLD: "DejaVuSans-Bold.ttf"}

THERMAL_WIDTH = 80 * mm
INK = (0.10, 0.10, 0.10)
GREY = (0.38, 0.38, 0.38)
RULE = (0.55, 0.55, 0.55)

_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")


# --------------------------------------------------------------------------- fonts, Arabic
@functools.cache
def register_fonts() -> tuple[str, str]:
    """Register the bundled fonts with reportlab once; returns (regular, bold) names."""
    for name, filename in _FONT_FILES.items():
        path = FONTS_DIR / filename
        if not path.is_file():
            raise FileNotFoundError(f"Receipt font missing: {path}")
        pdfmetrics.registerFont(TTFont(name, str(path)))
    return FONT, FONT_BOLD


@functools.cache
def _reshaper() -> arabic_reshaper.ArabicReshaper:
    """A reshaper that only emits ligatures every bundled font has a glyph for."""
    register_fonts()
    cmaps = [pdfmetrics.getFont(name).face.charToGlyph for name in _FONT_FILES]
    config: dict[str, object] = {"delete_harakat": True}
    for key, (_match, forms) in LIGATURES:
        glyphs = "".join(forms)
        if not glyphs or not all(ord(ch) in cmap for cmap in cmaps for ch in glyphs):
            config[key] = False
    return arabic_reshaper.ArabicReshaper(configuration=config)


def has_arabic(text: str) -> bool:
    return bool(_ARABIC.search(text or ""))


def is_rtl(text: str) -> bool:
    """Paragraph direction by its first strong character (Unicode bidi rule P2)."""
    for ch in text or "":
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


class _Line(str):
    """One wrapped line that remembers the direction of the paragraph it came from."""

    rtl: bool = False


def visual(text: str, rtl: bool | None = None) -> str:
    """Text as it must be drawn left to right: Arabic shaped and reordered, Latin untouched.

    ``rtl`` is the paragraph direction (default: taken from ``text`` itself); a wrapped line
    must use its paragraph's direction, not guess its own.
    """
    if not has_arabic(text):
        return text
    if rtl is None:
        rtl = getattr(text, "rtl", None)
    base = None if rtl is None else ("R" if rtl else "L")
    return _get_display(_reshaper().reshape(str(text)), base_dir=base)


def _width(text: str, font: str, size: float, rtl: bool | None = None) -> float:
    return pdfmetrics.stringWidth(visual(text, rtl), font, size)


def _wrap(text: str, font: str, size: float, width: float) -> list[_Line]:
    """Greedy word wrap on the logical text (so Arabic lines keep reading order)."""
    out: list[_Line] = []
    for paragraph in (text or "").splitlines() or [""]:
        rtl = is_rtl(paragraph)
        lines: list[str] = []
        line = ""
        for word in paragraph.split():
            candidate = f"{line} {word}".strip()
            if not line or _width(candidate, font, size, rtl) <= width:
                line = candidate
                continue
            lines.append(line)
            line = word
        while _width(line, font, size, rtl) > width and len(line) > 1:  # one unbreakable word
            cut = len(line)
            while cut > 1 and _width(line[:cut], font, size, rtl) > width:
                cut -= 1
            lines.append(line[:cut])
            line = line[cut:]
        lines.append(line)
        for item in lines:
            entry = _Line(item)
            entry.rtl = rtl
            out.append(entry)
    return out


# ------------------------------------------------------------------------------ layout
@dataclass(frozen=True)
class _Style:
    page_width: float
    margin: float
    label: float  # label size
    value: float  # value size
    total: float
    title: float
    name: float
    small: float
    qr: float
    wide: bool

    @property
    def content(self) -> float:
        return self.page_width - 2 * self.margin


_STYLES: dict[str, _Style] = {
    "A4": _Style(page_width=A4[0], margin=18 * mm, label=9, value=10, total=14, title=13,
                 name=17, small=8, qr=30 * mm, wide=True),
    "THERMAL_80MM": _Style(page_width=THERMAL_WIDTH, margin=4 * mm, label=6.8, value=8.2,
                           total=11, title=10, name=11, small=6.5, qr=26 * mm, wide=False),
}


def _lh(size: float) -> float:
    """Line height for a font size (DejaVu's Arabic needs room below the baseline)."""
    return size * 1.38


def _base(size: float) -> float:
    """Distance from the top of a line to its baseline."""
    return size * 1.0


Draw = Callable[[Canvas, float, float], None]  # canvas, left x, top y


@dataclass
class _Block:
    height: float
    draw: Draw


class _Stack:
    """Blocks from top to bottom; measured first, drawn later."""

    def __init__(self, style: _Style) -> None:
        self.s = style
        self.blocks: list[_Block] = []
        regular, bold = register_fonts()
        self.regular, self.bold = regular, bold

    def add(self, height: float, draw: Draw) -> None:
        self.blocks.append(_Block(height, draw))

    def gap(self, height: float) -> None:
        self.add(height, lambda c, x, y: None)

    @property
    def height(self) -> float:
        return sum(b.height for b in self.blocks)

    # -- primitives ------------------------------------------------------------------
    @staticmethod
    def text(c: Canvas, x: float, y: float, text: str, font: str, size: float,
             align: str = "left", color: tuple[float, float, float] = INK) -> None:
        c.setFillColorRGB(*color)
        c.setFont(font, size)
        shown = visual(text)
        if align == "right":
            c.drawRightString(x, y, shown)
        elif align == "center":
            c.drawCentredString(x, y, shown)
        else:
            c.drawString(x, y, shown)

    def rule(self, weight: float = 0.6, color: tuple[float, float, float] = RULE,
             dash: bool = False, space: float = 4) -> None:
        width = self.s.content

        def draw(c: Canvas, x: float, y: float) -> None:
            c.setStrokeColorRGB(*color)
            c.setLineWidth(weight)
            if dash:
                c.setDash(2, 2)
            c.line(x, y - space, x + width, y - space)
            c.setDash()

        self.add(2 * space, draw)

    def lines(self, items: list[str], font: str, size: float, align: str = "left",
              color: tuple[float, float, float] = INK) -> None:
        """Wrapped lines across the full content width, one block per line."""
        width = self.s.content
        for line in (w for item in items if item for w in _wrap(item, font, size, width)):

            def draw(c: Canvas, x: float, y: float, line: _Line = line) -> None:
                ax = {"left": x, "center": x + width / 2, "right": x + width}[align]
                self.text(c, ax, y - _base(size), line, font, size, align, color)

            self.add(_lh(size), draw)

    # -- receipt parts ---------------------------------------------------------------
    def header(self, d: ReceiptData) -> None:
        s = self.s
        contact = " · ".join(p for p in (d.hospital_address,
                                         f"Tel {d.hospital_phone}" if d.hospital_phone else "") if p)
        trn = f"TRN {d.hospital_trn}" if d.hospital_trn else ""
        if not s.wide:
            self.lines([d.hospital_name], self.bold, s.name, "center")
            if d.hospital_name_ar:
                self.lines([d.hospital_name_ar], self.bold, s.name, "center")
            self.lines([contact], self.regular, s.small, "center", GREY)
            if trn:
                self.lines([f"{trn} · الرقم الضريبي"], self.regular, s.small, "center", GREY)
            return
        left_w = s.content * 0.62
        right_w = s.content - left_w - 6 * mm
        left: list[tuple[str, str, float, tuple[float, float, float]]] = []
        left += [(ln, self.bold, s.name, INK) for ln in _wrap(d.hospital_name, self.bold, s.name,
                                                               left_w)]
        left += [(ln, self.regular, s.small + 1, GREY)
                 for item in (d.hospital_address,
                              f"Tel {d.hospital_phone}" if d.hospital_phone else "",
                              trn)
                 if item for ln in _wrap(item, self.regular, s.small + 1, left_w)]
        right: list[tuple[str, str, float, tuple[float, float, float]]] = []
        if d.hospital_name_ar:
            right += [(ln, self.bold, s.name - 1, INK)
                      for ln in _wrap(d.hospital_name_ar, self.bold, s.name - 1, right_w)]
        if d.hospital_trn:
            right.append((f"الرقم الضريبي {d.hospital_trn}", self.regular, s.small + 1, GREY))

        def column_height(rows: list[tuple[str, str, float, tuple[float, float, float]]]) -> float:
            return sum(_lh(size) for _, _, size, _ in rows)

        def draw(c: Canvas, x: float, y: float) -> None:
            for rows, ax, align in ((left, x, "left"), (right, x + s.content, "right")):
                yy = y
                for text, font, size, color in rows:
                    self.text(c, ax, yy - _base(size), text, font, size, align, color)
                    yy -= _lh(size)

        self.add(max(column_height(left), column_height(right)), draw)

    def title(self, en: str, ar: str, inverted: bool) -> None:
        s = self.s
        size = s.title
        height = size * 2.3

        def draw(c: Canvas, x: float, y: float) -> None:
            c.setLineWidth(1.2)
            c.setStrokeColorRGB(*INK)
            c.setFillColorRGB(*INK)
            c.rect(x, y - height, s.content, height, stroke=1, fill=1 if inverted else 0)
            color = (1, 1, 1) if inverted else INK
            baseline = y - height / 2 - size * 0.36
            pad = size * 0.7
            self.text(c, x + pad, baseline, en, self.bold, size, "left", color)
            self.text(c, x + s.content - pad, baseline, ar, self.bold, size, "right", color)

        self.add(height, draw)

    def section(self, en: str, ar: str) -> None:
        s = self.s
        size = s.label + 0.5
        height = _lh(size) + 3

        def draw(c: Canvas, x: float, y: float) -> None:
            self.text(c, x, y - _base(size), en.upper(), self.bold, size)
            self.text(c, x + s.content, y - _base(size), ar, self.bold, size, "right")
            c.setStrokeColorRGB(*INK)
            c.setLineWidth(0.8)
            c.line(x, y - height + 1.5, x + s.content, y - height + 1.5)

        self.gap(s.value * 0.5)
        self.add(height, draw)
        self.gap(s.value * 0.25)

    def signature(self, en: str, ar: str) -> None:
        """A line to sign on, with its label under it (cash handed to the patient)."""
        s = self.s
        size = s.label
        room = 28.0 if s.wide else 22.0  # space to write in above the line

        def draw(c: Canvas, x: float, y: float) -> None:
            c.setStrokeColorRGB(*INK)
            c.setLineWidth(0.6)
            c.line(x, y - room, x + s.content, y - room)
            self.text(c, x, y - room - _base(size) - 2, en, self.regular, size)
            self.text(c, x + s.content, y - room - _base(size) - 2, ar, self.regular, size,
                      "right")

        self.gap(s.value * 0.5)
        self.add(room + _lh(size) + 4, draw)

    def row(self, en: str, ar: str, value: str = "", amount: Decimal | None = None,
            extra: tuple[str, ...] = (), strong: bool = False) -> None:
        """One field: English label, value (and amount), Arabic label."""
        if self.s.wide:
            self._row_wide(en, ar, value, amount, extra, strong)
        else:
            self._row_narrow(en, ar, value, amount, extra, strong)

    def _value_lines(self, value: str, extra: tuple[str, ...], amount: Decimal | None,
                     size: float, font: str, width: float) -> tuple[list[str], float]:
        amount_w = pdfmetrics.stringWidth(fmt(amount), font, size) + 8 if amount is not None else 0
        text_w = max(width - amount_w, width * 0.35)
        rows = [ln for item in (value, *extra) if item for ln in _wrap(item, font, size, text_w)]
        return rows, amount_w

    def _value_line(self, ln: _Line, font: str, size: float, left: float, width: float,
                    with_amount: bool, height: float, top_pad: float) -> None:
        """A continuation line of a long value, as its own block so a page can break there."""
        rtl = ln.rtl and not with_amount

        def draw(c: Canvas, x: float, y: float) -> None:
            ax = x + left + (width if rtl else 0)
            self.text(c, ax, y - top_pad - _base(size), ln, font, size, "right" if rtl else "left")

        self.add(height, draw)

    def _row_wide(self, en: str, ar: str, value: str, amount: Decimal | None,
                  extra: tuple[str, ...], strong: bool) -> None:
        s = self.s
        label_w = s.content * 0.24
        ar_w = s.content * 0.24
        value_x = label_w + 4 * mm
        value_w = s.content - label_w - ar_w - 8 * mm
        vsize = s.total if strong else s.value
        vfont = self.bold if strong else self.regular
        lsize = s.label
        lfont = self.bold if strong else self.regular
        lcolor = INK if strong else GREY
        en_lines = _wrap(en, lfont, lsize, label_w)
        ar_lines = _wrap(ar, lfont, lsize + 0.5, ar_w)
        val_lines, _ = self._value_lines(value, extra, amount, vsize, vfont, value_w)
        pad = 2.5 if strong else 1.0
        label_h = max(len(en_lines) * _lh(lsize), len(ar_lines) * _lh(lsize + 0.5))
        # a boxed row stays whole; others put each further value line in a block of its own
        first_lines = val_lines if strong else val_lines[:1]
        rest = [] if strong else val_lines[1:]
        n_first = max(len(first_lines), 1 if amount is not None else 0)
        rest_h = len(rest) * _lh(vsize)
        height = max(label_h - rest_h, n_first * _lh(vsize)) + pad + (0 if rest else pad)

        def draw(c: Canvas, x: float, y: float) -> None:
            top = y - pad
            if strong:
                c.setFillColorRGB(0.93, 0.93, 0.93)
                c.setStrokeColorRGB(*INK)
                c.setLineWidth(0.8)
                c.rect(x, y - height, s.content, height, stroke=1, fill=1)
            # align the labels' baseline with the value's first baseline
            first = top - _base(vsize) if n_first else top - _base(lsize)
            for i, ln in enumerate(en_lines):
                self.text(c, x + (3 if strong else 0), first - i * _lh(lsize), ln, lfont, lsize,
                          color=lcolor)
            for i, ln in enumerate(ar_lines):
                self.text(c, x + s.content - (3 if strong else 0), first - i * _lh(lsize + 0.5),
                          ln, lfont, lsize + 0.5, "right", lcolor)
            for i, ln in enumerate(first_lines):
                rtl = ln.rtl and amount is None
                ax = x + value_x + (value_w if rtl else 0)
                self.text(c, ax, first - i * _lh(vsize), ln, vfont, vsize,
                          "right" if rtl else "left")
            if amount is not None:
                self.text(c, x + value_x + value_w, first, fmt(amount), vfont, vsize, "right")

        self.add(height, draw)
        for i, ln in enumerate(rest):
            last = i == len(rest) - 1
            self._value_line(ln, vfont, vsize, value_x, value_w, amount is not None,
                             _lh(vsize) + (pad if last else 0), 0)

    def _row_narrow(self, en: str, ar: str, value: str, amount: Decimal | None,
                    extra: tuple[str, ...], strong: bool) -> None:
        s = self.s
        lsize = s.label
        vsize = s.total if strong else s.value
        vfont = self.bold if strong else self.regular
        lfont = self.bold if strong else self.regular
        lcolor = INK if strong else GREY
        half = s.content / 2 - 2
        en_lines = _wrap(en, lfont, lsize, half)
        ar_lines = _wrap(ar, lfont, lsize + 0.4, half)
        val_lines, _ = self._value_lines(value, extra, amount, vsize, vfont, s.content)
        label_h = max(len(en_lines) * _lh(lsize), len(ar_lines) * _lh(lsize + 0.4))
        first_lines = val_lines if strong else val_lines[:1]
        rest = [] if strong else val_lines[1:]
        n_first = max(len(first_lines), 1 if amount is not None else 0)
        pad = 2.0 if strong else 0.6
        height = label_h + n_first * _lh(vsize) + pad + (0 if rest else pad)

        def draw(c: Canvas, x: float, y: float) -> None:
            if strong:
                c.setStrokeColorRGB(*INK)
                c.setLineWidth(1.0)
                c.rect(x, y - height, s.content, height, stroke=1, fill=0)
            inset = 2.5 if strong else 0
            top = y - pad
            for i, ln in enumerate(en_lines):
                self.text(c, x + inset, top - _base(lsize) - i * _lh(lsize), ln, lfont, lsize,
                          color=lcolor)
            for i, ln in enumerate(ar_lines):
                self.text(c, x + s.content - inset, top - _base(lsize) - i * _lh(lsize + 0.4), ln,
                          lfont, lsize + 0.4, "right", lcolor)
            vtop = top - label_h
            for i, ln in enumerate(first_lines):
                rtl = ln.rtl and amount is None
                ax = x + (s.content - inset if rtl else inset)
                self.text(c, ax, vtop - _base(vsize) - i * _lh(vsize), ln, vfont, vsize,
                          "right" if rtl else "left")
            if amount is not None:
                self.text(c, x + s.content - inset, vtop - _base(vsize), fmt(amount), vfont, vsize,
                          "right")

        self.add(height, draw)
        for i, ln in enumerate(rest):
            last = i == len(rest) - 1
            self._value_line(ln, vfont, vsize, 0, s.content, amount is not None,
                             _lh(vsize) + (pad if last else 0), 0)

    def qr_footer(self, d: ReceiptData) -> None:
        s = self.s
        thanks_en = "Thank you for your visit." if not d.is_refund else "Refund issued."
        thanks_ar = "شكراً لزيارتكم" if not d.is_refund else "تم إصدار الاسترداد"
        legal = "Computer-generated receipt; valid without signature."
        legal_ar = "إيصال صادر إلكترونياً ولا يحتاج إلى توقيع"
        if d.signature_line:  # the patient signs for cash; the clinic's signature is not needed
            legal = "Computer-generated receipt; valid without the clinic's signature."
            legal_ar = "إيصال صادر إلكترونياً ولا يحتاج إلى توقيع العيادة"
        if not s.wide:
            self.gap(4)
            self.lines([thanks_en], self.bold, s.value, "center")
            self.lines([thanks_ar], self.bold, s.value, "center")
            self.gap(3)
            self._qr(d.receipt_number, centered=True)
            self.lines([d.receipt_number], self.regular, s.small, "center", GREY)
            self.gap(2)
            self.lines([legal], self.regular, s.small, "center", GREY)
            self.lines([legal_ar], self.regular, s.small, "center", GREY)
            return
        size = s.qr
        text_w = s.content - size - 8 * mm
        rows = [(thanks_en, self.bold, s.value + 1), (thanks_ar, self.bold, s.value + 1),
                (legal, self.regular, s.small + 0.5), (legal_ar, self.regular, s.small + 0.5)]
        caption = s.small
        height = size + _lh(caption) + 2

        def draw(c: Canvas, x: float, y: float) -> None:
            yy = y - 6
            for text, font, fsize in rows:
                for ln in _wrap(text, font, fsize, text_w):
                    color = INK if font == self.bold else GREY
                    self.text(c, x, yy - _base(fsize), ln, font, fsize, color=color)
                    yy -= _lh(fsize)
            qx = x + s.content - size
            _draw_qr(c, d.receipt_number, qx, y - size, size)
            self.text(c, qx + size / 2, y - size - _base(caption), d.receipt_number, self.regular,
                      caption, "center", GREY)

        self.add(height, draw)

    def _qr(self, value: str, centered: bool) -> None:
        size = self.s.qr
        width = self.s.content

        def draw(c: Canvas, x: float, y: float) -> None:
            qx = x + (width - size) / 2 if centered else x
            _draw_qr(c, value, qx, y - size, size)

        self.add(size, draw)


def _draw_qr(c: Canvas, value: str, x: float, y: float, size: float) -> None:
    widget = QrCodeWidget(value, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    w, h = x1 - x0, y1 - y0
    drawing = Drawing(size, size, transform=[size / w, 0, 0, size / h, -x0 * size / w,
                                             -y0 * size / h])
    drawing.add(widget)
    renderPDF.draw(drawing, c, x, y)


# ---------------------------------------------------------------------------- content
def _format_eid(eid: str) -> str:
    digits = re.sub(r"\D", "", eid or "")
    if len(digits) == 15:
        return f"{digits[:3]}-{digits[3:7]}-{digits[7:14]}-{digits[14]}"
    return eid


def _when(d: ReceiptData) -> str:
    local = d.local_issued_at
    offset = local.strftime("%z")
    offset = f"UTC{offset[:3]}:{offset[3:]}" if offset else ""
    return f"{local:%d %b %Y %H:%M} ({d.timezone}, {offset})"


def _insurer_text(name: str | None, policy: str | None) -> str:
    return " · ".join(p for p in (name or "", f"Policy {policy}" if policy else "") if p)


def _compose(d: ReceiptData, style: _Style) -> _Stack:
    st = _Stack(style)
    refund = d.is_refund
    st.header(d)
    st.rule(weight=0.8, color=INK, space=5)
    if refund:
        st.title("REFUND RECEIPT", "إيصال استرداد", inverted=True)
    else:
        st.title("COPAY RECEIPT", "إيصال دفع", inverted=False)
    st.gap(style.value * 0.6)

    st.row("Receipt No.", "رقم الإيصال", d.receipt_number, strong=False)
    st.row("Date & time", "التاريخ والوقت", _when(d))
    if refund:
        st.row("Original receipt", "الإيصال الأصلي", d.original_receipt_number or "")

    st.section("Patient", "المريض")
    st.row("Name", "الاسم", d.patient_name,
           extra=(d.patient_name_ar,) if d.patient_name_ar else ())
    st.row("MRN", "الرقم الطبي", d.mrn)
    if d.emirates_id:
        st.row("Emirates ID", "رقم الهوية", _format_eid(d.emirates_id))
    if d.visit_description:
        st.row("Visit", "الزيارة", d.visit_description)

    st.section("Refund" if refund else "Payment", "الاسترداد" if refund else "الدفع")
    if d.fee > 0:
        st.row("Visit fee" if not refund else "Original visit fee",
               "رسوم الزيارة", "", d.fee)
    # Issue 11: nothing has been paid by an insurer at the desk; until the insurer approved
    # (pre-auth approved, claim adjudicated) its share is only expected.
    confirmed = d.insurance_confirmed
    if d.primary_insurer:
        st.row("Primary insurer pays" if confirmed else "Expected from primary insurer",
               "حصة التأمين الأساسي" if confirmed else "المتوقع من التأمين الأساسي",
               _insurer_text(d.primary_insurer, d.primary_policy), d.primary_amount)
    if d.secondary_insurer:
        st.row("Secondary insurer pays" if confirmed else "Expected from secondary insurer",
               "حصة التأمين الثانوي" if confirmed else "المتوقع من التأمين الثانوي",
               _insurer_text(d.secondary_insurer, d.secondary_policy), d.secondary_amount)
    if not d.primary_insurer and not refund:
        st.row("Coverage", "التغطية", "Self-pay (no active insurance)")
    st.gap(3)
    if refund:
        st.row("Amount refunded", "المبلغ المسترد", "", d.patient_amount, strong=True)
    elif d.balance_lines:
        # Issue 13: earlier underpaid visits' balances paid now, each its own line.
        st.row("Copay for this visit", "المبلغ المستحق لهذه الزيارة", "", d.patient_amount)
        for day, amount, _vat in d.balance_lines:
            st.row(f"Balance from visit of {day:%d %b %Y}",
                   f"رصيد من زيارة {day:%d/%m/%Y}", "", amount)
        st.row("Total paid", "إجمالي المدفوع", "", d.total_paid, strong=True)
    else:
        st.row("Amount paid", "المبلغ المدفوع", "", d.patient_amount, strong=True)
    st.gap(3)
    vat_label = (f"VAT {d.vat_percent}% included" if d.vat_rate > 0 else "VAT")
    st.row(vat_label, "ضريبة القيمة المضافة", "" if d.vat_rate > 0 else "Not applicable",
           d.total_vat if d.vat_rate > 0 else None)
    st.row("Refund method" if refund else "Payment method",
           "طريقة الاسترداد" if refund else "طريقة الدفع", d.payment_method)
    if d.tendered is not None and d.change_due is not None:
        st.row("Amount tendered", "المبلغ المقدم", "", d.tendered)
        st.row("Change given", "المبلغ المتبقي", "", d.change_due)
    if d.card_last4:
        st.row("Card", "البطاقة", f"Card ending {d.card_last4}")
    if d.card_approval_code:
        st.row("Approval code", "رمز الموافقة", d.card_approval_code)
    st.row("Processed by" if refund else "Collected by",
           "تمت المعالجة بواسطة" if refund else "أمين الصندوق", d.collected_by)
    if d.notes:
        st.row("Reason" if refund else "Notes", "السبب" if refund else "ملاحظات", d.notes)
    if d.signature_line:
        st.signature("Patient's signature (cash received)", "توقيع المريض")
    st.rule(dash=True, space=6)
    st.qr_footer(d)
    return st


def render_pdf(data: ReceiptData, layout: Layout = "A4") -> bytes:
    """The receipt as PDF bytes, on A4 or on an 80 mm thermal roll (height fits content)."""
    if layout not in _STYLES:
        raise ValueError(f"Unknown receipt layout {layout!r}; expected one of {LAYOUTS}.")
    style = _STYLES[layout]
    title = ("Refund receipt " if data.is_refund else "Receipt ") + data.receipt_number
    return print_stack(_compose(data, style), style, title=title, author=data.hospital_name,
                       subject=f"{title} — {data.patient_name} ({data.mrn})",
                       number=data.receipt_number)


def print_stack(stack: _Stack, style: _Style, *, title: str, author: str, number: str,
                subject: str = "") -> bytes:
    """Lay a composed document out: A4 pages (a continuation page says "page n of m"), or one
    80 mm roll as tall as its content with room for the cutter. Receipts and the cash
    drawer's reports share it."""
    top_margin = style.margin if style.wide else 5 * mm
    bottom_margin = style.margin if style.wide else 8 * mm  # room for the cutter
    page = A4 if style.wide else (style.page_width, top_margin + stack.height + bottom_margin)

    buffer = BytesIO()
    c = Canvas(buffer, pagesize=page, pageCompression=1)
    c.setTitle(title)
    c.setAuthor(author)
    if subject:
        c.setSubject(subject)
    c.setCreator("ClinicDesk")
    # place every block first (page, top y), so continuation pages can say "page n of m"
    top = page[1] - top_margin
    pages: list[list[tuple[_Block, float]]] = [[]]
    y = top
    for block in stack.blocks:
        if style.wide and y - block.height < bottom_margin and y < top:
            pages.append([])
            y = top
        pages[-1].append((block, y))
        y -= block.height
    for n, placed in enumerate(pages, start=1):
        for block, y in placed:
            block.draw(c, style.margin, y)
        if len(pages) > 1:
            stack.text(c, page[0] - style.margin, bottom_margin / 2,
                       f"{number} · Page {n} of {len(pages)}", stack.regular,
                       style.small, "right", GREY)
        c.showPage()
    c.save()
    return buffer.getvalue()


__all__ = ["LAYOUTS", "Layout", "has_arabic", "print_stack", "register_fonts", "render_pdf",
           "visual"]
