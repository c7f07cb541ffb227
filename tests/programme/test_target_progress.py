"""Progress against plan targets: counted from the records, behind-plan rule, who sees what."""

import datetime
from fractions import Fraction

import pytest
from django.urls import reverse

from certificates.models import Certificate
from dossiers.models import Dossier
from programme.models import Metric, PlanTarget
from programme.selectors import elapsed_share, target_progress
from tests import factories

pytestmark = pytest.mark.django_db
TARGETS = reverse("programme:targets")


def _target(year=2026, metric=Metric.NEW_3_STAR_PLUS, value=10, **area):
    return PlanTarget.objects.create(year=year, metric=metric, value=value, **area)


def _direct_counts(year: int, in_area) -> dict[str, int]:
    """The figures counted the slow, obvious way: every record read into Python."""
    certificates = [
        c
        for c in Certificate.objects.select_related("dossier", "product__producer__commune")
        if c.decision_date.year == year
        and c.revoked_on is None
        and in_area(c.product.producer.commune)
    ]
    producers = {
        d.product.producer_id
        for d in Dossier.objects.select_related("round", "product__producer__commune")
        if d.state != "draft" and d.round.year == year and in_area(d.product.producer.commune)
    }
    return {
        Metric.NEW_3_STAR_PLUS: sum(
            c.dossier.kind == "first" and c.stars >= 3 for c in certificates
        ),
        Metric.NEW_4_STAR_PLUS: sum(
            c.dossier.kind == "first" and c.stars >= 4 for c in certificates
        ),
        Metric.UPGRADES: sum(c.dossier.kind == "upgrade" for c in certificates),
        Metric.RE_EVALUATIONS: sum(c.dossier.kind == "re_evaluation" for c in certificates),
        Metric.PRODUCERS_TAKING_PART: len(producers),
    }


@pytest.fixture
def mixed_records(recognise, producer_org, neighbour_commune, far_commune):
    """Recognitions of every kind over two former districts and two years, and dossiers."""
    neighbour = factories.ProducerFactory(commune=neighbour_commune)
    far = factories.ProducerFactory(commune=far_commune)
    recognise(producer_org, stars=3)
    recognise(producer_org, stars=4)
    recognise(producer_org, kind="re_evaluation", stars=3)
    recognise(neighbour, stars=5)
    recognise(neighbour, stars=4, revoked_on=datetime.date(2026, 8, 1), revocation_ground="misuse")
    recognise(far, kind="upgrade", stars=4)
    recognise(far, stars=4, on=datetime.date(2025, 11, 20))
    round_2026 = factories.RoundFactory(year=2026)
    factories.DossierFactory(round=round_2026, product__producer=far, state="submitted")
    factories.DossierFactory(round=round_2026, state="draft")  # a draft is not taking part
    factories.DossierFactory(
        round=factories.RoundFactory(year=2025),
        product__producer=factories.ProducerFactory(commune=neighbour_commune),
        state="submitted",
    )


def test_progress_figures_equal_direct_counts_from_the_records(
    provincial_office, mixed_records, home_commune, khoai_chau, kim_dong, today
):
    _target(commune=home_commune)

    rows = target_progress(user=provincial_office, year=2026, today=today)

    actual = {row.area.key: {m.metric: m.actual for m in row.metrics} for row in rows}
    areas = {
        "province-33": lambda commune: commune.province_id == 33,
        f"former_district-{khoai_chau.pk}": lambda c: c.former_district_id == khoai_chau.pk,
        f"former_district-{kim_dong.pk}": lambda c: c.former_district_id == kim_dong.pk,
        f"commune-{home_commune.pk}": lambda commune: commune.pk == home_commune.pk,
    }
    assert {key: actual[key] for key in areas} == {
        key: _direct_counts(2026, in_area) for key, in_area in areas.items()
    }
    assert actual[f"former_district-{khoai_chau.pk}"] == {
        Metric.NEW_3_STAR_PLUS: 3,
        Metric.NEW_4_STAR_PLUS: 2,
        Metric.UPGRADES: 0,
        Metric.RE_EVALUATIONS: 1,
        Metric.PRODUCERS_TAKING_PART: 2,
    }


