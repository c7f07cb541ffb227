"""The provincial office plans, edits, opens, hands over and closes rounds; others only look."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils.translation import gettext as _

from dossiers import rounds
from dossiers.models import DossierState, Round, RoundState
from tests import factories

ROUNDS = reverse("evaluations:round-list")
CREATE = reverse("evaluations:round-create")


def _form(**overrides):
    data = {
        "name": "Đợt 1 năm 2027",
        "year": 2027,
        "number": 1,
        "criteria_decision": "26/2026",
        "opens_on": "2027-02-22",
        "local_cutoff_on": "2027-04-30",
        "council_meeting_on": "2027-05-20",
        "closes_on": "2027-06-29",
    }
    return {**data, **overrides}


@pytest.mark.django_db
def test_provincial_office_plans_a_round(client, provincial_office):
    client.force_login(provincial_office)

    response = client.post(CREATE, _form())

    round_ = Round.objects.get()
    assert response.url == round_.get_absolute_url()
    assert (round_.province_id, round_.state, round_.year, round_.number) == (
        33,
        RoundState.PLANNED,
        2027,
        1,
    )


@pytest.mark.django_db
def test_round_dates_must_be_in_order(client, provincial_office):
    client.force_login(provincial_office)

    response = client.post(CREATE, _form(council_meeting_on="2027-04-01"))

    assert Round.objects.count() == 0
    assert response.context["form"].errors == {
        "council_meeting_on": [
            _("Dates must be in order: opening, local cut-off, council meeting, closing.")
        ]
    }


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["producer", "commune_officer", "approver", "council_member"])
def test_only_the_provincial_office_plans_rounds(client, request, persona):
    client.force_login(request.getfixturevalue(persona))

    response = client.post(CREATE, _form())

    assert (response.status_code, Round.objects.count()) == (404, 0)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("move", "source", "target"),
    [
        ("open", RoundState.PLANNED, RoundState.OPEN),
        ("council", RoundState.OPEN, RoundState.COUNCIL),
        ("close", RoundState.COUNCIL, RoundState.CLOSED),
    ],
)
def test_provincial_office_moves_a_round_along(client, provincial_office, move, source, target):
    round_ = factories.RoundFactory(state=source)
    client.force_login(provincial_office)

    client.post(reverse("evaluations:round-move", kwargs={"pk": round_.pk}), {"move": move})

    round_.refresh_from_db()
    assert round_.state == target


@pytest.mark.django_db
def test_a_round_does_not_move_from_the_wrong_state(provincial_office):
    round_ = factories.RoundFactory(state=RoundState.PLANNED)

    with pytest.raises(ValidationError):
        rounds.move_round(round_, by=provincial_office, move="close")

    round_.refresh_from_db()
    assert round_.state == RoundState.PLANNED


@pytest.mark.django_db
def test_a_round_closes_only_when_every_dossier_is_decided(provincial_office, producer_org):
    round_ = factories.RoundFactory(state=RoundState.COUNCIL)
    factories.DossierFactory(
        round=round_, product__producer=producer_org, state=DossierState.SCORED
    )
    factories.DossierFactory(round=round_, product__producer=producer_org)  # a forgotten draft

    with pytest.raises(ValidationError) as refused:
        rounds.move_round(round_, by=provincial_office, move="close")

    round_.refresh_from_db()
    assert round_.state == RoundState.COUNCIL
    assert refused.value.messages == [
        _("%(count)s dossiers of this round are still under way; decide them first.") % {"count": 1}
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["commune_officer", "approver", "producer"])
def test_only_the_provincial_office_moves_rounds(request, persona):
    round_ = factories.RoundFactory(state=RoundState.PLANNED)

    with pytest.raises(PermissionDenied):
        rounds.move_round(round_, by=request.getfixturevalue(persona), move="open")

    round_.refresh_from_db()
    assert round_.state == RoundState.PLANNED


@pytest.mark.django_db
def test_once_open_only_the_name_and_later_dates_change(provincial_office, today):
    round_ = factories.RoundFactory(state=RoundState.OPEN)

    with pytest.raises(ValidationError):
        rounds.update_round(round_, by=provincial_office, data={"criteria_decision": "148/2023"})
    rounds.update_round(
        round_, by=provincial_office, data={"closes_on": today + datetime.timedelta(days=70)}
    )

    round_.refresh_from_db()
    assert (round_.criteria_decision, round_.closes_on) == (
        "26/2026",
        today + datetime.timedelta(days=70),
    )


@pytest.mark.django_db
def test_provincial_office_edits_an_open_rounds_cut_off(client, provincial_office, today):
    round_ = factories.RoundFactory(state=RoundState.OPEN)
    client.force_login(provincial_office)
    later = today + datetime.timedelta(days=35)

    client.post(
        reverse("evaluations:round-edit", kwargs={"pk": round_.pk}),
        {
            "name": "Đợt 2 (gia hạn)",
            "local_cutoff_on": later.isoformat(),
            "council_meeting_on": round_.council_meeting_on.isoformat(),
            "closes_on": round_.closes_on.isoformat(),
            "year": 1999,  # disabled once open: ignored
        },
    )

    round_.refresh_from_db()
    assert (round_.name, round_.local_cutoff_on, round_.year) == ("Đợt 2 (gia hạn)", later, 2026)


@pytest.mark.django_db
def test_round_list_warns_when_the_year_has_fewer_than_two_rounds(client, provincial_office, today):
    factories.RoundFactory(year=2026)
    client.force_login(provincial_office)

    response = client.get(ROUNDS)

    assert response.context["short_years"] == [(2026, 1)]


@pytest.mark.django_db
@pytest.mark.parametrize(("item_count", "queries"), [(1, 4), (3, 4)])
def test_round_list_query_count_is_constant(
    client, provincial_office, producer_org, today, item_count, queries, django_assert_num_queries
):
    for round_ in factories.RoundFactory.create_batch(item_count):
        factories.DossierFactory(round=round_, product__producer=producer_org, state="submitted")
    client.force_login(provincial_office)
    client.get(ROUNDS)

    with django_assert_num_queries(queries):
        response = client.get(ROUNDS)

    assert len(response.context["rounds"]) == item_count


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["producer", "commune_officer", "council_member"])
def test_people_of_the_province_open_a_round(client, request, persona, open_round):
    client.force_login(request.getfixturevalue(persona))

    response = client.get(open_round.get_absolute_url())

    assert (response.status_code, response.context["round"]) == (200, open_round)


@pytest.mark.django_db
def test_a_round_of_another_province_is_a_404(client, producer):
    elsewhere = factories.RoundFactory(province_id=1)
    client.force_login(producer)

    response = client.get(elsewhere.get_absolute_url())

    assert response.status_code == 404


@pytest.mark.django_db
def test_round_page_counts_only_the_dossiers_the_officer_may_see(
    client, district_officer, producer_org, stranger, open_round
):
    factories.DossierFactory(round=open_round, product__producer=producer_org, state="submitted")
    factories.DossierFactory(
        round=open_round, product__producer=stranger.producer_membership.producer, state="submitted"
    )
    client.force_login(district_officer)

    response = client.get(open_round.get_absolute_url())

    assert (response.context["counts"], response.context["total"]) == (
        [(DossierState.SUBMITTED.label, "submitted", 1)],
        1,
    )


@pytest.mark.django_db
def test_round_admin_opens_a_round_through_the_service(client, provincial_office):
    round_ = factories.RoundFactory(state=RoundState.PLANNED)
    client.force_login(provincial_office)

    client.post(
        reverse("admin:dossiers_round_changelist"),
        {"action": "open_rounds", "_selected_action": [round_.pk]},
    )

    round_.refresh_from_db()
    assert round_.state == RoundState.OPEN


@pytest.mark.django_db
def test_provincial_office_opens_the_round_forms(client, provincial_office, open_round):
    client.force_login(provincial_office)

    create = client.get(CREATE)
    edit = client.get(reverse("evaluations:round-edit", kwargs={"pk": open_round.pk}))

    disabled = sorted(name for name, f in edit.context["form"].fields.items() if f.disabled)
    assert (create.status_code, edit.status_code) == (200, 200)
    assert disabled == ["criteria_decision", "number", "opens_on", "year"]
