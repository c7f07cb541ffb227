"""Recognitions after approval: certificates (3★ to 5★), notices (1★, 2★), their lifecycle.

Decision 26/2026/QĐ-TTg decides the behaviour:

* Art. 4.1.a, 7.3.e-g: 3★ and 4★ are recognised by the provincial chair with a decision and a
  certificate; 5★ by the Minister (Art. 7.4.e); 1★ and 2★ get a written notice, no certificate.
* Art. 4.3: a certificate is valid 36 months from the decision (``models.add_months``).
* Art. 7.6: re-evaluation is filed 180 to 120 days before expiry; producers are reminded when
  that window opens (``send_reevaluation_reminders``).
* Art. 12.3: a certificate whose holder could not file in that window when the rules changed is
  extended until the re-evaluation's result, at most 180 days after expiry (``extensions``).
* Art. 8: revocation on one of six grounds (``RevocationGround``), decided by the competent person.
* App. II sheet header: the product code is ``T-X-STT-YYYY`` — province code, commune code, the
  commune's sequence number, evaluation year (administrative codes of Decision 19/2025/QĐ-TTg).

Numbering. Certificate numbers are ``OCOP-<province>-<year>-<NNNN>``, e.g. ``OCOP-33-2026-0001``:
a per-province, per-year counter (``Sequence`` key ``certificate:33:2026``, the decision's year).
It has no slash so that it is one URL segment and easy to type into the verification form. A
product code is ``33-12139-001-2026`` (``Sequence`` key ``product-code:33:12139:2026``, the round's
year). A product keeps its code for life: a re-evaluation or upgrade reuses it, so labels already
printed stay right. Both counters are taken under a row lock inside the approval's transaction,
so a rollback leaves no gap and two approvers never get the same number.
"""

import datetime
import logging

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.models import User
from certificates import certified
from certificates.extensions import end_extension, end_extension_of
from certificates.models import Certificate, Notice, RevocationGround, Sequence
from certificates.models.certificate import VALIDITY_MONTHS, add_months
from councils.models import CouncilResult
from dossiers import permissions
from dossiers.models import Dossier
from ocop_portal.after_response import after_response
from outbox.services import queue_email
from products.models import Product

logger = logging.getLogger(__name__)

CERTIFICATE_NUMBER = "OCOP-{province:02d}-{year}-{sequence:04d}"
PRODUCT_CODE = "{province:02d}-{commune:05d}-{sequence:03d}-{year}"
CERTIFIED_STARS = (3, 4, 5)


def next_value(key: str) -> int:
    """Take the next value of the named counter ``key``, creating it at 1.

    Call inside a transaction: the counter's row stays locked until it commits, so concurrent
    approvals queue here instead of reading the same value.
    """
    # INSERT … ON CONFLICT DO NOTHING, then lock: no race between "missing" and "created".
    Sequence.objects.bulk_create([Sequence(key=key)], ignore_conflicts=True)
    counter = Sequence.objects.select_for_update().get(key=key)
    counter.last_value += 1
    counter.save(update_fields=["last_value"])
    return counter.last_value


def _lock_dossier(dossier: Dossier) -> Dossier:
    # of=("self",): lock the dossier row only, not the round, product and areas it joins.
    return (
        Dossier.objects.select_for_update(of=("self",))
        .select_related("round", "product", "product__producer", "product__producer__commune")
        .get(pk=dossier.pk)
    )


def _result(dossier: Dossier) -> CouncilResult:
    result = CouncilResult.objects.filter(dossier=dossier).first()
    if result is None:
        raise ValidationError(_("The council has not closed scoring on this dossier yet."))
    return result


@transaction.atomic
def issue_certificate(
    dossier: Dossier,
    *,
    by: User,
    decision_number: str,
    decision_date: datetime.date,
    stars: int,
) -> Certificate:
    """Công nhận: record the recognition of a 3★, 4★ or 5★ result and give it its numbers.

    Idempotent: a dossier that already has a certificate gets that one back, unchanged, so a
    double click or two approvers at once never make two (the dossier row is locked first).
    Any earlier live certificate of the same product is marked replaced by this one (upgrade or
    re-evaluation, Art. 7.5, 7.6). Valid 36 months from ``decision_date`` (Art. 4.3). ``stars``
    is the recognised level: the council's, or for 5★ the Ministry's (Art. 7.4.e). The approval
    transition calls this inside its own transaction.
    """
    locked = _lock_dossier(dossier)
    if not permissions.can_approve(by, locked):
        raise PermissionDenied
    existing = Certificate.objects.filter(dossier=locked).first()
    if existing is not None:
        return existing
    if stars not in CERTIFIED_STARS:
        raise ValidationError(
            _("Only 3★, 4★ and 5★ results are recognised with a certificate (Art. 4.1).")
        )
    result = _result(locked)
    # Lock the product: its code and its previous certificate change in this transaction.
    product = (
        Product.objects.select_for_update(of=("self",))
        .select_related("producer", "producer__commune")
        .get(pk=locked.product_id)
    )
    commune = product.producer.commune
    province = locked.round.province_id
    if not product.product_code:
        key = f"product-code:{commune.province_id}:{commune.code}:{locked.round.year}"
        product.product_code = PRODUCT_CODE.format(
            province=commune.province_id,
            commune=commune.code,
            sequence=next_value(key),
            year=locked.round.year,
        )
        product.save(update_fields=["product_code", "updated_at"])
    year = decision_date.year
    certificate = Certificate(
        dossier=locked,
        product=product,
        number=CERTIFICATE_NUMBER.format(
            province=province, year=year, sequence=next_value(f"certificate:{province}:{year}")
        ),
        stars=stars,
        average=result.average,
        decision_number=decision_number.strip(),
        decision_date=decision_date,
        valid_until=add_months(decision_date, VALIDITY_MONTHS),
        issued_by=by,
    )
    certified.freeze(certificate, product)  # what it certifies, kept as issued (issue 18)
    certificate.full_clean()
    certificate.save()
    replaced = Certificate.objects.filter(
        product=product, replaced_by__isnull=True, revoked_on__isnull=True
    ).exclude(pk=certificate.pk)
    end_extension(replaced, on=decision_date)  # Art. 12.3: the result is decided
    replaced.update(replaced_by=certificate)
    from certificates.documents import issue_after_commit

    issue_after_commit(certificate.pk)  # the PDF is rendered and signed once
    return certificate


