"""Emails sent when a dossier moves, in Vietnamese, to the people the move concerns.

Written to the outbox inside the move's transaction (``transitions.core.apply``): a move rolled
back sends nothing, and the outbox sends the rest after the commit, retrying a failing mail server
(outbox.sending). Each person gets their own message, so a producer never sees officials'
addresses (nor the other way round).
"""

import logging

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from accounts.jurisdiction import covering_q
from accounts.models import Role, User
from councils.models import CouncilRole
from dossiers import deadlines
from dossiers.models import DossierAction as A
from evaluations import services
from outbox.hold import Hold
from outbox.models import OutboxMessage
from outbox.services import queue_emails

from .models import DossierEvent

logger = logging.getLogger(__name__)

PRODUCER, LOCAL, PROVINCE, APPROVERS = "producer", "local", "province", "approvers"
COUNCIL = "council"  # the scoring members of the dossier's council
# action -> who hears about it (the person who acted never does).
AUDIENCES: dict[str, frozenset[str]] = {
    A.SUBMIT: frozenset({PRODUCER, LOCAL}),
    A.RESUBMIT: frozenset({PRODUCER, LOCAL}),
    A.WITHDRAW: frozenset({PRODUCER, LOCAL}),
    A.RETURN: frozenset({PRODUCER, LOCAL}),
    A.ACCEPT: frozenset({PRODUCER, LOCAL}),
    A.REJECT: frozenset({PRODUCER, LOCAL}),
    A.FORWARD: frozenset({PRODUCER, LOCAL, PROVINCE}),
    A.ASSIGN: frozenset({PRODUCER, COUNCIL}),
    A.CLOSE_SCORING: frozenset({APPROVERS}),
    A.APPROVE: frozenset({PRODUCER, LOCAL, PROVINCE}),
    A.NOTIFY_NOT_RECOGNISED: frozenset({PRODUCER, LOCAL, PROVINCE}),
    A.NOMINATE: frozenset({PRODUCER, LOCAL, PROVINCE}),
    A.RECORD_MINISTRY_RESULT: frozenset({PRODUCER, LOCAL, PROVINCE}),
}


def _people(dossier, audience: str):
    commune = dossier.product.producer.commune
    active = User.objects.filter(is_active=True).exclude(email="")
    if audience == PRODUCER:
        return active.filter(producer_membership__producer_id=dossier.product.producer_id)
    if audience == LOCAL:
        return active.filter(covering_q([commune]), role=Role.LOCAL_OFFICER)
    if audience == COUNCIL:
        return active.filter(
            council_seats__council_id=dossier.council_id,
            council_seats__role__in=CouncilRole.SCORING,
        )
    role = Role.PROVINCIAL_OFFICE if audience == PROVINCE else Role.APPROVER
    return active.filter(role=role, province_id=dossier.round.province_id)


def recipients(event: DossierEvent) -> list[tuple[User, str]]:
    """(person, audience) pairs for an event, each person once, the actor left out."""
    seen, found = {event.actor_id}, []
    for audience in sorted(AUDIENCES.get(event.action, ())):
        for user in _people(event.dossier, audience).order_by("pk"):
            if user.pk not in seen:
                seen.add(user.pk)
                found.append((user, audience))
    return found


