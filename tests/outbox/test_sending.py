"""Issue 17, item 4: every notice goes one way. It is an outbox row written in the decision's
transaction, sent once after the commit, retried while the mail server fails, and shown to the
office when it is not delivered."""

import datetime
import smtplib

import pytest
import time_machine
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from evaluations.models import DossierState
from evaluations.transitions import return_dossier
from outbox import sending
from outbox.models import MessageState, OutboxMessage
from tests import factories

ITEMS = [{"item": "photos", "comment": "Thiếu ảnh"}]


class FailingBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise smtplib.SMTPServerDisconnected("SMTP is down")


class RefusingBackend(FailingBackend):
    def send_messages(self, messages):
        raise smtplib.SMTPRecipientsRefused({messages[0].to[0]: (550, b"no such user")})


@pytest.fixture
def submitted(producer_org):
    return factories.DossierFactory(
        product__producer=producer_org, state=DossierState.SUBMITTED, revision=1
    )


@pytest.fixture
def returned(submitted, commune_officer, producer, django_capture_on_commit_callbacks):
    """A dossier returned to its producer, committed: its notice handed to the sender."""
    with django_capture_on_commit_callbacks(execute=True):
        return_dossier(submitted, by=commune_officer, items=ITEMS)
    return submitted


def _as_if_not_sent_yet():
    OutboxMessage.objects.update(
        state=MessageState.QUEUED, attempts=0, next_attempt_at=timezone.now(), sent_at=None
    )


def _to(mailoutbox) -> list[str]:
    return [address for message in mailoutbox for address in message.to]


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_transition_sends_nothing(submitted, commune_officer, mailoutbox):
    def decide_then_fail():
        with transaction.atomic():
            return_dossier(submitted, by=commune_officer, items=ITEMS)
            raise RuntimeError("a later step of the same decision fails")

    with pytest.raises(RuntimeError):
        decide_then_fail()

    call_command("send_outbox")

    submitted.refresh_from_db()
    assert submitted.state == DossierState.SUBMITTED
    assert (OutboxMessage.objects.count(), mailoutbox) == (0, [])


@pytest.mark.django_db(transaction=True)
def test_in_a_request_the_notice_is_sent_once_the_response_is_out(
    submitted, commune_officer, producer, mailoutbox
):
    request_started.send(sender=None)
    return_dossier(submitted, by=commune_officer, items=ITEMS)  # commits: autocommit here

    written = OutboxMessage.objects.get(to_email=producer.email)
    assert (written.state, mailoutbox) == (MessageState.QUEUED, [])

    request_finished.send(sender=None)

    written.refresh_from_db()
    assert written.state == MessageState.SENT
    assert _to(mailoutbox) == [producer.email]


@pytest.mark.django_db
def test_the_notice_is_written_in_the_transaction_and_sent_only_after_the_commit(
    submitted, commune_officer, producer, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as after_commit:
        return_dossier(submitted, by=commune_officer, items=ITEMS)

    written = OutboxMessage.objects.get(to_email=producer.email)
    assert (written.state, written.dossier, written.event.action) == (
        MessageState.QUEUED,
        submitted,
        "return",
    )
    assert mailoutbox == []

    for callback in after_commit:
        callback()

    written.refresh_from_db()
    assert written.state == MessageState.SENT
    assert _to(mailoutbox) == [producer.email]


@pytest.mark.django_db
def test_a_committed_notice_is_sent_once_however_often_the_sender_runs(
    returned, producer, mailoutbox
):
    stale = OutboxMessage.objects.get(to_email=producer.email)
    stale.state, stale.attempts = MessageState.QUEUED, 0  # as a second sender read it earlier

    call_command("send_outbox")
    sending.send_due()
    claimed_late = sending._send_one(stale, timezone.now())

    assert claimed_late is False
    assert _to(mailoutbox) == [producer.email]


@pytest.mark.django_db
def test_a_failing_mail_server_is_retried_and_shown_to_the_office(
    client, settings, returned, producer, provincial_office, mailoutbox
):
    mailoutbox.clear()
    _as_if_not_sent_yet()
    settings.EMAIL_BACKEND = f"{__name__}.FailingBackend"

    sending.send_due()
    message = OutboxMessage.objects.get(to_email=producer.email)
    assert (message.state, message.attempts) == (MessageState.QUEUED, 1)
    assert "SMTP is down" in message.last_error
    assert sending.send_due() == 0  # not due again yet

    client.force_login(provincial_office)
    page = client.get(reverse("outbox:list")).text
    assert "SMTP is down" in page
    assert producer.email in page

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with time_machine.travel(timezone.now() + sending.retry_delay(1)):
        call_command("send_outbox")

    message.refresh_from_db()
    assert (message.state, message.attempts, message.last_error) == (MessageState.SENT, 2, "")
    assert producer.email in _to(mailoutbox)


@pytest.mark.django_db
def test_after_the_last_try_the_notice_is_left_not_delivered(returned, settings):
    _as_if_not_sent_yet()
    settings.EMAIL_BACKEND = f"{__name__}.FailingBackend"

    for hours in range(sending.MAX_ATTEMPTS + 2):
        with time_machine.travel(timezone.now() + datetime.timedelta(hours=hours)):
            sending.send_due()

    assert set(OutboxMessage.objects.values_list("state", "attempts")) == {
        (MessageState.FAILED, sending.MAX_ATTEMPTS)
    }


@pytest.mark.django_db
def test_a_refused_address_is_not_tried_again(returned, settings):
    _as_if_not_sent_yet()
    settings.EMAIL_BACKEND = f"{__name__}.RefusingBackend"

    sending.send_due()

    assert set(OutboxMessage.objects.values_list("state", "attempts")) == {(MessageState.FAILED, 1)}


@pytest.mark.django_db
def test_a_send_lost_after_the_response_loses_no_notice(
    submitted,
    commune_officer,
    producer,
    mailoutbox,
    monkeypatch,
    django_capture_on_commit_callbacks,
):
    # The app server stops (a restart, a killed worker) before the work after the response ran.
    monkeypatch.setattr(sending, "after_response", lambda work: None)
    with django_capture_on_commit_callbacks(execute=True):
        return_dossier(submitted, by=commune_officer, items=ITEMS)

    assert mailoutbox == []
    call_command("send_outbox")
    assert _to(mailoutbox) == [producer.email]


@pytest.mark.django_db
def test_other_provinces_do_not_see_the_undelivered_notices(client, returned, settings, producer):
    far_office = factories.UserFactory(role="provincial_office", province_id=1)
    _as_if_not_sent_yet()
    settings.EMAIL_BACKEND = f"{__name__}.FailingBackend"
    sending.send_due()

    client.force_login(far_office)
    page = client.get(reverse("outbox:list")).text

    assert producer.email not in page
