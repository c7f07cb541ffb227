"""Amounts in đồng typed the Vietnamese way."""

import pytest
from django.core.exceptions import ValidationError

from programme.money import VNDField, parse_vnd


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("1500000", 1_500_000),
        ("1.500.000", 1_500_000),
        ("1 500 000", 1_500_000),
        (" 1.500.000 ₫", 1_500_000),
        ("1.500.000đ", 1_500_000),
        ("250.000 VND", 250_000),
        ("999", 999),
    ],
)
def test_parse_vnd_reads_vietnamese_amounts(text, amount):
    assert parse_vnd(text) == amount


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("1,5", "comma"),
        ("1.500.000,50", "comma"),
        ("1.50.000", "invalid"),
        ("1500.000.000.0", "invalid"),
        ("một triệu", "invalid"),
        ("-500", "invalid"),
    ],
)
def test_parse_vnd_refuses_what_it_cannot_read(text, code):
    with pytest.raises(ValidationError) as error:
        parse_vnd(text)

    assert error.value.code == code


def test_vnd_field_shows_an_amount_with_dots_and_refuses_zero():
    field = VNDField()

    with pytest.raises(ValidationError) as error:
        field.clean("0")

    assert (field.prepare_value(2_500_000), error.value.code) == ("2.500.000", "min_value")
