"""Sending the queued notices: after the commit, and again by the timed duty ``send_outbox``.

A row is claimed before it is sent (a conditional update of its attempt count), so two senders
running at once, or the same one run twice, send it once. A mail server that fails is tried
again later, further apart each time; after ``MAX_ATTEMPTS``, or at once when it refuses the
address or the sender, the row is left ``FAILED`` with the error, on the office's outbox page.
A sender that dies between claiming and recording leaves the row to be tried again once its
claim (``CLAIM``) runs out: a notice may then go twice, never not at all.
"""

import datetime
import logging
import smtplib

from django.core.mail import EmailMessage
from django.db.models import Q
from django.utils import timezone

from ocop_portal.after_response import after_response

from .models import MessageState, OutboxMessage

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 6
CLAIM = datetime.timedelta(minutes=10)
# A refused address or sender will be refused again: no point in retrying.
REFUSED = (smtplib.SMTPRecipientsRefused, smtplib.SMTPSenderRefused)


def retry_delay(attempts: int) -> datetime.timedelta:
    """1, 2, 4, 8, 16 minutes after the 1st … 5th failure."""
    return datetime.timedelta(minutes=2 ** (attempts - 1))


def due(now=None):
    now = now or timezone.now()
    return OutboxMessage.objects.filter(
        Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now),
        state=MessageState.QUEUED,
    )


def send_due(ids=None, *, now=None) -> int:
    """Send the queued messages that are due (only `ids` when given); returns how many went."""
    now = now or timezone.now()
    rows = due(now)
    if ids is not None:
        rows = rows.filter(pk__in=ids)
    return sum(_send_one(message, now) for message in rows.order_by("pk"))


def _send_one(message: OutboxMessage, now) -> bool:
    attempt = message.attempts + 1
    claimed = (
        OutboxMessage.objects.filter(
            pk=message.pk, state=MessageState.QUEUED, attempts=message.attempts
        ).update(attempts=attempt, next_attempt_at=now + CLAIM)
        == 1
    )
    if not claimed:
        return False  # another sender has it
    mine = OutboxMessage.objects.filter(pk=message.pk, attempts=attempt)
    try:
        EmailMessage(message.subject, message.body, None, [message.to_email]).send()
    except Exception as error:  # whatever the mail server says is kept on the row
        give_up = isinstance(error, REFUSED) or attempt >= MAX_ATTEMPTS
        logger.warning("Outbox message %s not sent (attempt %s): %s", message.pk, attempt, error)
        mine.update(
            state=MessageState.FAILED if give_up else MessageState.QUEUED,
            next_attempt_at=None if give_up else now + retry_delay(attempt),
            last_error=f"{type(error).__name__}: {error}"[:500],
        )
        return False
    mine.update(
        state=MessageState.SENT, sent_at=timezone.now(), next_attempt_at=None, last_error=""
    )
    return True


def dispatch(ids: list[int]) -> None:
    """Send freshly committed rows once the response is out (in-process, no job queue). Rows
    this misses stay queued and the timed duty sends them: a committed decision never fails
    here."""
    after_response(lambda: send_due(ids))
