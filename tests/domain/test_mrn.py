"""The hospital's MRN format (app/domain/mrn.py): settings first, then the existing MRNs'
most common pattern, then MRN + 6 digits."""

from app.domain.mrn import MrnFormat, mrn_format


def test_settings_win_and_a_bad_width_falls_back():
    assert mrn_format({"mrn_prefix": "ANC-", "mrn_digits": 6}) == MrnFormat("ANC-", 6)
    assert mrn_format({"mrn_prefix": "ANC-", "mrn_digits": "x"}) == MrnFormat("ANC-", 6)
    assert mrn_format({"mrn_prefix": "ANC-", "mrn_digits": 40}) == MrnFormat("ANC-", 6)
    assert MrnFormat("ANC-", 6).render(100200) == "ANC-100200"
    assert MrnFormat("CLN/", 4).render(7) == "CLN/0007"


def test_the_most_common_existing_pattern_then_the_oldest():
    assert mrn_format({}, [("OD-", 3, 1, 5), ("ANC-", 6, 180, 9)]) == MrnFormat("ANC-", 6)
    assert mrn_format({}, [("OD-", 3, 2, 5), ("MRN", 6, 2, 1)]) == MrnFormat("MRN", 6)
    assert mrn_format({}, [("", 5, 100, 1)]) == MrnFormat("MRN", 6)  # bare numbers: no prefix
    assert mrn_format(None) == MrnFormat("MRN", 6)


def test_opendental_stub_mrns_never_set_the_format():
    # app/sync/opendental/upserts.py numbers imported patients OD<connection>-<PatNum>: a
    # walk-in numbered in that pattern could take a PatNum the next import needs.
    assert mrn_format({}, [("OD1-", 5, 900, 1), ("ANC-", 6, 20, 5)]) == MrnFormat("ANC-", 6)
    assert mrn_format({}, [("OD12-", 4, 900, 1)]) == MrnFormat("MRN", 6)
