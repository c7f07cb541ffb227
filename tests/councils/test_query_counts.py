"""List pages of councils and sheets load a fixed number of queries, whatever their length."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from councils.views import sheets
from dossiers.models import DossierState
from tests import factories

from .conftest import submitted_sheet


def _dossiers(council, producer_org, count):
    return [
        factories.DossierFactory(
            round=council.round,
            product__producer=producer_org,
            state=DossierState.IN_SCORING,
            council=council,
        )
        for _ in range(count)
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("item_count", [1, 3])
def test_member_my_sheets_query_count_is_constant(
    client,
    council_member,
    council,
    producer_org,
    item_count,
    warm_caches,
    django_assert_num_queries,
):
    for dossier in _dossiers(council, producer_org, item_count):
        submitted_sheet(dossier, council_member, 60)
    for dossier in _dossiers(council, producer_org, item_count):
        submitted_sheet(dossier, council_member, 70)
        dossier.state = DossierState.SCORED
        dossier.save(update_fields=["state"])
    client.force_login(council_member)

    # The dossiers to score and a page of the closed ones, then the member's sheets of both in
    # one query; +1: the header asks whether the member chairs or records a council (its menu
    # item)
    with django_assert_num_queries(8):
        response = client.get(reverse("evaluations:my-sheets"))

    assert len(response.context["to_score"]) == item_count
    assert len(response.context["closed"]) == item_count


@pytest.mark.django_db
def test_member_reads_the_closed_sheets_a_page_at_a_time(
    client, council_member, council, producer_org, monkeypatch
):
    monkeypatch.setattr(sheets, "CLOSED_PER_PAGE", 2)
    closed = _dossiers(council, producer_org, 3)
    for dossier in closed:
        submitted_sheet(dossier, council_member, 70)
        dossier.state = DossierState.SCORED
        dossier.save(update_fields=["state"])
    (to_score,) = _dossiers(council, producer_org, 1)
    client.force_login(council_member)
    url = reverse("evaluations:my-sheets")

    first, second = client.get(url), client.get(url, {"page": 2})

    assert [row.pk for row in first.context["to_score"]] == [to_score.pk]
    assert [row.pk for row in second.context["to_score"]] == [to_score.pk]
    shown = [*first.context["closed"], *second.context["closed"]]
    assert sorted(d.pk for d in shown) == sorted(d.pk for d in closed)
    assert len(first.context["closed"]) == 2
    assert 'href="?page=2"' in first.text
    assert 'href="?page=1"' in second.text
    assert 'href="?page=3"' not in second.text


@pytest.mark.django_db
@pytest.mark.parametrize("item_count", [1, 3])
def test_chair_council_detail_query_count_is_constant(
    client,
    chair,
    council_member,
    council,
    producer_org,
    item_count,
    warm_caches,
    django_assert_num_queries,
):
    for dossier in _dossiers(council, producer_org, item_count):
        submitted_sheet(dossier, chair, 70)
        submitted_sheet(dossier, council_member, 80)
    client.force_login(chair)

    with django_assert_num_queries(10):  # +1: the header's council menu item
        response = client.get(reverse("evaluations:council-detail", kwargs={"pk": council.pk}))

    assert len(response.context["dossiers"]) == item_count


@pytest.mark.django_db
@pytest.mark.parametrize("item_count", [1, 3])
def test_provincial_office_council_list_query_count_is_constant(
    client, provincial_office, round_, item_count, warm_caches, django_assert_num_queries
):
    factories.CouncilFactory.create_batch(item_count, round=round_)
    client.force_login(provincial_office)

    with django_assert_num_queries(4):
        response = client.get(reverse("evaluations:council-list"))

    assert len(response.context["councils"]) == item_count


@pytest.mark.django_db
@pytest.mark.parametrize("item_count", [1, 3])
def test_chair_session_page_query_count_is_constant(
    client,
    chair,
    council_member,
    council,
    producer_org,
    item_count,
    warm_caches,
    django_assert_num_queries,
):
    from councils.sessions import open_session

    for dossier in _dossiers(council, producer_org, item_count):
        submitted_sheet(dossier, chair, 70)
        submitted_sheet(dossier, council_member, 80)
    session = open_session(
        council,
        by=chair,
        held_on=datetime.date(2026, 9, 15),
        place="Hội trường",
        present=council.members.all(),
    )
    client.force_login(chair)

    with django_assert_num_queries(14):  # + admitted written sheets, + the council menu item
        response = client.get(session.get_absolute_url())

    assert len(response.context["board"].items) == item_count


@pytest.mark.django_db
@pytest.mark.parametrize("item_count", [1, 3])
def test_member_sheet_query_count_is_constant(
    client,
    council_member,
    second_member,
    dossier,
    criteria_set,
    item_count,
    warm_caches,
    django_assert_num_queries,
):
    """Rendered afresh on every view (an autosave every few seconds): documents, answers and the
    other members' sheets do not add queries."""
    for index in range(item_count):
        factories.DocumentFactory(product=dossier.product, title=f"Phiếu kiểm nghiệm {index}")
    answers = {c.code: "0" for c in criteria_set.leaf_criteria()[:item_count]}
    client.force_login(council_member)
    client.post(reverse("evaluations:sheet-autosave", kwargs={"pk": dossier.pk}), answers)
    submitted_sheet(dossier, second_member, 60)
    url = reverse("evaluations:sheet", kwargs={"pk": dossier.pk})
    client.get(url)  # warm the per-process caches (the criteria text)

    with django_assert_num_queries(10):
        response = client.get(url)

    assert response.context["answered"] == item_count


