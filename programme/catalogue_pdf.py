"""The printable catalogue of an area's recognised products (an A4 PDF, rendered server-side)."""

import datetime

from django.template.loader import render_to_string
from django.utils import timezone

from .areas import Area
from .selectors import area_certificates


def render_area_catalogue_pdf(area: Area, *, today: datetime.date | None = None) -> bytes:
    """Every product of ``area`` with a current certificate: name, stars, producer, commune and
    validity, by product name. Printed in the language the visitor browses in."""
    from weasyprint import CSS, HTML  # heavy import: only when a PDF is asked for

    today = today or timezone.localdate()
    context = {"area": area, "certificates": area_certificates(area, today=today), "today": today}
    html = render_to_string("programme/area_catalogue_pdf.html", context)
    css = render_to_string("programme/area_catalogue_pdf.css")
    return HTML(string=html).write_pdf(stylesheets=[CSS(string=css)])


def catalogue_file_name(area: Area, today: datetime.date) -> str:
    return f"ocop-{area.kind}-{area.pk}-{today:%Y%m%d}.pdf"
