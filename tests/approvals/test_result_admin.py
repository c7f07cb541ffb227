"""The approvers' screens in the Django admin: council results, decisions, certificates."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse
from django.utils import translation
from django.utils.formats import get_format, number_format

from certificates.models import Certificate
from councils.models import ScoreSheet
from dossiers.models import DossierState
from evaluations.models import DossierEvent
from evaluations.result_columns import two_places
from tests import factories

CHANGELIST = reverse("admin:councils_councilresult_changelist")
# Session, user, the round and district filters' choices, the count, the page; no unfiltered
# total, no distinct scan of the results for the filters, and no read of Django's permissions
# for a sidebar of every model (ocop_portal.admin_site).
QUERIES_FOR_RESULTS_LIST = 6
DECISION = {"decision_number": "1234/QĐ-UBND", "decision_date": "2026-09-10"}

# The decisions are dated against the pinned day (conftest.TODAY): without it the clock starts at
# OCOP_TEST_DATE, and a decision dated after that day is refused as in the future.
pytestmark = pytest.mark.usefixtures("today")


def _result(producer_org, **kwargs):
    product = factories.ProductFactory(producer=producer_org, name="Mật ong hoa nhãn Khoái Châu")
    return factories.CouncilResultFactory(dossier__product=product, **kwargs)


def _act(client, action, results, **data):
    return client.post(
        CHANGELIST,
        {"action": action, ACTION_CHECKBOX_NAME: [r.pk for r in results], **data},
        follow=True,
    )


@pytest.mark.django_db
def test_approver_sees_results_of_their_province_only(client, approver, producer_org):
    ours = _result(producer_org)
    elsewhere = factories.CouncilResultFactory(dossier__round__province_id=1)
    client.force_login(approver)

    response = client.get(CHANGELIST)

    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == [ours]
    assert elsewhere.dossier.product.name not in response.text


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["producer", "stranger", "commune_officer", "council_member"])
def test_non_staff_cannot_open_the_results_admin(client, request, persona, producer_org):
    _result(producer_org)
    client.force_login(request.getfixturevalue(persona))

    response = client.get(CHANGELIST)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


@pytest.mark.django_db
def test_provincial_office_sees_results_but_has_no_actions(client, provincial_office, producer_org):
    result = _result(producer_org)
    client.force_login(provincial_office)

    listing = client.get(CHANGELIST)
    response = _act(client, "approve_results", [result], apply="1", **DECISION)

    assert listing.context["action_form"] is None
    result.dossier.refresh_from_db()
    assert result.dossier.state == DossierState.SCORED
    assert response.status_code == 200
    assert Certificate.objects.count() == 0


@pytest.mark.django_db
def test_approve_shows_what_will_happen_before_doing_it(client, approver, producer_org):
    four_stars = _result(producer_org)
    two_stars = factories.CouncilResultFactory(stars=2, average=Decimal("41.00"))
    client.force_login(approver)

    response = _act(client, "approve_results", [four_stars, two_stars])

    assert response.status_code == 200
    assert sorted(str(outcome) for _, outcome in response.context["plan"]) == [
        "công nhận 4★; cấp giấy chứng nhận",
        "không công nhận; ban hành văn bản thông báo",
    ]
    four_stars.dossier.refresh_from_db()
    assert four_stars.dossier.state == DossierState.SCORED
    assert Certificate.objects.count() == 0


@pytest.mark.django_db
def test_approver_approves_a_4_star_result_with_a_decision(client, approver, producer_org):
    result = _result(producer_org)
    client.force_login(approver)

    response = _act(client, "approve_results", [result], apply="1", **DECISION)

    result.refresh_from_db()
    result.dossier.refresh_from_db()
    certificate = Certificate.objects.get()
    event = DossierEvent.objects.filter(dossier=result.dossier).last()
    assert response.status_code == 200
    assert result.dossier.state == DossierState.APPROVED
    assert (result.decision_number, result.decision_date) == (
        "1234/QĐ-UBND",
        datetime.date(2026, 9, 10),
    )
    assert (certificate.product, certificate.stars, certificate.decision_number) == (
        result.dossier.product,
        4,
        "1234/QĐ-UBND",
    )
    assert (event.actor, event.action, event.from_state, event.to_state) == (
        approver,
        "approve",
        "scored",
        "approved",
    )
    assert event.data["certificate"] == certificate.number


@pytest.mark.django_db
def test_approving_a_2_star_result_issues_a_notice_not_a_certificate(client, approver):
    result = factories.CouncilResultFactory(stars=2, band_stars=2, average=Decimal("41.00"))
    client.force_login(approver)

    _act(client, "approve_results", [result], apply="1", **DECISION)

    result.dossier.refresh_from_db()
    assert result.dossier.state == DossierState.NOT_RECOGNISED
    assert Certificate.objects.count() == 0
    assert result.dossier.events.get().action == "notify_not_recognised"


@pytest.mark.django_db
def test_a_5_star_result_is_not_approved_by_the_province(client, approver):
    result = factories.CouncilResultFactory(stars=5, band_stars=5, average=Decimal("91.25"))
    client.force_login(approver)

    response = _act(client, "approve_results", [result], apply="1", **DECISION)

    result.dossier.refresh_from_db()
    assert result.dossier.state == DossierState.SCORED
    assert Certificate.objects.count() == 0
    assert "đánh giá 5 sao cấp quốc gia" in response.text


@pytest.mark.django_db
def test_approving_twice_creates_one_certificate(client, approver, producer_org):
    result = _result(producer_org)
    client.force_login(approver)

    _act(client, "approve_results", [result], apply="1", **DECISION)
    response = _act(client, "approve_results", [result], apply="1", **DECISION)

    assert Certificate.objects.count() == 1
    assert result.dossier.events.filter(action="approve").count() == 1
    assert "thao tác chưa được thực hiện" in response.text


@pytest.mark.django_db
def test_decision_date_in_the_future_is_refused(client, approver, producer_org, today):
    result = _result(producer_org)
    client.force_login(approver)

    response = _act(
        client,
        "approve_results",
        [result],
        apply="1",
        decision_number="1/QĐ",
        decision_date="2026-12-01",
    )

    result.dossier.refresh_from_db()
    assert result.dossier.state == DossierState.SCORED
    assert response.context["form"].errors["decision_date"] == [
        "Ngày quyết định không thể ở tương lai."
    ]


@pytest.mark.django_db
def test_send_back_needs_a_reason_and_reopens_the_sheets(client, approver, producer_org):
    result = _result(producer_org)
    sheet = ScoreSheet.objects.create(
        dossier=result.dossier, member=result.closed_by, submitted_at=result.closed_at
    )
    client.force_login(approver)

    refused = _act(client, "send_back_results", [result], apply="1", reason="")
    _act(client, "send_back_results", [result], apply="1", reason="Chênh lệch điểm tiêu chí 6.1")

    sheet.refresh_from_db()
    result.dossier.refresh_from_db()
    assert "reason" in refused.context["form"].errors
    assert result.dossier.state == DossierState.IN_SCORING
    assert sheet.submitted_at is None
    assert result.dossier.events.get().comment == "Chênh lệch điểm tiêu chí 6.1"


@pytest.mark.django_db
def test_only_results_of_90_points_or_more_are_nominated(client, approver):
    high = factories.CouncilResultFactory(stars=5, band_stars=5, average=Decimal("90.00"))
    low = factories.CouncilResultFactory(stars=4, average=Decimal("89.99"))
    client.force_login(approver)

    _act(client, "nominate_results", [high, low])

    high.dossier.refresh_from_db()
    low.dossier.refresh_from_db()
    assert (high.dossier.state, low.dossier.state) == (DossierState.NOMINATED, DossierState.SCORED)


@pytest.mark.django_db
def test_ministry_result_of_5_stars_issues_a_5_star_certificate(client, approver):
    result = factories.CouncilResultFactory(
        stars=5, band_stars=5, average=Decimal("92.40"), dossier__state=DossierState.NOMINATED
    )
    client.force_login(approver)

    _act(
        client,
        "record_ministry",
        [result],
        apply="1",
        stars="5",
        decision_number="88/QĐ-BNNMT",
        decision_date="2026-09-01",
    )

    result.refresh_from_db()
    result.dossier.refresh_from_db()
    assert result.dossier.state == DossierState.APPROVED
    assert (result.ministry_stars, result.ministry_decision_number) == (5, "88/QĐ-BNNMT")
    assert Certificate.objects.get().stars == 5


@pytest.mark.django_db
@pytest.mark.parametrize("item_count", [1, 3])
def test_results_list_query_count_is_constant(
    client, approver, item_count, django_assert_num_queries
):
    factories.CouncilResultFactory.create_batch(item_count)
    client.force_login(approver)

    with django_assert_num_queries(QUERIES_FOR_RESULTS_LIST):
        response = client.get(CHANGELIST)

    assert len(response.context["cl"].result_list) == item_count


@pytest.mark.django_db
def test_results_filter_by_round_and_stars_offers_only_the_provinces_rounds(client, approver):
    first = factories.CouncilResultFactory(dossier__round__name="Đợt 1 năm 2026", stars=3)
    second = factories.CouncilResultFactory(dossier__round__name="Đợt 2 năm 2026", stars=4)
    factories.CouncilResultFactory(dossier__round__province_id=1, dossier__round__name="Đợt ngoài")
    client.force_login(approver)

    by_round = client.get(CHANGELIST, {"round": first.dossier.round_id})
    by_stars = client.get(CHANGELIST, {"stars": 4})

    assert list(by_round.context["cl"].result_list) == [first]
    assert list(by_stars.context["cl"].result_list) == [second]
    assert "Đợt 2 năm 2026" in by_round.text
    assert "Đợt ngoài" not in by_round.text


@pytest.mark.django_db
def test_approver_reads_which_note_stopped_a_result(client, approver, producer_org):
    note = "Ghi chú: Bị loại nếu phát hiện giống hệt sản phẩm của nhà sản xuất khác"
    result = _result(
        producer_org,
        stars=0,
        stopped_by=[
            {"criterion": "2.1", "kind": "knockout", "text": note, "members": ["Lý Văn Hai"]}
        ],
    )
    client.force_login(approver)

    page = client.get(reverse("admin:councils_councilresult_change", args=[result.pk]))

    assert page.status_code == 200
    assert f"2.1: {note} (Lý Văn Hai)" in page.text


@pytest.mark.django_db
def test_a_stopped_result_is_never_nominable_whatever_its_average(producer_org):
    note = {"criterion": "6.1", "kind": "stop", "text": "…", "members": []}

    result = _result(producer_org, average=Decimal("95.00"), stars=0, stopped_by=[note])

    assert (result.nominable, result.certifiable) == (False, False)


@pytest.mark.django_db
def test_a_bulk_approval_issues_one_decision_listing_the_products(
    client, today, approver, producer_org
):
    """Issue 18: the Quyết định công nhận lists the products approved together, issued once."""
    import io

    from pypdf import PdfReader

    honey = _result(producer_org)
    tea = factories.CouncilResultFactory(
        dossier__product=factories.ProductFactory(producer=producer_org, name="Chè búp Tân Cương")
    )
    client.force_login(approver)

    _act(client, "approve_results", [honey, tea], apply="1", **DECISION)
    url = reverse("evaluations:decision-pdf")
    query = {"number": DECISION["decision_number"], "date": DECISION["decision_date"]}
    first = client.get(url, query)
    second = client.get(url, query)

    assert first.status_code == 200
    assert first.content == second.content
    pages = PdfReader(io.BytesIO(first.content)).pages
    text = " ".join(" ".join(page.extract_text().split()) for page in pages)
    for certificate in Certificate.objects.all():
        assert certificate.number in text
    assert "Mật ong hoa nhãn Khoái Châu" in text
    assert "Chè búp Tân Cương" in text


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_lists_two_decimal_places_read_as_number_format(language):
    with translation.override(language):
        separator = get_format("DECIMAL_SEPARATOR")
        for text in ["0", "0.05", "7.5", "10.00", "81.60", "89.99", "99.9", "100"]:
            value = Decimal(text).quantize(Decimal("0.01"))
            assert two_places(value, separator) == number_format(value, 2)
