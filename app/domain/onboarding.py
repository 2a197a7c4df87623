"""What a new clinic is set up with, and the rules its first values must satisfy.

Pure values and checks (no database, no Qt): app/services/onboarding.py creates the clinic
from a :class:`ClinicSetup` in one transaction; the setup wizard (app/ui/setup_wizard.py) and
``python -m app setup --file clinic.toml`` (:func:`setup_from_mapping`) build one. Each check
raises :class:`ValidationError` with a sentence for the person setting the clinic up and
``field`` naming what to fix.

The first administrator's password is chosen by that person, never defaulted; the rule
(:func:`password_problems`) is: at least 12 characters, at least 5 different characters, not
containing the username, and not a common password with digits or symbols added.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
import zoneinfo
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from app.domain.errors import ValidationError
from app.domain.messages import Msg, joined, messages
from app.domain.money import CENT, q

M = messages(__name__)

DEFAULT_TIMEZONE = "Asia/Dubai"
MIN_PASSWORD_LENGTH = 12
MAX_FEE = Decimal("9999999.99")  # far above any consultation fee; NUMERIC(12,2) holds more

# The visit codes the copay quote maps visits to (DESIGN "Copay quote" rule 1), with the CPT
# code and a typical Dubai out-patient fee. The fees are suggestions the wizard shows.
VISIT_CHARGE_CODES = ("initial_consultation", "follow_up", "emergency_consult")


@dataclasses.dataclass(frozen=True)
class ChargeSetup:
    code: str
    cpt_code: str | None
    description: str
    fee: Decimal  # AED, VAT-inclusive
    vat_rate: Decimal  # fraction: 0.05 for 5%


@dataclasses.dataclass(frozen=True)
class PayerSetup:
    code: str
    name: str
    dha_payer_id: str | None = None
    default_copay_pct: Decimal = Decimal("20")
    preauth_required: bool = False


@dataclasses.dataclass(frozen=True)
class DepartmentSetup:
    code: str
    name: str


@dataclasses.dataclass(frozen=True)
class ClinicSetup:
    """Everything the onboarding service needs. ``admin_password`` is never stored as given:
    the service keeps only its Argon2 hash."""

    name: str
    code: str
    trn: str
    timezone: str
    address: str | None
    admin_username: str
    admin_full_name: str
    admin_password: str = dataclasses.field(repr=False)
    charges: tuple[ChargeSetup, ...] = ()
    payers: tuple[PayerSetup, ...] = ()
    departments: tuple[DepartmentSetup, ...] = ()
    phone: str | None = None
    email: str | None = None


STANDARD_CHARGES: tuple[ChargeSetup, ...] = (
    ChargeSetup("initial_consultation", "99203", "Initial consultation (new patient)",
                Decimal("300.00"), Decimal("0")),
    ChargeSetup("follow_up", "99213", "Follow-up consultation", Decimal("200.00"), Decimal("0")),
    ChargeSetup("emergency_consult", "99283", "Emergency department visit", Decimal("450.00"),
                Decimal("0")),
)

# Common UAE health insurers a clinic may tick. The codes are the clinic's own short names;
# the DHA payer ids are left for the clinic to fill in from its eClaimLink contract.
COMMON_UAE_PAYERS: tuple[PayerSetup, ...] = (
    PayerSetup("DAMAN", "Daman (National Health Insurance)", None, Decimal("20")),
    PayerSetup("AXA", "AXA Gulf / GIG Gulf", None, Decimal("20")),
    PayerSetup("SUKOON", "Sukoon Insurance", None, Decimal("10"), True),
    PayerSetup("ADNIC", "Abu Dhabi National Insurance (ADNIC)", None, Decimal("20")),
    PayerSetup("NAS", "NAS Administration Services", None, Decimal("20")),
    PayerSetup("NEXTCARE", "NextCare", None, Decimal("20")),
    PayerSetup("MEDNET", "MedNet UAE", None, Decimal("20")),
)

STANDARD_DEPARTMENTS: tuple[DepartmentSetup, ...] = (
    DepartmentSetup("GP", "General Practice"),
)

# A small list of passwords (and stems) that guessing tools try first. Compared after
# lower-casing and stripping digits and symbols from both ends, so "Password2024!" is caught.
_COMMON_WORDS = """
password passw0rd p@ssword p@ssw0rd qwerty qwertyuiop qwerty123 asdfgh asdfghjkl zxcvbnm
letmein welcome welcome1 admin administrator admin123 root toor changeme default secret
iloveyou monkey dragon master shadow sunshine princess football baseball superman batman
trustno1 abc abcdef abcdefg abcdefgh abcd1234 123456 1234567 12345678 123456789 1234567890
111111 000000 123123 654321 666666 121212 qazwsx 1q2w3e4r 1qaz2wsx zaq12wsx
clinic clinicdesk hospital doctor nurse reception dubai abudhabi sharjah emirates uae
health healthcare medical insurance daman password1 passwordpassword
"""
_COMMON_PASSWORDS = frozenset(_COMMON_WORDS.split())

_CODE_RE = re.compile(r"^[A-Z0-9][A-Z0-9_-]{1,19}$")
_USERNAME_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{2,79}$")
_PAYER_CODE_RE = re.compile(r"^[A-Z0-9][A-Z0-9_-]{0,19}$")
_CPT_RE = re.compile(r"^[0-9A-Z]{4,10}$")


def _text(value: object, field: str, label: str | Msg, *, max_len: int, required: bool = True
          ) -> str | None:
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ValidationError(M("label_text", "{label} must be text.", label=label), field=field)
    text = " ".join(value.split())
    if "\x00" in text:
        raise ValidationError(M("label_contains_character_stored", "{label} contains a "
                                "character that cannot be stored.", label=label),
                              field=field)
    if not text:
        if required:
            raise ValidationError(M("label_required", "{label} is required.", label=label), field=field)
        return None
    if len(text) > max_len:
        raise ValidationError(M("label_most_max_len", "{label} can be at most {max_len} "
                                "characters.", label=label, max_len=max_len), field=field)
    return text


def _ascii_digits(text: str) -> str:
    """Arabic-Indic and other Unicode decimal digits as ASCII ("١٠٠" -> "100")."""
    return "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() else ch for ch in text)


def normalize_code(value: object) -> str:
    code = (_text(value, "code", M("label_hospital_code", "The hospital code"), max_len=20) or "").upper()
    if not _CODE_RE.match(code):
        raise ValidationError(M("hospital_code_letters_digits", "The hospital code must be 2 "
                                "to 20 letters, digits, '-' or '_', starting with a letter or "
                                "digit (for example DXB01)."),
                              field="code")
    return code


def normalize_trn(value: object) -> str:
    """A UAE VAT tax registration number: 15 digits (spaces and dashes are ignored)."""
    if not isinstance(value, str):
        raise ValidationError(M("trn_typed_digits", "The TRN must be typed as 15 digits."), field="trn")
    digits = re.sub(r"[\s-]", "", _ascii_digits(value))
    if not (len(digits) == 15 and digits.isascii() and digits.isdigit()):
        raise ValidationError(M("trn_uae_tax_registration", "The TRN (UAE tax registration "
                                "number) must be exactly 15 digits, like 100384729600003."), field="trn")
    return digits


def normalize_timezone(value: object) -> str:
    name = _text(value, "timezone", M("label_time_zone", "The time zone"), max_len=64) or ""
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ValidationError(M("name_time_zone_name", "{name} is not a time zone name; use "
                                "an IANA name such as {example}.", name=f"{name!r}",
                                example=DEFAULT_TIMEZONE), field="timezone") from None
    if "/" not in name and name != "UTC":
        # Bare abbreviations ("GST", "EST") exist in the database but are ambiguous.
        raise ValidationError(M("use_region_city_time", "Use a region/city time zone name "
                                "such as {example}, not {name}.",
                                example=DEFAULT_TIMEZONE, name=f"{name!r}"), field="timezone")
    return name


def normalize_username(value: object) -> str:
    name = (_text(value, "admin_username", M("label_username", "The username"), max_len=80) or "").lower()
    if not _USERNAME_RE.match(name):
        raise ValidationError(M("username_lower_case_letters", "The username must be 3 to 80 "
                                "lower-case letters, digits, '.', '-' or '_'."), field="admin_username")
    return name


def password_problems(password: str, username: str = "", full_name: str = "") -> list[str]:
    """Why ``password`` is too weak for an administrator (empty list: it is acceptable)."""
    return [str(m) for m in password_problem_msgs(password, username, full_name)]


def password_problem_msgs(password: str, username: str = "", full_name: str = "") -> list[Msg]:
    """:func:`password_problems` as messages for the reader's language (the setup wizard)."""
    problems: list[Msg] = []
    if not isinstance(password, str) or not password:
        return [M("choose_password", "Choose a password.")]
    if "\x00" in password:
        problems.append(M("password_bad_character",
                          "The password contains a character that cannot be used."))
    if len(password) < MIN_PASSWORD_LENGTH:
        problems.append(M("password_short", "Use at least {min} characters (this has {length}).",
                          min=MIN_PASSWORD_LENGTH, length=len(password)))
    if len(set(password)) < 5:
        problems.append(M("password_few_characters", "Use at least 5 different characters."))
    low = password.lower()
    user = username.strip().lower()
    if len(user) >= 3 and user in low:
        problems.append(M("password_has_username",
                          "The password must not contain the username."))
    for part in full_name.lower().split():
        if len(part) >= 4 and part in low and not (len(user) >= 3 and user in low):
            problems.append(M("password_has_name", "The password must not contain your name."))
            break
    stem = re.sub(r"^[\W\d_]+|[\W\d_]+$", "", low)
    if low in _COMMON_PASSWORDS or stem in _COMMON_PASSWORDS or (
            stem and stem * (len(low) // max(len(stem), 1)) == low and stem in _COMMON_PASSWORDS):
        problems.append(M("password_common",
                          "This is one of the passwords guessed first; choose another."))
    elif low in "0123456789" * 3 or low in "abcdefghijklmnopqrstuvwxyz" * 2:
        problems.append(M("password_counting", "Counting digits or letters are guessed first."))
    return problems


def check_password(password: str, username: str = "", full_name: str = "") -> None:
    problems = password_problem_msgs(password, username, full_name)
    if problems:
        raise ValidationError(M("password_too_weak", "The password is too weak: {problems}",
                                problems=joined(problems)),
                              field="admin_password", problems=[str(p) for p in problems])


def _decimal(value: object, field: str, label: str | Msg) -> Decimal:
    if isinstance(value, bool | float):
        raise ValidationError(M("label_written_number_quotes", "{label} must be written as a "
                                "number in quotes or typed, like \"300.00\" (not a "
                                "floating-point value).", label=label), field=field)
    try:
        number = Decimal(_ascii_digits(str(value)).strip().replace(",", ""))
    except InvalidOperation:
        raise ValidationError(M("label_number_like_2", "{label} must be a number, like 300.00.",
                                label=label), field=field) from None
    if not number.is_finite():
        raise ValidationError(M("label_number_like", "{label} must be a number, like 300.00.",
                                label=label), field=field)
    return number


def normalize_charge(c: ChargeSetup) -> ChargeSetup:
    field = f"charge:{c.code}"
    fee = _decimal(c.fee, field, M("label_fee_of", "The fee of {code}", code=c.code))
    if fee < 0 or fee > MAX_FEE:
        raise ValidationError(M("fee_code_between_max", "The fee of {code} must be between "
                                "0.00 and {max} AED.", code=c.code, max=MAX_FEE),
                              field=field)
    if fee != fee.quantize(CENT):
        raise ValidationError(M("fee_code_more_than", "The fee of {code} has more than 2 "
                                "decimals.", code=c.code), field=field)
    rate = _decimal(c.vat_rate, field, M("label_vat_rate_of", "The VAT rate of {code}", code=c.code))
    if not Decimal(0) <= rate < 1:
        raise ValidationError(M("vat_rate_code_fraction", "The VAT rate of {code} must be a "
                                "fraction from 0 to below 1 (0.05 is 5%).", code=c.code), field=field)
    if rate != rate.quantize(Decimal("0.0001")):
        raise ValidationError(M("vat_rate_code_too", "The VAT rate of {code} has too many "
                                "decimals.", code=c.code), field=field)
    cpt = _text(c.cpt_code, field, M("label_cpt_of", "The CPT code of {code}", code=c.code), max_len=10, required=False)
    if cpt is not None and not _CPT_RE.match(cpt.upper()):
        raise ValidationError(M("cpt_code_code_letters", "The CPT code of {code} must be 4 to "
                                "10 letters or digits.", code=c.code),
                              field=field)
    description = _text(c.description, field, M("label_description_of", "The description of {code}", code=c.code), max_len=200)
    return ChargeSetup(c.code, cpt.upper() if cpt else None, description or c.code, q(fee),
                       rate)


def _list_code(value: object, field: str, kind: Msg) -> str:
    """A payer or department code: upper-cased letters, digits, '-' or '_' (up to 20)."""
    code = (_text(value, field, M("label_list_code", "A {kind} code", kind=kind), max_len=20) or "").upper()
    if not _PAYER_CODE_RE.match(code):
        raise ValidationError(M("kind_code_code_letters", "The {kind} code {code} must be "
                                "letters, digits, '-' or '_' (up to 20).", kind=kind,
                                code=f"{code!r}"), field=field)
    return code


def normalize_payer(p: PayerSetup) -> PayerSetup:
    code = _list_code(p.code, "payers", M("kind_payer", "payer"))
    name = _text(p.name, "payers", M("label_payer_name", "The name of payer {code}", code=code), max_len=200)
    dha = _text(p.dha_payer_id, "payers", M("label_payer_dha_id", "The DHA payer id of {code}", code=code), max_len=40,
                required=False)
    pct = _decimal(p.default_copay_pct, "payers", M("label_payer_copay", "The copay % of {code}", code=code))
    if not Decimal(0) <= pct <= 100:
        raise ValidationError(M("copay_code_between", "The copay % of {code} must be between "
                                "0 and 100.", code=code),
                              field="payers")
    if not isinstance(p.preauth_required, bool):
        raise ValidationError(M("pre_auth_required_code", "Pre-auth required for {code} must "
                                "be true or false.", code=code),
                              field="payers")
    return PayerSetup(code, name or code, dha, pct.quantize(CENT), p.preauth_required)


def normalize_department(d: DepartmentSetup) -> DepartmentSetup:
    code = _list_code(d.code, "departments", M("kind_department", "department"))
    name = _text(d.name, "departments", M("label_department_name", "The name of department {code}", code=code), max_len=120)
    return DepartmentSetup(code, name or code)


def normalize_setup(setup: ClinicSetup, *, check_admin_password: bool = True) -> ClinicSetup:
    """``setup`` with every value checked and normalised, or the first problem raised
    (``check_admin_password=False``: all but the password, for a file checked before the
    password is asked for)."""
    name = _text(setup.name, "name", M("label_hospital_name", "The hospital name"), max_len=200)
    code = normalize_code(setup.code)
    trn = normalize_trn(setup.trn)
    tz = normalize_timezone(setup.timezone)
    address = _text(setup.address, "address", M("label_address", "The address"), max_len=500, required=False)
    phone = _text(setup.phone, "phone", M("label_phone", "The phone number"), max_len=40, required=False)
    email = _text(setup.email, "email", M("label_email", "The email address"), max_len=200, required=False)
    if email is not None and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", email):
        raise ValidationError(M("email_email_address", "{email} is not an email address.",
                                email=f"{email!r}"), field="email")
    username = normalize_username(setup.admin_username)
    full_name = _text(setup.admin_full_name, "admin_full_name", M("label_admin_full_name", "The administrator's full name"),
                      max_len=200)
    if check_admin_password:
        check_password(setup.admin_password, username, full_name or "")
    charges = tuple(normalize_charge(c) for c in setup.charges)
    codes = [c.code for c in charges]
    missing = [c for c in VISIT_CHARGE_CODES if c not in codes]
    if missing:
        raise ValidationError(M("charge_master_needs", "The charge master needs a fee for "
                                "{codes}.", codes=", ".join(missing)), field="charges")
    if len(set(codes)) != len(codes):
        raise ValidationError(M("each_charge_code_may", "Each charge code may appear once."), field="charges")
    payers = tuple(normalize_payer(p) for p in setup.payers)
    if len({p.code for p in payers}) != len(payers):
        raise ValidationError(M("each_payer_code_may", "Each payer code may appear once."), field="payers")
    departments = tuple(normalize_department(d) for d in setup.departments)
    if len({d.code for d in departments}) != len(departments):
        raise ValidationError(M("each_department_code_may", "Each department code may appear "
                                "once."), field="departments")
    return dataclasses.replace(
        setup, name=name, code=code, trn=trn, timezone=tz, address=address, phone=phone,
        email=email, admin_username=username, admin_full_name=full_name, charges=charges,
        payers=payers, departments=departments)


# ------------------------------------------------------------------------------ TOML file

def setup_from_mapping(data: Mapping[str, Any], admin_password: str) -> ClinicSetup:
    """A :class:`ClinicSetup` from a parsed setup file (docs/setup-example.toml shows the
    format). The password never comes from the file: a ``password`` key there is refused."""
    if not isinstance(data, Mapping):
        raise ValidationError(M("setup_file_toml_table", "The setup file must be a TOML table."))
    known = {"hospital", "admin", "charges", "payers", "departments"}
    unknown = sorted(set(data) - known)
    if unknown:
        raise ValidationError(M("unknown_section_s_setup", "Unknown section(s) in the setup "
                                "file: {unknown} (expected {known}).", unknown=', '.join(unknown),
                                known=', '.join(sorted(known))))
    hospital = _table(data, "hospital")
    admin = _table(data, "admin")
    if "password" in admin or "password" in hospital:
        raise ValidationError(M("setup_file_hold_password", "The setup file must not hold a "
                                "password: it is asked for at the prompt or read from "
                                "CLINICDESK_ADMIN_PASSWORD."), field="admin")
    charges_in = data.get("charges")
    if charges_in is None:
        charges = STANDARD_CHARGES
    else:
        if not isinstance(charges_in, list):
            raise ValidationError(M("charges_list_tables", "[[charges]] must be a list of "
                                    "tables."), field="charges")
        standard = {c.code: c for c in STANDARD_CHARGES}
        charges = tuple(_charge(_as_table(x, "charges"), standard) for x in charges_in)
    payers_in = data.get("payers", [])
    if not isinstance(payers_in, list):
        raise ValidationError(M("payers_list_tables", "[[payers]] must be a list of tables."), field="payers")
    payers = tuple(
        PayerSetup(code=str(_get(p, "code", "payers")), name=p.get("name") or "",
                   dha_payer_id=p.get("dha_payer_id"),
                   default_copay_pct=p.get("default_copay_pct", "20"),
                   preauth_required=p.get("preauth_required", False))
        for p in (_as_table(x, "payers") for x in payers_in))
    depts_in = data.get("departments")
    departments = STANDARD_DEPARTMENTS if depts_in is None else tuple(
        DepartmentSetup(code=str(_get(d, "code", "departments")), name=d.get("name") or "")
        for d in (_as_table(x, "departments") for x in depts_in))
    return ClinicSetup(
        name=hospital.get("name"), code=hospital.get("code"), trn=hospital.get("trn"),
        timezone=hospital.get("timezone", DEFAULT_TIMEZONE), address=hospital.get("address"),
        phone=hospital.get("phone"), email=hospital.get("email"),
        admin_username=admin.get("username"), admin_full_name=admin.get("full_name"),
        admin_password=admin_password, charges=charges, payers=payers,
        departments=departments)


def _table(data: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    value = data.get(key)
    if value is None:
        raise ValidationError(M("setup_file_needs_key", "The setup file needs a [{key}] "
                                "section.", key=key), field=key)
    return _as_table(value, key)


def _as_table(value: object, key: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise ValidationError(M("key_table_key_lines", "[{key}] must be a table of key = "
                                "value lines.", key=key), field=key)
    return value


def _get(table: Mapping[str, Any], key: str, section: str) -> Any:
    if key not in table:
        raise ValidationError(M("each_entry_section_needs", "Each entry in [[{section}]] "
                                "needs {key} = ...", section=section, key=key), field=section)
    return table[key]


def _charge(c: Mapping[str, Any], standard: Mapping[str, ChargeSetup]) -> ChargeSetup:
    code = str(_get(c, "code", "charges"))
    std = standard.get(code)
    return ChargeSetup(code=code, cpt_code=c.get("cpt_code", std.cpt_code if std else None),
                       description=c.get("description") or (std.description if std else code),
                       fee=_get(c, "fee", "charges"), vat_rate=_vat(c))


def _vat(c: Mapping[str, Any]) -> Any:
    """``vat_percent = "5"`` (what people write) or ``vat_rate = "0.05"``."""
    if "vat_percent" in c:
        pct = _decimal(c["vat_percent"], "charges", "vat_percent")
        return pct / 100
    return c.get("vat_rate", "0")
