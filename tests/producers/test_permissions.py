import pytest

from producers.models import Producer
from producers.permissions import can_view_producer
from tests import factories
from tests.conftest import PERSONAS

pytestmark = pytest.mark.django_db


def test_can_view_producer_agrees_with_visible_to(request, producer_org, stranger):
    users = [request.getfixturevalue(persona) for persona in PERSONAS]
    far = stranger.producer_membership.producer
    factories.DossierFactory(product__producer=producer_org, state="submitted")
    factories.DossierFactory(product__producer=far, state="draft")
    silent = factories.ProducerFactory(commune=producer_org.commune)  # no product at all
    producers = [producer_org, far, silent]

    by_predicate = {
        user.email: [p.name for p in producers if can_view_producer(user, p)] for user in users
    }
    by_queryset = {
        user.email: [
            p.name for p in producers if Producer.objects.visible_to(user).filter(pk=p.pk).exists()
        ]
        for user in users
    }

    assert by_predicate == by_queryset
    assert by_predicate["chuthe@example.vn"] == [producer_org.name]
    assert by_predicate["canboxa@example.vn"] == [producer_org.name]
    assert by_predicate["canbokimdong@example.vn"] == []
