"""The audit trail: append-only rows, and every change to a submitted dossier's content."""

import pytest
from django.utils.translation import gettext as _

from evaluations.models import DossierEvent, DossierState
from evaluations.services import timeline
from products import services as product_services
from products.changes import FINISHED_DOSSIER_STATES, record_product_change
from products.models import Product
from tests import factories


@pytest.mark.django_db
def test_an_audit_row_cannot_be_changed_or_deleted(commune_officer, submitted):
    event = DossierEvent.objects.create(dossier=submitted, actor=commune_officer, action="edit")

    with pytest.raises(ValueError, match="append-only"):
        event.save()
    with pytest.raises(ValueError, match="append-only"):
        event.delete()
    with pytest.raises(ValueError, match="append-only"):
        DossierEvent.objects.filter(pk=event.pk).update(comment="sửa")
    with pytest.raises(ValueError, match="append-only"):
        DossierEvent.objects.filter(pk=event.pk).delete()

    assert DossierEvent.objects.get(pk=event.pk).comment == ""


@pytest.mark.django_db
def test_producer_edit_of_a_returned_dossier_is_audited(producer, make_dossier):
    returned = make_dossier(DossierState.RETURNED)
    product = returned.product

    product_services.update_product(
        product,
        by=producer,
        data={"capacity": "2 tấn mỗi năm"},
        version=product.version,
    )

    # Products keep the change; the dossier it concerns shows it on its timeline.
    change = returned.product_changes.get()
    [event] = timeline(returned)
    assert (change.product, change.by) == (product, producer)
    assert (event.action, event.actor, event.is_transition) == ("edit", producer, False)
    assert event.data == {"fields": ["capacity"]}
    # What changed, in words, for the officer reading the dossier's history.
    capacity = Product._meta.get_field("capacity").verbose_name
    assert event.comment == _("Product details changed: %(fields)s") % {"fields": capacity}


@pytest.mark.django_db
def test_changes_to_a_first_draft_or_a_finished_dossier_are_not_audited(
    producer, product, open_round
):
    draft = factories.DossierFactory(product=product, round=open_round)
    rejected = factories.DossierFactory(
        product=product, state=DossierState.REJECTED, revision=1, round=factories.RoundFactory()
    )

    record_product_change(product, by=producer, what="Đổi mô tả")

    assert (timeline(draft), timeline(rejected)) == ([], [])
    assert product.changes.get().what == "Đổi mô tả"  # the product's own history keeps it


def test_the_products_finished_states_are_the_dossiers_own():
    assert FINISHED_DOSSIER_STATES == DossierState.FINISHED
