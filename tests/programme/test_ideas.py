"""The potential-product pipeline: registering ideas, advice, stage moves, conversion."""

import pytest
from django.urls import reverse

from products.models import Product
from programme import services
from programme.models import IdeaAdvice, IdeaStage, IdeaStageChange, ProductIdea
from programme.permissions import can_view_idea
from tests import factories
from tests.conftest import PERSONAS

pytestmark = pytest.mark.django_db
IDEAS = reverse("programme:ideas")
CREATE = reverse("programme:idea-create")


def _url(name, idea):
    return reverse(f"programme:{name}", args=[idea.pk])


@pytest.fixture
def idea(producer_org, producer):
    return factories.ProductIdeaFactory(producer=producer_org, entered_by=producer)


@pytest.fixture
def planned(idea):
    """An idea whose business plan is complete, in the plan stage."""
    ProductIdea.objects.filter(pk=idea.pk).update(
        stage=IdeaStage.PLAN,
        criteria_set=11,
        plan_market="Khách du lịch, cửa hàng quà tặng ở Hà Nội.",
        plan_production="Ướp trà thủ công, 5 lao động địa phương.",
        raw_material_origin="Sen đầm Tây Hồ, chè Thái Nguyên.",
        in_province_material_share=60,
        capacity="2.000 hộp/năm",
        packaging="Hộp giấy 100 g",
    )
    idea.refresh_from_db()
    return idea


def test_producer_registers_an_idea(client, producer, producer_org):
    client.force_login(producer)

    response = client.post(
        CREATE,
        {"name": "Trà sen", "description": "Trà ướp sen.", "plan_investment_vnd": "1.500.000"},
    )

    idea = ProductIdea.objects.get()
    assert response.status_code == 302
    assert (idea.producer, idea.entered_by, idea.stage, idea.plan_investment_vnd) == (
        producer_org,
        producer,
        IdeaStage.IDEA,
        1_500_000,
    )
    assert list(idea.stage_changes.values_list("from_stage", "to_stage")) == [("", "idea")]


def test_officer_registers_an_idea_for_a_producer_of_their_area(
    client, commune_officer, producer_org, stranger
):
    client.force_login(commune_officer)
    outside = stranger.producer_membership.producer

    refused = client.post(CREATE, {"producer": outside.pk, "name": "X", "description": "Y"})
    accepted = client.post(
        CREATE, {"producer": producer_org.pk, "name": "Trà sen", "description": "Z"}
    )

    assert list(refused.context["form"].errors) == ["producer"]
    assert accepted.status_code == 302
    idea = ProductIdea.objects.get()
    assert (idea.producer, idea.entered_by, idea.entered_by_officer) == (
        producer_org,
        commune_officer,
        True,
    )


def test_can_view_idea_agrees_with_visible_to(
    request, producer_org, far_commune, neighbour_commune
):
    ideas = [
        factories.ProductIdeaFactory(producer=producer_org),
        factories.ProductIdeaFactory(producer__commune=neighbour_commune),
        factories.ProductIdeaFactory(producer__commune=far_commune),
    ]
    users = [request.getfixturevalue(name) for name in PERSONAS]

    answers = {
        (user.email, idea.pk): (
            can_view_idea(user, idea),
            ProductIdea.objects.visible_to(user).filter(pk=idea.pk).exists(),
        )
        for user in users
        for idea in ideas
    }

    assert all(predicate == scope for predicate, scope in answers.values())
    assert [can_view_idea(users[0], i) for i in ideas] == [True, False, False]
    assert [can_view_idea(users[3], i) for i in ideas] == [True, True, False]


@pytest.mark.parametrize("persona", ["stranger", "other_district_officer"])
def test_outsider_cannot_open_an_idea(client, request, idea, persona):
    client.force_login(request.getfixturevalue(persona))

    response = client.get(_url("idea-detail", idea))

    assert response.status_code == 404


def test_officer_records_advice(client, district_officer, idea, today):
    client.force_login(district_officer)

    response = client.post(
        _url("idea-advice", idea),
        {"kind": "training", "given_on": "2026-09-10", "text": "Tập huấn xây dựng phương án."},
    )

    assert response.status_code == 302
    advice = IdeaAdvice.objects.get()
    assert (advice.idea, advice.officer, advice.kind, str(advice.given_on)) == (
        idea,
        district_officer,
        "training",
        "2026-09-10",
    )


