"""Messages as codes with parameters (issue 15): English by default, any language through a
translate function, typed parameters formatted by the reader's language."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from app.domain.errors import ValidationError
from app.domain.messages import Money, Msg, as_msg, messages, placeholders

M = messages("app.domain.sample")


def test_a_message_has_a_code_and_renders_in_english():
    msg = M("over", "{paid} is more than the {due} due.", paid=Money("250"), due=Money("200"))
    assert msg.code == "sample.over"
    assert str(msg) == "AED 250.00 is more than the AED 200.00 due."
    assert msg.to_dict() == {"code": "sample.over", "params": {"paid": "250", "due": "200"},
                             "message": "AED 250.00 is more than the AED 200.00 due."}


def test_a_message_renders_through_a_translation_and_a_value_formatter():
    msg = M("seen", "Seen on {day}: {inner}", day=dt.date(2026, 12, 4),
            inner=M("n", "{n} patients", n=3))
    table = {"Seen on {day}: {inner}": "شوهد في {day}: {inner}", "{n} patients": "{n} مرضى"}
    text = msg.render(lambda t: table.get(t, t), lambda v: f"<{v}>")
    assert text == "شوهد في <2026-12-04>: <3> مرضى"


def test_a_broken_translation_falls_back_to_english():
    msg = M("x", "Paid {amount}", amount=Decimal("5"))
    assert msg.render(lambda t: "مدفوع {amont}") == "Paid 5"


def test_errors_carry_the_message_and_its_english():
    err = ValidationError(M("bad", "Bad {what}.", what="amount"))
    assert err.msg.code == "sample.bad" and err.message == "Bad amount." and str(err) == "Bad amount."
    legacy = ValidationError("Plain text {with braces}")
    assert isinstance(legacy.msg, Msg) and legacy.message == "Plain text {with braces}"
    assert as_msg("x {y}").render() == "x {y}"


def test_placeholders():
    assert placeholders("{a} and {b:,} {a}") == {"a", "b"}
