"""Writing notices into the outbox, and the office's decisions on the held ones.

Every notice goes one way: ``queue_email`` writes the row inside the caller's transaction (a
rolled-back decision leaves no row, so sends nothing) and, after the commit, hands it to the
sender (outbox.sending). Under a bulk decision's hold (outbox.hold) the row waits for the
office instead.
"""

from django.db import transaction
from django.utils import timezone

from .hold import Hold, current_hold
from .models import MessageState, OutboxMessage


def queue_email(
    *,
    to: str,
    subject: str,
    body: str,
    recipient=None,
    dossier=None,
    event=None,
    hold: Hold | None = None,
) -> OutboxMessage:
    """Write one notice to one address; it is sent after the commit, or held under `hold`."""
    return queue_emails(
        [
            OutboxMessage(
                to_email=to,
                subject=subject,
                body=body,
                recipient=recipient,
                dossier=dossier,
                event=event,
            )
        ],
        hold=hold,
    )[0]


def queue_emails(messages: list[OutboxMessage], *, hold: Hold | None = None) -> list[OutboxMessage]:
    """Write unsaved messages (address, subject, body and what they are about) in one go."""
    hold = hold or current_hold()
    if not messages:
        return []
    batch_id, now = hold.batch() if hold is not None else None, timezone.now()
    for message in messages:
        message.subject = " ".join(message.subject.split())[:300]
        if hold is not None:
            message.batch_id, message.state = batch_id, MessageState.PENDING
        else:
            message.state, message.next_attempt_at = MessageState.QUEUED, now
    created = OutboxMessage.objects.bulk_create(messages)
    if hold is None:
        _send_after_commit([message.pk for message in created])
    return created


def _send_after_commit(ids: list[int]) -> None:
    from .sending import dispatch

    transaction.on_commit(lambda: dispatch(ids))


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
        if state == MessageState.QUEUED:
            message.next_attempt_at = now
    OutboxMessage.objects.bulk_update(
        decided, ["state", "decided_by", "decided_at", "next_attempt_at"]
    )
    return decided


@transaction.atomic
def send_messages(messages, *, by) -> int:
    """Release held messages to the sender (after the commit) and record who and when."""
    released = _decide(messages, by=by, state=MessageState.QUEUED)
    if released:
        _send_after_commit([message.pk for message in released])
    return len(released)


@transaction.atomic
def discard_messages(messages, *, by) -> int:
    """Discard pending messages: they are kept, marked, and never sent."""
    return len(_decide(messages, by=by, state=MessageState.DISCARDED))