@pytest.mark.django_db
@pytest.mark.parametrize("item_count", [1, 3])
def test_autosave_query_count_is_constant(
    client, council_member, dossier, criteria_set, item_count, warm_caches
):
    """The most frequent request of a council session (every member, every few seconds): the
    sheet's row is locked alone and the dossier read by the request is not read again."""
    answers = {c.code: "0" for c in criteria_set.leaf_criteria()[:item_count]}
    client.force_login(council_member)
    url = reverse("evaluations:sheet-autosave", kwargs={"pk": dossier.pk})
    client.post(url, answers, HTTP_HX_REQUEST="true")  # the sheet is created on the first one

    with CaptureQueriesContext(connection) as queries:
        response = client.post(url, answers, HTTP_HX_REQUEST="true")

    assert response.status_code == 200
    assert response.context["answered"] == item_count
    reads = [q["sql"] for q in queries.captured_queries if q["sql"].startswith("SELECT")]
    # the session (database sessions here), the user, the dossier, the member's seat, the
    # sheet found and locked at once, the dossier's state under the lock, the member's producer
    # account (the conflict check)
    assert len(reads) == 7, reads
    from_sheet = [sql for sql in reads if 'FROM "evaluations_scoresheet"' in sql]
    assert len(from_sheet) == 1
    if connection.features.has_select_for_update:  # PostgreSQL; SQLite locks the database
        assert "FOR UPDATE" in from_sheet[0]
    from_dossier = [sql for sql in reads if 'FROM "evaluations_dossier"' in sql]
    assert len(from_dossier) == 2  # the page's read, then its state under the sheet's lock
    assert "JOIN" not in from_dossier[1].split(" WHERE ")[0]


@pytest.mark.django_db
@pytest.mark.parametrize("item_count", [1, 3])
def test_a_refused_autosave_puts_the_answers_back_in_constant_queries(
    client, council_member, dossier, criteria_set, item_count, warm_caches
):
    """A refused answer is put back as saved, its rows rendered again with the producer's hints
    and evidence: the autosave's lean read of the dossier must not cost a query per row."""
    criteria = criteria_set.leaf_criteria()[:item_count]
    client.force_login(council_member)
    url = reverse("evaluations:sheet-autosave", kwargs={"pk": dossier.pk})
    client.post(url, {criteria[0].code: "0"}, HTTP_HX_REQUEST="true")  # the sheet exists

    with CaptureQueriesContext(connection) as queries:
        response = client.post(url, {c.code: "999" for c in criteria}, HTTP_HX_REQUEST="true")

    assert response.status_code == 200
    assert "999" not in response.context["criteria_html"]
    assert len(response.context["rows"]) == item_count
    reads = [q["sql"] for q in queries.captured_queries if q["sql"].startswith("SELECT")]
    # the session, the user, the dossier, the member's seat, the sheet, and for the rows put
    # back the producer's self-assessment and evidence
    assert len(reads) == 7, reads
