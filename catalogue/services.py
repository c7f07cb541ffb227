"""Filing a suspicious-label report, the per-connection limit on filing, and the office's
handling of a report."""

from django.core.cache import cache
from django.db import transaction

from products.images import process_photo

from .models import LabelReport, LabelReportUpdate

REPORTS_PER_HOUR = 5
_WINDOW_SECONDS = 3600


def _rate_key(client_ip: str) -> str:
    return f"label-report-rate:{client_ip}"


def report_limit_reached(client_ip: str) -> bool:
    """True once this connection filed REPORTS_PER_HOUR reports within the hour: a public form
    must not let one sender flood the office's queue."""
    return (cache.get(_rate_key(client_ip)) or 0) >= REPORTS_PER_HOUR


def _count_report(client_ip: str) -> None:
    key = _rate_key(client_ip)
    # add() starts the hour with the first report; incr() keeps that expiry.
    if not cache.add(key, 1, _WINDOW_SECONDS):
        try:
            cache.incr(key)
        except ValueError:  # expired between the two calls
            cache.set(key, 1, _WINDOW_SECONDS)


@transaction.atomic
def file_label_report(
    *,
    client_ip: str,
    province,
    certificate,
    certificate_number: str,
    product_name: str,
    where_seen: str,
    place: str,
    details: str = "",
    contact: str = "",
    photo=None,
    photo_type: str = "",
) -> LabelReport:
    """Save a report in the queue of `province`'s office. `photo` was validated by its content
    (``products.validators.validate_photo``), which gave `photo_type`; it is stored re-encoded,
    without its metadata."""
    report = LabelReport(
        province=province,
        certificate=certificate,
        certificate_number=certificate_number,
        product_name=product_name,
        where_seen=where_seen,
        place=place,
        details=details,
        contact=contact,
        photo_type=photo_type if photo else "",
    )
    report.full_clean(exclude=["photo"])
    if photo:
        # Re-encoded from its pixels, as product photos are: a phone photo's EXIF may hold the
        # reporter's position, which the office does not need.
        clean = process_photo(photo)
        report.photo_type = clean.content_type
        report.photo.save(clean.image.name, clean.image, save=False)
    report.save()
    _count_report(client_ip)
    return report


@transaction.atomic
def update_label_report(report: LabelReport, *, by, state: str, note: str) -> LabelReport:
    """Set a report's state with the office's note; each change is kept as a row."""
    report = LabelReport.objects.select_for_update().get(pk=report.pk)
    LabelReportUpdate.objects.create(report=report, state=state, note=note, by=by)
    report.state = state
    report.save(update_fields=["state"])
    return report
