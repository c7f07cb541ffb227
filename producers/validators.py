import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Vietnamese enterprise/tax codes: 10 digits, or 10 digits, a hyphen and 3 digits for a branch.
_TAX_CODE = re.compile(r"^\d{10}(-\d{3})?$")
_PHONE = re.compile(r"^(\+84|0)\d{8,10}$")


def validate_tax_code(value: str) -> None:
    if not _TAX_CODE.match(value or ""):
        raise ValidationError(
            _(
                "A tax code has 10 digits, or 10 digits, a hyphen and 3 digits "
                "(e.g. 0101234567-001)."
            ),
            code="tax_code",
        )


def normalise_tax_code(value: str) -> str:
    """Drop spaces and dots people type for readability; any dash becomes "-"."""
    value = re.sub(r"[\s.]", "", value or "")
    return re.sub(r"[\u2010-\u2015\u2212]", "-", value)


def normalise_phone(value: str) -> str:
    return re.sub(r"[\s.\-()]", "", value or "")


def validate_phone(value: str) -> None:
    if not _PHONE.match(normalise_phone(value)):
        raise ValidationError(
            _("Enter a Vietnamese phone number, e.g. 0912 345 678 or +84 912 345 678."),
            code="phone",
        )
