"""Writes about producers: the profile, and the accounts acting for it."""

import secrets
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User

from . import signals
from .models import Invitation, Membership, Producer


class StaleEdit(ValidationError):
    """The form was opened before someone else saved (another tab, another account)."""

    def __init__(self, current_version: int):
        super().__init__(
            _(
                "This was changed in another tab or by another account after you opened the "
                "form, so your changes were not saved. They are still in the form below: check "
                "them and save again to keep them."
            ),
            code="stale",
        )
        self.current_version = current_version


def _changed_fields(instance, data: dict[str, Any]) -> list[str]:
    return [name for name, value in data.items() if getattr(instance, name) != value]


def _audit_products(producer: Producer, *, by: User, fields: list[str]) -> None:
    what = _("Producer profile changed: %(fields)s") % {"fields": ", ".join(fields)}
    signals.profile_changed.send(
        sender=Producer, producer=producer, by=by, what=what, data={"fields": fields}
    )


@transaction.atomic
def register_producer(*, by: User, data: dict[str, Any]) -> Producer:
    """Create a producer profile (chủ thể OCOP) with `by` as its owner.

    The user row is locked first, so a double submit waits for the first request and then finds
    the membership it made instead of creating a second producer.
    """
    User.objects.select_for_update().filter(pk=by.pk).first()
    if not by.is_producer or Membership.objects.filter(user=by).exists():
        raise ValidationError(_("Your account already acts for a producer."), code="member")
    producer = Producer(**data)
    producer.full_clean()
    producer.save()
    Membership.objects.create(producer=producer, user=by, is_owner=True)
    return producer


@transaction.atomic
def update_producer_profile(
    producer: Producer, *, by: User, data: dict[str, Any], version: int | None
) -> Producer:
    """Save the profile if nobody saved it since `version` was read; audit submitted dossiers."""
    locked = Producer.objects.select_for_update().get(pk=producer.pk)
    if version is not None and locked.version != version:
        raise StaleEdit(locked.version)
    changed = _changed_fields(locked, data)
    if not changed:
        return locked
    # What a current certificate states stays (issue 18): the certificates refuse by raising.
    signals.edit_requested.send(sender=Producer, instance=locked, changed=changed)
    for name in changed:
        setattr(locked, name, data[name])
    locked.version += 1
    locked.full_clean()
    locked.save()
    labels = [str(Producer._meta.get_field(name).verbose_name) for name in changed]
    _audit_products(locked, by=by, fields=labels)
    return locked


# ---- Accounts acting for the producer ------------------------------------------------------


def invitation_url(invitation: Invitation) -> str:
    from django.conf import settings

    path = reverse("producers:invitation-accept", kwargs={"token": invitation.token})
    return f"{settings.SITE_URL}{path}"


# Sent straight after the commit, not through the outbox: the link is a live token, and outbox
# rows are read by the office (README, "Mail"). A failure is logged and the owner invites again.
def send_invitation_email(invitation: Invitation) -> None:
    context = {"invitation": invitation, "url": invitation_url(invitation)}
    send_mail(
        subject=render_to_string("producers/email/invitation_subject.txt", context).strip(),
        message=render_to_string("producers/email/invitation_body.txt", context),
        from_email=None,
        recipient_list=[invitation.email],
    )


@transaction.atomic
def invite_member(membership: Membership, *, email: str) -> Invitation:
    """The owner invites another account to act for the producer; inviting again sends a new
    link (the old one stops working)."""
    if not membership.is_owner:
        raise PermissionDenied
    producer, email = membership.producer, email.strip().lower()
    if producer.memberships.filter(user__email__iexact=email).exists():
        raise ValidationError(_("This person already acts for your producer."), code="member")
    invitation = producer.invitations.filter(email=email, accepted_at__isnull=True).first()
    if invitation is None:
        invitation = Invitation(producer=producer, email=email)
    invitation.invited_by = membership.user
    invitation.token = secrets.token_urlsafe(32)
    invitation.created_at = timezone.now()
    invitation.save()
    transaction.on_commit(lambda: send_invitation_email(invitation), robust=True)
    return invitation


def cancel_invitation(invitation: Invitation, *, by: Membership) -> None:
    if not by.is_owner or invitation.producer_id != by.producer_id:
        raise PermissionDenied
    invitation.delete()


@transaction.atomic
def accept_invitation(invitation: Invitation, *, user: User) -> Membership:
    """Join the producer as a member (not owner). The link only works for the invited email."""
    locked = Invitation.objects.select_for_update().select_related("producer").get(pk=invitation.pk)
    if not locked.is_pending:
        raise ValidationError(
            _("This invitation has expired or was already used. Ask the owner for a new one."),
            code="expired",
        )
    if user.email.lower() != locked.email.lower():
        raise ValidationError(
            _("This invitation was sent to %(email)s. Sign in with that email address.")
            % {"email": locked.email},
            code="email",
        )
    if not user.is_producer or Membership.objects.filter(user=user).exists():
        raise ValidationError(
            _("Your account already acts for a producer; one account acts for one producer."),
            code="member",
        )
    membership = Membership.objects.create(producer=locked.producer, user=user, is_owner=False)
    locked.accepted_at, locked.accepted_by = timezone.now(), user
    locked.save(update_fields=["accepted_at", "accepted_by"])
    return membership


def remove_member(member: Membership, *, by: Membership) -> None:
    """The owner removes another account; the owner's own membership stays."""
    if not by.is_owner or member.producer_id != by.producer_id:
        raise PermissionDenied
    if member.is_owner:
        raise ValidationError(_("The owner's account cannot be removed."), code="owner")
    member.delete()
