"""Amounts of money in whole Vietnamese đồng, typed the Vietnamese way.

Vietnamese writes thousands with dots and decimals with a comma: "1.500.000" is one and a half
million. People also type "1500000", "1 500 000" or add "đ", "₫" or "VND". There are no
fractions of a đồng, so a comma is refused with a message rather than guessed at ("1,5" could mean
1.5 or be an English "1,500").
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_CURRENCY = re.compile(r"(vnđ|vnd|đồng|dong|đ|₫)$", re.IGNORECASE)
_GROUPED = re.compile(r"\d{1,3}(\.\d{3})+")

EXAMPLE = "1.500.000"


def parse_vnd(text: str) -> int:
    """ "1.500.000", "1500000", "1 500 000 ₫" -> 1500000; anything else raises ValidationError."""
    cleaned = _CURRENCY.sub("", text.strip()).strip().replace("\u00a0", " ").replace(" ", ".")
    if "," in cleaned:
        raise ValidationError(
            _("Enter whole đồng without a comma, e.g. %(example)s."),
            code="comma",
            params={"example": EXAMPLE},
        )
    if cleaned.isdigit():
        return int(cleaned)
    if _GROUPED.fullmatch(cleaned):
        return int(cleaned.replace(".", ""))
    raise ValidationError(
        _("Enter an amount in đồng, with or without dots between thousands, e.g. %(example)s."),
        code="invalid",
        params={"example": EXAMPLE},
    )


def format_vnd(amount: int | None) -> str:
    """1500000 -> "1.500.000" (no currency sign: for a form's input box)."""
    return "" if amount is None else f"{int(amount):,}".replace(",", ".")


class VNDField(forms.Field):
    """A form field for an amount in đồng; cleans to an int."""

    widget = forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"})
    default_error_messages = {
        "min_value": _("The amount must be more than 0 ₫."),
        "max_value": _("The amount is too large; check the number of zeros."),
    }

    def __init__(self, *, min_value: int = 1, max_value: int = 10**15, **kwargs):
        self.min_value, self.max_value = min_value, max_value
        kwargs.setdefault("help_text", _("In đồng, e.g. 1.500.000"))
        super().__init__(**kwargs)

    def prepare_value(self, value):
        return format_vnd(value) if isinstance(value, int) else value

    def to_python(self, value):
        if value in self.empty_values or (isinstance(value, str) and not value.strip()):
            return None
        if isinstance(value, int):
            return value
        return parse_vnd(str(value))

    def validate(self, value):
        super().validate(value)
        if value is None:
            return
        if value < self.min_value:
            raise ValidationError(self.error_messages["min_value"], code="min_value")
        if value > self.max_value:
            raise ValidationError(self.error_messages["max_value"], code="max_value")
