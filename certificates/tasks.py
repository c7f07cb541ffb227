"""Background jobs of the evaluations app (Celery; inline when no broker is configured)."""

import logging

from ocop_portal.tasks import app

logger = logging.getLogger(__name__)


@app.task
def issue_certificate_pdf(certificate_id: int) -> str:
    """Issue a certificate's PDF once (certificates.documents); returns its SHA-256."""
    from certificates.documents import certificate_document
    from certificates.models import Certificate

    try:
        return certificate_document(Certificate.objects.get(pk=certificate_id)).sha256
    except Exception:
        logger.exception("Could not issue the PDF of certificate %s", certificate_id)
        return ""


@app.task
def issue_notice_pdf(notice_id: int) -> str:
    """Issue a result notice's PDF once (certificates.documents); returns its SHA-256."""
    from certificates.documents import notice_document
    from certificates.models import Notice

    try:
        return notice_document(Notice.objects.get(pk=notice_id)).sha256
    except Exception:
        logger.exception("Could not issue the PDF of notice %s", notice_id)
        return ""
