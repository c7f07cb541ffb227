"""The outbox: the notices of a bulk decision wait for the provincial office, who sends or
discards them (audited); a decision taken alone still sends at once; others get a 404."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from dossiers.models import DossierState
from evaluations.transitions import return_dossier
from outbox.models import MessageState, OutboxBatch, OutboxMessage
from tests import factories

CHANGELIST = reverse("admin:councils_councilresult_changelist")
OUTBOX = reverse("outbox:list")
DECIDE = reverse("outbox:decide")
DECISION = {"decision_number": "1234/QĐ-UBND", "decision_date": "2026-09-10"}


@pytest.fixture
def approved_in_bulk(
    client,
    approver,
    producer,
    producer_org,
    provincial_office,
    today,
    django_capture_on_commit_callbacks,
):
    """Two results approved at once in the results admin, the notices built after the commit."""
    results = [
        factories.CouncilResultFactory(
            dossier__product=factories.ProductFactory(producer=producer_org)
        )
        for _ in range(2)
    ]
    client.force_login(approver)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            CHANGELIST,
            {
                "action": "approve_results",
                ACTION_CHECKBOX_NAME: [result.pk for result in results],
                "apply": "1",
                **DECISION,
            },
        )
    client.logout()
    return results


@pytest.mark.django_db
def test_bulk_approval_holds_its_notices_in_one_batch(
    approved_in_bulk, mailoutbox, producer, provincial_office
):
    batch = OutboxBatch.objects.get()
    held = OutboxMessage.objects.filter(batch=batch)

    assert mailoutbox == []
    assert "1234/QĐ-UBND" in batch.label
    assert {message.to_email for message in held} >= {producer.email, provincial_office.email}
    assert {message.dossier_id for message in held} == {
        result.dossier_id for result in approved_in_bulk
    }
    assert all(message.state == MessageState.PENDING for message in held)
    assert all(message.subject and message.body for message in held)


@pytest.mark.django_db
def test_a_single_decision_still_sends_at_once(
    commune_officer, producer, producer_org, today, mailoutbox, django_capture_on_commit_callbacks
):
    dossier = factories.DossierFactory(
        product__producer=producer_org, state=DossierState.SUBMITTED, revision=1
    )

    with django_capture_on_commit_callbacks(execute=True):
        return_dossier(
            dossier, by=commune_officer, items=[{"item": "photos", "comment": "Thiếu ảnh"}]
        )

    assert producer.email in [address for message in mailoutbox for address in message.to]
    assert OutboxBatch.objects.count() == 0
    assert set(OutboxMessage.objects.values_list("state", flat=True)) == {MessageState.SENT}


@pytest.mark.django_db
def test_office_sends_the_ticked_messages_and_is_recorded(
    client, approved_in_bulk, provincial_office, mailoutbox, django_capture_on_commit_callbacks
):
    first, *others = OutboxMessage.objects.order_by("pk")
    client.force_login(provincial_office)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(DECIDE, {"message": [first.pk], "decision": "send"}, follow=True)

    first.refresh_from_db()
    assert response.status_code == 200
    assert [message.to for message in mailoutbox] == [[first.to_email]]
    assert mailoutbox[0].subject == first.subject
    assert (first.state, first.decided_by, first.decided_at is not None) == (
        MessageState.SENT,
        provincial_office,
        True,
    )
    assert all(message.state == MessageState.PENDING for message in others)


@pytest.mark.django_db
def test_sending_twice_sends_once(
    client, approved_in_bulk, provincial_office, mailoutbox, django_capture_on_commit_callbacks
):
    batch = OutboxBatch.objects.get()
    client.force_login(provincial_office)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(DECIDE, {"batch": batch.pk})
        client.post(DECIDE, {"batch": batch.pk})

    assert len(mailoutbox) == batch.messages.count()
    assert set(batch.messages.values_list("state", flat=True)) == {MessageState.SENT}


@pytest.mark.django_db
def test_office_discards_messages_which_are_never_sent(
    client, approved_in_bulk, provincial_office, mailoutbox, django_capture_on_commit_callbacks
):
    pks = list(OutboxMessage.objects.values_list("pk", flat=True))
    client.force_login(provincial_office)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(DECIDE, {"message": pks, "decision": "discard"})

    assert mailoutbox == []
    assert set(OutboxMessage.objects.values_list("state", "decided_by")) == {
        (MessageState.DISCARDED, provincial_office.pk)
    }
    page = client.get(OUTBOX)
    assert list(page.context["batches"]) == []
    assert len(page.context["decided"]) == len(pks)


@pytest.mark.django_db
def test_outbox_page_lists_pending_messages_by_batch(client, approved_in_bulk, approver):
    client.force_login(approver)

    response = client.get(OUTBOX)

    [(batch, messages)] = response.context["batches"]
    assert "1234/QĐ-UBND" in batch.label
    assert len(messages) == OutboxMessage.objects.count()
    assert messages[0].subject in response.content.decode()
    assert response.context["can_decide"] is False


@pytest.mark.django_db
def test_approver_may_look_but_not_send(client, approved_in_bulk, approver, mailoutbox):
    client.force_login(approver)

    response = client.post(DECIDE, {"batch": OutboxBatch.objects.get().pk})

    assert response.status_code == 404
    assert not OutboxMessage.objects.exclude(state=MessageState.PENDING).exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "persona", ["producer", "stranger", "commune_officer", "district_officer", "council_member"]
)
def test_others_get_a_404(client, request, approved_in_bulk, persona):
    client.force_login(request.getfixturevalue(persona))
    batch = OutboxBatch.objects.get()

    assert client.get(OUTBOX).status_code == 404
    assert client.post(DECIDE, {"batch": batch.pk}).status_code == 404
    assert not OutboxMessage.objects.exclude(state=MessageState.PENDING).exists()


@pytest.mark.django_db
def test_another_provinces_office_sees_nothing_and_sends_nothing(client, approved_in_bulk):
    office = factories.UserFactory(role="provincial_office", province_id=1)
    client.force_login(office)

    page = client.get(OUTBOX)
    client.post(DECIDE, {"batch": OutboxBatch.objects.get().pk})

    assert list(page.context["batches"]) == []
    assert not OutboxMessage.objects.exclude(state=MessageState.PENDING).exists()


@pytest.mark.django_db
def test_assigning_many_dossiers_to_a_council_holds_the_notices(
    producer,
    producer_org,
    provincial_office,
    today,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    from evaluations.council_assignment import assign_dossiers

    round_ = factories.RoundFactory()
    council = factories.CouncilFactory(round=round_)
    dossiers = [
        factories.DossierFactory(
            product__producer=producer_org, round=round_, state=DossierState.FORWARDED, revision=1
        )
        for _ in range(2)
    ]

    with django_capture_on_commit_callbacks(execute=True):
        assigned, refused = assign_dossiers(council, by=provincial_office, dossiers=dossiers)

    assert (len(assigned), refused, mailoutbox) == (2, [], [])
    assert OutboxMessage.objects.filter(to_email=producer.email).count() == 2


@pytest.mark.django_db
@pytest.mark.parametrize(("item_count", "queries"), [(1, 5), (3, 5)])
def test_outbox_page_query_count_is_constant(
    client,
    provincial_office,
    producer,
    producer_org,
    item_count,
    queries,
    django_assert_num_queries,
):
    for number in range(item_count):
        batch = OutboxBatch.objects.create(
            label=f"Quyết định {number}", created_by=provincial_office
        )
        dossier = factories.DossierFactory(product__producer=producer_org, state="approved")
        event = dossier.events.create(
            actor=provincial_office, action="approve", to_state="approved"
        )
        for state in ["pending", "sent"]:
            OutboxMessage.objects.create(
                batch=batch,
                dossier=dossier,
                event=event,
                recipient=producer,
                to_email=producer.email,
                subject="Kết quả",
                body="…",
                state=state,
                **(
                    {"decided_by": provincial_office, "decided_at": event.created_at}
                    if state == "sent"
                    else {}
                ),
            )
    client.force_login(provincial_office)
    client.get(OUTBOX)  # warm the per-process caches (province name)

    with django_assert_num_queries(queries):
        response = client.get(OUTBOX)

    assert len(response.context["batches"]) == item_count
    assert len(response.context["decided"]) == item_count
