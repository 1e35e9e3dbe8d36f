"""How to reach and identify a citizen: phone number, email address, citizen ID number."""

from __future__ import annotations

import re
from datetime import date

from isodesk.domain.validation.text import N_, Invalid, normalise

# -- phone numbers -----------------------------------------------------------------------------------------------
PHONE = N_("The phone number")
#: The longest number as stored: an international number of 15 digits (ITU-T E.164) with its + and separators.
PHONE_LENGTH = 20
#: What a phone field takes while it is typed: a few separators more than the stored form ("+84 912 345 678").
PHONE_TYPED_LENGTH = 24
REPRESENTATIVE_PHONE = N_("The representative's phone number")
_PHONE_SEPARATORS = re.compile(r"[\s.\-()/]")


def phone_number(value: str, label: str = PHONE) -> str:
    """A phone number, stored as the numbering plan writes it, whatever separators were typed: ``0912 345 678``,
    ``0273 3872 135``, or ``+1 650-253-0000`` for a foreign one (printed on forms as stored).

    Vietnam's numbering plan (Quy hoạch kho số viễn thông, Thông tư 22/2014/TT-BTTTT and its amendments): since
    the 2018 conversion mobile numbers have 10 digits (03, 05, 07, 08, 09 then 8 digits); since the 2017 area-code
    change fixed lines have 11 digits (02, the area code, the subscriber number); 1800/1900 numbers are service
    lines. Which ranges are in use is the numbering-plan data of libphonenumber (Google's, kept up to date), not
    a list of ours. +84, 84 and 0084 are the same country code; spaces, dots, dashes and brackets are dropped.
    A number with another country code is accepted when it is valid in that country.
    """
    import phonenumbers

    raw = normalise(value)
    if not raw:
        return ""
    compact = _PHONE_SEPARATORS.sub("", raw)
    if not re.fullmatch(r"\+?[0-9]{1,20}", compact):
        raise Invalid(
            N_("{field} “{value}” is not valid: use digits only (spaces, dots and dashes may separate them)."),
            label,
            raw,
        )
    if compact.startswith("00"):
        compact = "+" + compact[2:]
    if compact.startswith("+") and not compact.startswith("+84"):
        try:
            foreign = phonenumbers.parse(compact, None)
        except phonenumbers.NumberParseException:
            foreign = None
        formatted = (
            "" if foreign is None else phonenumbers.format_number(foreign, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
        )
        if foreign is None or not phonenumbers.is_valid_number(foreign) or len(formatted) > PHONE_LENGTH:
            raise Invalid(N_("{field} “{value}” is not a valid international number."), label, raw)
        return formatted
    if compact.startswith("+84"):
        national = "0" + compact[3:].removeprefix("0")  # "+84 0912..." is a common way of writing it
    elif compact.startswith("84") and len(compact) in (11, 12):
        national = "0" + compact[2:]
    else:
        national = compact
    if national.startswith(("1800", "1900")):
        expected = len(national) in (8, 10)
    elif not national.startswith("0"):
        raise Invalid(N_("{field} “{value}” is not valid: it must start with 0 (or +84)."), label, raw)
    else:
        expected = len(national) == (11 if national.startswith("02") else 10)
    if not expected:
        raise Invalid(
            N_(
                "{field} “{value}” is not valid: a mobile number has 10 digits starting with 0, a "
                "landline 11 digits starting with 02."
            ),
            label,
            raw,
        )
    parsed = phonenumbers.parse(national, "VN")
    if not phonenumbers.is_valid_number(parsed):
        raise Invalid(
            N_(
                "{field} “{value}” is not a number in use in Vietnam: mobile numbers start with 03, "
                "05, 07, 08 or 09, landlines with 02 and the area code."
            ),
            label,
            raw,
        )
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)


def phone_digits(value: str) -> str:
    """The digits of a phone number (and its +), to compare numbers written with different separators."""
    return re.sub(r"[^0-9+]", "", value)


