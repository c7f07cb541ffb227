"""Likely conflicts of interest between council members and the producers they score.

A flag is a reason to ask, not a verdict: the member then declares, per product, "conflict" or
"no conflict" (kept on their score sheet), and only a declared conflict leaves their sheet out of
the council's average (Decision 26/2026, Art. 3.3: members score independently and impartially).
"""

import functools
from collections.abc import Iterable

from django.utils.translation import gettext_lazy as _

from accounts.models import User
from dossiers.models import Dossier
from ocop_portal.text import fold
from producers.models import Membership


class Reason:
    MEMBER_OF_PRODUCER = _("has an account of the producer")
    ORGANISATION = _("works for an organisation with the producer's name")
    COMMUNE = _("lives or works in the producer's commune")


# A member's list of sheets asks of the same hundred-odd producers on every view, and folding a
# name (a pass over its characters) was a tenth of that page.
_folded = functools.lru_cache(maxsize=4096)(fold)


def _same_organisation(organisation: str, producer_name: str) -> bool:
    # "HTX Mật ong Khoái Châu" and "Hợp tác xã mật ong khoái châu" differ only in case and
    # accents once folded; a bare containment would flag every "HTX" against every cooperative.
    theirs = _folded(organisation)
    if not theirs:
        return False
    ours = _folded(producer_name)
    if not ours:
        return False
    shorter, longer = sorted((theirs, ours), key=len)
    return shorter == longer or (len(shorter.split()) >= 2 and shorter in longer)


def producer_reasons(
    user: User, producer_id: int, name: str, commune_id: int | None, *, producer_of_user: int | None
) -> tuple[str, ...]:
    """The reasons for a producer given by its key, name and commune (``producer_of_user``: the
    producer the user holds an account of, if any): lists read them as plain values."""
    reasons = []
    if producer_of_user == producer_id:
        reasons.append(str(Reason.MEMBER_OF_PRODUCER))
    if _same_organisation(user.organisation, name):
        reasons.append(str(Reason.ORGANISATION))
    if user.home_commune_id and user.home_commune_id == commune_id:
        reasons.append(str(Reason.COMMUNE))
    return tuple(reasons)


def reasons_from(user: User, dossier: Dossier, *, producer_of_user: int | None) -> tuple[str, ...]:
    """The reasons, from rows already loaded, so lists stay at a fixed number of queries."""
    producer = dossier.product.producer
    return producer_reasons(
        user, producer.pk, producer.name, producer.commune_id, producer_of_user=producer_of_user
    )


def producer_of(user: User) -> int | None:
    """The producer the user holds an account of, if any (one query)."""
    return Membership.objects.filter(user=user).values_list("producer_id", flat=True).first()


def conflict_reasons(user: User, dossier: Dossier) -> tuple[str, ...]:
    """Why ``user`` may have a conflict of interest with the dossier's producer (empty: none
    seen): they hold an account of the producer, their organisation bears its name, or they live
    or work in its commune."""
    return reasons_from(user, dossier, producer_of_user=producer_of(user))


def conflict_flags(
    users: Iterable[User], dossiers: Iterable[Dossier]
) -> dict[tuple[int, int], tuple[str, ...]]:
    """(user id, dossier id) → reasons, for every pair with at least one; one query."""
    users, dossiers = list(users), list(dossiers)
    producers_of = dict(
        Membership.objects.filter(user__in=[u.pk for u in users]).values_list(
            "user_id", "producer_id"
        )
    )
    flags = {}
    for user in users:
        for dossier in dossiers:
            reasons = reasons_from(user, dossier, producer_of_user=producers_of.get(user.pk))
            if reasons:
                flags[user.pk, dossier.pk] = reasons
    return flags
