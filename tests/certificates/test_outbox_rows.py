"""Issue 17, item 4: each certificate notice that used to be emailed straight away (revocation,
expiry, re-evaluation reminder, a correction's decision) is now an outbox row, filed under the
dossier the recognition was decided on so that province's office sees it."""

import datetime

import pytest
from django.core.management import call_command
from django.db import transaction

from certificates.certified_changes import decide_correction, request_correction
from certificates.services import record_expiries, revoke_certificate
from outbox.models import MessageState, OutboxMessage

pytestmark = pytest.mark.django_db


def _rows(producer):
    return list(
        OutboxMessage.objects.filter(to_email=producer.email).values_list(
            "dossier_id", "state", "batch_id"
        )
    )


def test_a_revocation_writes_its_notice_in_the_outbox(scored, recognise, approver, producer):
    certificate = recognise(scored())

    revoke_certificate(
        certificate, by=approver, ground="stopped", revoked_on=datetime.date(2027, 3, 1)
    )

    assert _rows(producer) == [(certificate.dossier_id, MessageState.QUEUED, None)]


def test_a_revocation_rolled_back_writes_nothing(scored, recognise, approver, producer):
    certificate = recognise(scored())

    def revoke_then_fail():
        with transaction.atomic():
            revoke_certificate(
                certificate, by=approver, ground="stopped", revoked_on=datetime.date(2027, 3, 1)
            )
            raise RuntimeError("a later step fails")

    with pytest.raises(RuntimeError):
        revoke_then_fail()

    assert _rows(producer) == []


def test_an_expiry_and_a_reminder_write_their_notices_in_the_outbox(
    today, scored, recognise, producer
):
    lapsed = recognise(scored(), decision_date=today - datetime.timedelta(days=3 * 365 + 2))
    record_expiries(today=today)
    assert _rows(producer) == [(lapsed.dossier_id, MessageState.QUEUED, None)]

    OutboxMessage.objects.all().delete()
    due = recognise(scored(), decision_date=today - datetime.timedelta(days=3 * 365 - 150))
    call_command("send_reevaluation_reminders", stdout=None)
    assert _rows(producer) == [(due.dossier_id, MessageState.QUEUED, None)]


def test_a_correction_decision_writes_its_notice_in_the_outbox(
    today, scored, recognise, producer, provincial_office
):
    certificate = recognise(scored(), decision_date=today)
    asked = request_correction(
        certificate,
        by=producer,
        changes={"product_name": "Mật ong hoa nhãn Hưng Yên"},
        reason="Đổi tên theo nhãn hiệu mới",
    )

    decide_correction(asked, by=provincial_office, approve=False, note="Chưa có giấy tờ")

    message = OutboxMessage.objects.get(to_email=producer.email)
    assert (message.dossier_id, message.recipient, message.state) == (
        certificate.dossier_id,
        producer,
        MessageState.QUEUED,
    )
    assert "Chưa có giấy tờ" in message.body
