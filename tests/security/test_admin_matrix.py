"""The approval actions of the Django admin, tried by every kind of person: only the province's
approver decides; for anyone else the database is left exactly as it was, and people who are
not staff are sent to the admin's sign-in."""

from decimal import Decimal

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from dossiers.models import DossierState
from tests import factories

from .snapshot import changed, snapshot
from .test_post_matrix import PERSONAS

RESULTS = "admin:councils_councilresult_changelist"
CERTIFICATES = "admin:certificates_certificate_changelist"
DECISION = {"decision_number": "1234/QĐ-UBND", "decision_date": "2026-09-10"}
NOT_STAFF = {
    "producer",
    "stranger",
    "commune_officer",
    "other_commune_officer",
    "district_officer",
    "other_district_officer",
    "council_member",
    "outside_member",
    "far_producer",
    "far_officer",
    "far_council_member",
}


def _scored(producer_org, **fields):
    return factories.CouncilResultFactory(dossier__product__producer=producer_org, **fields)


# action -> (changelist, the object in the state the action needs, the confirmed form's data)
ADMIN_ACTIONS = {
    "approve_results": (RESULTS, lambda org: _scored(org), {"apply": "1", **DECISION}),
    "send_back_results": (RESULTS, lambda org: _scored(org), {"apply": "1", "reason": "Chấm lại"}),
    "nominate_results": (
        RESULTS,
        lambda org: _scored(org, stars=5, average=Decimal("92.00")),
        {"apply": "1", "comment": ""},
    ),
    "record_ministry": (
        RESULTS,
        lambda org: _scored(org, stars=5, average=Decimal("92.00"), dossier__state="nominated"),
        {"apply": "1", "stars": "5", **DECISION},
    ),
    "revoke_certificates": (
        CERTIFICATES,
        lambda org: factories.CertificateFactory(dossier__product__producer=org),
        {"apply": "1", "ground": "misuse", "revoked_on": "2026-09-15", "note": ""},
    ),
}


@pytest.mark.django_db
@pytest.mark.parametrize("action", sorted(ADMIN_ACTIONS))
def test_only_the_provinces_approver_takes_an_approval_action(
    client, request, today, producer_org, approver, action
):
    changelist, arrange, data = ADMIN_ACTIONS[action]
    target = arrange(producer_org)
    problems = []
    for persona in ["anonymous", *PERSONAS]:
        if persona == "approver":
            continue
        client.logout()
        if persona != "anonymous":
            client.force_login(request.getfixturevalue(persona))
        before = snapshot()
        response = client.post(
            reverse(changelist), {"action": action, ACTION_CHECKBOX_NAME: [target.pk], **data}
        )
        if changed(before, snapshot()):
            problems.append(f"{persona}: changed {changed(before, snapshot())}")
        sign_in = (reverse("admin:login"), reverse("accounts:login"))
        if persona in NOT_STAFF | {"anonymous"} and not (
            response.status_code == 302 and response["Location"].startswith(sign_in)
        ):
            problems.append(f"{persona}: answered {response.status_code}, not the admin sign-in")

    client.force_login(approver)
    before = snapshot()
    client.post(reverse(changelist), {"action": action, ACTION_CHECKBOX_NAME: [target.pk], **data})

    assert not problems, "\n".join(problems)
    assert changed(before, snapshot()), "the approver's own action must take effect"


@pytest.mark.django_db
def test_an_approved_result_is_a_certificate_only_by_the_provinces_approver(
    client, today, producer_org, far_approver, approver
):
    result = _scored(producer_org)
    data = {"action": "approve_results", ACTION_CHECKBOX_NAME: [result.pk], "apply": "1"}

    client.force_login(far_approver)
    client.post(reverse(RESULTS), {**data, **DECISION})
    result.dossier.refresh_from_db()
    refused_state = result.dossier.state
    client.force_login(approver)
    client.post(reverse(RESULTS), {**data, **DECISION})
    result.dossier.refresh_from_db()

    assert (refused_state, result.dossier.state) == (DossierState.SCORED, DossierState.APPROVED)
