"""Certified content stays as certified (issue 18): edit locks, corrections and re-issues.

While a certificate is current, the product and producer fields it states cannot be edited by
the producer (``check_product_edit``, ``check_producer_edit``, called by the products and
producers services inside their transactions). A producer who needs one changed files a
correction request (``request_correction``); the provincial office decides it
(``decide_correction``). An approved correction writes the live rows and re-issues every
current certificate whose certified copy it changes as a new version (``reissue_certificate``):
the old version is kept, marked replaced by the new one, so a printed label still verifies and
says where the current version is.
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import Role, User
from certificates import certified
from certificates.models import Certificate, CorrectionRequest, CorrectionState
from producers.models import Producer, ProducerKind
from producers.signals import edit_form_built, edit_requested
from products.models import Product
from regions.models import Commune

# Live field → what the correction form calls it. The address line is locked only when it is
# printed (the producer publishes its contact details), see ``certified.printed_address``.
PRODUCT_LOCKED = {
    "name": gettext_lazy("product name"),
    "criteria_set": gettext_lazy("criteria set"),
    "product_code": gettext_lazy("OCOP product code"),
}
PRODUCER_LOCKED = {
    "name": gettext_lazy("producer name"),
    "kind": gettext_lazy("kind of producer"),
    "commune": gettext_lazy("commune / ward"),
    "address_line": gettext_lazy("address"),
}
# What a correction request may ask to change: key → (row, field).
CORRECTABLE = {
    "product_name": ("product", "name"),
    "producer_name": ("producer", "name"),
    "producer_kind": ("producer", "kind"),
    "address_line": ("producer", "address_line"),
    "commune": ("producer", "commune_id"),
}
DECIDING_ROLES = frozenset({Role.PROVINCIAL_OFFICE, Role.APPROVER})


class CertifiedFieldLocked(ValidationError):
    """An edit of a field a current certificate states."""

    def __init__(self, certificate: Certificate, labels):
        super().__init__(
            _(
                "%(fields)s cannot be changed while certificate %(number)s is valid: it is "
                "printed on the certificate. If it is wrong or has changed, file a correction "
                "request from the certificate's page; if the provincial OCOP office approves "
                "it, the certificate is re-issued with the new details."
            )
            % {"fields": ", ".join(str(label) for label in labels), "number": certificate.number},
            code="certified",
        )
        self.certificate = certificate


def current_certificates(*, product: Product | None = None, producer: Producer | None = None):
    certificates = Certificate.objects.current()
    if product is not None:
        return certificates.filter(product=product)
    return certificates.filter(product__producer=producer)


def locked_product_fields(product: Product) -> dict:
    """The product fields a current certificate states (empty when none is current)."""
    if product.pk is None or not current_certificates(product=product).exists():
        return {}
    return PRODUCT_LOCKED


def locked_producer_fields(producer: Producer) -> dict:
    if producer.pk is None or not current_certificates(producer=producer).exists():
        return {}
    fields = dict(PRODUCER_LOCKED)
    if not producer.publish_contact:
        del fields["address_line"]  # not printed: the certificate shows the commune only
    return fields


def check_product_edit(product: Product, changed: list[str]) -> None:
    locked = locked_product_fields(product)
    refused = [locked[name] for name in changed if name in locked]
    if refused:
        raise CertifiedFieldLocked(current_certificates(product=product).first(), refused)


def check_producer_edit(producer: Producer, changed: list[str]) -> None:
    locked = locked_producer_fields(producer)
    refused = [locked[name] for name in changed if name in locked]
    if refused:
        raise CertifiedFieldLocked(current_certificates(producer=producer).first(), refused)


def disable_certified_fields(form, locked: dict, certificate: Certificate | None) -> None:
    """Show the locked fields read-only, saying why and what to do. Disabled fields keep the
    saved value whatever is posted; the services refuse any other route."""
    if not locked or certificate is None:
        return
    note = _(
        "Printed on certificate %(number)s, so it cannot be changed while the certificate is "
        "valid. To correct it, file a correction request from the certificate's page."
    ) % {"number": certificate.number}
    for name in locked:
        if name in form.fields:
            form.fields[name].disabled = True
            form.fields[name].help_text = note
    form.certified_note = note


# ---- Correction requests -----------------------------------------------------------------------


# Producers and products ask before an edit and when they build an edit form (they may not import
# this module): producers.signals.edit_requested and edit_form_built.
@receiver(edit_requested, sender=Product, dispatch_uid="certified_changes.product_edit")
def _product_edit(sender, *, instance, changed, **kwargs):
    check_product_edit(instance, changed)


@receiver(edit_requested, sender=Producer, dispatch_uid="certified_changes.producer_edit")
def _producer_edit(sender, *, instance, changed, **kwargs):
    check_producer_edit(instance, changed)


@receiver(edit_form_built, sender=Product, dispatch_uid="certified_changes.product_form")
def _product_form(sender, *, form, instance, **kwargs):
    locked = locked_product_fields(instance)
    if locked:
        disable_certified_fields(form, locked, current_certificates(product=instance).first())


@receiver(edit_form_built, sender=Producer, dispatch_uid="certified_changes.producer_form")
def _producer_form(sender, *, form, instance, **kwargs):
    locked = locked_producer_fields(instance)
    if locked:
        disable_certified_fields(form, locked, current_certificates(producer=instance).first())


def can_decide(user: User, certificate: Certificate) -> bool:
    """The provincial OCOP office (or the approver) of the certificate's province."""
    return (
        user.is_authenticated
        and user.is_active
        and user.role in DECIDING_ROLES
        and user.province_id == certificate.province_code
    )


