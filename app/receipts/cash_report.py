"""Z reports (one cash drawer shift) and end-of-day summaries (one hospital, one day), as
PDF on A4 and on the 80 mm roll, laid out with the receipts' own machinery
(app/receipts/pdf.py: fonts, bilingual section headers, rows, page breaks).

``CashReport`` is an immutable value the shift service builds with every figure decided
(Decimal AED); the renderer only lays it out. A reprint says DUPLICATE across its title.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from app.receipts.pdf import _STYLES, GREY, INK, LAYOUTS, Layout, _Stack, print_stack


@dataclass(frozen=True)
class ReportRow:
    label: str
    value: str = ""
    amount: Decimal | None = None
    strong: bool = False


@dataclass(frozen=True)
class ReportSection:
    title: str
    title_ar: str
    rows: tuple[ReportRow, ...]


@dataclass(frozen=True, kw_only=True)
class CashReport:
    """A Z report ("Z") or an end-of-day summary ("DAY")."""

    kind: str  # "Z" or "DAY"
    number: str  # "Z-000123" or "EOD-2026-03-10"
    issued_at: datetime
    timezone: str
    hospital_name: str
    hospital_name_ar: str = ""
    hospital_address: str = ""
    hospital_phone: str = ""
    hospital_trn: str | None = None
    heading: tuple[ReportRow, ...] = ()
    sections: tuple[ReportSection, ...] = field(default_factory=tuple)
    duplicate: bool = False

    @property
    def title(self) -> tuple[str, str]:
        return (("Z REPORT", "تقرير الوردية") if self.kind == "Z"
                else ("END OF DAY SUMMARY", "ملخص نهاية اليوم"))

    @property
    def local_issued_at(self) -> datetime:
        return self.issued_at.astimezone(ZoneInfo(self.timezone))


def _compose(r: CashReport, layout: Layout) -> _Stack:
    style = _STYLES[layout]
    st = _Stack(style)
    st.header(r)  # type: ignore[arg-type]  # the same hospital fields as a receipt
    st.rule(weight=0.8, color=INK, space=5)
    en, ar = r.title
    st.title(en, ar, inverted=not r.duplicate)
    if r.duplicate:  # its own line, large: no one takes a reprint for the original
        st.gap(style.value * 0.4)
        st.lines(["DUPLICATE · نسخة"], st.bold, style.title, "center")
    st.gap(style.value * 0.6)
    st.row("Report No.", "رقم التقرير", r.number)
    st.row("Printed", "تاريخ الطباعة", f"{r.local_issued_at:%d %b %Y %H:%M} ({r.timezone})")
    for row in r.heading:
        st.row(row.label, "", row.value, row.amount, strong=row.strong)
    for sec in r.sections:
        st.section(sec.title, sec.title_ar)
        if not sec.rows:
            st.row("None", "", "—")
        for row in sec.rows:
            st.row(row.label, "", row.value, row.amount, strong=row.strong)
    st.rule(dash=True, space=6)
    footer = "DUPLICATE — reprint of an issued report" if r.duplicate else "End of report"
    st.lines([footer], st.bold if r.duplicate else st.regular, style.small, "center", GREY)
    return st


def render_report_pdf(report: CashReport, layout: Layout = "A4") -> bytes:
    """The report as PDF bytes (A4 pages, or one 80 mm roll as tall as its content)."""
    if layout not in _STYLES:
        raise ValueError(f"Unknown layout {layout!r}; expected one of {LAYOUTS}.")
    return print_stack(_compose(report, layout), _STYLES[layout],
                       title=f"{report.title[0].title()} {report.number}",
                       author=report.hospital_name, number=report.number)


__all__ = ["CashReport", "ReportRow", "ReportSection", "render_report_pdf"]
