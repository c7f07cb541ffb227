"""The overdue list: a local officer sees their area's dossiers past the limit, the provincial
office the whole province's grouped by who must act, with counts per commune and former district;
others get a 404; its queries do not grow with the rows."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from dossiers import deadlines
from dossiers.models import Dossier, DossierAction, DossierKind, DossierState
from evaluations.models import DossierEvent
from tests import factories

OVERDUE = reverse("evaluations:overdue")
VN = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")


def _dossier(
    producer_org, *, days_ago, state=DossierState.SUBMITTED, forwarded_days_ago=None, **kwargs
):
    """A dossier submitted `days_ago`; at the province, forwarded `forwarded_days_ago` (by
    default the same day): its FORWARD audit row is what the 45 days of Art. 7.6.g count from."""
    dossier = factories.DossierFactory(
        product__producer=producer_org,
        state=state,
        revision=1,
        submitted_at=timezone.now() - datetime.timedelta(days=days_ago),
        **kwargs,
    )
    if state in DossierState.AT_PROVINCE:
        ago = days_ago if forwarded_days_ago is None else forwarded_days_ago
        with time_machine.travel(timezone.now() - datetime.timedelta(days=ago), tick=False):
            DossierEvent.objects.create(
                dossier=dossier,
                action=DossierAction.FORWARD,
                from_state=DossierState.ACCEPTED,
                to_state=DossierState.FORWARDED,
            )
    return dossier


def _closed_round(today):
    return factories.RoundFactory(
        opens_on=today - datetime.timedelta(days=90),
        local_cutoff_on=today - datetime.timedelta(days=60),
        council_meeting_on=today - datetime.timedelta(days=20),
        closes_on=today - datetime.timedelta(days=3),
    )


def _listed(response):
    return {dossier.pk for dossier in response.context["dossiers"]}


@pytest.mark.django_db
def test_district_officer_sees_only_their_areas_overdue_dossiers(
    client, district_officer, other_district_officer, producer_org, stranger, today
):
    # 29 days back is Monday 17/08/2026: 19 working days by today (1/9 and 2/9 are holidays).
    late = _dossier(producer_org, days_ago=29)
    _dossier(producer_org, days_ago=2)  # on time
    elsewhere = _dossier(stranger.producer_membership.producer, days_ago=29)

    client.force_login(district_officer)
    ours = client.get(OVERDUE)
    client.force_login(other_district_officer)
    theirs = client.get(OVERDUE)

    assert _listed(ours) == {late.pk}
    assert _listed(theirs) == {elsewhere.pk}
    assert "Quá hạn 4 ngày làm việc" in ours.content.decode()


@pytest.mark.django_db
def test_a_holiday_keeps_a_dossier_on_time(client, district_officer, producer_org, today):
    # Monday 24/08/2026: 15 calendar weekdays ago, but 1/9 and 2/9 were holidays: 13 working days.
    _dossier(producer_org, days_ago=22)
    client.force_login(district_officer)

    assert _listed(client.get(OVERDUE)) == set()


@pytest.mark.django_db
def test_provincial_office_sees_the_province_grouped_by_who_must_act(
    client, provincial_office, district_officer, producer_org, stranger, today
):
    local = _dossier(producer_org, days_ago=29)
    far = _dossier(stranger.producer_membership.producer, days_ago=40, state=DossierState.ACCEPTED)
    at_province = _dossier(
        producer_org, days_ago=70, state=DossierState.IN_SCORING, round=_closed_round(today)
    )
    _dossier(producer_org, days_ago=70, state=DossierState.IN_SCORING)  # its round is still open
    client.force_login(provincial_office)

    response = client.get(OVERDUE)

    groups = {
        (group["local"], tuple(group["officers"])): [d.pk for d in group["dossiers"]]
        for group in response.context["groups"]
    }
    assert _listed(response) == {local.pk, far.pk, at_province.pk}
    assert groups[True, (district_officer.full_name,)] == [local.pk]
    assert groups[False, ()] == [at_province.pk]
    by_district = {district.name: count for district, count in response.context["by_district"]}
    assert sorted(by_district.values()) == [1, 2]
    assert by_district[producer_org.commune.former_district.name] == 2


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["producer", "council_member", "stranger"])
def test_others_get_a_404(client, request, persona, today):
    client.force_login(request.getfixturevalue(persona))

    assert client.get(OVERDUE).status_code == 404


@pytest.mark.django_db
def test_officials_find_the_list_in_the_navigation(client, commune_officer, today):
    client.force_login(commune_officer)

    response = client.get(reverse("evaluations:queue"))

    assert OVERDUE in [item["url"] for item in response.context["portal_nav"]]


@pytest.mark.django_db
@pytest.mark.parametrize(("item_count", "queries"), [(1, 4), (3, 4)])
def test_overdue_list_query_count_is_constant(
    client,
    provincial_office,
    producer_org,
    stranger,
    today,
    item_count,
    queries,
    django_assert_num_queries,
):
    for _ in range(item_count):
        _dossier(producer_org, days_ago=29)
        _dossier(stranger.producer_membership.producer, days_ago=29)
    client.force_login(provincial_office)
    client.get(OVERDUE)

    with django_assert_num_queries(queries):
        response = client.get(OVERDUE)

    assert len(response.context["dossiers"]) == 2 * item_count


@pytest.mark.django_db
def test_a_re_evaluation_is_overdue_45_days_after_the_province_received_it(
    client, provincial_office, producer_org, today
):
    late = _dossier(
        producer_org, days_ago=50, state=DossierState.FORWARDED, kind=DossierKind.RE_EVALUATION
    )
    _dossier(producer_org, days_ago=50, state=DossierState.FORWARDED)  # a first evaluation
    _dossier(
        producer_org, days_ago=40, state=DossierState.FORWARDED, kind=DossierKind.RE_EVALUATION
    )
    # Filed 70 days ago, but the commune forwarded it 30 days ago: the province's 45 days
    # (Art. 7.6.g) run from its receipt, so it is on time.
    _dossier(
        producer_org,
        days_ago=70,
        forwarded_days_ago=30,
        state=DossierState.IN_SCORING,
        kind=DossierKind.RE_EVALUATION,
    )
    client.force_login(provincial_office)

    response = client.get(OVERDUE)

    assert _listed(response) == {late.pk}
    assert "Quá hạn 5 ngày" in response.content.decode()


@pytest.mark.django_db
def test_the_database_filter_agrees_with_each_dossiers_countdown(producer_org, today):
    """The list filters in the database, the page counts in Python: day by day over two months
    (National Day included), both must call the same dossiers overdue."""
    dossiers = [
        _dossier(producer_org, days_ago=days, state=state, kind=kind, forwarded_days_ago=days - 9)
        for days in range(9, 69)
        for state, kind in [
            (DossierState.SUBMITTED, DossierKind.FIRST),
            (DossierState.IN_SCORING, DossierKind.RE_EVALUATION),
        ]
    ]

    in_filter = set(
        Dossier.objects.filter(deadlines.overdue_filter(today)).values_list("pk", flat=True)
    )

    listed = deadlines.with_province_receipt(
        Dossier.objects.filter(pk__in=[d.pk for d in dossiers])
    )
    by_clock = {d.pk for d in listed.for_list() if deadlines.step_clock(d, today).overdue}
    assert in_filter == by_clock
    assert len(by_clock) > 10


@pytest.mark.django_db
def test_in_december_staff_are_told_next_years_days_off_are_not_recorded(
    client, provincial_office, today
):
    client.force_login(provincial_office)
    september = client.get(OVERDUE)
    with time_machine.travel(datetime.datetime(2026, 12, 3, 9, 0, tzinfo=VN), tick=False):
        client.force_login(provincial_office)  # September's session has run out
        december = client.get(OVERDUE)

    assert september.context["calendar_gap"] is None
    assert december.context["calendar_gap"] == 2027
    assert "lịch nghỉ năm 2027 chưa được cập nhật" in december.content.decode()
