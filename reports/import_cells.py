"""Reading one cell of the certificate import spreadsheet into a typed value.

Each cleaner takes what openpyxl read (str, int, float, date or datetime) and returns the value
or raises ``Problem`` with the end of a sentence that ``imports`` prefixes with the row and column:
"Row 5, column "Mã số thuế": a tax code has 10 digits…".
"""

import datetime
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from ocop_portal.text import fold
from producers.validators import validate_phone

from .import_template import EXAMPLE_NUMBER, KIND_WORDS

TAX_CODE = re.compile(r"^\d{10}(-\d{3})?$")
CENT = Decimal("0.01")


class Problem(Exception):
    """A cell that cannot be read; the message completes "Row n, column "X": …"."""


def cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def _bounded(max_length: int):
    def clean(value) -> str:
        text = cell_text(value)
        if len(text) > max_length:
            raise Problem(_("write at most %(count)d characters.") % {"count": max_length})
        return text

    return clean


def _whole_number(value, problem: str) -> int:
    if isinstance(value, bool):
        raise Problem(problem)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, int):
        return value
    text = cell_text(value)
    if not text.isdigit():
        raise Problem(problem)
    return int(text)


def clean_number(value) -> str:
    number = "".join(cell_text(value).split()).upper()
    if len(number) > 40:
        raise Problem(_("write at most %(count)d characters.") % {"count": 40})
    if number == EXAMPLE_NUMBER:
        raise Problem(_("this is the template's example row; delete it before uploading."))
    return number


def clean_kind(value) -> str:
    kind = KIND_WORDS.get(fold(cell_text(value)))
    if kind is None:
        raise Problem(_("write one of: HTX, Tổ hợp tác, Doanh nghiệp, Trang trại, Hộ kinh doanh."))
    return kind


def clean_tax_code(value) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool):
        # Excel stores 0101234567 typed as a number as 101234567: put the leading zero back.
        text = cell_text(value)
        code = text.zfill(10) if len(text) == 9 else text
    else:
        code = "".join(cell_text(value).split())
    if not TAX_CODE.match(code):
        raise Problem(
            _(
                "a tax code has 10 digits, or 10 digits, a hyphen and 3 digits "
                "(e.g. 0101234567-001)."
            )
        )
    return code


def clean_criteria_set(value) -> int:
    number = _whole_number(value, _("write the criteria set's number, from 1 to 26."))
    if not 1 <= number <= 26:
        raise Problem(_("write the criteria set's number, from 1 to 26."))
    return number


def clean_stars(value) -> int:
    if isinstance(value, str):  # "4 sao", "4★" and "★★★★" are how registers often write it
        text = fold(value).replace("sao", "").strip()
        value = str(len(text)) if text and set(text) == {"★"} else text.replace("★", "").strip()
    stars = _whole_number(value, _("write 3, 4 or 5: only these are recognised."))
    if stars not in (3, 4, 5):
        raise Problem(_("write 3, 4 or 5: only these are recognised."))
    return stars


def clean_average(value) -> Decimal:
    problem = _("write a score from 50 to 100, e.g. 72,5.")
    if isinstance(value, bool):
        raise Problem(problem)
    text = repr(value) if isinstance(value, float) else cell_text(value).replace(",", ".")
    try:
        average = Decimal(text).quantize(CENT, rounding=ROUND_HALF_UP)
    except (InvalidOperation, ValueError):
        raise Problem(problem) from None
    if not Decimal(50) <= average <= Decimal(100):
        raise Problem(problem)
    return average


def clean_date(value) -> datetime.date:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = cell_text(value).replace("-", "/").replace(".", "/")
    for layout in ("%d/%m/%Y", "%Y/%m/%d"):  # dd/mm/yyyy as written; ISO as some tools export
        try:
            return datetime.datetime.strptime(text, layout).date()
        except ValueError:
            continue
    raise Problem(_("write the date as dd/mm/yyyy, e.g. 15/09/2023."))


def clean_phone(value) -> str:
    phone = cell_text(value)
    if phone:
        try:
            validate_phone(phone)
        except ValidationError as error:
            raise Problem(error.messages[0]) from None
    return phone


CLEANERS = {
    "number": clean_number,
    "product_name": _bounded(200),
    "producer_name": _bounded(200),
    "producer_kind": clean_kind,
    "tax_code": clean_tax_code,
    "commune": lambda value: _whole_number(value, _("write the commune's code (digits only).")),
    "criteria_set": clean_criteria_set,
    "stars": clean_stars,
    "average": clean_average,
    "decision_number": _bounded(50),
    "decision_date": clean_date,
    "valid_until": clean_date,
    "product_code": lambda value: clean_number(value) if cell_text(value) else "",
    "address_line": _bounded(200),
    "representative": _bounded(150),
    "phone": clean_phone,
}
