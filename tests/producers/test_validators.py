import pytest
from django.core.exceptions import ValidationError

from producers.validators import normalise_tax_code, validate_phone, validate_tax_code


@pytest.mark.parametrize("code", ["0101234567", "0101234567-001", "3600252847"])
def test_tax_code_of_10_digits_or_10_3_is_accepted(code):
    validate_tax_code(code)


@pytest.mark.parametrize(
    "code",
    ["010123456", "01012345678", "0101234567001", "0101234567-01", "010123456A", "", "-001"],
)
def test_tax_code_of_any_other_shape_is_refused(code):
    with pytest.raises(ValidationError) as raised:
        validate_tax_code(code)

    assert raised.value.code == "tax_code"


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("0101 234 567", "0101234567"), ("0101.234.567\u2013001", "0101234567-001")],
)
def test_tax_code_is_normalised_from_what_people_type(typed, stored):
    assert normalise_tax_code(typed) == stored


@pytest.mark.parametrize(
    "phone", ["0912345678", "0912 345 678", "+84 912 345 678", "02213 851 234"]
)
def test_vietnamese_phone_numbers_are_accepted(phone):
    validate_phone(phone)


@pytest.mark.parametrize("phone", ["12345", "091234567890123", "phone"])
def test_other_phone_numbers_are_refused(phone):
    with pytest.raises(ValidationError):
        validate_phone(phone)
