"""The provincial office assigns forwarded dossiers of the round to a council."""

import pytest
from django.urls import reverse

from dossiers.models import DossierState
from evaluations.models import DossierEvent
from tests import factories


def _assign_url(council):
    return reverse("evaluations:council-assign", kwargs={"pk": council.pk})


@pytest.fixture
def forwarded(council, producer_org):
    return [
        factories.DossierFactory(
            round=council.round,
            product__producer=producer_org,
            product__name=name,
            state=DossierState.FORWARDED,
        )
        for name in ("Mật ong hoa nhãn", "Mật ong hoa vải")
    ]


@pytest.mark.django_db
def test_provincial_office_assigns_forwarded_dossiers_to_the_council(
    client, provincial_office, council, forwarded
):
    client.force_login(provincial_office)

    response = client.post(_assign_url(council), {"dossiers": [d.pk for d in forwarded]})

    for dossier in forwarded:
        dossier.refresh_from_db()
    assert response.status_code == 302
    assert [(d.state, d.council_id) for d in forwarded] == [
        (DossierState.IN_SCORING, council.pk),
        (DossierState.IN_SCORING, council.pk),
    ]
    event = DossierEvent.objects.get(dossier=forwarded[0])
    assert (event.action, event.actor, event.from_state, event.to_state, event.data) == (
        "assign",
        provincial_office,
        DossierState.FORWARDED,
        DossierState.IN_SCORING,
        {"council": council.pk, "council_name": council.name},
    )


@pytest.mark.django_db
def test_provincial_office_is_offered_only_forwarded_dossiers_of_the_round(
    client, provincial_office, council, forwarded, producer_org
):
    factories.DossierFactory(round=council.round, state=DossierState.ACCEPTED)
    factories.DossierFactory(state=DossierState.FORWARDED)  # another round
    client.force_login(provincial_office)

    response = client.get(_assign_url(council))

    offered = response.context["form"].fields["dossiers"].queryset
    assert sorted(d.pk for d in offered) == sorted(d.pk for d in forwarded)


@pytest.mark.django_db
def test_provincial_office_cannot_assign_a_dossier_not_forwarded(
    client, provincial_office, council
):
    accepted = factories.DossierFactory(round=council.round, state=DossierState.ACCEPTED)
    client.force_login(provincial_office)

    response = client.post(_assign_url(council), {"dossiers": [accepted.pk]})

    accepted.refresh_from_db()
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["dossiers"]
    assert (accepted.state, accepted.council_id) == (DossierState.ACCEPTED, None)
    assert DossierEvent.objects.count() == 0


@pytest.mark.django_db
def test_chair_follows_the_council_but_cannot_assign(client, chair, council, forwarded):
    client.force_login(chair)

    response = client.post(_assign_url(council), {"dossiers": [forwarded[0].pk]})

    forwarded[0].refresh_from_db()
    assert response.status_code == 403
    assert forwarded[0].state == DossierState.FORWARDED


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["stranger", "producer", "commune_officer", "council_member"])
def test_others_get_404_for_the_assignment_page(client, request, persona, council, forwarded):
    client.force_login(request.getfixturevalue(persona))

    response = client.post(_assign_url(council), {"dossiers": [forwarded[0].pk]})

    forwarded[0].refresh_from_db()
    assert response.status_code == 404
    assert forwarded[0].state == DossierState.FORWARDED
