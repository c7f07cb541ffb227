"""The approver's approval screen (issue 20): one council result with the council's proposal and
consolidated sheet beside the decision, for the approver of the result's province only; the
decision goes through the transitions like the admin's bulk action."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from accounts.landing import landing_url_for
from accounts.models import Role
from certificates.models import Certificate, IssuedDocument, Notice
from councils.models import CouncilResult
from councils.services import declare_conflict
from councils.sessions import close_session, record_discussion
from dossiers.models import DossierState
from evaluations.models import DossierEvent
from evaluations.transitions import close_scoring
from tests import factories

from .conftest import submitted_sheet

# The decisions below are dated against the pinned day (conftest.TODAY): without it the clock
# starts at OCOP_TEST_DATE, and a decision dated after that day is refused as in the future.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("today")]

DECISION = {"decision_number": "1234/QĐ-UBND", "decision_date": "2026-09-10"}


def screen(result) -> str:
    return reverse("admin:evaluations_councilresult_approval", args=[result.pk])


def _scored(dossier, chair, totals, members):
    for member, total in zip(members, totals, strict=True):
        submitted_sheet(dossier, member, total)
    close_scoring(dossier, by=chair)
    dossier.refresh_from_db()
    return dossier.result


@pytest.fixture
def scorers(chair, secretary, council_member, second_member):
    return [chair, secretary, council_member, second_member]


@pytest.fixture
def four_stars(dossier, chair, scorers, in_session):
    """A result of 75 points closed in the session (members scored 80, 78, 72, 70), rated 4★:
    the arranged sheets miss some 4★ minima, so the stored rating is set as if they met them."""
    result = _scored(dossier, chair, [80, 78, 72, 70], scorers)
    CouncilResult.objects.filter(pk=result.pk).update(stars=4, band_stars=4, unmet_minima=[])
    result.refresh_from_db()
    return result


@pytest.fixture
def two_stars(council, producer_org, chair, scorers, in_session, four_stars):
    low = factories.DossierFactory(
        round=council.round,
        product__producer=producer_org,
        product__name="Nhãn lồng sấy khô",
        state=DossierState.IN_SCORING,
        council=council,
        revision=1,
    )
    in_session.items.create(dossier=low, position=2)
    return _scored(low, chair, [42, 40, 40, 38], scorers)


def test_screen_shows_the_proposal_and_the_consolidated_sheet(client, approver, four_stars):
    client.force_login(approver)

    response = client.get(screen(four_stars))

    assert response.status_code == 200
    page = response.text
    assert "Mật ong hoa nhãn Khoái Châu" in page
    assert 'data-role="proposal"' in page
    # The average in the Vietnamese format, its stars, and the proposed decision.
    assert "75,00" in page
    assert "Công nhận sản phẩm OCOP 4 sao" in page
    # Every counted member's column, each member's total, a group's subtotal row and a criterion.
    sheet = response.context["sheet"]
    assert len(sheet.consolidated.counted) == 4
    for name in ("Đặng Văn Chủ", "Bùi Thị Thư", "Hoàng Văn Hội", "Lý Văn Hai"):
        assert name in page
    for total in ("80,00", "78,00", "72,00", "70,00"):
        assert total in page
    assert 'data-role="part-A"' in page
    first = sheet.consolidated.rows[0].criterion
    assert f"{first.code}. {first.title}" in page
    # Only the choice the law allows for a 4★ result, and sending it back.
    choices = [value for value, _label in response.context["form"].fields["decision"].choices]
    assert choices == ["recognise", "send_back"]
    # The proposal of the session, as a PDF (a draft while the session is open).
    session_id = four_stars.dossier.session_items.get().session_id
    assert reverse("evaluations:session-proposal", args=[session_id]) in page


def test_spread_beyond_the_limit_is_flagged(client, approver, dossier, chair, scorers, in_session):
    record_discussion(in_session.items.get(), by=chair, note="Giữ nguyên kết quả chấm")
    result = _scored(dossier, chair, [92, 60, 75, 73], scorers)
    client.force_login(approver)

    response = client.get(screen(result))

    assert result.spread_exceeded
    assert 'data-role="spread-flag"' in response.text
    assert "Giữ nguyên kết quả chấm" in response.text


def test_a_result_of_90_points_offers_only_the_nomination(
    client, approver, dossier, chair, scorers, in_session
):
    result = _scored(dossier, chair, [95, 92, 90, 91], scorers)
    client.force_login(approver)

    response = client.get(screen(result))

    choices = [value for value, _label in response.context["form"].fields["decision"].choices]
    assert choices == ["nominate", "send_back"]
    # The arranged sheets miss some 5★ minima: the central council will read which.
    assert result.missing_five_star_minima
    assert result.missing_five_star_minima_described()[0] in response.text
    # A recognition posted anyway is refused: the law sends the result to the ministry.
    client.post(screen(result), {"decision": "recognise", **DECISION})
    result.dossier.refresh_from_db()
    assert result.dossier.state == DossierState.SCORED
    assert Certificate.objects.count() == 0
    # The nomination goes through; the 5★ minima still missed travel with it.
    client.post(screen(result), {"decision": "nominate"})
    result.dossier.refresh_from_db()
    event = DossierEvent.objects.filter(dossier=result.dossier).last()
    assert result.dossier.state == DossierState.NOMINATED
    assert (event.actor, event.action) == (approver, "nominate")
    assert event.data["missing_five_star_minima"] == result.missing_five_star_minima


def test_approving_goes_through_the_transition(client, approver, four_stars, two_stars):
    client.force_login(approver)

    response = client.post(screen(four_stars), {"decision": "recognise", **DECISION})

    four_stars.refresh_from_db()
    four_stars.dossier.refresh_from_db()
    certificate = Certificate.objects.get()
    event = DossierEvent.objects.filter(dossier=four_stars.dossier).last()
    assert four_stars.dossier.state == DossierState.APPROVED
    assert (four_stars.decision_number, four_stars.decision_date) == (
        "1234/QĐ-UBND",
        datetime.date(2026, 9, 10),
    )
    assert (certificate.product, certificate.stars) == (four_stars.dossier.product, 4)
    assert (event.actor, event.action, event.from_state, event.to_state) == (
        approver,
        "approve",
        "scored",
        "approved",
    )
    assert event.data["certificate"] == certificate.number
    # On to the next result of the session still waiting, its decision number offered again.
    assert response["Location"] == screen(two_stars)
    following = client.get(response["Location"])
    assert following.context["form"].initial["decision_number"] == "1234/QĐ-UBND"


def test_a_notice_for_a_two_star_result(client, approver, two_stars):
    client.force_login(approver)

    client.post(screen(two_stars), {"decision": "notice", **DECISION})

    two_stars.dossier.refresh_from_db()
    assert two_stars.dossier.state == DossierState.NOT_RECOGNISED
    assert Notice.objects.filter(dossier=two_stars.dossier).exists()
    assert Certificate.objects.count() == 0


def test_a_recognition_needs_the_decision_number_and_date(client, approver, four_stars):
    client.force_login(approver)

    response = client.post(screen(four_stars), {"decision": "recognise"})

    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"decision_number", "decision_date"}
    four_stars.dossier.refresh_from_db()
    assert four_stars.dossier.state == DossierState.SCORED


def test_sending_back_needs_a_reason_and_reopens_scoring(client, approver, four_stars):
    client.force_login(approver)

    refused = client.post(screen(four_stars), {"decision": "send_back"})
    client.post(screen(four_stars), {"decision": "send_back", "reason": "Chấm lại tiêu chí 1.1"})

    assert "reason" in refused.context["form"].errors
    four_stars.dossier.refresh_from_db()
    assert four_stars.dossier.state == DossierState.IN_SCORING


def test_a_decided_result_is_read_only(client, approver, four_stars):
    client.force_login(approver)
    client.post(screen(four_stars), {"decision": "recognise", **DECISION})

    response = client.get(screen(four_stars))
    again = client.post(screen(four_stars), {"decision": "recognise", **DECISION})

    assert response.context["form"] is None
    assert 'data-role="decided"' in response.text
    assert '<form method="post"' not in response.text
    assert again.status_code == 302
    assert Certificate.objects.count() == 1


def test_an_approver_of_another_province_gets_404(client, four_stars):
    elsewhere = factories.UserFactory(
        email="lanhdao@hanoi.example.vn", role=Role.APPROVER, province_id=1, is_staff=True
    )
    client.force_login(elsewhere)

    assert client.get(screen(four_stars)).status_code == 404
    assert client.post(screen(four_stars), {"decision": "recognise", **DECISION}).status_code == 404
    four_stars.dossier.refresh_from_db()
    assert four_stars.dossier.state == DossierState.SCORED


@pytest.mark.parametrize("persona", ["provincial_office"])
def test_other_staff_get_404(client, request, persona, four_stars):
    client.force_login(request.getfixturevalue(persona))

    assert client.get(screen(four_stars)).status_code == 404
    assert client.post(screen(four_stars), {"decision": "recognise", **DECISION}).status_code == 404
    start = reverse("admin:evaluations_councilresult_approval_start")
    assert client.get(start).status_code == 404


@pytest.mark.parametrize("persona", ["producer", "council_member", "chair"])
def test_people_outside_the_admin_are_sent_to_its_sign_in(client, request, persona, four_stars):
    client.force_login(request.getfixturevalue(persona))

    response = client.get(screen(four_stars))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_the_results_list_and_the_landing_page_lead_to_the_screen(client, approver, four_stars):
    client.force_login(approver)

    listing = client.get(reverse("admin:councils_councilresult_changelist") + "?state=scored")
    landing = client.get(landing_url_for(approver))

    assert screen(four_stars) in listing.text
    assert landing.status_code == 302
    assert landing["Location"] == screen(four_stars)


def test_the_landing_page_falls_back_to_the_list_when_nothing_waits(client, approver, areas):
    client.force_login(approver)

    landing = client.get(landing_url_for(approver))

    assert landing["Location"] == (
        reverse("admin:councils_councilresult_changelist") + "?state=scored"
    )


def test_the_signed_proposal_is_linked_once_the_session_is_closed(
    client, approver, four_stars, in_session, chair
):
    close_session(in_session, by=chair)
    client.force_login(approver)
    client.get(reverse("evaluations:session-proposal", args=[in_session.pk]))  # issues it

    response = client.get(screen(four_stars))

    assert response.context["sheet"].proposal is not None
    assert response.context["sheet"].proposal.sha256 in response.text


def test_members_with_a_conflict_are_listed_apart(
    client, approver, dossier, chair, secretary, council_member, second_member, in_session
):
    declare_conflict(dossier, member=second_member, note="Cổ đông của hợp tác xã")
    result = _scored(dossier, chair, [80, 78, 72], [chair, secretary, council_member])
    client.force_login(approver)

    response = client.get(screen(result))

    assert result.average == Decimal("76.67")
    assert "Cổ đông của hợp tác xã" in response.text
    assert "76,67" in response.text


def test_the_decision_is_issued_once_no_result_of_the_round_waits(
    client, approver, four_stars, two_stars
):
    client.force_login(approver)

    client.post(screen(four_stars), {"decision": "recognise", **DECISION})
    issued_early = IssuedDocument.objects.filter(key__startswith="decision:").exists()
    last = client.post(screen(two_stars), {"decision": "notice", **DECISION}, follow=True)

    # Issued once, with the round's every recognition in it, not frozen with the first.
    assert not issued_early
    assert IssuedDocument.objects.filter(key__startswith="decision:").count() == 1
    assert reverse("evaluations:decision-pdf") in last.text
