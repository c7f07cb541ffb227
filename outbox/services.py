"""Holding, sending and discarding the outbox's messages."""

from django.db import transaction
from django.utils import timezone

from ocop_portal.tasks import send_email

from .hold import Hold
from .models import MessageState, OutboxMessage


def hold_messages(hold: Hold, *, event, messages) -> int:
    """Store a dossier event's notices, (recipient, EmailMessage) pairs, in the hold's batch."""
    batch_id = hold.batch()
    OutboxMessage.objects.bulk_create(
        OutboxMessage(
            batch_id=batch_id,
            dossier_id=event.dossier_id,
            event=event,
            recipient=user,
            to_email=message.to[0],
            subject=message.subject,
            body=message.body,
        )
        for user, message in messages
    )
    return len(messages)


def _decide(messages, *, by, state: str) -> list[OutboxMessage]:
    # Locked and re-read as pending: two officers pressing "send" at once send each notice once.
    decided = list(
        OutboxMessage.objects.select_for_update()
        .filter(pk__in=[message.pk for message in messages], state=MessageState.PENDING)
        .order_by("pk")
    )
    now = timezone.now()
    for message in decided:
        message.state, message.decided_by, message.decided_at = state, by, now
    OutboxMessage.objects.bulk_update(decided, ["state", "decided_by", "decided_at"])
    return decided


@transaction.atomic
def send_messages(messages, *, by) -> int:
    """Send pending messages (after the commit, through the mail job) and record who and when."""
    sent = _decide(messages, by=by, state=MessageState.SENT)
    for message in sent:
        subject, body, to = message.subject, message.body, [message.to_email]
        transaction.on_commit(lambda s=subject, b=body, t=to: send_email.delay(s, b, t))
    return len(sent)


@transaction.atomic
def discard_messages(messages, *, by) -> int:
    """Discard pending messages: they are kept, marked, and never sent."""
    return len(_decide(messages, by=by, state=MessageState.DISCARDED))
