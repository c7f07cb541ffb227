"""The certificates' daily jobs at the edges the mutation run found untested (tests/MUTATION.md):
several certificates in one run are each recorded and each producer told; a run for a given day
judges by that day; the producer's mail goes to its active account, or to the producer's own
address when it has none. The mails go through the outbox, sent after the commit: the tests run
the commit's callbacks as a real run of the job does."""

import datetime

import pytest

from certificates.services import record_expiries, send_reevaluation_reminders
from outbox.models import MessageState, OutboxMessage
from tests import factories

pytestmark = pytest.mark.django_db


def _certificate(product, valid_until):
    return factories.CertificateFactory(
        dossier__product=product,
        decision_date=valid_until.replace(year=valid_until.year - 3),
        valid_until=valid_until,
    )


def _two_producers_products(areas):
    first = factories.ProducerFactory(name="HTX Mật ong", email="mat-ong@example.vn")
    second = factories.ProducerFactory(name="HTX Chè", email="che@example.vn")
    return (
        factories.ProductFactory(producer=first, name="Mật ong"),
        factories.ProductFactory(producer=second, name="Chè búp"),
    )


def test_two_lapsed_certificates_are_both_recorded_and_both_producers_told(
    today, areas, mailoutbox, django_capture_on_commit_callbacks
):
    honey, tea = _two_producers_products(areas)
    lapsed = [_certificate(p, today - datetime.timedelta(days=1)) for p in (honey, tea)]

    with django_capture_on_commit_callbacks(execute=True):
        recorded = record_expiries()

    assert sorted(c.pk for c in recorded) == sorted(c.pk for c in lapsed)
    for certificate in lapsed:
        certificate.refresh_from_db()
        assert certificate.expiry_recorded_on == today
    assert sorted(m.to[0] for m in mailoutbox) == ["che@example.vn", "mat-ong@example.vn"]


def test_a_run_for_a_later_day_records_what_has_lapsed_by_then(today, areas):
    honey, _tea = _two_producers_products(areas)
    certificate = _certificate(honey, today + datetime.timedelta(days=5))
    later = today + datetime.timedelta(days=6)

    assert record_expiries() == []
    assert [c.pk for c in record_expiries(today=later)] == [certificate.pk]

    certificate.refresh_from_db()
    assert certificate.expiry_recorded_on == later


def test_two_due_certificates_are_both_reminded(
    today, areas, mailoutbox, django_capture_on_commit_callbacks
):
    honey, tea = _two_producers_products(areas)
    due = [_certificate(p, today + datetime.timedelta(days=150)) for p in (honey, tea)]

    with django_capture_on_commit_callbacks(execute=True):
        sent = send_reevaluation_reminders()

    assert sorted(c.pk for c in sent) == sorted(c.pk for c in due)
    for certificate in due:
        certificate.refresh_from_db()
        assert certificate.reminder_sent_on == today
    assert len(mailoutbox) == 2


def test_a_reminder_run_for_a_later_day_judges_the_window_by_that_day(today, areas):
    honey, _tea = _two_producers_products(areas)
    certificate = _certificate(honey, today + datetime.timedelta(days=200))  # opens in 20 days
    later = today + datetime.timedelta(days=20)

    assert send_reevaluation_reminders() == []
    assert [c.pk for c in send_reevaluation_reminders(today=later)] == [certificate.pk]


def test_a_producer_whose_account_was_deactivated_is_written_to_at_its_own_address(
    today, areas, producer_org, producer, mailoutbox, django_capture_on_commit_callbacks
):
    producer.is_active = False
    producer.save()
    product = factories.ProductFactory(producer=producer_org, name="Mật ong hoa nhãn")
    _certificate(product, today - datetime.timedelta(days=1))

    with django_capture_on_commit_callbacks(execute=True):
        record_expiries()

    assert producer_org.email != producer.email
    assert [m.to for m in mailoutbox] == [[producer_org.email]]


def test_the_reminder_links_the_certificates_public_page(
    today, areas, mailoutbox, settings, django_capture_on_commit_callbacks
):
    honey, _tea = _two_producers_products(areas)
    certificate = _certificate(honey, today + datetime.timedelta(days=150))

    with django_capture_on_commit_callbacks(execute=True):
        send_reevaluation_reminders()

    assert f"{settings.SITE_URL}{certificate.get_absolute_url()}" in mailoutbox[0].body


def test_a_producer_without_any_address_is_not_counted_as_reminded(today, areas, mailoutbox):
    silent = factories.ProducerFactory(name="Tổ hợp tác không có thư", email="")
    certificate = _certificate(
        factories.ProductFactory(producer=silent), today + datetime.timedelta(days=150)
    )

    assert send_reevaluation_reminders() == []

    certificate.refresh_from_db()
    assert certificate.reminder_sent_on is None  # released: tried again once an address is known
    assert mailoutbox == []


def test_a_failed_reminder_stays_in_the_outbox_for_another_try(
    today, areas, settings, mailoutbox, django_capture_on_commit_callbacks
):
    honey, _tea = _two_producers_products(areas)
    certificate = _certificate(honey, today + datetime.timedelta(days=150))
    settings.EMAIL_BACKEND = "tests.certificates.test_commands.FailingBackend"

    with django_capture_on_commit_callbacks(execute=True):
        reminded = send_reevaluation_reminders()

    message = OutboxMessage.objects.get(to_email="mat-ong@example.vn")
    assert [c.pk for c in reminded] == [certificate.pk]  # written down: the outbox will retry
    assert (message.state, message.attempts) == (MessageState.QUEUED, 1)
    assert "SMTP is down" in message.last_error
    assert mailoutbox == []
