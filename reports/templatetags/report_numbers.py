"""Numbers in Vietnamese format, whatever the interface language: 12.345 and 72,50."""

from decimal import Decimal

from django import template

register = template.Library()


@register.filter
def vn_number(value) -> str:
    """1234 -> "1.234"; Decimal("72.5") -> "72,50"; None -> ""."""
    if value is None or value == "":
        return ""
    if isinstance(value, Decimal | float):
        whole, _dot, cents = f"{value:,.2f}".partition(".")
        return f"{whole.replace(',', '.')},{cents}"
    return f"{int(value):,}".replace(",", ".")
