"""producers.permissions.is_member: the one rule for "acts for this producer", which the
products, dossiers and programme pages ask instead of reading the membership themselves."""

import pytest
from django.contrib.auth.models import AnonymousUser

from dossiers import permissions as evaluations
from producers.permissions import is_member
from products import permissions as products
from programme import permissions as programme
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def second_member(producer_org):
    user = factories.UserFactory(email="thanhvien@example.vn")
    factories.MembershipFactory(producer=producer_org, user=user, is_owner=False)
    return user


@pytest.fixture
def inactive_member(producer_org):
    user = factories.UserFactory(email="nghiviec@example.vn", is_active=False)
    factories.MembershipFactory(producer=producer_org, user=user, is_owner=False)
    return user


@pytest.mark.parametrize(
    ("persona", "member"),
    [
        ("producer", True),
        ("second_member", True),
        ("inactive_member", False),
        ("stranger", False),
        ("commune_officer", False),
        ("provincial_office", False),
    ],
)
def test_is_member_is_the_answer_of_every_apps_membership_check(
    request, producer_org, persona, member
):
    user = request.getfixturevalue(persona)
    product = factories.ProductFactory(producer=producer_org)
    dossier = factories.DossierFactory(product=product, state="draft")
    support = factories.SupportRecordFactory(producer=producer_org)

    answers = {
        "producers": is_member(user, producer_org.pk),
        "products": products.is_member(user, product),
        "dossier": evaluations.is_producer_of(user, dossier),
        "file": evaluations.can_file_dossier(user, product),
        "support": programme.can_view_support(user, support) and user.role == "producer",
        "sales": programme.can_manage_sales_points(user, product),
    }

    assert answers == dict.fromkeys(answers, member)


def test_anonymous_visitor_is_nobodys_member(producer_org):
    assert is_member(AnonymousUser(), producer_org.pk) is False
