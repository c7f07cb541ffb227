"""One badge for a dossier's state, from one mapping: the producer's dashboard and the officials'
pages show a state in the same colour (they used to differ on "accepted" and "forwarded")."""

import re

import pytest
from django.urls import reverse

from dossiers.models import DossierState
from dossiers.templatetags.dossier_states import BADGE_COLOURS
from tests import factories

pytestmark = pytest.mark.django_db


def test_every_dossier_state_has_a_colour():
    assert set(BADGE_COLOURS) == set(DossierState)


def _badge(response, label) -> str:
    html = response.content.decode()
    found = re.search(
        r'<span class="badge (text-bg-\w+)">' + re.escape(str(label)) + "</span>", html
    )
    assert found, label
    return found.group(1)


@pytest.mark.parametrize(
    ("state", "css"),
    [(DossierState.ACCEPTED, "text-bg-primary"), (DossierState.FORWARDED, "text-bg-success")],
)
def test_producer_and_office_see_a_state_in_the_same_colour(
    client, producer, producer_org, provincial_office, state, css
):
    dossier = factories.DossierFactory(product__producer=producer_org, state=state)

    client.force_login(producer)
    on_dashboard = _badge(client.get(reverse("producers:dashboard")), dossier.get_state_display())
    client.force_login(provincial_office)
    in_list = _badge(client.get(reverse("evaluations:dossier-list")), dossier.get_state_display())

    assert (on_dashboard, in_list) == (css, css)
