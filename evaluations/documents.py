"""Official documents are issued once (issue 18).

A certificate, a result notice, a session's minutes and proposal (once the session is closed)
and an approval decision are rendered the first time they are needed (at issue, or at the first
download if the issue-time rendering did not happen), signed with the province's certificate
(``signing``), stored through the default storage backend (local disk or S3) and their SHA-256
recorded. Every later download returns the stored bytes, so a printed copy can be checked
against the fingerprint the verification page shows.
"""

import hashlib
import logging
from collections.abc import Callable

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import CharField, OuterRef, Subquery, Value
from django.db.models.functions import Cast, Concat

from ocop_portal.after_response import after_response

from .models import Certificate, CouncilSession, IssuedDocument, Notice
from .signing import sign_pdf

logger = logging.getLogger(__name__)


def issue(
    key: str, render: Callable[[], bytes], *, filename: str, reason: str = ""
) -> IssuedDocument:
    """The document issued under ``key``: the stored one, or rendered, signed and stored now.

    Two requests at once render twice but store once: the unique key decides, and the loser's
    file is removed."""
    existing = IssuedDocument.objects.filter(key=key).first()
    if existing is not None:
        return existing
    content, signer = sign_pdf(render(), reason=reason)
    document = IssuedDocument(
        key=key,
        sha256=hashlib.sha256(content).hexdigest(),
        size=len(content),
        signed=bool(signer),
        signer=signer,
    )
    document.file.save(filename, ContentFile(content), save=False)
    try:
        with transaction.atomic():
            document.save()
    except IntegrityError:
        document.file.storage.delete(document.file.name)
        return IssuedDocument.objects.get(key=key)
    return document


def read(document: IssuedDocument) -> bytes:
    with document.file.open("rb") as stored:
        return stored.read()


def certificate_key(certificate: Certificate) -> str:
    return f"certificate:{certificate.pk}"


def certificate_document(certificate: Certificate) -> IssuedDocument:
    from .certificates import render_certificate_pdf

    return issue(
        certificate_key(certificate),
        lambda: render_certificate_pdf(certificate),
        filename=f"giay-chung-nhan-{certificate.pk}.pdf",
        reason=f"Giấy chứng nhận sản phẩm OCOP {certificate.number}",
    )


def notice_document(notice: Notice) -> IssuedDocument:
    from .certificates import render_notice_pdf

    return issue(
        f"notice:{notice.pk}",
        lambda: render_notice_pdf(notice),
        filename=f"thong-bao-ket-qua-{notice.pk}.pdf",
        reason=f"Thông báo kết quả {notice.decision_number}",
    )


def session_document(session: CouncilSession, kind: str) -> IssuedDocument | None:
    """The minutes or the proposal as issued, once the session is closed; None while it is
    open (the page renders a draft then, which is never stored)."""
    if session.is_open:
        return None
    from .session_documents import render_minutes_pdf, render_proposal_pdf

    render = {"minutes": render_minutes_pdf, "proposal": render_proposal_pdf}[kind]
    return issue(
        f"{kind}:{session.pk}",
        lambda: render(session),
        filename=f"{kind}-{session.pk}.pdf",
    )


def issue_after_commit(certificate_id: int) -> None:
    """Render, sign and store a new certificate's PDF after the approval has committed and its
    response is out (a bulk approval does not wait for WeasyPrint); if that fails, or is left
    undone, the first download issues it."""
    transaction.on_commit(
        lambda: after_response(
            lambda: certificate_document(Certificate.objects.get(pk=certificate_id))
        )
    )


def issued_document_fields() -> dict:
    """Annotations reading a certificate's issued PDF in the certificate's own query."""
    issued = IssuedDocument.objects.filter(
        key=Concat(Value("certificate:"), Cast(OuterRef("pk"), CharField()))
    )
    return {
        "issued_sha256": Subquery(issued.values("sha256")[:1]),
        "issued_signer": Subquery(issued.values("signer")[:1]),
    }


def issued_document_of(certificate: Certificate) -> IssuedDocument | None:
    """An unsaved IssuedDocument with what the annotations read (None before it is issued)."""
    if not getattr(certificate, "issued_sha256", None):
        return None
    signer = certificate.issued_signer or ""
    return IssuedDocument(sha256=certificate.issued_sha256, signer=signer, signed=bool(signer))


def decision_key(province_id: int, number: str, date) -> str:
    return f"decision:{province_id}:{date:%Y%m%d}:{number}"[:80]


def decision_certificates(province_id: int, number: str, date):
    """The first versions of the certificates a recognition decision issued, in order."""
    return Certificate.objects.filter(
        province_code=province_id, decision_number=number, decision_date=date, version=1
    ).order_by("number")


def decision_document(province, number: str, date) -> IssuedDocument | None:
    """Quyết định công nhận: the decision listing the products recognised together (a bulk
    approval in the admin), issued once, at the approval (issue 18)."""
    from .certificates import _render_pdf
    from .models.certificate import VALIDITY_MONTHS, add_months

    certificates = list(decision_certificates(province.pk, number, date))
    if not certificates:
        return None
    context = {
        "province": province,
        "province_upper": province.full_name.upper(),
        "decision_number": number,
        "decision_date": date,
        "certificates": certificates,
        "valid_until": add_months(date, VALIDITY_MONTHS),
    }
    return issue(
        decision_key(province.pk, number, date),
        lambda: _render_pdf("certificates/decision.html", context),
        filename=f"quyet-dinh-cong-nhan-{date:%Y%m%d}.pdf",
        reason=f"Quyết định công nhận sản phẩm OCOP số {number}",
    )