def _next_step(event: DossierEvent, audience: str) -> str:
    dossier = event.dossier
    if audience == LOCAL and event.action in {A.SUBMIT, A.RESUBMIT}:
        clock = deadlines.local_review_clock(dossier)
        if clock is not None:
            return _(
                "Please check the dossier and decide within %(days)s working days, by %(due)s."
            ) % {"days": clock.limit, "due": clock.due_on.strftime("%d/%m/%Y")}
    if audience == PRODUCER:
        steps = {
            A.SUBMIT: _("The local officer will review it within 15 working days."),
            A.RESUBMIT: _("The local officer will review it within 15 working days."),
            A.RETURN: _(
                "Correct the items listed above, then resubmit the dossier on the portal "
                "while the round is open."
            ),
            A.ACCEPT: _("The local officer will forward it to the province."),
            A.FORWARD: _("The provincial council will evaluate it in this round."),
        }
        code = event.data.get("tracking_code")
        if event.action in {A.SUBMIT, A.RESUBMIT} and code:
            url = reverse("evaluations:receipt", kwargs={"code": code})
            return _(
                "Receipt No. %(code)s: quote it to the office; look the dossier up at %(url)s. "
                "The local officer will review it within 15 working days."
            ) % {"code": code, "url": f"{settings.SITE_URL}{url}"}
        recognised = {A.APPROVE, A.RECORD_MINISTRY_RESULT}
        if event.action in recognised and getattr(dossier, "certificate", None) is not None:
            return _recognition(dossier.certificate)
        return steps.get(event.action, "")
    if audience == COUNCIL and event.action == A.ASSIGN:
        return _(
            "Please score the product on your score sheet in the portal before the council's "
            "session, or declare a conflict of interest."
        )
    if audience == PROVINCE and event.action == A.FORWARD:
        return _("The dossier awaits the province's intake and assignment to a council.")
    return ""


def _recognition(certificate) -> str:
    """What the producer needs to quote from the approval (issue 18): stars, the decision, the
    certificate's number and validity, and where to verify it."""
    return _(
        "Recognised as a %(stars)s★ OCOP product by Decision No. %(decision)s of %(date)s. "
        "Certificate No. %(number)s, valid until %(until)s: %(url)s"
    ) % {
        "stars": certificate.stars,
        "decision": certificate.decision_number,
        "date": certificate.decision_date.strftime("%d/%m/%Y"),
        "number": certificate.number,
        "until": certificate.valid_until.strftime("%d/%m/%Y"),
        "url": f"{settings.SITE_URL}{certificate.get_absolute_url()}",
    }


def _message(event: DossierEvent, user: User, audience: str) -> tuple[str, str]:
    dossier = event.dossier
    items = [
        {
            # A criterion carries its label ("1.2. …"); a checklist item is labelled here, in
            # the reader's language.
            "label": item.get("label") or services.item_label(item.get("item", "")),
            "comment": item.get("comment", ""),
        }
        for item in event.data.get("items", [])
    ]
    context = {
        "dossier": dossier,
        "event": event,
        "recipient": user,
        "items": items,
        "next_step": _next_step(event, audience),
        "url": f"{settings.SITE_URL}{dossier.get_absolute_url()}",
    }
    subject = render_to_string("evaluations/email/state_subject.txt", context)
    body = render_to_string("evaluations/email/state_body.txt", context)
    return " ".join(subject.split()), body


def notify_state_change(event_id: int, *, hold: Hold | None = None) -> int:
    """Write the notices of a dossier's move to the outbox; returns how many were written.

    Called inside the move's transaction. Under a bulk decision's `hold` they wait for the
    provincial office to check and send them; otherwise they go after the commit. A notice that
    cannot be written is logged and never undoes the move (its own savepoint)."""
    try:
        with transaction.atomic():
            event = DossierEvent.objects.select_related(
                "actor",
                "dossier__round",
                "dossier__product__producer__commune",
            ).get(pk=event_id)
            # Notices go out in Vietnamese, whatever language the actor was browsing in.
            with translation.override("vi"):
                addressed = [
                    (user, _message(event, user, audience)) for user, audience in recipients(event)
                ]
            written = queue_emails(
                [
                    OutboxMessage(
                        to_email=user.email,
                        subject=subject,
                        body=body,
                        recipient=user,
                        dossier=event.dossier,
                        event=event,
                    )
                    for user, (subject, body) in addressed
                ],
                hold=hold,
            )
            return len(written)
    except Exception:
        logger.exception("Could not write the notices of dossier event %s", event_id)
        return 0
