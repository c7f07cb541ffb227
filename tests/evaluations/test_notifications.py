"""Each move is emailed, in Vietnamese, to the people it concerns (never to the one who made
it); a mail server that fails loses no move."""

import pytest
from django.core.mail.backends.base import BaseEmailBackend
from django.utils import translation
from django.utils.translation import gettext as _

from dossiers.models import DossierState
from evaluations import transitions
from evaluations.models import DossierEvent
from tests import factories

from .conftest import ASSESSMENT


class FailingBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise ConnectionRefusedError("the SMTP server is down")


def _recipients(mailoutbox):
    return sorted(address for message in mailoutbox for address in message.to)


@pytest.mark.django_db
def test_submission_is_emailed_to_the_producers_other_accounts_and_the_local_officers(
    producer,
    producer_org,
    commune_officer,
    district_officer,
    other_district_officer,
    provincial_office,
    draft,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    colleague = factories.UserFactory(email="ketoan@example.vn")
    factories.MembershipFactory(producer=producer_org, user=colleague, is_owner=False)

    with django_capture_on_commit_callbacks(execute=True):
        transitions.submit_dossier(draft, by=producer)

    assert _recipients(mailoutbox) == [
        "canbohuyen@example.vn",
        "canboxa@example.vn",
        "ketoan@example.vn",
    ]
    assert all(len(message.to) == 1 for message in mailoutbox)


@pytest.mark.django_db
def test_return_is_emailed_to_the_producer_in_vietnamese_with_each_item(
    producer, commune_officer, submitted, mailoutbox, django_capture_on_commit_callbacks
):
    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        transitions.return_dossier(
            submitted,
            by=commune_officer,
            items=[{"item": "test_report", "comment": "Phiếu kiểm nghiệm quá hạn."}],
        )

    [message] = mailoutbox
    with translation.override("vi"):
        item_line = f"- {factories.EvidenceKind.TEST_REPORT.label}: Phiếu kiểm nghiệm quá hạn."
        subject = f"[OCOP] {submitted.product.name}: {_('Returned for correction')}"
    assert (message.to, message.subject) == (["chuthe@example.vn"], subject)
    assert item_line in message.body.splitlines()


@pytest.mark.django_db
def test_forwarding_is_emailed_to_the_provincial_office_too(
    producer,
    commune_officer,
    district_officer,
    provincial_office,
    make_dossier,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    accepted = make_dossier(DossierState.ACCEPTED)

    with django_capture_on_commit_callbacks(execute=True):
        transitions.forward_dossier(accepted, by=district_officer)

    assert _recipients(mailoutbox) == [
        "canboxa@example.vn",
        "chuthe@example.vn",
        "vanphong@example.vn",
    ]


@pytest.mark.django_db
def test_officers_elsewhere_hear_nothing(
    producer,
    other_district_officer,
    commune_officer,
    submitted,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        transitions.accept_dossier(submitted, by=commune_officer, assessment=ASSESSMENT)

    assert _recipients(mailoutbox) == ["chuthe@example.vn"]


@pytest.mark.django_db
def test_a_failing_mail_server_loses_no_transition(
    settings, producer, commune_officer, submitted, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = f"{__name__}.FailingBackend"

    with django_capture_on_commit_callbacks(execute=True):
        transitions.accept_dossier(submitted, by=commune_officer, assessment=ASSESSMENT)

    submitted.refresh_from_db()
    assert submitted.state == DossierState.ACCEPTED
    assert list(
        DossierEvent.objects.filter(dossier=submitted).values_list("action", flat=True)
    ) == ["accept"]


@pytest.mark.django_db
def test_no_email_goes_out_when_the_transition_is_refused(
    producer, commune_officer, submitted, mailoutbox, django_capture_on_commit_callbacks
):
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(transitions.TransitionError),
    ):
        transitions.forward_dossier(submitted, by=commune_officer)

    assert mailoutbox == []


@pytest.mark.django_db
def test_assignment_asks_the_councils_scoring_members_to_score(
    producer,
    provincial_office,
    open_round,
    make_dossier,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    from councils.models import CouncilRole

    council = factories.CouncilFactory(round=open_round)
    for email, role in [
        ("chutich@example.vn", CouncilRole.CHAIR),
        ("uyvien@example.vn", CouncilRole.MEMBER),
        ("tuvan@example.vn", CouncilRole.ADVISER),  # advises, does not score
    ]:
        factories.CouncilMemberFactory(council=council, user__email=email, role=role)
    other = factories.CouncilFactory(round=open_round, name="Hội đồng khác")
    factories.CouncilMemberFactory(council=other, user__email="hoidongkhac@example.vn")
    forwarded = make_dossier(DossierState.FORWARDED)

    with django_capture_on_commit_callbacks(execute=True):
        transitions.assign_dossier(forwarded, by=provincial_office, council=council)

    assert _recipients(mailoutbox) == [
        "chuthe@example.vn",
        "chutich@example.vn",
        "uyvien@example.vn",
    ]
    to_member = next(m for m in mailoutbox if m.to == ["uyvien@example.vn"])
    assert "phiếu đánh giá" in to_member.body
