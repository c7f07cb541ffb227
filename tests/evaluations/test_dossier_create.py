"""The producer enters a product in a round: the draft is made and submitted at once when
complete; otherwise it is kept and its page says what is missing."""

import datetime

import pytest
from django.urls import reverse
from django.utils.translation import gettext as _

from dossiers.models import Dossier, DossierKind, DossierState, RoundState
from evaluations.models import DossierEvent
from tests import factories

CREATE = reverse("evaluations:dossier-create")


def _post(client, product, round_, kind=DossierKind.FIRST, **kwargs):
    return client.post(
        f"{CREATE}?product={product.pk}", {"round": round_.pk, "kind": kind}, **kwargs
    )


@pytest.mark.django_db
def test_producer_submits_a_complete_product(client, producer, product, open_round):
    client.force_login(producer)

    response = _post(client, product, open_round)

    dossier = Dossier.objects.get(product=product)
    events = list(dossier.events.values_list("action", "from_state", "to_state", "actor_id"))
    assert response.url == dossier.get_absolute_url()
    assert (dossier.state, dossier.round, dossier.kind) == (
        DossierState.SUBMITTED,
        open_round,
        DossierKind.FIRST,
    )
    assert events == [
        ("create", "", "draft", producer.pk),
        ("submit", "draft", "submitted", producer.pk),
    ]


@pytest.mark.django_db
def test_producer_keeps_the_draft_when_something_is_missing(client, producer, product, open_round):
    product.photos.all().delete()
    client.force_login(producer)

    response = _post(client, product, open_round, follow=True)

    dossier = Dossier.objects.get(product=product)
    assert dossier.state == DossierState.DRAFT
    assert [item.key for item in response.context["checklist"] if not item.ok] == ["photos"]
    assert len(list(response.context["messages"])) == 1


@pytest.mark.django_db
def test_sending_the_form_twice_makes_one_dossier(client, producer, product, open_round):
    client.force_login(producer)

    _post(client, product, open_round)
    response = _post(client, product, open_round)

    assert Dossier.objects.filter(product=product).count() == 1
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        _("This product is already entered in “%(round)s” (%(state)s).")
        % {"round": open_round.name, "state": DossierState.SUBMITTED.label}
    ]


@pytest.mark.django_db
def test_producer_takes_up_a_draft_and_changes_its_kind(client, producer, product, open_round):
    product.photos.all().delete()
    client.force_login(producer)
    _post(client, product, open_round, kind=DossierKind.UPGRADE)

    _post(client, product, open_round, kind=DossierKind.FIRST)

    dossier = Dossier.objects.get(product=product)
    assert (dossier.kind, dossier.state) == (DossierKind.FIRST, DossierState.DRAFT)
    assert DossierEvent.objects.filter(dossier=dossier, action="create").count() == 1


@pytest.mark.django_db
def test_a_product_has_one_dossier_under_way_at_a_time(client, producer, product, open_round):
    other = factories.DossierFactory(product=product, state=DossierState.SUBMITTED, revision=1)
    client.force_login(producer)

    response = _post(client, product, open_round)

    assert Dossier.objects.filter(product=product, round=open_round).count() == 0
    assert response.context["form"].non_field_errors() == [
        _("This product already has a dossier under way in “%(round)s” (%(state)s).")
        % {"round": other.round.name, "state": DossierState.SUBMITTED.label}
    ]


@pytest.mark.django_db
def test_only_rounds_that_accept_dossiers_are_offered(client, producer, product, open_round, today):
    factories.RoundFactory(state=RoundState.PLANNED, opens_on=today + datetime.timedelta(days=5))
    factories.RoundFactory(state=RoundState.COUNCIL)
    factories.RoundFactory(province_id=1)
    client.force_login(producer)

    response = client.get(f"{CREATE}?product={product.pk}")

    assert list(response.context["form"].fields["round"].queryset) == [open_round]


@pytest.mark.django_db
def test_producer_is_told_when_no_round_accepts(client, producer, product, today):
    upcoming = factories.RoundFactory(
        state=RoundState.PLANNED,
        opens_on=today + datetime.timedelta(days=5),
        local_cutoff_on=today + datetime.timedelta(days=30),
    )
    client.force_login(producer)

    response = client.get(f"{CREATE}?product={product.pk}")

    assert list(response.context["rounds"]) == []
    assert list(response.context["upcoming"]) == [upcoming]


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["stranger", "commune_officer", "provincial_office"])
def test_only_the_producers_accounts_can_enter_its_product(client, request, persona, product):
    client.force_login(request.getfixturevalue(persona))

    response = client.get(f"{CREATE}?product={product.pk}")

    assert response.status_code == 404


@pytest.mark.django_db
def test_the_form_proposes_re_evaluation_when_the_window_is_open(
    client, producer, product, open_round, today
):
    valid_until = today + datetime.timedelta(days=150)
    factories.CertificateFactory(
        dossier__product=product,
        product=product,
        decision_date=valid_until - datetime.timedelta(days=1095),
        valid_until=valid_until,
    )
    client.force_login(producer)

    response = client.get(f"{CREATE}?product={product.pk}")

    assert response.context["form"].initial["kind"] == DossierKind.RE_EVALUATION
