"""Argentine phone numbers: a readable form for display and an E.164 form for `tel:`."""

from __future__ import annotations

import re

COUNTRY = "54"
TUCUMAN_AREA = "381"


_NOT_DIGIT = re.compile(r"\D")


def digits_of(text: str) -> str:
    return _NOT_DIGIT.sub("", text)


def to_e164(text: str) -> str:
    """Best effort +54 form; numbers we cannot place keep their digits."""
    digits = digits_of(text)
    if text.strip().startswith("+"):
        return "+" + digits
    if digits.startswith("00"):
        return "+" + digits[2:]
    if digits.startswith("0"):
        digits = digits[1:]
    if len(digits) == 7:  # local number without area code
        digits = TUCUMAN_AREA + digits
    if len(digits) == 9 and digits.startswith("15"):  # local mobile: 15 + 7 digits
        digits = TUCUMAN_AREA + digits
    if len(digits) == 10:
        return f"+{COUNTRY}{digits}"
    if len(digits) == 12 and digits.startswith("15"):
        return f"+{COUNTRY}9{digits[2:]}"
    if len(digits) == 12:
        # Mobile written as area code + 15 + number ("381 15 520-1199"); Tucumán's 3-digit area first.
        for area in (3, 2, 4):
            if digits[area : area + 2] == "15":
                return f"+{COUNTRY}9{digits[:area]}{digits[area + 2 :]}"
    return "+" + digits if len(digits) > 10 else digits


def display(text: str, e164: str | None = None) -> str:
    """`03814213456` → `0381 421-3456`; mobiles as `+54 9 381 555-0123`. `e164` is the
    text's `to_e164`, when the caller has it already."""
    digits = (e164 or to_e164(text)).lstrip("+")
    if digits.startswith(COUNTRY + "9") and len(digits) == 13:
        area, number = digits[3:6], digits[6:]
        return f"+54 9 {area} {number[:3]}-{number[3:]}"
    if digits.startswith(COUNTRY) and len(digits) == 12:
        area, number = digits[2:5], digits[5:]
        return f"0{area} {number[:3]}-{number[3:]}"
    return text.strip()


def is_mobile(e164: str) -> bool:
    """Argentine mobiles are +54 9 … in international form."""
    return e164.startswith("+" + COUNTRY + "9") and len(e164) == 14
