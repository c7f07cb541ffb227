"""Each page opens for the person it is for, in Vietnamese, showing what that person may do."""

import pytest
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def idea(producer_org, producer):
    return factories.ProductIdeaFactory(producer=producer_org, entered_by=producer, name="Trà sen")


@pytest.mark.parametrize(
    ("persona", "url_name", "text"),
    [
        ("provincial_office", "programme:targets", "Giao chỉ tiêu cho một địa bàn"),
        ("provincial_office", "programme:support-list", "Tổng theo địa bàn và nguồn kinh phí"),
        ("provincial_office", "programme:support-create", "Ghi nhận hỗ trợ cho chủ thể"),
        ("provincial_office", "programme:event-create", "Thêm sự kiện"),
        ("producer", "programme:ideas", "Đăng ký ý tưởng sản phẩm"),
        ("producer", "programme:idea-create", "Phương án sản xuất kinh doanh"),
        ("district_officer", "programme:idea-create", "Chủ thể OCOP"),
        (None, "programme:events", "Sự kiện OCOP và hội chợ"),
        (None, "programme:area-catalogue", "Tải danh mục (PDF)"),
    ],
)
def test_person_opens_their_page(client, request, persona, url_name, text, today):
    if persona:
        client.force_login(request.getfixturevalue(persona))

    response = client.get(reverse(url_name))

    assert response.status_code == 200
    assert text in response.text


def test_office_opens_the_target_form_of_an_area(client, provincial_office, khoai_chau, today):
    client.force_login(provincial_office)

    response = client.get(
        reverse("programme:target-edit"), {"year": 2026, "area": f"former_district-{khoai_chau.pk}"}
    )

    assert response.status_code == 200
    assert f"Chỉ tiêu của {khoai_chau.name} năm 2026" in response.text


@pytest.mark.parametrize(
    ("persona", "can_advance", "can_advise", "can_edit"),
    [
        ("producer", False, False, True),
        ("commune_officer", True, True, True),
        ("approver", False, False, False),
    ],
)
def test_idea_page_offers_what_the_person_may_do(
    client, request, idea, persona, can_advance, can_advise, can_edit
):
    client.force_login(request.getfixturevalue(persona))

    response = client.get(reverse("programme:idea-detail", args=[idea.pk]))

    context = response.context
    assert (
        context["advance_form"] is not None,
        context["advice_form"] is not None,
        context["can_edit"],
    ) == (can_advance, can_advise, can_edit)
    assert "Trà sen" in response.text


def test_producer_edits_the_business_plan(client, producer, idea):
    client.force_login(producer)
    url = reverse("programme:idea-edit", args=[idea.pk])

    form_page = client.get(url)
    client.post(
        url,
        {
            "name": "Trà sen Tây Hồ",
            "description": idea.description,
            "criteria_set": "11",
            "plan_market": "Khách du lịch",
            "plan_revenue_vnd": "120.000.000",
        },
    )

    idea.refresh_from_db()
    assert form_page.status_code == 200
    assert (idea.name, idea.criteria_set, idea.plan_market, idea.plan_revenue_vnd) == (
        "Trà sen Tây Hồ",
        11,
        "Khách du lịch",
        120_000_000,
    )


def test_producer_opens_the_sales_points_of_their_product(client, producer, producer_org):
    product = factories.ProductFactory(producer=producer_org, name="Mật ong hoa nhãn")
    factories.SalesPointFactory(product=product, name="Cửa hàng Phố Hiến")
    client.force_login(producer)

    response = client.get(reverse("programme:sales-points", args=[product.pk]))

    assert response.status_code == 200
    assert "Cửa hàng Phố Hiến" in response.text
