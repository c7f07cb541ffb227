"""Setting plan targets: the provincial office only, every change kept with who, when and why."""

import pytest
from django.urls import reverse

from programme.models import Metric, PlanTarget, TargetRevision

pytestmark = pytest.mark.django_db
EDIT = reverse("programme:target-edit")
HISTORY = reverse("programme:target-history")


def _form(reason="Kế hoạch 123/KH-UBND năm 2026", **values):
    data = {metric.value: "" for metric in Metric}
    data.update({key: str(value) for key, value in values.items()})
    return {**data, "reason": reason}


def _values(area_filter) -> dict[str, int | None]:
    return dict(PlanTarget.objects.filter(**area_filter).values_list("metric", "value"))


def test_office_sets_an_area_targets_with_a_revision_each(
    client, provincial_office, khoai_chau, today
):
    client.force_login(provincial_office)
    url = f"{EDIT}?year=2026&area=former_district-{khoai_chau.pk}"

    response = client.post(url, _form(new_3_star_plus=6, producers_taking_part=12))

    assert response.status_code == 302
    assert _values({"former_district": khoai_chau}) == {
        "new_3_star_plus": 6,
        "producers_taking_part": 12,
    }
    revisions = TargetRevision.objects.order_by("target__metric")
    assert [
        (r.target.metric, r.previous_value, r.value, r.changed_by, r.reason) for r in revisions
    ] == [
        ("new_3_star_plus", None, 6, provincial_office, "Kế hoạch 123/KH-UBND năm 2026"),
        ("producers_taking_part", None, 12, provincial_office, "Kế hoạch 123/KH-UBND năm 2026"),
    ]


def test_office_revises_and_withdraws_targets_keeping_history(
    client, provincial_office, home_commune, today
):
    client.force_login(provincial_office)
    url = f"{EDIT}?year=2026&area=commune-{home_commune.pk}"
    client.post(url, _form(new_3_star_plus=2, upgrades=1))

    client.post(url, _form(reason="Điều chỉnh giữa năm", new_3_star_plus=3))

    assert _values({"commune": home_commune}) == {"new_3_star_plus": 3, "upgrades": None}
    latest = TargetRevision.objects.filter(reason="Điều chỉnh giữa năm").order_by("target__metric")
    assert [(r.target.metric, r.previous_value, r.value) for r in latest] == [
        ("new_3_star_plus", 2, 3),
        ("upgrades", 1, None),
    ]
    assert TargetRevision.objects.count() == 4


def test_office_must_give_a_reason(client, provincial_office, khoai_chau, today):
    client.force_login(provincial_office)

    response = client.post(
        f"{EDIT}?year=2026&area=province-33", _form(reason="", new_3_star_plus=40)
    )

    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["reason"]
    assert PlanTarget.objects.count() == 0


@pytest.mark.parametrize(
    "persona", ["district_officer", "council_member", "approver", "producer", "stranger"]
)
def test_only_the_provincial_office_sets_targets(client, request, persona, khoai_chau, today):
    client.force_login(request.getfixturevalue(persona))
    url = f"{EDIT}?year=2026&area=former_district-{khoai_chau.pk}"

    responses = [client.get(url), client.post(url, _form(new_3_star_plus=5))]

    assert [r.status_code for r in responses] == [404, 404]
    assert PlanTarget.objects.count() == 0


def test_office_cannot_set_targets_of_an_area_of_another_province(client, provincial_office, today):
    client.force_login(provincial_office)

    response = client.get(f"{EDIT}?year=2026&area=province-1")

    assert response.status_code == 404


@pytest.mark.parametrize(("persona", "status"), [("approver", 200), ("district_officer", 404)])
def test_history_is_for_provincial_roles(
    client, request, provincial_office, khoai_chau, persona, status, today
):
    client.force_login(provincial_office)
    client.post(f"{EDIT}?year=2026&area=former_district-{khoai_chau.pk}", _form(upgrades=2))
    client.force_login(request.getfixturevalue(persona))

    response = client.get(HISTORY, {"year": 2026, "area": f"former_district-{khoai_chau.pk}"})

    assert response.status_code == status


@pytest.mark.parametrize("item_count", [1, 3])
def test_history_query_count_is_constant(
    client, provincial_office, khoai_chau, item_count, warm_caches, django_assert_num_queries
):
    client.force_login(provincial_office)
    for commune in khoai_chau.communes.order_by("code")[:item_count]:
        client.post(f"{EDIT}?year=2026&area=commune-{commune.pk}", _form(new_3_star_plus=2))

    with django_assert_num_queries(4):
        response = client.get(HISTORY, {"year": 2026})

    assert len(response.context["revisions"]) == item_count