# -- email -------------------------------------------------------------------------------------------------------
EMAIL = N_("The email address")
#: The longest address stored. RFC 5321 allows 254 characters; an address a person types is far shorter, and
#: the columns that hold one are 200 wide.
EMAIL_LENGTH = 200
_LOCAL = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*")
_LABEL = re.compile(r"[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?")


def email_address(value: str, label: str = EMAIL) -> str:
    """An email address: ``name@domain.tld`` in plain letters, domain stored in lower case.

    A practical check, not RFC 5322 in full: the dot-atom local part and host-name domain of RFC 5321 §4.1.2, with
    its limits (64 characters before the @, 63 per domain label; :data:`EMAIL_LENGTH` in all, within its 254) and a
    top-level domain of letters.
    Written here rather than taken from ``email-validator`` because that library's value is its deliverability
    check, which needs the network the office does not have. Accented letters are refused on purpose: at a
    Vietnamese desk they mean the Vietnamese keyboard (Unikey, EVKey) was left on.
    """
    raw = normalise(value)
    if not raw:
        return ""
    if not raw.isascii():
        raise Invalid(
            N_(
                "{field} “{value}” is not valid: it has accented letters (turn the Vietnamese keyboard off to type it)."
            ),
            label,
            raw,
        )
    local, at, domain = raw.rpartition("@")
    labels = domain.lower().split(".")
    ok = (
        bool(at)
        and len(raw) <= EMAIL_LENGTH
        and 0 < len(local) <= 64
        and _LOCAL.fullmatch(local) is not None
        and len(labels) >= 2
        and all(_LABEL.fullmatch(part) for part in labels)
        and (labels[-1].isalpha() or labels[-1].startswith("xn--"))
    )
    if not ok:
        raise Invalid(
            N_("{field} “{value}” is not valid: expected name@domain, e.g. ubnd@dongthap.gov.vn."), label, raw
        )
    return f"{local}@{domain.lower()}"


# -- citizen ID --------------------------------------------------------------------------------------------------
CITIZEN_ID = N_("The citizen ID number")
#: The digits of a personal identification number, and what its field takes while typed (a few separators).
CITIZEN_ID_LENGTH = 12
CITIZEN_ID_TYPED_LENGTH = 16
REPRESENTATIVE_ID = N_("The representative's ID number")


def citizen_id(value: str, today: date, label: str = CITIZEN_ID) -> str:
    """The 12-digit personal identification number on a căn cước (Luật Căn cước 2023 art. 12; NĐ 70/2024/NĐ-CP).

    Its structure (Thông tư 59/2021/TT-BCA art. 7): 3 digits for the province (or country) of birth registration,
    1 digit for century and sex (0/1 for 1900-1999, 2/3 for 2000-2099, 4/5 for the 2100s, ...), 2 digits for the
    year of birth, 6 random digits. Only what is certainly wrong is refused: anything but 12 digits, and a year of
    birth still to come. Province codes are not checked: codes for births abroad and after the 2025 merger are not
    a list this program can rely on. A 9-digit identity card (CMND) has had no value since 1 January 2025
    (Luật Căn cước 2023 art. 46).
    """
    raw = normalise(value)
    digits = _PHONE_SEPARATORS.sub("", raw)
    if not digits:
        return ""
    if not re.fullmatch(r"[0-9]+", digits):
        raise Invalid(N_("{field} “{value}” is not valid: it has 12 digits and nothing else."), label, raw)
    if len(digits) == 9:
        raise Invalid(
            N_(
                "{field} “{value}” is an old 9-digit identity card number, no longer valid since 1 "
                "January 2025: enter the 12-digit number of the citizen's căn cước."
            ),
            label,
            raw,
        )
    if len(digits) != CITIZEN_ID_LENGTH:
        raise Invalid(N_("{field} “{value}” is not valid: it has {n} digits, it needs 12."), label, raw, n=len(digits))
    year = 1900 + int(digits[3]) // 2 * 100 + int(digits[4:6])
    if year > today.year:
        raise Invalid(
            N_("{field} “{value}” is not valid: its 4th to 6th digits give a year of birth of {year}, still to come."),
            label,
            raw,
            year=year,
        )
    return digits
