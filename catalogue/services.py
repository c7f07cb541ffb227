"""Filing a suspicious-label report, the per-connection limit on filing, and the office's
handling of a report."""

import logging

from django.db import transaction

from ocop_portal import limits
from ocop_portal.after_response import after_response
from products.images import process_photo
from products.models import DOCUMENT_EXTENSIONS
from products.validators import INLINE_DECODE_PIXELS, image_pixels

from .models import LabelReport, LabelReportUpdate

logger = logging.getLogger(__name__)

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
    if photo and image_pixels(photo) > INLINE_DECODE_PIXELS:
        # Too large to decode while the reporter waits: kept as sent, not shown, until it is
        # re-encoded after the response.
        report.photo_ready = False
        report.photo.save(f"original{DOCUMENT_EXTENSIONS[photo_type]}", photo, save=False)
    elif photo:
        # Re-encoded from its pixels, as product photos are: a phone photo's EXIF may hold the
        # reporter's position, which the office does not need.
        clean = process_photo(photo)
        report.photo_type = clean.content_type
        report.photo.save(clean.image.name, clean.image, save=False)
    report.save()
    if not report.photo_ready:
        transaction.on_commit(lambda: after_response(lambda: finish_report_photo(report.pk)))
    return report


@transaction.atomic
def finish_report_photo(report_id: int) -> LabelReport | None:
    """The half of file_label_report run after the response: decode the photo once, keep the
    re-encoded copy (at most products.images.DISPLAY_SIZE, no metadata) and drop the upload. A
    photo that cannot be decoded after all is dropped; the report stays."""
    report = LabelReport.objects.select_for_update().filter(pk=report_id, photo_ready=False)
    report = report.first()
    if report is None:
        return None
    storage, original = report.photo.storage, report.photo.name
    try:
        with report.photo.open("rb") as file:
            clean = process_photo(file)
    except (OSError, SyntaxError, ValueError, IndexError, EOFError) as error:
        logger.warning("Label report %s: photo not decodable (%s); dropped.", report_id, error)
        report.photo, report.photo_type = "", ""
    else:
        report.photo.save(clean.image.name, clean.image, save=False)
        report.photo_type = clean.content_type
    report.photo_ready = True
    report.save(update_fields=["photo", "photo_type", "photo_ready"])
    transaction.on_commit(lambda: storage.delete(original))
    return report


@transaction.atomic
def update_label_report(report: LabelReport, *, by, state: str, note: str) -> LabelReport:
    """Set a report's state with the office's note; each change is kept as a row."""
    report = LabelReport.objects.select_for_update().get(pk=report.pk)
    LabelReportUpdate.objects.create(report=report, state=state, note=note, by=by)
    report.state = state
    report.save(update_fields=["state"])
    return report
