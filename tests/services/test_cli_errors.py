"""The admin CLI's refusals keep their message code (issue 15): where the CLI prints JSON, a
DomainError is printed as JSON with the code, the English sentence and the parameters."""

from __future__ import annotations

import json
from decimal import Decimal

from app.domain.errors import NotFound
from app.domain.messages import Money, messages
from app.services.message_text import MsgText, error_dict, joined, msg_of

M = messages("tests.cli")


def test_copay_quote_json_prints_a_refusal_as_json_with_its_code(
        test_db_url, monkeypatch, capsys, tmp_path):
    from app.__main__ import main

    monkeypatch.setenv("DATABASE_URL", test_db_url)
    monkeypatch.setenv("CLINICDESK_CONFIG", str(tmp_path / "none.toml"))
    assert main(["copay", "quote", "999999999", "--json"]) == 2
    out = capsys.readouterr()
    error = json.loads(out.out)["error"]
    assert error == {"code": "copay_cli.no_appointment",
                     "message": "There is no appointment 999999999.",
                     "params": {"appointment_id": "999999999"}, "kind": "NOT_FOUND"}
    # People reading the console still get the sentence.
    assert out.err.strip() == "clinicdesk: There is no appointment 999999999."


def test_error_dict_keeps_money_params_as_plain_numbers_and_english_with_aed():
    exc = NotFound(M("short", "Only {amount} left.", amount=Money(Decimal("1234.5"))))
    assert error_dict(exc) == {"code": "cli.short", "message": "Only AED 1,234.50 left.",
                               "params": {"amount": "1234.5"}, "kind": "NOT_FOUND"}


def test_msg_text_is_the_english_string_and_carries_its_message():
    msg = M("hello", "Hello {name}.", name="Amina")
    text = MsgText(msg)
    assert text == "Hello Amina." and isinstance(text, str) and text.msg is msg
    assert str(text) == "Hello Amina." and type(str(text)) is str
    assert msg_of(text) is msg and msg_of("plain") == "plain" and msg_of(msg) is msg
    assert json.dumps({"m": text}) == '{"m": "Hello Amina."}'


def test_joined_renders_each_part_in_the_readers_language():
    parts = [M("a", "First name is required."), M("b", "Choose the gender."), "As typed."]
    both = joined(parts)
    assert str(both) == "First name is required. Choose the gender. As typed."
    arabic = {"First name is required.": "الاسم الأول مطلوب.", "Choose the gender.": "اختر الجنس."}
    assert both.render(lambda t: arabic.get(t, t)) == "الاسم الأول مطلوب. اختر الجنس. As typed."