def test_producer_cannot_record_advice(client, producer, idea):
    client.force_login(producer)

    response = client.post(
        _url("idea-advice", idea), {"kind": "advice", "given_on": "2026-09-10", "text": "x"}
    )

    assert response.status_code == 404
    assert IdeaAdvice.objects.count() == 0


def test_officer_moves_an_idea_to_the_business_plan(client, commune_officer, idea):
    client.force_login(commune_officer)

    client.post(_url("idea-advance", idea), {"stage": "idea", "note": "Ý tưởng khả thi."})

    idea.refresh_from_db()
    assert idea.stage == IdeaStage.PLAN
    change = IdeaStageChange.objects.get(from_stage="idea")
    assert (change.to_stage, change.by, change.note) == (
        "plan",
        commune_officer,
        "Ý tưởng khả thi.",
    )


def test_idea_is_not_ready_for_rating_without_its_business_plan(client, commune_officer, idea):
    ProductIdea.objects.filter(pk=idea.pk).update(stage=IdeaStage.PLAN)
    client.force_login(commune_officer)

    response = client.post(_url("idea-advance", idea), {"stage": "plan"}, follow=True)

    idea.refresh_from_db()
    assert idea.stage == IdeaStage.PLAN
    assert [str(m) for m in response.context["messages"]] == [
        "Trước khi sẵn sàng đánh giá, cần nhập bộ tiêu chí đề xuất, "
        "thị trường và khách hàng, phương án sản xuất."
    ]


def test_second_officer_learns_the_idea_already_moved_on(client, commune_officer, idea):
    client.force_login(commune_officer)
    client.post(_url("idea-advance", idea), {"stage": "idea"}, follow=True)

    response = client.post(_url("idea-advance", idea), {"stage": "idea"}, follow=True)

    idea.refresh_from_db()
    assert idea.stage == IdeaStage.PLAN
    assert IdeaStageChange.objects.filter(from_stage="idea").count() == 1
    assert [str(m) for m in response.context["messages"]] == [
        "Ý tưởng này đã được chuyển bước. Xem bước hiện tại bên dưới."
    ]


def test_producer_cannot_move_their_idea_along(client, producer, idea):
    client.force_login(producer)

    response = client.post(_url("idea-advance", idea), {"stage": "idea"})

    idea.refresh_from_db()
    assert (response.status_code, idea.stage) == (404, IdeaStage.IDEA)


def test_conversion_keeps_what_was_entered(client, producer, district_officer, planned):
    services.advance_idea(planned, by=district_officer, expected_stage=IdeaStage.PLAN)
    client.force_login(producer)

    response = client.post(_url("idea-convert", planned))

    planned.refresh_from_db()
    product = Product.objects.get()
    assert response.status_code == 302
    assert (planned.stage, planned.converted_product) == (IdeaStage.CONVERTED, product)
    carried = [
        "name",
        "description",
        "criteria_set",
        "raw_material_origin",
        "in_province_material_share",
        "capacity",
        "packaging",
    ]
    assert {f: getattr(product, f) for f in carried} == {f: getattr(planned, f) for f in carried}
    assert product.producer_id == planned.producer_id


def test_an_idea_becomes_one_product_only(district_officer, planned):
    services.advance_idea(planned, by=district_officer, expected_stage=IdeaStage.PLAN)
    services.convert_idea(planned, by=district_officer)

    with pytest.raises(services.IdeaStageError):
        services.convert_idea(planned, by=district_officer)

    assert Product.objects.count() == 1


def test_idea_in_plan_stage_cannot_be_converted(client, producer, planned):
    client.force_login(producer)

    client.post(_url("idea-convert", planned))

    assert Product.objects.count() == 0


@pytest.mark.parametrize("item_count", [1, 3])
def test_idea_list_query_count_is_constant(
    client, district_officer, home_commune, item_count, warm_caches, django_assert_num_queries
):
    factories.ProductIdeaFactory.create_batch(item_count, producer__commune=home_commune)
    client.force_login(district_officer)

    with django_assert_num_queries(6):
        response = client.get(IDEAS)

    assert len(response.context["ideas"]) == item_count
