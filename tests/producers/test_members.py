import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from producers.models import Invitation, Membership
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def invite(client, producer, django_capture_on_commit_callbacks):
    def post(email="congsu@example.vn"):
        client.force_login(producer)
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(reverse("producers:members"), {"email": email})

    return post


@pytest.fixture
def colleague(areas):
    return factories.UserFactory(email="congsu@example.vn", full_name="Đào Văn Cộng")


def _invitation_path(message) -> str:
    return re.search(r"https?://[^/\s]+(/\S+)", message.body).group(1)


def test_owner_invites_a_colleague_by_email(invite, producer_org):
    response = invite("CongSu@Example.vn")

    invitation = Invitation.objects.get()
    assert response["Location"] == reverse("producers:members")
    assert (invitation.producer, invitation.email) == (producer_org, "congsu@example.vn")
    assert mail.outbox[0].to == ["congsu@example.vn"]
    assert _invitation_path(mail.outbox[0]) == reverse(
        "producers:invitation-accept", kwargs={"token": invitation.token}
    )


def test_owner_inviting_the_same_email_again_sends_a_new_link(invite):
    invite()
    first = Invitation.objects.get().token

    invite()

    assert Invitation.objects.count() == 1
    assert Invitation.objects.get().token != first
    assert len(mail.outbox) == 2


def test_colleague_accepts_and_acts_for_the_producer(client, invite, colleague, producer_org):
    invite()
    path = _invitation_path(mail.outbox[0])
    client.force_login(colleague)

    response = client.post(path)

    membership = Membership.objects.get(user=colleague)
    assert response["Location"] == reverse("producers:dashboard")
    assert (membership.producer, membership.is_owner) == (producer_org, False)
    assert Invitation.objects.get().accepted_by == colleague


def test_invitation_cannot_be_used_by_another_account(client, invite, stranger):
    invite()
    client.force_login(stranger)

    client.post(_invitation_path(mail.outbox[0]))

    assert Membership.objects.filter(user=stranger).get().is_owner is True
    assert Invitation.objects.get().accepted_at is None


def test_expired_invitation_is_refused(client, invite, colleague):
    invite()
    Invitation.objects.update(created_at=timezone.now() - datetime.timedelta(days=15))
    client.force_login(colleague)

    client.post(_invitation_path(mail.outbox[0]))

    assert Membership.objects.filter(user=colleague).count() == 0


def test_visitor_opening_the_invitation_is_told_to_sign_in_with_that_email(client, invite):
    invite()
    client.logout()

    response = client.get(_invitation_path(mail.outbox[0]))

    assert response.status_code == 200
    assert response.context["invitation"].email == "congsu@example.vn"


def test_member_who_is_not_the_owner_cannot_invite(client, producer_org):
    member = factories.MembershipFactory(producer=producer_org, is_owner=False).user
    client.force_login(member)

    response = client.post(reverse("producers:members"), {"email": "x@example.vn"})

    assert response.status_code == 404
    assert Invitation.objects.count() == 0


def test_owner_removes_a_member(client, producer, producer_org):
    member = factories.MembershipFactory(producer=producer_org, is_owner=False)
    client.force_login(producer)

    client.post(reverse("producers:member-remove", kwargs={"pk": member.pk}))

    assert list(producer_org.memberships.values_list("user", flat=True)) == [producer.pk]


def test_owner_cannot_remove_another_producers_member_nor_cancel_its_invitations(
    client, producer, stranger
):
    other = stranger.producer_membership.producer
    invitation = factories.InvitationFactory(producer=other, invited_by=stranger)
    client.force_login(producer)

    removal = client.post(
        reverse("producers:member-remove", kwargs={"pk": stranger.producer_membership.pk})
    )
    cancel = client.post(reverse("producers:invitation-cancel", kwargs={"pk": invitation.pk}))

    assert (removal.status_code, cancel.status_code) == (404, 404)
    assert Membership.objects.filter(user=stranger).count() == 1
    assert Invitation.objects.filter(pk=invitation.pk).count() == 1


def test_owner_cancels_an_invitation(client, invite):
    invite()
    invitation = Invitation.objects.get()

    client.post(reverse("producers:invitation-cancel", kwargs={"pk": invitation.pk}))

    assert Invitation.objects.count() == 0
