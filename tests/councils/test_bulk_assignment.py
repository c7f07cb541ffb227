"""Assigning a list of dossiers to a council: each goes through its own transition, a refused one
comes back with the reason the office reads while the others still go, and the producers'
notices wait in one batch named after the decision, for the office to check before they leave."""

import pytest

from evaluations.councils import assign_dossiers
from evaluations.models import DossierState
from outbox.models import OutboxBatch, OutboxMessage
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def forwarded(council, producer_org, producer):
    return [
        factories.DossierFactory(
            round=council.round,
            product__producer=producer_org,
            product__name=name,
            state=DossierState.FORWARDED,
            revision=1,
        )
        for name in ("Mật ong hoa nhãn", "Mật ong hoa vải")
    ]


@pytest.fixture
def of_another_round(producer_org):
    return factories.DossierFactory(
        round=factories.RoundFactory(name="Đợt 1 năm 2026"),
        product__producer=producer_org,
        product__name="Mật ong rừng",
        state=DossierState.FORWARDED,
        revision=1,
    )


def test_a_refused_dossier_comes_back_with_its_reason_and_the_others_go(
    council, provincial_office, forwarded, of_another_round
):
    first, second = forwarded

    assigned, refused = assign_dossiers(
        council, by=provincial_office, dossiers=[first, of_another_round, second]
    )

    assert [d.pk for d in assigned] == [first.pk, second.pk]
    assert refused == [(of_another_round, "Hãy chọn hội đồng của chính đợt đánh giá có hồ sơ này.")]
    of_another_round.refresh_from_db()
    assert (of_another_round.state, of_another_round.council_id) == (DossierState.FORWARDED, None)


def test_the_notices_wait_in_one_batch_named_after_the_assignment(
    council, provincial_office, forwarded, producer
):
    assign_dossiers(council, by=provincial_office, dossiers=forwarded)

    batch = OutboxBatch.objects.get()
    assert (batch.label, batch.created_by) == (
        f"Giao hồ sơ cho hội đồng {council}",
        provincial_office,
    )
    notices = OutboxMessage.objects.filter(to_email=producer.email)
    assert [notice.batch_id for notice in notices] == [batch.pk, batch.pk]
