"""Issue 18: the approval email names the stars, the decision and the certificate's number."""

import datetime

import pytest
from django.core import mail

from evaluations.transitions import approve_result
from tests import factories

pytestmark = pytest.mark.django_db


def test_the_producer_is_told_stars_decision_and_certificate_number(
    today, approver, producer, producer_org, django_capture_on_commit_callbacks
):
    result = factories.CouncilResultFactory(
        dossier__product=factories.ProductFactory(producer=producer_org), stars=4, band_stars=4
    )

    with django_capture_on_commit_callbacks(execute=True):
        dossier = approve_result(
            result.dossier,
            by=approver,
            decision_number="1234/QĐ-UBND",
            decision_date=datetime.date(2026, 9, 10),
        )

    body = next(m.body for m in mail.outbox if producer.email in m.to)
    assert "4★" in body
    assert "1234/QĐ-UBND" in body
    assert dossier.certificate.number in body
    assert dossier.certificate.get_absolute_url() in body


def test_after_approval_the_producers_dossier_page_shows_the_result(
    client, today, approver, producer, producer_org
):
    from django.urls import reverse

    result = factories.CouncilResultFactory(
        dossier__product=factories.ProductFactory(producer=producer_org), stars=4, band_stars=4
    )
    client.force_login(producer)
    url = reverse("evaluations:dossier-detail", args=[result.dossier.pk])
    assert 'data-role="published-result"' not in client.get(url).text  # not before the decision

    dossier = approve_result(
        result.dossier,
        by=approver,
        decision_number="1234/QĐ-UBND",
        decision_date=datetime.date(2026, 9, 10),
    )
    page = client.get(url).text

    assert 'data-role="published-result"' in page
    assert str(result.average).replace(".", ",") in page or str(result.average) in page
    assert dossier.certificate.number in page
    assert "1234/QĐ-UBND" in page
