"""Two officers accepting the same dossier at the same moment: the row lock lets one win and
tells the other the dossier has moved on. Needs PostgreSQL (SQLite has no row locks)."""

import threading
import time

import pytest
from django.db import connection, transaction
from django.utils import translation
from django.utils.translation import gettext as _

from dossiers.models import Dossier, DossierState
from evaluations import transitions
from evaluations.models import DossierEvent
from tests import factories

from .conftest import ASSESSMENT

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Row locks (SELECT … FOR UPDATE) need PostgreSQL; SQLite serialises whole writes.",
)


def _race(pk, officers):
    """Both officers call accept_dossier in their own thread and connection while the main
    thread holds the row lock, so both wait on it; the lock is then released."""
    start = threading.Barrier(len(officers) + 1)
    outcomes = [None] * len(officers)

    def accept(index, officer):
        try:
            with translation.override("vi"):
                start.wait()
                try:
                    transitions.accept_dossier(
                        Dossier.objects.get(pk=pk), by=officer, assessment=ASSESSMENT
                    )
                    outcomes[index] = "accepted"
                except transitions.TransitionError as refused:
                    outcomes[index] = refused
        finally:
            connection.close()

    threads = [threading.Thread(target=accept, args=pair) for pair in enumerate(officers)]
    with transaction.atomic():
        Dossier.objects.select_for_update().get(pk=pk)
        for thread in threads:
            thread.start()
        start.wait()
        time.sleep(0.5)  # both threads are now blocked on the lock
    for thread in threads:
        thread.join(timeout=30)
    return outcomes


@pytest.mark.django_db(transaction=True)
def test_two_officers_accept_at_once_one_wins_the_other_is_told(
    commune_officer, district_officer, producer_org, today
):
    product = factories.complete_product(producer_org)
    dossier = factories.DossierFactory(product=product, state=DossierState.SUBMITTED, revision=1)

    outcomes = _race(dossier.pk, [commune_officer, district_officer])

    officers = [commune_officer, district_officer]
    winners = [officers[i].email for i, outcome in enumerate(outcomes) if outcome == "accepted"]
    losers = [outcome for outcome in outcomes if outcome != "accepted"]
    assert (len(winners), len(losers)) == (1, 1)
    with translation.override("vi"):
        expected = _(
            "This dossier has already moved on: it is now “%(state)s”, so the action was not "
            "applied. Reload the page to see what changed."
        ) % {"state": DossierState.ACCEPTED.label}
    assert (type(losers[0]), str(losers[0])) == (transitions.TransitionError, expected)
    events = list(
        DossierEvent.objects.filter(dossier=dossier).values_list("action", "actor__email")
    )
    assert events == [("accept", winners[0])]
    dossier.refresh_from_db()
    assert dossier.state == DossierState.ACCEPTED


@pytest.mark.django_db(transaction=True)
def test_one_officer_double_clicking_accepts_once(commune_officer, producer_org, today):
    product = factories.complete_product(producer_org)
    dossier = factories.DossierFactory(product=product, state=DossierState.SUBMITTED, revision=1)
    twin = type(commune_officer).objects.get(pk=commune_officer.pk)

    outcomes = _race(dossier.pk, [commune_officer, twin])

    kinds = sorted(type(outcome).__name__ for outcome in outcomes)
    assert kinds == ["AlreadyApplied", "str"]  # one accepted, one told it was already done
    assert DossierEvent.objects.filter(dossier=dossier, action="accept").count() == 1