def current_values(certificate: Certificate) -> dict:
    product = certificate.product
    producer = product.producer
    return {
        "product_name": product.name,
        "producer_name": producer.name,
        "producer_kind": producer.kind,
        "address_line": producer.address_line,
        "commune": producer.commune_id,
    }


@transaction.atomic
def request_correction(
    certificate: Certificate, *, by: User, changes: dict, reason: str
) -> CorrectionRequest:
    """Đề nghị điều chỉnh: the producer asks the office to correct what a certificate states."""
    from products.permissions import is_member

    locked = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if not is_member(by, locked.product):
        raise PermissionDenied
    if locked.status() not in {"valid", "expiring"}:
        raise ValidationError(_("Only a valid certificate can be corrected."))
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Say why the certificate should be corrected."))
    now = current_values(locked)
    asked = {k: v for k, v in changes.items() if k in CORRECTABLE and v != now[k]}
    if not asked:
        raise ValidationError(_("Change at least one detail: the request asks for nothing new."))
    if "producer_kind" in asked and asked["producer_kind"] not in ProducerKind.values:
        raise ValidationError(_("Choose a kind of producer from the list."))
    if "commune" in asked and not Commune.objects.filter(pk=asked["commune"]).exists():
        raise ValidationError(_("Choose a commune from the list."))
    if locked.correction_requests.filter(state=CorrectionState.PENDING).exists():
        raise ValidationError(
            _("A correction of this certificate is already waiting for the provincial office.")
        )
    return CorrectionRequest.objects.create(
        certificate=locked, changes=asked, reason=reason, requested_by=by
    )


