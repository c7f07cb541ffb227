"""An approver decides for their own province only, at both layers: the predicate that every
decision asks (``can_approve``), and the admin lists that offer the objects (``get_queryset``)."""

import datetime

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from accounts.models import Role
from certificates.models import Certificate
from certificates.services import revoke_certificate
from dossiers import permissions as dossiers_permissions
from dossiers.models import DossierState
from evaluations import permissions as evaluations_permissions
from evaluations.transitions import approve_result
from tests import factories

CERTIFICATES = reverse("admin:certificates_certificate_changelist")
RESULTS = reverse("admin:councils_councilresult_changelist")
DECISION = {"decision_number": "1234/QĐ-UBND", "decision_date": "2026-09-10"}
APPROVER_ACTIONS = ["send_back", "approve", "notify_not_recognised", "nominate"]


@pytest.fixture
def far_approver(areas):
    """An approver of Hà Nội (province 1): the same role, another province."""
    return factories.UserFactory(
        email="lanhdao.hanoi@example.vn", role=Role.APPROVER, province_id=1, is_staff=True
    )


@pytest.fixture
def result(producer_org):
    return factories.CouncilResultFactory(
        dossier__product__producer=producer_org, dossier__product__name="Mật ong Khoái Châu"
    )


# ---- The predicate ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_can_approve_holds_for_the_provinces_approver_only(today, approver, far_approver, result):
    dossier = result.dossier

    assert dossiers_permissions.can_approve(approver, dossier)
    assert not dossiers_permissions.can_approve(far_approver, dossier)
    assert [
        a for a in APPROVER_ACTIONS if evaluations_permissions.can(far_approver, a, dossier)
    ] == []


@pytest.mark.django_db
def test_another_provinces_approver_cannot_approve_through_the_transition(
    far_approver, result, today
):
    with pytest.raises(PermissionDenied):
        approve_result(
            result.dossier,
            by=far_approver,
            decision_number="1/QĐ",
            decision_date=datetime.date(2026, 9, 10),
        )

    result.dossier.refresh_from_db()
    assert result.dossier.state == DossierState.SCORED
    assert Certificate.objects.count() == 0


@pytest.mark.django_db
def test_another_provinces_approver_cannot_revoke(far_approver, today):
    certificate = factories.CertificateFactory()

    with pytest.raises(PermissionDenied):
        revoke_certificate(
            certificate, by=far_approver, ground="misuse", revoked_on=datetime.date(2026, 9, 15)
        )

    certificate.refresh_from_db()
    assert certificate.revoked_on is None


# ---- The admin's lists -----------------------------------------------------------------------


@pytest.mark.django_db
def test_another_provinces_approver_lists_no_certificate_of_hung_yen(
    client, today, far_approver, approver
):
    certificate = factories.CertificateFactory()

    client.force_login(far_approver)
    theirs = client.get(CERTIFICATES)
    change = client.get(reverse("admin:certificates_certificate_change", args=[certificate.pk]))
    client.force_login(approver)
    ours = client.get(CERTIFICATES)

    assert list(theirs.context["cl"].result_list) == []
    assert certificate.number not in theirs.text
    assert change.status_code == 302  # the admin's "does not exist" redirect, nothing shown
    assert list(ours.context["cl"].result_list) == [certificate]


@pytest.mark.django_db
def test_another_provinces_approver_revokes_nothing_through_the_admin(client, far_approver, today):
    certificate = factories.CertificateFactory()
    client.force_login(far_approver)

    client.post(
        CERTIFICATES,
        {
            "action": "revoke_certificates",
            ACTION_CHECKBOX_NAME: [certificate.pk],
            "apply": "1",
            "ground": "misuse",
            "revoked_on": "2026-09-15",
            "note": "",
        },
    )

    certificate.refresh_from_db()
    assert certificate.revoked_on is None


@pytest.mark.django_db
def test_another_provinces_approver_lists_no_result_and_approves_none(
    client, far_approver, result, today
):
    client.force_login(far_approver)

    listing = client.get(RESULTS)
    client.post(
        RESULTS,
        {"action": "approve_results", ACTION_CHECKBOX_NAME: [result.pk], "apply": "1", **DECISION},
    )

    result.dossier.refresh_from_db()
    assert list(listing.context["cl"].result_list) == []
    assert "Mật ong Khoái Châu" not in listing.text
    assert result.dossier.state == DossierState.SCORED
    assert Certificate.objects.count() == 0


@pytest.fixture
def national_administrator(areas):
    """The ministry's administrator: no province, the whole country."""
    return factories.UserFactory(
        email="quantri.quocgia@example.vn", role=Role.ADMINISTRATOR, province_id=None, is_staff=True
    )


@pytest.mark.django_db
def test_a_national_administrator_reads_every_provinces_certificates_and_revokes_none(
    client, today, national_administrator
):
    certificate = factories.CertificateFactory()
    client.force_login(national_administrator)

    listed = client.get(CERTIFICATES)
    client.post(
        CERTIFICATES,
        {
            "action": "revoke_certificates",
            ACTION_CHECKBOX_NAME: [certificate.pk],
            "apply": "1",
            "ground": "misuse",
            "revoked_on": "2026-09-15",
            "note": "",
        },
    )

    assert list(listed.context["cl"].result_list) == [certificate]
    certificate.refresh_from_db()
    assert certificate.revoked_on is None


@pytest.mark.django_db
def test_a_national_administrator_reads_every_provinces_results_and_decides_none(
    client, national_administrator, result, today
):
    client.force_login(national_administrator)

    listing = client.get(RESULTS)
    start = client.get(reverse("admin:evaluations_councilresult_approval_start"))

    action_form = listing.context["action_form"]
    offered = (
        {name for name, _label in action_form.fields["action"].choices} if action_form else set()
    )
    assert list(listing.context["cl"].result_list) == [result]
    assert offered.isdisjoint(APPROVER_ACTIONS)
    assert start.status_code == 404
