"""The product lock is a field the transitions write (issue 17): a dossier entering review
freezes its product, one returned or finished frees it, in the move's own transaction."""

import importlib

import pytest
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from dossiers.models import Dossier, DossierState
from evaluations import transitions
from products import services as product_services
from products.models import Product
from tests import factories

pytestmark = pytest.mark.django_db


def _lock_of(product) -> Dossier | None:
    return Product.objects.get(pk=product.pk).locked_by_dossier


def test_submitting_locks_the_product_and_returning_frees_it(producer, commune_officer, draft):
    assert _lock_of(draft.product) is None

    submitted = transitions.submit_dossier(draft, by=producer)

    assert _lock_of(draft.product) == submitted
    with pytest.raises(product_services.ProductLocked):
        product_services.ensure_editable(Product.objects.get(pk=draft.product_id))

    transitions.return_dossier(
        submitted,
        by=commune_officer,
        items=[{"item": "product", "comment": "Bổ sung công suất."}],
    )

    assert _lock_of(draft.product) is None
    product_services.ensure_editable(Product.objects.get(pk=draft.product_id))


def test_a_finished_dossier_frees_the_product(producer, submitted):
    assert _lock_of(submitted.product) == submitted

    transitions.withdraw_dossier(submitted, by=producer, comment="Chưa sẵn sàng.")

    assert _lock_of(submitted.product) is None


def test_the_data_migration_locks_the_products_of_dossiers_under_review(make_dossier):
    under_review = make_dossier(DossierState.FORWARDED)
    returned = factories.DossierFactory(state=DossierState.RETURNED, revision=1)
    Product.objects.update(locked_by_dossier=None)  # as before the field existed
    migration = importlib.import_module("products.migrations.0006_locked_by_dossier")

    # The models as the migration saw them (the dossiers were still evaluations' then).
    at_migration = (
        MigrationLoader(connection).project_state(("products", "0006_locked_by_dossier")).apps
    )

    migration.lock_products_under_review(at_migration, schema_editor=None)

    assert _lock_of(under_review.product) == under_review
    assert _lock_of(returned.product) is None
