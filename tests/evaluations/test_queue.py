"""The local officers' queue, the province-wide list and the producer's own list: who sees
what, the filters, the working-day clock, and queries that do not grow with the rows."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from dossiers.models import DossierState
from regions.models import Commune
from tests import factories

QUEUE = reverse("evaluations:queue")
PROVINCE_LIST = reverse("evaluations:dossier-list")
MINE = reverse("evaluations:my-dossiers")


def _submitted(producer_org, *, days_ago=1, state=DossierState.SUBMITTED, **kwargs):
    return factories.DossierFactory(
        product__producer=producer_org,
        state=state,
        revision=1,
        submitted_at=timezone.now() - datetime.timedelta(days=days_ago),
        **kwargs,
    )


def _listed(response):
    return [d.pk for d in response.context["dossiers"]]


@pytest.mark.django_db
def test_officer_of_one_former_district_sees_none_of_anothers(
    client, district_officer, other_district_officer, producer_org, stranger, today
):
    ours = _submitted(producer_org)
    theirs = _submitted(stranger.producer_membership.producer)

    client.force_login(district_officer)
    mine = _listed(client.get(QUEUE))
    client.force_login(other_district_officer)
    other = _listed(client.get(QUEUE))

    assert (mine, other) == ([ours.pk], [theirs.pk])


@pytest.mark.django_db
def test_commune_officer_sees_only_their_commune(
    client, commune_officer, producer_org, neighbour_commune, today
):
    ours = _submitted(producer_org)
    _submitted(factories.ProducerFactory(commune=neighbour_commune))
    client.force_login(commune_officer)

    response = client.get(QUEUE)

    assert _listed(response) == [ours.pk]


@pytest.mark.django_db
def test_officer_queue_lists_what_awaits_them_oldest_first_by_default(
    client, district_officer, producer_org, today
):
    newer = _submitted(producer_org, days_ago=1)
    older = _submitted(producer_org, days_ago=8)
    accepted = _submitted(producer_org, days_ago=3, state=DossierState.ACCEPTED)
    _submitted(producer_org, state=DossierState.RETURNED)
    _submitted(producer_org, state=DossierState.FORWARDED)
    factories.DossierFactory(product__producer=producer_org)  # a draft
    client.force_login(district_officer)

    response = client.get(QUEUE)

    assert _listed(response) == [older.pk, accepted.pk, newer.pk]


@pytest.mark.django_db
def test_officer_filters_the_queue_by_state_round_commune_and_criteria_set(
    client, district_officer, producer_org, neighbour_commune, today
):
    other_round = factories.RoundFactory()
    forwarded = _submitted(producer_org, state=DossierState.FORWARDED)
    in_other_round = _submitted(producer_org, round=other_round)
    neighbours = _submitted(factories.ProducerFactory(commune=neighbour_commune))
    honey = _submitted(producer_org, product__criteria_set=9)
    client.force_login(district_officer)

    by_state = _listed(client.get(QUEUE, {"state": "forwarded"}))
    by_round = _listed(client.get(QUEUE, {"state": "", "round": other_round.pk}))
    by_commune = _listed(client.get(QUEUE, {"commune": neighbour_commune.pk}))
    by_set = _listed(client.get(QUEUE, {"criteria_set": 9}))

    assert (by_state, by_round, by_commune, by_set) == (
        [forwarded.pk],
        [in_other_round.pk],
        [neighbours.pk],
        [honey.pk],
    )


@pytest.mark.django_db
def test_officer_sees_working_days_elapsed_and_the_overdue_flag(
    client, commune_officer, producer_org, today
):
    # Submitted Monday 17/08/2026: 19 working days by Tuesday 15/09 (1/9 and 2/9 are holidays).
    late = _submitted(producer_org, days_ago=29)
    fresh = _submitted(producer_org, days_ago=1)
    client.force_login(commune_officer)

    response = client.get(QUEUE)

    clocks = {d.pk: d.clock for d in response.context["dossiers"]}
    assert (clocks[late.pk].elapsed, clocks[late.pk].overdue, clocks[late.pk].level) == (
        19,
        True,
        "danger",
    )
    assert (clocks[fresh.pk].elapsed, clocks[fresh.pk].remaining, clocks[fresh.pk].level) == (
        1,
        14,
        "success",
    )
    assert 'class="table-danger"' in response.text


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["producer", "provincial_office", "council_member"])
def test_only_local_officers_have_a_queue(client, request, persona):
    client.force_login(request.getfixturevalue(persona))

    response = client.get(QUEUE)

    assert response.status_code == 404


@pytest.mark.django_db
# The page: its ids sorted over the dossiers alone, then those rows joined (dossiers.views.lists).
@pytest.mark.parametrize(("item_count", "queries"), [(1, 8), (3, 8)])
def test_officer_queue_query_count_is_constant(
    client, district_officer, producer_org, today, item_count, queries, django_assert_num_queries
):
    for _ in range(item_count):
        _submitted(producer_org)
    client.force_login(district_officer)
    client.get(QUEUE)  # warm the per-process caches (province name, holidays)

    with django_assert_num_queries(queries):
        response = client.get(QUEUE)

    assert len(response.context["dossiers"]) == item_count


@pytest.mark.django_db
def test_provincial_office_lists_the_whole_province_but_no_drafts(
    client, provincial_office, producer_org, stranger, today
):
    ours = _submitted(producer_org)
    theirs = _submitted(stranger.producer_membership.producer, state=DossierState.FORWARDED)
    factories.DossierFactory(product__producer=producer_org)  # a draft
    elsewhere = factories.ProducerFactory(commune=Commune.objects.filter(province_id=1).first())
    _submitted(elsewhere, round=factories.RoundFactory(province_id=1))
    client.force_login(provincial_office)

    response = client.get(PROVINCE_LIST)

    assert sorted(_listed(response)) == sorted([ours.pk, theirs.pk])


@pytest.mark.django_db
def test_provincial_office_filters_by_former_district(
    client, provincial_office, producer_org, stranger, kim_dong, today
):
    _submitted(producer_org)
    theirs = _submitted(stranger.producer_membership.producer)
    client.force_login(provincial_office)

    response = client.get(PROVINCE_LIST, {"district": kim_dong.pk})

    assert _listed(response) == [theirs.pk]


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["producer", "commune_officer", "council_member"])
def test_only_province_officials_see_the_province_list(client, request, persona):
    client.force_login(request.getfixturevalue(persona))

    response = client.get(PROVINCE_LIST)

    assert response.status_code == 404


@pytest.mark.django_db
# The page: its ids sorted over the dossiers alone, then those rows joined (dossiers.views.lists).
@pytest.mark.parametrize(("item_count", "queries"), [(1, 8), (3, 8)])
def test_province_list_query_count_is_constant(
    client, provincial_office, producer_org, today, item_count, queries, django_assert_num_queries
):
    for _ in range(item_count):
        _submitted(producer_org)
    client.force_login(provincial_office)
    client.get(PROVINCE_LIST)

    with django_assert_num_queries(queries):
        response = client.get(PROVINCE_LIST)

    assert len(response.context["dossiers"]) == item_count


@pytest.mark.django_db
def test_producer_lists_their_own_dossiers_drafts_included(
    client, producer, producer_org, stranger, today
):
    draft = factories.DossierFactory(product__producer=producer_org)
    submitted = _submitted(producer_org)
    _submitted(stranger.producer_membership.producer)
    client.force_login(producer)

    response = client.get(MINE)

    assert sorted(_listed(response)) == sorted([draft.pk, submitted.pk])


@pytest.mark.django_db
@pytest.mark.parametrize(("item_count", "queries"), [(1, 5), (3, 5)])
def test_producer_list_query_count_is_constant(
    client, producer, producer_org, today, item_count, queries, django_assert_num_queries
):
    for _ in range(item_count):
        _submitted(producer_org)
    client.force_login(producer)
    client.get(MINE)

    with django_assert_num_queries(queries):
        response = client.get(MINE)

    assert len(response.context["dossiers"]) == item_count


@pytest.mark.django_db
def test_the_rows_escape_what_producers_typed_and_link_each_dossier(
    client, district_officer, producer_org, today
):
    # The rows are rendered by Jinja2 (ocop_portal.jinja_env): autoescaped like Django's.
    dossier = _submitted(producer_org, product__name='<b onclick="x()">Mật ong</b>')
    client.force_login(district_officer)

    response = client.get(QUEUE)

    assert '<b onclick="x()">' not in response.text
    assert response.text.count("&lt;b onclick=&#34;x()&#34;&gt;Mật ong&lt;/b&gt;") == 2
    detail = reverse("evaluations:dossier-detail", args=[dossier.pk])
    assert response.text.count(f'href="{detail}"') == 2  # the phone's card and the table row
    assert "ngày làm việc" in response.text  # the clock of the local review, in Vietnamese
