"""Issue 19, item 1: every public POST (label report, sign-up — also how a confirmation email is
sent again —, password reset) counts toward its address's limit before the form is read, so
invalid posts count too and simultaneous posts cannot slip under the limit together."""

import threading

import pytest
from django.core import mail
from django.urls import reverse

from catalogue.models import LabelReport
from ocop_portal import limits

pytestmark = pytest.mark.django_db

REPORT = reverse("catalogue:report-label")


def _report(**fields):
    return {
        "product_name": "Mật ong hoa nhãn",
        "where_seen": "market",
        "place": "Chợ Phố Hiến",
        "province": 1,
        **fields,
    }


def test_invalid_label_reports_count_toward_the_limit(client):
    for _ in range(5):
        assert client.post(REPORT, _report(product_name="")).status_code == 400

    refused = client.post(REPORT, _report())

    assert refused.status_code == 429
    assert LabelReport.objects.count() == 0


def test_twelve_simultaneous_posts_pass_the_limit_at_most_five_times():
    start = threading.Barrier(12)
    allowed = []

    def post():
        start.wait()
        allowed.append(not limits.LABEL_REPORT.hit("198.51.100.7"))

    threads = [threading.Thread(target=post) for _ in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert allowed.count(True) == limits.LABEL_REPORT.count == 5


def test_sign_up_posts_are_limited_per_address_valid_or_not(client):
    for _ in range(limits.SIGN_UP.count):
        client.post(reverse("accounts:signup"), {"email": "not-an-email"})

    refused = client.post(reverse("accounts:signup"), {"email": "hoa@example.vn"})
    elsewhere = client.post(
        reverse("accounts:signup"), {"email": "not-an-email"}, REMOTE_ADDR="203.0.113.5"
    )

    assert refused.status_code == 429
    assert "10 lần" in refused.content.decode()
    assert elsewhere.status_code == 200


def test_password_reset_posts_are_limited_per_address(client, producer):
    for _ in range(limits.PASSWORD_RESET.count):
        client.post(reverse("accounts:password-reset"), {"email": "ai-do@example.vn"})

    refused = client.post(reverse("accounts:password-reset"), {"email": producer.email})

    assert refused.status_code == 429
    assert mail.outbox == []
