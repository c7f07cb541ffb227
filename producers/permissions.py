"""Who may see and change a producer's profile and its list of accounts.

Each "see" predicate is paired with ``Producer.objects.visible_to(user)``; views fetch through the
helpers below so that anyone outside gets a 404, never a 403 confirming that the producer exists.
"""

from django.http import Http404

from .models import Membership, Producer


def membership_of(user) -> Membership | None:
    """The producer membership of a signed-in producer account, or None (one query at most)."""
    if not user.is_authenticated or not user.is_active or not user.is_producer:
        return None
    return (
        Membership.objects.select_related("producer", "producer__commune").filter(user=user).first()
    )


def is_member(user, producer_id: int) -> bool:
    """Whether ``user`` is an active producer account acting for the producer ``producer_id``:
    the one membership rule every app asks (its cached membership row, no query once loaded)."""
    if not user.is_authenticated or not user.is_active or not user.is_producer:
        return False
    membership = getattr(user, "producer_membership", None)
    return membership is not None and membership.producer_id == producer_id


def can_view_producer(user, producer: Producer) -> bool:
    """Its own accounts, and officials who can see one of its products' dossiers."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_producer:
        return is_member(user, producer.pk)
    return Producer.objects.visible_to(user).filter(pk=producer.pk).exists()


def can_edit_producer(user, membership: Membership | None) -> bool:
    return membership is not None and membership.user_id == user.pk


def can_manage_members(user, membership: Membership | None) -> bool:
    """Only the owner (the account that created the profile) invites and removes accounts."""
    return can_edit_producer(user, membership) and membership.is_owner


def get_membership_for(user) -> Membership:
    """The signed-in producer's membership; 404 for officials and producers without a profile."""
    membership = membership_of(user)
    if membership is None:
        raise Http404
    return membership


def can_view_sensitive_personal_data(user, producer: Producer) -> bool:
    """The representative's gender, ethnicity and disability (sensitive data, Decree 13/2023,
    Art. 2.4) are seen only where a task needs them:

    - the producer's own accounts, who declare and correct them;
    - the provincial OCOP office of the producer's province (and administrators): it checks the
      claim behind criterion 3.2 and reports the programme's statistics.

    Not local officers, council members or approvers: their tasks need the product and the
    dossier, not the person; a council member scoring criterion 3.2 reads the producer's own
    self-assessment. Every view is logged (privacy.access.log_sensitive_view).
    """
    from accounts.models import Role

    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_producer:
        return is_member(user, producer.pk)
    if user.is_superuser:
        return True
    if user.role in {Role.PROVINCIAL_OFFICE, Role.ADMINISTRATOR}:
        return user.covers_commune(producer.commune)
    return False