@transaction.atomic
def decide_correction(
    request: CorrectionRequest, *, by: User, approve: bool, note: str = ""
) -> CorrectionRequest:
    """The office approves (live rows corrected, certificates re-issued) or refuses (with a
    reason the producer reads). Decided once: a second decision is refused."""
    locked = CorrectionRequest.objects.select_for_update().get(pk=request.pk)
    certificate = locked.certificate
    if not can_decide(by, certificate):
        raise PermissionDenied
    if locked.state != CorrectionState.PENDING:
        raise ValidationError(_("This correction request was already decided."))
    note = (note or "").strip()
    if not approve and not note:
        raise ValidationError(_("Give the reason for refusing the correction."))
    locked.decided_by, locked.decided_at, locked.decision_note = by, timezone.now(), note
    if not approve:
        locked.state = CorrectionState.REFUSED
        locked.save()
        _tell_producer(locked.pk)
        return locked
    product = Product.objects.select_for_update().get(pk=certificate.product_id)
    producer = Producer.objects.select_for_update().get(pk=product.producer_id)
    rows = {"product": product, "producer": producer}
    for key, value in locked.changes.items():
        row, field = CORRECTABLE[key]
        setattr(rows[row], field, value)
    for row in (producer, product):
        row.version += 1
        row.full_clean()
        row.save()
    reason = _("Correction request no. %(pk)s approved: %(reason)s") % {
        "pk": locked.pk,
        "reason": note or locked.reason,
    }
    reissued = [
        reissue_certificate(current, by=by, reason=reason)
        for current in current_certificates(producer=producer).select_related("product")
        if certified.differs(current, current.product)
    ]
    locked.state = CorrectionState.APPROVED
    locked.reissued = next((c for c in reissued if c.product_id == product.pk), None)
    locked.save()
    _tell_producer(locked.pk)
    return locked


def _version_number(base: str, version: int) -> str:
    # "OCOP-33-2026-0001" → "OCOP-33-2026-0001-L2": one URL segment, the base still readable.
    return f"{base}-L{version}"


@transaction.atomic
def reissue_certificate(
    certificate: Certificate, *, by: User, reason: str, today: datetime.date | None = None
) -> Certificate:
    """Cấp lại: a new version of a current certificate, its certified copy taken afresh from
    the live rows; the recognition itself (stars, score, decision, validity) is unchanged. The
    old version is kept and marked replaced by the new one."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("A certificate is re-issued only with a reason."))
    old = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if not can_decide(by, old):
        raise PermissionDenied
    if old.status(today) not in {"valid", "expiring"}:
        raise ValidationError(_("Only a valid certificate can be re-issued."))
    base = old.number.rsplit("-L", 1)[0] if old.version > 1 else old.number
    new = Certificate(
        product=old.product,
        number=_version_number(base, old.version + 1),
        product_code=old.product_code,
        stars=old.stars,
        average=old.average,
        decision_number=old.decision_number,
        decision_date=old.decision_date,
        valid_until=old.valid_until,
        issued_by=by,
        version=old.version + 1,
        reissue_of=old,
        reissue_reason=reason,
        reminder_sent_on=old.reminder_sent_on,
    )
    certified.freeze(new, Product.objects.select_related("producer").get(pk=old.product_id))
    new.full_clean()
    new.save()
    Certificate.objects.filter(pk=old.pk).update(replaced_by=new)
    old.replaced_by = new
    from certificates.documents import issue_after_commit

    issue_after_commit(new.pk)
    return new


def _tell_producer(request_id: int) -> None:
    """Tell the person who asked how the office decided (in Vietnamese): written to the outbox
    in the decision's transaction, sent after the commit."""
    from django.conf import settings
    from django.utils import translation

    from outbox.services import queue_email

    item = CorrectionRequest.objects.select_related("certificate", "reissued", "requested_by").get(
        pk=request_id
    )
    with translation.override("vi"):
        if item.state == CorrectionState.APPROVED and item.reissued is not None:
            body = _(
                "Your correction of certificate %(old)s was approved: certificate %(new)s was "
                "issued in its place. %(url)s"
            ) % {
                "old": item.certificate.number,
                "new": item.reissued.number,
                "url": f"{settings.SITE_URL}{item.reissued.get_absolute_url()}",
            }
        else:
            body = _("Your correction of certificate %(old)s was not approved: %(note)s") % {
                "old": item.certificate.number,
                "note": item.decision_note,
            }
        subject = _("[OCOP] Correction of certificate %(number)s") % {
            "number": item.certificate.number
        }
    certificate = item.certificate
    queue_email(
        to=item.requested_by.email,
        subject=subject,
        body=body,
        recipient=item.requested_by,
        dossier=certificate.origin_dossier if certificate.origin_dossier_id else None,
    )
