"""The dashboard: its figures equal direct counts, restricted to the viewer's area."""

import datetime
import json
import re

import pytest
import time_machine
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from certificates.models import Certificate
from dossiers.models import DossierState, RoundState
from producers.models import ProducerKind
from tests import factories

URL = reverse("reports:dashboard")


def _current(today, **filters):
    return Certificate.objects.filter(
        revoked_on__isnull=True, replaced_by__isnull=True, valid_until__gte=today, **filters
    )


def _charts(response) -> dict:
    match = re.search(
        r'<script id="dashboard-charts" type="application/json">(.*?)</script>',
        response.text,
        re.S,
    )
    return json.loads(match.group(1))


@pytest.mark.django_db
def test_provincial_office_figures_equal_direct_counts(
    client, provincial_office, recognitions, today
):
    client.force_login(provincial_office)

    response = client.get(URL)

    in_province = {"product__producer__commune__province_id": 33}
    assert response.status_code == 200
    assert response.context["total"] == _current(today, **in_province).count() == 4
    assert response.context["by_stars"] == [
        {"stars": s, "count": _current(today, stars=s, **in_province).count()} for s in (3, 4, 5)
    ]
    assert response.context["by_kind"] == [
        {
            "kind": kind.label,
            "count": _current(today, product__producer__kind=kind, **in_province).count(),
        }
        for kind in ProducerKind
    ]
    assert [(d["former_district"], d["count"]) for d in response.context["by_area"]] == [
        ("Huyện Khoái Châu", 3),
        ("Huyện Kim Động", 1),
    ]
    assert response.context["by_sector"] == [
        {"sector": "Thực phẩm", "group": "Thực phẩm thô, sơ chế", "count": 2},
        {"sector": "Thực phẩm", "group": "Gia vị", "count": 1},
        {
            "sector": "Hàng thủ công mỹ nghệ",
            "group": "Thủ công mỹ nghệ gia dụng, trang trí",
            "count": 1,
        },
    ]


@pytest.mark.django_db
def test_provincial_office_trend_counts_every_certificate_issued_by_year(
    client, provincial_office, recognitions
):
    client.force_login(provincial_office)

    response = client.get(URL)

    assert [(r["year"], r["by_stars"], r["total"]) for r in response.context["by_year"]] == [
        (2023, [0, 1, 0], 1),
        (2024, [0, 0, 1], 1),
        (2025, [2, 2, 0], 4),
    ]


@pytest.mark.django_db
def test_district_officer_dashboard_counts_only_their_former_district(
    client, district_officer, recognitions, today
):
    client.force_login(district_officer)

    response = client.get(URL)

    assert response.context["total"] == 3
    assert response.context["by_stars"] == [
        {"stars": 3, "count": 1},
        {"stars": 4, "count": 1},
        {"stars": 5, "count": 1},
    ]
    assert [d["former_district"] for d in response.context["by_area"]] == ["Huyện Khoái Châu"]
    assert [r["total"] for r in response.context["by_year"]] == [1, 3]
    assert "Kim Động" not in response.text


@pytest.mark.django_db
def test_commune_officer_dashboard_counts_only_their_commune(
    client, commune_officer, recognitions, home_commune
):
    client.force_login(commune_officer)

    response = client.get(URL)

    assert response.context["total"] == 2
    assert response.context["by_area"] == [
        {
            "former_district": "Huyện Khoái Châu",
            "count": 2,
            "communes": [{"commune": home_commune.name, "count": 2}],
        }
    ]


@pytest.mark.django_db
def test_provincial_office_sees_rounds_in_progress_with_counts_per_state(
    client, provincial_office, district_officer, producer_org, far_commune, today
):
    open_round = factories.RoundFactory(name="Đợt 1 năm 2026")
    factories.RoundFactory(name="Đợt đã đóng", state=RoundState.CLOSED)
    states = [DossierState.SUBMITTED, DossierState.SUBMITTED, DossierState.FORWARDED]
    for state in states:
        factories.DossierFactory(round=open_round, product__producer=producer_org, state=state)
    factories.DossierFactory(round=open_round, state=DossierState.DRAFT)
    factories.DossierFactory(
        round=open_round, product__producer__commune=far_commune, state=DossierState.IN_SCORING
    )
    client.force_login(provincial_office)

    office = client.get(URL).context["rounds"]
    client.force_login(district_officer)
    officer = client.get(URL).context["rounds"]

    assert [r.round.name for r in office] == ["Đợt 1 năm 2026"]
    assert dict(zip(_state_names(), office[0].counts, strict=True)) == _counts(
        submitted=2, forwarded=1, in_scoring=1
    )
    assert dict(zip(_state_names(), officer[0].counts, strict=True)) == _counts(
        submitted=2, forwarded=1
    )


