"""Emails sent when a dossier moves. Called after commit: a failure is logged, never raised."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import translation

from accounts.models import Role, User

from .models import Dossier, DossierEvent

logger = logging.getLogger(__name__)

# Who hears about each action, besides the producer's own accounts.
_OFFICIALS_BY_ACTION = {
    "submit": "local",
    "resubmit": "local",
    "withdraw": "local",
    "forward": "province",
    "close_scoring": "approvers",
}


def _recipients(dossier: Dossier, action: str) -> list[str]:
    emails = set(
        User.objects.filter(
            is_active=True, producer_membership__producer=dossier.product.producer
        ).values_list("email", flat=True)
    )
    commune = dossier.product.producer.commune
    audience = _OFFICIALS_BY_ACTION.get(action)
    officials = User.objects.filter(is_active=True)
    if audience == "local":
        officials = officials.filter(role=Role.LOCAL_OFFICER).filter(
            Q(jurisdiction_commune=commune) | Q(jurisdiction_district_id=commune.former_district_id)
        )
    elif audience == "province":
        officials = officials.filter(
            role=Role.PROVINCIAL_OFFICE, province_id=dossier.round.province_id
        )
    elif audience == "approvers":
        officials = officials.filter(role=Role.APPROVER, province_id=dossier.round.province_id)
    else:
        officials = officials.none()
    emails.update(officials.values_list("email", flat=True))
    return sorted(emails)


def notify_state_change(dossier_id: int, action: str) -> None:
    try:
        dossier = Dossier.objects.select_related(
            "round", "product", "product__producer", "product__producer__commune"
        ).get(pk=dossier_id)
        event = DossierEvent.objects.filter(dossier=dossier, action=action).last()
        recipients = _recipients(dossier, action)
        if not recipients:
            return
        # Notices go out in Vietnamese, whatever language the actor was browsing in.
        with translation.override("vi"):
            context = {
                "dossier": dossier,
                "event": event,
                "url": f"{settings.SITE_URL}{dossier.get_absolute_url()}",
            }
            subject = render_to_string("evaluations/email/state_subject.txt", context).strip()
            body = render_to_string("evaluations/email/state_body.txt", context)
        send_mail(subject, body, None, recipients)
    except Exception:
        logger.exception("Could not send the notice for dossier %s (%s)", dossier_id, action)