@pytest.mark.parametrize(("recognised", "behind"), [(7, True), (8, False)])
def test_office_sees_area_behind_plan_below_the_share_of_the_year_gone_by(
    provincial_office, recognise, producer_org, khoai_chau, today, recognised, behind
):
    # 15/09/2026 is day 258 of 365: a target of 10 expects ceil(7.07) = 8 by today.
    _target(former_district=khoai_chau, value=10)
    for _ in range(recognised):
        recognise(producer_org)

    rows = target_progress(user=provincial_office, year=2026, today=today)

    row = next(r for r in rows if r.area.pk == khoai_chau.pk)
    assert (row.metrics[0].expected, row.metrics[0].actual, row.behind) == (8, recognised, behind)


@pytest.mark.parametrize(
    ("year", "value", "behind"),
    [(2025, 2, True), (2025, 1, False), (2027, 5, False)],
)
def test_office_sees_whole_target_expected_once_the_year_is_over(
    provincial_office, recognise, producer_org, today, year, value, behind
):
    _target(year=year, province_id=33, value=value)
    recognise(producer_org, on=datetime.date(2025, 3, 1))

    rows = target_progress(user=provincial_office, year=year, today=today)

    assert rows[0].behind == behind


def test_elapsed_share_counts_today():
    assert (
        elapsed_share(2026, datetime.date(2026, 1, 1)),
        elapsed_share(2026, datetime.date(2026, 12, 31)),
        elapsed_share(2024, datetime.date(2026, 1, 1)),
        elapsed_share(2027, datetime.date(2026, 6, 1)),
    ) == (Fraction(1, 365), 1, 1, 0)


def test_district_officer_sees_only_their_area(
    client, district_officer, home_commune, far_commune, khoai_chau, today
):
    _target(commune=home_commune)
    _target(commune=far_commune)
    client.force_login(district_officer)

    response = client.get(TARGETS, {"year": 2026})

    assert [row.area.key for row in response.context["rows"]] == [
        f"former_district-{khoai_chau.pk}",
        f"commune-{home_commune.pk}",
    ]
    assert far_commune.name not in response.text


def test_commune_officer_sees_only_their_commune(client, commune_officer, home_commune, today):
    client.force_login(commune_officer)

    response = client.get(TARGETS)

    assert [row.area.key for row in response.context["rows"]] == [f"commune-{home_commune.pk}"]
    assert response.context["can_edit"] is False


@pytest.mark.parametrize("persona", ["producer", "stranger"])
def test_producer_cannot_open_targets(client, request, persona):
    client.force_login(request.getfixturevalue(persona))

    response = client.get(TARGETS)

    assert response.status_code == 404


def test_office_page_highlights_areas_behind_plan(client, provincial_office, khoai_chau, today):
    _target(former_district=khoai_chau, value=4)
    client.force_login(provincial_office)

    response = client.get(TARGETS, {"year": 2026})

    behind = [row.area.name for row in response.context["rows"] if row.behind]
    assert behind == [khoai_chau.name]
    assert response.text.count('class="table-warning programme-behind"') == 1
    assert "Chậm so với kế hoạch" in response.text


@pytest.mark.parametrize("item_count", [1, 3])
def test_targets_page_query_count_is_constant(
    client,
    provincial_office,
    recognise,
    khoai_chau,
    item_count,
    warm_caches,
    django_assert_num_queries,
):
    communes = list(khoai_chau.communes.order_by("code")[:item_count])
    for commune in communes:
        _target(commune=commune, value=2)
        recognise(factories.ProducerFactory(commune=commune))
    client.force_login(provincial_office)

    with django_assert_num_queries(9):
        response = client.get(TARGETS, {"year": 2026})

    assert len([row for row in response.context["rows"] if row.indent]) == item_count
