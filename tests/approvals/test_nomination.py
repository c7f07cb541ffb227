"""Art. 7.3.e: products "đạt từ 90 điểm trở lên" go to the central council. The points decide; the
5★ minima still missed are shown to the central council, never a bar to the nomination."""

from decimal import Decimal

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from certificates.models import Certificate
from criteria import scoring
from dossiers.models import DossierState
from evaluations.models import DossierEvent
from evaluations.transitions import (
    TransitionError,
    approve_result,
    nominate_for_national,
    notify_not_recognised,
)
from tests import factories

from ..criteria.test_scoring import SETS, best, sheet

CHANGELIST = reverse("admin:councils_councilresult_changelist")
DECISION = {"decision_number": "1234/QĐ-UBND", "decision_date": "2026-09-10"}


def _act(client, action, results, **data):
    return client.post(
        CHANGELIST,
        {"action": action, ACTION_CHECKBOX_NAME: [r.pk for r in results], **data},
        follow=True,
    )


def _ninety_two_missing_a_5_star_minimum(**kwargs):
    # Set 4, 2.3 (labelling) below its 5★ mark: 92 points, held at 4★ by the province's rating.
    return factories.CouncilResultFactory(
        average=Decimal("92.00"),
        stars=4,
        band_stars=5,
        unmet_minima=["2.3"],
        dossier__product__criteria_set=4,
        **kwargs,
    )


def test_the_scoring_module_nominates_90_points_missing_a_5_star_minimum():
    cs = SETS[6]
    points = best(cs) | {"4.1": Decimal(3)}  # 98 points, 4.1's 5★ mark is 5

    result = scoring.score(cs, points)

    assert (result.total, result.stars) == (Decimal(98), 4)
    assert result.nominate_national is True
    assert result.missing_five_star_minima == ("4.1",)


def test_below_90_nothing_is_nominated_and_no_5_star_minimum_is_listed():
    cs = SETS[6]

    result = scoring.score(cs, sheet(cs, 85, 4))

    assert result.total == Decimal(85)
    assert (result.nominate_national, result.missing_five_star_minima) == (False, ())


def test_a_stopped_sheet_of_90_points_is_not_nominated():
    result = scoring.score(SETS[6], best(SETS[6]), findings=["6.1"])

    assert (result.total, result.stars, result.nominate_national) == (Decimal(100), 0, False)


@pytest.mark.django_db
def test_approver_nominates_it_and_the_central_council_is_told_the_missing_minimum(
    today, client, approver
):
    result = _ninety_two_missing_a_5_star_minimum()
    client.force_login(approver)

    page = _act(client, "nominate_results", [result])

    result.dossier.refresh_from_db()
    assert result.dossier.state == DossierState.NOMINATED
    event = DossierEvent.objects.get(dossier=result.dossier)
    assert event.data == {"missing_five_star_minima": ["2.3"]}
    assert (
        f"{result.dossier.product.name}: các tiêu chí chưa đạt mức tối thiểu 5★, để Hội đồng "
        "Trung ương xem xét: 2.3 Phong cách, ghi nhãn hàng hóa"
    ) in page.text


@pytest.mark.django_db
def test_the_results_list_and_page_show_the_missing_5_star_minima(today, client, approver):
    result = _ninety_two_missing_a_5_star_minimum()
    below = factories.CouncilResultFactory(unmet_minima=["4.1"])  # 72.50: a 4★ minimum
    client.force_login(approver)

    listing = client.get(CHANGELIST)
    detail = client.get(reverse("admin:councils_councilresult_change", args=[result.pk]))

    rows = {row.pk: row for row in listing.context["cl"].result_list}
    assert rows[result.pk].missing_five_star_minima == ["2.3"]
    assert rows[below.pk].missing_five_star_minima == []
    assert "Tiêu chí chưa đạt tối thiểu 5★" in listing.text
    assert "<li>2.3 Phong cách, ghi nhãn hàng hóa</li>" in detail.text


@pytest.mark.django_db
def test_the_province_does_not_recognise_a_92_point_result_at_4_stars(today, client, approver):
    result = _ninety_two_missing_a_5_star_minimum()
    client.force_login(approver)

    plan = _act(client, "approve_results", [result])
    _act(client, "approve_results", [result], apply="1", **DECISION)

    assert "bỏ qua: từ 90 điểm trở lên — đề nghị đánh giá 5 sao cấp quốc gia" in plan.text
    result.dossier.refresh_from_db()
    assert result.dossier.state == DossierState.SCORED
    assert Certificate.objects.count() == 0
    with pytest.raises(TransitionError, match="90 điểm trở lên"):
        approve_result(
            result.dossier,
            by=approver,
            decision_number="1/QĐ-UBND",
            decision_date=today,
        )


@pytest.mark.django_db
def test_a_stopped_result_of_95_points_is_not_nominated(today, approver):
    result = factories.CouncilResultFactory(average=Decimal("95.00"), stars=0, band_stars=5)

    with pytest.raises(TransitionError, match="đã dừng"):
        nominate_for_national(result.dossier, by=approver)

    result.dossier.refresh_from_db()
    assert result.dossier.state == DossierState.SCORED


@pytest.mark.django_db
def test_a_90_point_result_held_below_3_stars_by_its_minima_is_nominated_not_refused(
    today, approver
):
    result = factories.CouncilResultFactory(
        average=Decimal("90.50"), stars=2, band_stars=5, unmet_minima=["2.2", "2.3"]
    )

    with pytest.raises(TransitionError, match="90 điểm trở lên"):
        notify_not_recognised(
            result.dossier, by=approver, decision_number="2/TB-UBND", decision_date=today
        )
    nominate_for_national(result.dossier, by=approver)

    result.dossier.refresh_from_db()
    assert result.dossier.state == DossierState.NOMINATED
