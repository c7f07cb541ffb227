"""Filing a suspicious-label report, the per-connection limit on filing, and the office's
handling of a report."""

from django.db import transaction

from ocop_portal import limits
from products.images import process_photo

from .models import LabelReport, LabelReportUpdate

# Every POST of the public form counts, valid or not, before it is read (ocop_portal.limits).
REPORTS_PER_HOUR = limits.LABEL_REPORT.count


def report_limit_reached(client_ip: str) -> bool:
    """Count this POST from `client_ip`; True when it is over the hour's limit: a public form
    must not let one sender flood the office's queue (or the server, with costly uploads)."""
    return limits.LABEL_REPORT.hit(client_ip)


@transaction.atomic
def file_label_report(
    *,
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
    return report


@transaction.atomic
def update_label_report(report: LabelReport, *, by, state: str, note: str) -> LabelReport:
    """Set a report's state with the office's note; each change is kept as a row."""
    report = LabelReport.objects.select_for_update().get(pk=report.pk)
    LabelReportUpdate.objects.create(report=report, state=state, note=note, by=by)
    report.state = state
    report.save(update_fields=["state"])
    return report
