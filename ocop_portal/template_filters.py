"""Filters available in every template (registered as builtins in settings.TEMPLATES)."""

from django import template

register = template.Library()


@register.filter
def stars(count) -> str:
    """3 -> "★★★"; 0 or None -> ""."""
    try:
        return "★" * int(count or 0)
    except (TypeError, ValueError):
        return ""


@register.filter
def vnd(amount) -> str:
    """Money in Vietnamese format: 1234567 -> "1.234.567 ₫"."""
    if amount in (None, ""):
        return ""
    return f"{int(amount):,} ₫".replace(",", ".")
