"""Deletion requests, and their execution by the provincial office.

The law lets a person ask for deletion (Decree 13/2023, Art. 16) but not where another law
requires the records to be kept (Art. 16.3): a dossier, its score sheets and a certificate are
administrative records of the province. So:

- an account never used for a dossier (nothing submitted, no act recorded) is **erased**: its
  never-submitted drafts, its producer profile if nobody else acts for it, then the account;
- otherwise it is **anonymised**: the account is deactivated, its name, phone and email replaced,
  and the producer profiles it alone acts for lose the representative's name, position, gender,
  ethnicity, disability, street address, phone and email. The producer's name, tax code and
  commune stay, so certificates stay valid and verifiable in public.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import ProtectedError
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Role
from evaluations.models import Dossier, DossierEvent, DossierState
from privacy import permissions
from privacy.models import DeletionRequest, DeletionState
from producers.models import Membership, Producer

ANONYMOUS_NAME = "(đã ẩn danh)"


def _province_id(user):
    from django.conf import settings

    membership = Membership.objects.filter(user=user).select_related("producer__commune").first()
    if membership is not None:
        return membership.producer.commune.province_id
    return user.province_id or settings.OCOP_PROVINCE_CODE


@transaction.atomic
def request_deletion(user, *, reason: str = "") -> DeletionRequest:
    """File a request (one pending at a time; asking again returns the pending one)."""
    pending = DeletionRequest.objects.filter(user=user, state=DeletionState.PENDING).first()
    if pending is not None:
        return pending
    return DeletionRequest.objects.create(
        user=user,
        requested_by_label=f"{user.full_name} <{user.email}>"[:300],
        province_id=_province_id(user),
        reason=reason,
    )


def _sole_producers(user):
    """Producer profiles the person alone acts for: their details are the person's to delete."""
    producer_ids = Membership.objects.filter(user=user).values("producer_id")
    return [
        producer
        for producer in Producer.objects.filter(pk__in=producer_ids)
        if producer.memberships.count() == 1
    ]


def _never_submitted(dossiers):
    return dossiers.filter(state=DossierState.DRAFT, submitted_at__isnull=True)


def must_keep_records(user) -> bool:
    """Whether records the law keeps point at this person: any dossier beyond an unsubmitted
    draft, any recorded act, or an official's role."""
    if user.role != Role.PRODUCER:
        return True
    producer_ids = Membership.objects.filter(user=user).values("producer_id")
    dossiers = Dossier.objects.filter(product__producer__in=producer_ids)
    if dossiers.exclude(pk__in=_never_submitted(dossiers)).exists():
        return True
    drafts = _never_submitted(dossiers)
    return DossierEvent.objects.filter(actor=user).exclude(dossier__in=drafts).exists()


def erase(user) -> str:
    producers = _sole_producers(user)
    drafts = _never_submitted(Dossier.objects.filter(product__producer__in=producers))
    drafts.delete()
    # Drafts of a producer shared with other accounts stay theirs; if this person's name is on
    # one of them, deleting the account is refused and execute_deletion anonymises instead.
    names = ", ".join(p.name for p in producers)
    for producer in producers:
        producer.delete()
    user.delete()
    if names:
        return _("Account and producer profile (%(names)s) erased.") % {"names": names}
    return _("Account erased.")


BLANKED_PRODUCER_FIELDS = {
    "representative_name": "",
    "representative_position": "",
    "representative_gender": "",
    "representative_ethnicity": "",
    "representative_has_disability": False,
    "address_line": "",
    "phone": "",
    "email": "",
    "publish_contact": False,
}


def anonymise_producer(producer: Producer) -> None:
    """Blank the person's details; saved (not updated) so the public pages' cache notices."""
    for name, value in BLANKED_PRODUCER_FIELDS.items():
        setattr(producer, name, value)
    producer.version += 1
    producer.save(update_fields=[*BLANKED_PRODUCER_FIELDS, "version", "updated_at"])


def anonymise(user) -> str:
    producers = _sole_producers(user)
    for producer in producers:
        anonymise_producer(producer)
    user.full_name = ANONYMOUS_NAME
    user.email = f"an-danh-{user.pk}@invalid.ocop"
    user.phone = ""
    user.organisation = ""
    user.home_commune = None
    user.is_active = False
    user.set_unusable_password()
    user.save()
    user.consent_records.update(ip_address=None)
    return _(
        "Account anonymised and deactivated; representative's details blanked in %(count)d "
        "producer profile(s). Dossiers and certificates are kept without them."
    ) % {"count": len(producers)}


@transaction.atomic
def execute_deletion(deletion_request: DeletionRequest, *, by) -> DeletionRequest:
    """Erase or anonymise the person behind a pending request; records what was done."""
    locked = DeletionRequest.objects.select_for_update().get(pk=deletion_request.pk)
    if not permissions.can_handle_deletion(by, locked):
        raise PermissionDenied
    if locked.state != DeletionState.PENDING:
        raise ValidationError(_("This request has already been handled."))
    user = locked.user
    if user is None:
        raise ValidationError(_("The account no longer exists."))
    if must_keep_records(user):
        locked.outcome, locked.state = anonymise(user), DeletionState.ANONYMISED
    else:
        try:
            with transaction.atomic():
                locked.outcome, locked.state = erase(user), DeletionState.ERASED
                locked.user = None
        except ProtectedError:
            # A record we did not foresee still points at the account: keep it, anonymised.
            user.refresh_from_db()
            locked.outcome, locked.state = anonymise(user), DeletionState.ANONYMISED
    locked.handled_by, locked.handled_at = by, timezone.now()
    locked.save()
    return locked
