from decimal import Decimal

import pytest
from django.urls import reverse

from criteria import scoring
from products.assessment import summarise
from products.models import SelfAssessment
from tests import factories

pytestmark = pytest.mark.django_db
SHEET = scoring.load_criteria_set("26/2026", 4)  # honey: the ProductFactory's set
LAST = {c.code: len(c.options) - 1 for c in SHEET.leaf_criteria()}


@pytest.fixture
def product(producer, producer_org):
    return factories.ProductFactory(producer=producer_org, criteria_set=4)


def _post_sheet(client, product, choices: dict[str, int]):
    data = {f"c-{code}": str(index) for code, index in choices.items()}
    return client.post(reverse("products:self-assessment", kwargs={"pk": product.pk}), data)


def _answer(client, product, code: str, index: int):
    return client.post(
        reverse("products:self-assessment-answer", kwargs={"pk": product.pk}),
        {f"c-{code}": str(index)},
        headers={"HX-Request": "true"},
    )


def test_producer_sees_the_sheet_of_the_products_set(client, producer, product):
    client.force_login(producer)

    response = client.get(reverse("products:self-assessment", kwargs={"pk": product.pk}))

    scored = [row["code"] for row in response.context["rows"] if row.get("options")]
    assert scored == [c.code for c in SHEET.leaf_criteria()]
    assert response.context["editable"] is True


def test_one_answer_is_saved_and_the_summary_counts_it(client, producer, product):
    client.force_login(producer)

    response = _answer(client, product, "1.1", 2)

    assessment = SelfAssessment.objects.get(product=product)
    assert assessment.points_by_code == {"1.1": "3"}
    assert response.templates[0].name == "products/_assessment_summary.html"
    summary = response.context["summary"]
    assert (summary.answered, summary.total, summary.result) == (1, 32, None)


def test_answers_from_two_tabs_are_both_kept(client, producer, product):
    client.force_login(producer)

    _answer(client, product, "1.1", 0)
    _answer(client, product, "1.2", 2)  # set 4 1.2: 0, 1, 2 (issue 16)

    assert SelfAssessment.objects.get().points_by_code == {"1.1": "1", "1.2": "2"}


def test_a_complete_sheet_with_every_best_option_totals_100_and_5_stars(client, producer, product):
    client.force_login(producer)

    _post_sheet(client, product, LAST)

    summary = summarise(SelfAssessment.objects.get().product)
    assert summary.result.total == Decimal(100)
    assert summary.result.parts == {"A": Decimal(40), "B": Decimal(25), "C": Decimal(35)}
    assert (summary.result.band_stars, summary.result.stars, summary.unmet) == (5, 5, [])


def test_total_and_stars_are_those_of_the_scoring_module(client, producer, product):
    choices = {code: (index + 1) // 2 for code, index in LAST.items()}
    client.force_login(producer)

    _post_sheet(client, product, choices)

    points = {c.code: c.options[choices[c.code]].points for c in SHEET.leaf_criteria()}
    expected = scoring.score(SHEET, points)
    result = summarise(SelfAssessment.objects.get().product).result
    assert (result.total, result.parts, result.stars) == (
        expected.total,
        expected.parts,
        expected.stars,
    )


def test_a_missed_minimum_holds_the_stars_and_is_named(client, producer, product):
    client.force_login(producer)

    _post_sheet(client, product, {**LAST, "2.2": 1})  # 1 point where 3★ needs 2

    summary = summarise(SelfAssessment.objects.get().product)
    assert (summary.result.total, summary.result.band_stars, summary.result.stars) == (
        Decimal(98),
        5,
        2,
    )
    assert [(m.code, m.needed, m.chosen) for m in summary.unmet] == [
        ("2.2", Decimal(2), Decimal(1))
    ]


def test_alternative_options_with_equal_points_show_the_one_ticked(client, producer, producer_org):
    product = factories.ProductFactory(producer=producer_org, criteria_set=26)
    client.force_login(producer)

    _answer(client, product, "8", 2)  # "case 2", worth 1 point like option 0
    response = client.get(reverse("products:self-assessment", kwargs={"pk": product.pk}))

    (row,) = [row for row in response.context["rows"] if row["code"] == "8"]
    assert [option["checked"] for option in row["options"]] == [False, False, True, False]


def test_an_option_that_does_not_exist_is_refused(client, producer, product):
    client.force_login(producer)

    response = _answer(client, product, "1.1", 7)

    assert response.context["error"] is not None
    assert SelfAssessment.objects.count() == 0


def test_changing_the_products_set_empties_the_self_assessment(client, producer, product):
    factories.SelfAssessmentFactory(product=product, points_by_code={"1.1": "3"})
    client.force_login(producer)

    client.post(
        reverse("products:edit", kwargs={"pk": product.pk}),
        {"name": product.name, "criteria_set": "3", "version": "1"},
    )

    assert SelfAssessment.objects.filter(product=product).count() == 0


def test_product_under_review_shows_its_sheet_read_only(client, producer, product):
    factories.SelfAssessmentFactory(product=product, points_by_code={"1.1": "3"})
    factories.DossierFactory(product=product, state="in_scoring")
    client.force_login(producer)

    page = client.get(reverse("products:self-assessment", kwargs={"pk": product.pk}))
    _post_sheet(client, product, {"1.1": 0})

    assert page.context["editable"] is False
    assert SelfAssessment.objects.get().points_by_code == {"1.1": "3"}


def test_requirement_notes_show_under_the_title_not_in_it(client, producer, product):
    client.force_login(producer)

    response = client.get(reverse("products:self-assessment", kwargs={"pk": product.pk}))

    row = next(r for r in response.context["rows"] if r["code"] == "5.3")
    assert row["title"] == "Trí tuệ/bản sắc địa phương"
    assert '<p class="small text-muted mb-1 assessment-note">Yêu cầu: Nội dung' in response.text
    assert "bản sắc địa phương Yêu cầu" not in response.text
    assert 'data-role="note-stop"' in response.text  # 6.1: unacceptable impurities stop it


def test_bottled_water_with_a_0_on_a_sensory_criterion_would_stop(client, producer, producer_org):
    water = factories.ProductFactory(producer=producer_org, criteria_set=16)
    sheet = scoring.load_criteria_set("26/2026", 16)
    best = {c.code: len(c.options) - 1 for c in sheet.leaf_criteria()}
    client.force_login(producer)

    _post_sheet(client, water, best | {"6.3": 0})

    summary = summarise(water)
    assert (summary.result.stars, summary.result.stopped) == (0, True)
    assert summary.result.stopped_by[0].criterion == "6.3"
