"""A producer account that has not yet created its producer profile acts for no product."""

import pytest

from products.permissions import can_view_product, is_member
from tests import factories

pytestmark = pytest.mark.django_db


def test_a_producer_account_without_a_profile_acts_for_no_product(producer, producer_org):
    product = factories.ProductFactory(producer=producer_org)
    newcomer = factories.UserFactory(email="moi@example.vn")

    assert is_member(producer, product)
    assert not is_member(newcomer, product)
    assert not can_view_product(newcomer, product)
