"""What a visit type is called on screen and on paper.

One function, used by the copay dialog, the copay explanation, the copay receipt and the
refund receipt, so a follow-up is called the same thing everywhere (issue 11: the refund
receipt said "Follow Up" while the copay receipt said "Follow-up consultation").
"""

from __future__ import annotations

from app.domain.enums import VisitType
from app.domain.messages import N_

# Catalogue entries (N_): the UI shows a name with tr(visit_type_name(...)).
_NAMES = {
    VisitType.CONSULTATION: N_("Consultation"),
    VisitType.FOLLOW_UP: N_("Follow-up consultation"),
    VisitType.EMERGENCY: N_("Emergency consultation"),
}


def visit_type_name(visit_type: VisitType | str) -> str:
    """The visit type in plain words ("Follow-up consultation"), never the enum's code."""
    vt = VisitType(visit_type)
    return _NAMES.get(vt, vt.value.replace("_", " ").capitalize())


__all__ = ["visit_type_name"]