def _state_names():
    from reports.selectors import ROUND_STATES

    return [str(state) for state in ROUND_STATES]


def _counts(**nonzero):
    return {name: nonzero.get(name, 0) for name in _state_names()}


@pytest.mark.django_db
def test_provincial_office_sees_certificates_expiring_within_six_months(
    client, provincial_office, certify, home_commune, today
):
    soon = certify(home_commune, decided=datetime.date(2023, 10, 1))
    later = certify(home_commune, decided=datetime.date(2023, 12, 1))
    certify(home_commune, decided=datetime.date(2024, 6, 1))
    client.force_login(provincial_office)

    expiring = client.get(URL).context["expiring"]

    assert expiring["until"] == datetime.date(2027, 3, 15)
    assert expiring["certificates"] == [soon, later]
    assert expiring["total"] == 2
    assert [m["month"] for m in expiring["months"] if m["count"]] == ["10/2026", "12/2026"]


@pytest.mark.django_db
def test_dashboard_charts_carry_the_figures_of_the_tables(client, approver, recognitions):
    client.force_login(approver)

    response = client.get(URL)

    charts = _charts(response)
    assert charts["chart-stars"]["labels"] == ["3★", "4★", "5★"]
    assert charts["chart-stars"]["datasets"][0]["data"] == [2, 1, 1]
    assert charts["chart-areas"]["datasets"][0]["data"] == [3, 1]
    assert charts["chart-years"]["datasets"][2]["data"] == [0, 1, 0]


@pytest.mark.django_db
def test_dashboard_page_has_no_inline_script_or_style(client, provincial_office, recognitions):
    client.force_login(provincial_office)

    response = client.get(URL)

    scripts = re.findall(r"<script([^>]*)>", response.text)
    inline = [s for s in scripts if "src=" not in s and 'type="application/json"' not in s]
    assert inline == []
    assert "style=" not in response.text
    assert 'src="/static/js/dashboard.js"' in response.text


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["producer", "stranger", "council_member"])
def test_outsiders_get_404_on_the_dashboard(client, request, persona, recognitions):
    client.force_login(request.getfixturevalue(persona))

    response = client.get(URL)

    assert response.status_code == 404


@pytest.mark.django_db
def test_anonymous_visitor_is_sent_to_sign_in(client, areas):
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('accounts:login')}?next={URL}"


@pytest.mark.django_db
@pytest.mark.parametrize("item_count", [1, 3])
def test_dashboard_query_count_is_constant(
    client,
    provincial_office,
    certify,
    home_commune,
    far_commune,
    item_count,
    django_assert_num_queries,
):
    open_round = factories.RoundFactory()
    for index in range(item_count):
        commune = home_commune if index % 2 else far_commune
        certify(commune, stars=3 + index % 3, criteria_set=1 + index)
        factories.DossierFactory(
            round=open_round, product__producer__commune=commune, state=DossierState.SUBMITTED
        )
    client.force_login(provincial_office)
    client.get(URL)  # warm the per-process caches (province name in the header)
    cache.clear()  # but not the figures, which this test counts the queries of

    with django_assert_num_queries(12):
        response = client.get(URL)

    assert response.context["total"] == item_count
    assert response.context["rounds"][0].total == item_count


@pytest.mark.django_db
def test_dashboard_figures_are_shared_for_a_minute_then_refreshed_after_a_response(
    client, provincial_office, approver, certify, home_commune, today, django_assert_max_num_queries
):
    certify(home_commune, stars=4)
    client.force_login(provincial_office)
    assert client.get(URL).context["total"] == 1
    certify(home_commune, stars=3)

    client.force_login(approver)  # same province: the same figures
    with django_assert_max_num_queries(5):
        cached = client.get(URL)
    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=61)):
        # A minute later the first to ask is not kept waiting: shown the figures there were
        # (as of their time), which are recomputed once the response has gone.
        stale = client.get(URL)
        fresh = client.get(URL)

    assert (_total(cached), _total(stale), _total(fresh)) == (1, 1, 2)


def _total(response) -> int:
    """The headline figure as shown (a page from the cache carries no template context)."""
    return int(re.search(r'data-figure="total".*?<strong>(\d+)</strong>', response.text).group(1))
