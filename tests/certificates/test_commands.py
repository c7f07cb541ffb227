"""expire_certificates and send_reevaluation_reminders: what they do, and only once."""

import datetime
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.test import TestCase
from django.utils import timezone

from tests import factories

pytestmark = pytest.mark.django_db


def _run(command: str) -> str:
    out = StringIO()
    # As in production, where a command commits as it goes: the outbox sends after the commit.
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command(command, stdout=out)
    return out.getvalue().strip()


def _certificate(product, valid_until):
    return factories.CertificateFactory(
        dossier__product=product,
        decision_date=valid_until.replace(year=valid_until.year - 3),
        valid_until=valid_until,
    )


@pytest.fixture
def product(producer_org):
    return factories.ProductFactory(producer=producer_org, name="Mật ong hoa nhãn")


def test_expire_records_lapsed_certificates_once(today, product, producer, mailoutbox):
    lapsed = _certificate(product, today - datetime.timedelta(days=1))
    _certificate(factories.ProductFactory(), today)  # its last valid day

    first = _run("expire_certificates")
    second = _run("expire_certificates")

    lapsed.refresh_from_db()
    assert (first, second) == ("Expired 1 certificates", "Expired 0 certificates")
    assert lapsed.expiry_recorded_on == today
    assert [m.to for m in mailoutbox] == [[producer.email]]
    assert "hết hiệu lực" in mailoutbox[0].subject


def test_expire_leaves_revoked_certificates_alone(today, product):
    factories.CertificateFactory(
        dossier__product=product,
        decision_date=datetime.date(2023, 1, 1),
        valid_until=today - datetime.timedelta(days=30),
        revoked_on=datetime.date(2024, 1, 1),
        revocation_ground="quality",
    )

    output = _run("expire_certificates")

    assert output == "Expired 0 certificates"


def test_producer_is_reminded_once_when_the_re_evaluation_window_opens(
    today, product, producer, mailoutbox
):
    due = _certificate(product, today + datetime.timedelta(days=180))

    first = _run("send_reevaluation_reminders")
    second = _run("send_reevaluation_reminders")

    due.refresh_from_db()
    assert (first, second) == ("Sent 1 re-evaluation reminders", "Sent 0 re-evaluation reminders")
    assert due.reminder_sent_on == today
    assert [m.to for m in mailoutbox] == [[producer.email]]
    assert mailoutbox[0].subject == "[OCOP] Đã có thể nộp hồ sơ đánh giá lại “Mật ong hoa nhãn”"
    assert "từ 15/09/2026 đến 14/11/2026" in mailoutbox[0].body


@pytest.mark.parametrize("days_left", [181, 119])
def test_no_reminder_outside_the_window(today, product, mailoutbox, days_left):
    certificate = _certificate(product, today + datetime.timedelta(days=days_left))

    output = _run("send_reevaluation_reminders")

    certificate.refresh_from_db()
    assert (output, certificate.reminder_sent_on, mailoutbox) == (
        "Sent 0 re-evaluation reminders",
        None,
        [],
    )


def test_no_reminder_when_a_re_evaluation_dossier_is_under_way(today, product, mailoutbox):
    certificate = _certificate(product, today + datetime.timedelta(days=150))
    factories.DossierFactory(
        product=product, kind="re_evaluation", previous_certificate=certificate, state="submitted"
    )

    output = _run("send_reevaluation_reminders")

    assert (output, mailoutbox) == ("Sent 0 re-evaluation reminders", [])


def test_a_reminder_the_mail_server_failed_is_sent_by_the_outbox_later(
    today, product, producer, settings, mailoutbox
):
    certificate = _certificate(product, today + datetime.timedelta(days=150))
    settings.EMAIL_BACKEND = "tests.certificates.test_commands.FailingBackend"

    first = _run("send_reevaluation_reminders")
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    second = _run("send_reevaluation_reminders")
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=5)):
        _run("send_outbox")

    certificate.refresh_from_db()
    assert (first, second) == ("Sent 1 re-evaluation reminders", "Sent 0 re-evaluation reminders")
    assert certificate.reminder_sent_on == today
    assert [m.to for m in mailoutbox] == [[producer.email]]


class FailingBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("SMTP is down")
