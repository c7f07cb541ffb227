"""Conflicts of interest: members flagged for each reason, the declaration a flagged member owes
before scoring, and a declared conflict left out of the council's average."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from councils.conflicts import Reason, conflict_flags, conflict_reasons
from councils.models import ScoreSheet
from councils.services import (
    compute_council_result,
    declare_conflict,
    declare_no_conflict,
    save_sheet_points,
    sheet_for,
)
from tests import factories

from .conftest import sheet_points, submitted_sheet

pytestmark = pytest.mark.django_db


def test_member_unrelated_to_the_producer_is_not_flagged(council_member, dossier):
    council_member.organisation = "Trường Đại học Nông nghiệp"
    council_member.save()

    assert conflict_reasons(council_member, dossier) == ()


def test_member_holding_an_account_of_the_producer_is_flagged(
    council_member, dossier, producer_org
):
    factories.MembershipFactory(producer=producer_org, user=council_member, is_owner=False)

    assert conflict_reasons(council_member, dossier) == (str(Reason.MEMBER_OF_PRODUCER),)


@pytest.mark.parametrize(
    ("organisation", "flagged"),
    [
        ("HTX mat ong khoai chau", False),  # abbreviated differently: not the same name
        ("hợp tác xã mật ong  KHOÁI CHÂU", True),
        ("Hop tac xa Mat ong Khoai Chau", True),
        ("Mật ong Khoái Châu", True),
        ("Khoái Châu", True),
        ("Mật", False),
        ("", False),
    ],
)
def test_member_whose_organisation_bears_the_producers_name_is_flagged(
    council_member, dossier, organisation, flagged
):
    council_member.organisation = organisation
    council_member.save()

    reasons = conflict_reasons(council_member, dossier)

    assert reasons == ((str(Reason.ORGANISATION),) if flagged else ())


def test_member_living_or_working_in_the_producers_commune_is_flagged(
    council_member, dossier, home_commune, neighbour_commune
):
    council_member.home_commune = neighbour_commune
    council_member.save()
    elsewhere = conflict_reasons(council_member, dossier)
    council_member.home_commune = home_commune
    council_member.save()

    here = conflict_reasons(council_member, dossier)

    assert elsewhere == ()
    assert here == (str(Reason.COMMUNE),)


def test_flags_for_many_pairs_give_the_same_reasons_in_one_query(
    council_member, second_member, dossier, home_commune, django_assert_num_queries
):
    council_member.home_commune = home_commune
    council_member.save()
    dossier = type(dossier).objects.select_related("product__producer").get(pk=dossier.pk)

    with django_assert_num_queries(1):
        flags = conflict_flags([council_member, second_member], [dossier])

    assert flags == {(council_member.pk, dossier.pk): (str(Reason.COMMUNE),)}


@pytest.fixture
def flagged_member(council_member, home_commune):
    council_member.home_commune = home_commune
    council_member.save()
    return council_member


def test_flagged_member_must_declare_before_scoring(flagged_member, dossier, criteria_set):
    code = criteria_set.leaf_criteria()[0].code

    with pytest.raises(ValidationError) as refused:
        save_sheet_points(sheet_for(dossier, flagged_member), points={code: "0"})

    assert refused.value.code == "undeclared"
    assert ScoreSheet.objects.get(member=flagged_member).points_by_code == {}


def test_flagged_member_sees_why_and_is_refused_on_the_sheet_page(
    client, flagged_member, dossier, criteria_set
):
    client.force_login(flagged_member)
    code = criteria_set.leaf_criteria()[0].code

    page = client.get(reverse("evaluations:sheet", kwargs={"pk": dossier.pk}))
    refused = client.post(
        reverse("evaluations:sheet-autosave", kwargs={"pk": dossier.pk}),
        {code: "0"},
        HTTP_HX_REQUEST="true",
    )
    listing = client.get(reverse("evaluations:my-sheets"))

    assert page.context["conflict_reasons"] == ("sống hoặc làm việc tại xã của chủ thể",)
    assert 'data-role="conflict-flag"' in page.text
    assert refused.context["error"] == (
        "Bạn có thể có xung đột lợi ích với chủ thể này (sống hoặc làm việc tại xã của chủ thể). "
        "Hãy khai báo có hay không trước khi chấm điểm."
    )
    assert listing.context["to_score"][0].conflict_reasons == (
        "sống hoặc làm việc tại xã của chủ thể",
    )


def test_flagged_member_declaring_no_conflict_then_scores(
    client, flagged_member, dossier, criteria_set, today
):
    client.force_login(flagged_member)
    criterion = criteria_set.leaf_criteria()[0]
    points = str(criterion.options[0].points)

    client.post(reverse("evaluations:sheet-no-conflict", kwargs={"pk": dossier.pk}))
    save_sheet_points(sheet_for(dossier, flagged_member), points={criterion.code: points})

    sheet = ScoreSheet.objects.get(member=flagged_member)
    assert sheet.conflict_declared_at is not None
    assert sheet.conflict_of_interest is False
    assert sheet.points_by_code == {criterion.code: points}


def test_flagged_member_declaring_a_conflict_is_excluded_from_the_average(
    flagged_member, dossier, chair, secretary, second_member
):
    declare_conflict(dossier, member=flagged_member, note="Tôi sống cùng xã với chủ thể")
    for member, total in [(chair, 80), (secretary, 70), (second_member, 75)]:
        submitted_sheet(dossier, member, total)

    outcome = compute_council_result(dossier)
    sheet = ScoreSheet.objects.get(member=flagged_member)

    assert outcome.excluded == ["Hoàng Văn Hội"]
    assert outcome.result.average == Decimal("75.00")
    assert (sheet.conflict_of_interest, sheet.conflict_declared_at is not None) == (True, True)


def test_unflagged_member_scores_without_declaring(council_member, dossier, criteria_set):
    points = sheet_points(criteria_set, 10, partial=True)

    sheet = save_sheet_points(sheet_for(dossier, council_member), points=points)

    assert sheet.points_by_code == points


def test_chair_sees_the_flags_on_the_council_page(client, chair, flagged_member, dossier):
    declare_no_conflict(dossier, member=flagged_member)
    client.force_login(chair)

    response = client.get(reverse("evaluations:council-detail", kwargs={"pk": dossier.council_id}))

    cells = {
        seat.user_id: reasons for seat, _sheet, reasons in response.context["dossiers"][0].cells
    }
    assert cells[flagged_member.pk] == ("sống hoặc làm việc tại xã của chủ thể",)
    assert cells[chair.pk] == ()
    assert "đã khai không có" in response.text
