"""Issue 18 on the edit forms: the fields that only narrow a certified field's choices are held
with it, so the producer cannot change them around it (the province of the commune, the sector
and group of the criteria set), and each says why."""

import pytest
from django.urls import reverse

from evaluations.models import Dossier, DossierState
from evaluations.transitions.core import refresh_product_lock
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate(today, scored, recognise):
    dossier = scored(stars=4)
    certificate = recognise(dossier, decision_number="1234/QĐ-UBND")
    Dossier.objects.filter(pk=dossier.pk).update(state=DossierState.APPROVED)  # as approval does
    refresh_product_lock(Dossier.objects.get(pk=dossier.pk))  # frees the product, as approval does
    return certificate


def test_the_product_form_holds_sector_and_group_with_the_criteria_set(
    client, certificate, producer
):
    client.force_login(producer)

    form = client.get(reverse("products:edit", args=[certificate.product_id])).context["form"]

    held = {name: form.fields[name] for name in ("criteria_set", "sector", "group")}
    assert all(field.disabled for field in held.values())
    assert all(certificate.number in field.help_text for field in held.values())
    assert not form.fields["description"].disabled


def test_the_producer_form_holds_the_province_with_the_commune(client, certificate, producer):
    client.force_login(producer)

    form = client.get(reverse("producers:profile-edit")).context["form"]

    assert form.fields["commune"].disabled
    assert form.fields["province"].disabled
    assert certificate.number in form.fields["province"].help_text
    assert not form.fields["phone"].disabled


def test_without_a_current_certificate_nothing_is_held(client, producer, producer_org):
    product = factories.complete_product(producer_org)
    client.force_login(producer)

    product_form = client.get(reverse("products:edit", args=[product.pk])).context["form"]
    producer_form = client.get(reverse("producers:profile-edit")).context["form"]

    assert not any(field.disabled for field in product_form.fields.values())
    assert not producer_form.fields["province"].disabled