@transaction.atomic
def issue_notice(
    dossier: Dossier, *, by: User, decision_number: str, decision_date: datetime.date
) -> Notice:
    """Thông báo kết quả: the written notice for a result below 3★ (Art. 4.1.a, 7.3.g); 0★
    when a knock-out or stop rule ended the evaluation.

    Idempotent like ``issue_certificate``: a second call returns the notice already recorded.
    """
    locked = _lock_dossier(dossier)
    if not permissions.can_approve(by, locked):
        raise PermissionDenied
    existing = Notice.objects.filter(dossier=locked).first()
    if existing is not None:
        return existing
    result = _result(locked)
    if result.stars >= min(CERTIFIED_STARS):
        raise ValidationError(_("A result of 3★ or more is recognised, not notified."))
    notice = Notice(
        dossier=locked,
        product=locked.product,
        stars=result.stars,
        average=result.average,
        decision_number=decision_number.strip(),
        decision_date=decision_date,
        issued_by=by,
    )
    notice.full_clean()
    notice.save()
    end_extension_of(locked, on=decision_date)  # Art. 12.3: valid until the re-evaluation's result
    from certificates.documents import notice_document

    # Rendered, signed and stored once after the response; else at the first download.
    transaction.on_commit(lambda: after_response(lambda: notice_document(notice)))
    return notice


@transaction.atomic
def revoke_certificate(
    certificate: Certificate,
    *,
    by: User,
    ground: str,
    revoked_on: datetime.date,
    note: str = "",
) -> Certificate:
    """Thu hồi: revoke a recognition on one of the grounds of Art. 8.1, from ``revoked_on``.

    The product leaves the public catalogue at once and the verification page shows the ground
    and date. Ground (f), "other case", needs a note naming the authority's conclusion.
    """
    locked = Certificate.objects.select_for_update().get(pk=certificate.pk)
    dossier = Dossier.objects.select_related("round").get(pk=locked.origin_dossier_id)
    if not permissions.can_approve(by, dossier):
        raise PermissionDenied
    if locked.revoked_on is not None:
        raise ValidationError(
            _("This certificate was already revoked on %(date)s.")
            % {"date": locked.revoked_on.strftime("%d/%m/%Y")}
        )
    if ground not in RevocationGround.values:
        raise ValidationError(_("Choose one of the grounds for revocation of Article 8."))
    if ground == RevocationGround.OTHER and not note.strip():
        raise ValidationError(_("Name the competent authority's conclusion in the note."))
    if revoked_on < locked.decision_date:
        raise ValidationError(_("A certificate cannot be revoked before it was issued."))
    locked.revoked_on = revoked_on
    locked.revocation_ground = ground
    locked.revocation_note = note.strip()
    locked.revoked_by = by
    locked.full_clean()
    locked.save()
    _email_producer(locked.pk, "revoked")  # written now, sent by the outbox after the commit
    return locked


# ---- Documents ---------------------------------------------------------------------------


def verify_url(certificate: Certificate) -> str:
    """The public verification page's absolute address: what the QR code opens."""
    return f"{settings.SITE_URL}{certificate.get_absolute_url()}"


def _qr_data_uri(url: str) -> str:
    import segno

    # A PNG, not SVG: it stays one image in the PDF, which phones (and tests) can decode.
    return segno.make(url, error="m").png_data_uri(scale=8, border=4)


def _criteria_set_name(product: Product) -> str:
    from criteria.scoring import ScoringError, load_criteria_set

    try:
        return load_criteria_set(product.criteria_decision, product.criteria_set).name
    except ScoringError:  # a decision whose catalogue is not loaded (older records)
        return ""


