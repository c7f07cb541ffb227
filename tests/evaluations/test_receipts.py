"""Issue 18: a receipt (giấy tiếp nhận hồ sơ) for each submission, with a tracking code the
producer can quote and a page to look it up."""

import pytest
from django.core import mail
from django.urls import reverse

from dossiers.models import DossierRevision
from evaluations import transitions
from tests import factories

pytestmark = pytest.mark.django_db


def test_each_submission_gets_a_receipt_with_a_tracking_code(
    today, producer, producer_org, draft, django_capture_on_commit_callbacks
):
    partner = factories.UserFactory(email="doitac@example.vn")
    factories.MembershipFactory(producer=producer_org, user=partner, is_owner=False)
    with django_capture_on_commit_callbacks(execute=True):
        transitions.submit_dossier(draft, by=producer)

    revision = DossierRevision.objects.get(dossier=draft, number=1)
    assert revision.tracking_code.startswith("HS-33-2026-")
    body = next(m.body for m in mail.outbox if partner.email in m.to)
    assert revision.tracking_code in body
    assert revision.get_receipt_url() in body


def test_anyone_with_the_code_sees_the_receipt_and_the_state_only(client, today, producer, draft):
    transitions.submit_dossier(draft, by=producer)
    revision = DossierRevision.objects.get(dossier=draft, number=1)

    page = client.get(revision.get_receipt_url())
    lookup = client.get(reverse("evaluations:receipt-lookup"), {"code": revision.tracking_code})

    assert page.status_code == 200
    assert revision.tracking_code in page.text
    assert draft.product.name in page.text
    assert draft.get_absolute_url() not in page.text  # an outsider cannot open the dossier
    assert lookup.status_code == 200


def test_an_unknown_code_is_not_found(client):
    response = client.get(reverse("evaluations:receipt", args=["HS-33-2026-ZZZZZZZZ"]))

    assert response.status_code == 404


def test_the_producer_sees_the_receipt_on_the_dossier_page(client, today, producer, draft):
    transitions.submit_dossier(draft, by=producer)
    revision = DossierRevision.objects.get(dossier=draft, number=1)
    client.force_login(producer)

    page = client.get(draft.get_absolute_url()).text

    assert revision.tracking_code in page