def _render_pdf(template: str, context: dict) -> bytes:
    # Imported here: WeasyPrint loads Pango at import, which web requests that never render a
    # PDF should not pay for.
    from weasyprint import CSS, HTML

    # Official documents are in Vietnamese whatever language the requester browses in.
    with translation.override("vi"):
        html = render_to_string(template, context)
        css = render_to_string("certificates/pdf.css")
    return HTML(string=html).write_pdf(stylesheets=[CSS(string=css)])


def _document_context(dossier: Dossier, product: Product) -> dict:
    producer = product.producer
    province = dossier.round.province
    return {
        "product": product,
        "producer": producer,
        "commune": producer.commune,
        "province": province,
        "province_upper": province.full_name.upper(),
        "criteria_set": _criteria_set_name(product),
        "round": dossier.round,
    }


def render_certificate_pdf(certificate: Certificate) -> bytes:
    """The certificate (Giấy chứng nhận, Art. 7.3.e) as an A4 PDF with a QR code to verify it."""
    certificate = Certificate.objects.select_related(
        "dossier__round__province",
        "product__producer__commune__province",
    ).get(pk=certificate.pk)
    context = _document_context(certificate.origin_dossier, certificate.product) | {
        "certificate": certificate,
        "qr": _qr_data_uri(verify_url(certificate)),
        "by_ministry": certificate.stars == 5,  # Art. 7.4.e: 5★ is the Minister's
    }
    return _render_pdf("certificates/certificate.html", context)


def render_notice_pdf(notice: Notice) -> bytes:
    """The written result notice for a 1★ or 2★ product (Art. 7.3.g) as an A4 PDF."""
    notice = Notice.objects.select_related(
        "dossier__round__province",
        "product__producer__commune__province",
    ).get(pk=notice.pk)
    context = _document_context(notice.dossier, notice.product) | {"notice": notice}
    return _render_pdf("certificates/notice.html", context)


# ---- Periodic jobs (management commands) ---------------------------------------------------


def record_expiries(*, today: datetime.date | None = None) -> list[Certificate]:
    """Record certificates whose 36 months have passed (Art. 4.3); each only once.

    The catalogue and verification page already treat them as expired from the day after
    ``valid_until``; this leaves the day the portal noticed and tells the producer.
    """
    today = today or timezone.localdate()
    recorded = []
    for certificate in Certificate.objects.lapsed(today).filter(expiry_recorded_on__isnull=True):
        # Claimed row by row, so two runs at once record (and email) each certificate once.
        mine = Certificate.objects.filter(pk=certificate.pk, expiry_recorded_on__isnull=True)
        if mine.update(expiry_recorded_on=today):
            recorded.append(certificate)
            _email_producer(certificate.pk, "expired")
    return recorded


def send_reevaluation_reminders(*, today: datetime.date | None = None) -> list[Certificate]:
    """Remind producers once that the re-evaluation window is open (Art. 7.6: 180 to 120 days).

    Certificates whose product already has a follow-up dossier under way are skipped. A reminder
    is claimed before it is sent, so two runs at once send it once; a failed send is released
    for the next run.
    """
    from dossiers.models import DossierState

    today = today or timezone.localdate()
    due = list(
        Certificate.objects.re_evaluation_due(today)
        .filter(reminder_sent_on__isnull=True)
        .exclude(follow_up_dossiers__state__in=DossierState.ACTIVE)
    )
    sent = []
    for certificate in due:
        mine = Certificate.objects.filter(pk=certificate.pk, reminder_sent_on__isnull=True)
        if not mine.update(reminder_sent_on=today):
            continue
        if _email_producer(certificate.pk, "reminder"):
            sent.append(certificate)
        else:
            Certificate.objects.filter(pk=certificate.pk).update(reminder_sent_on=None)
    return sent


def _producer_emails(producer) -> list[str]:
    emails = set(
        User.objects.filter(is_active=True, producer_membership__producer=producer).values_list(
            "email", flat=True
        )
    )
    if not emails and producer.email:
        emails.add(producer.email)
    return sorted(emails)


def _email_producer(certificate_id: int, kind: str) -> bool:
    """Write ``certificates/email/<kind>_subject.txt``/``_body.txt`` in Vietnamese to the outbox,
    one message per address (sent after the commit); never raise, never undo the caller."""
    try:
        with transaction.atomic():
            return _write_producer_email(certificate_id, kind)
    except Exception:
        logger.exception("Could not write the %s email for certificate %s", kind, certificate_id)
        return False


def _write_producer_email(certificate_id: int, kind: str) -> bool:
    certificate = Certificate.objects.select_related(
        "product", "product__producer", "product__producer__commune"
    ).get(pk=certificate_id)
    recipients = _producer_emails(certificate.product.producer)
    if not recipients:
        return False
    with translation.override("vi"):
        context = {
            "certificate": certificate,
            "url": f"{settings.SITE_URL}{certificate.get_absolute_url()}",
        }
        subject = render_to_string(f"certificates/email/{kind}_subject.txt", context)
        body = render_to_string(f"certificates/email/{kind}_body.txt", context)
    # Filed under the dossier it was decided on, so that province's office sees it.
    dossier = certificate.origin_dossier if certificate.origin_dossier_id else None
    for address in recipients:
        queue_email(to=address, subject=subject, body=body, dossier=dossier)
    return True
