"""Two approvers at once: numbers never repeat and one dossier never gets two certificates.

PostgreSQL only: SQLite serialises every writer on a database lock, so there is no race to test
(and the portal's concurrency promise is made for PostgreSQL, its production database).
"""

import threading
import time

import pytest
from django.db import connection, transaction

from certificates.models import Certificate, Sequence

from .conftest import DECISION_DATE

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks are only real on PostgreSQL"
    ),
    pytest.mark.django_db(transaction=True),
]
HOLD_SECONDS = 0.5


def _race(first, second):
    """Run ``first`` in a transaction kept open while ``second`` runs in another thread, so that
    ``second`` reaches the row locks while ``first`` still holds them. Returns both results and
    the moment ``first`` began to commit (its locks are released only after it) and the moment
    ``second`` returned."""
    outcome, errors, started = {}, [], threading.Event()

    def hold():
        try:
            with transaction.atomic():
                outcome["first"] = first()
                started.set()
                time.sleep(HOLD_SECONDS)  # the second approver is now waiting on our locks
                # Taken inside the block: a moment read after the commit could come later than
                # the second approver's return, which the commit itself has already let go.
                outcome["committing"] = time.monotonic()
        except Exception as error:  # surfaced in the test thread below
            errors.append(error)
            started.set()
        finally:
            connection.close()

    def follow():
        try:
            started.wait(5)
            outcome["second"] = second()
            outcome["returned"] = time.monotonic()
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=hold), threading.Thread(target=follow)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert errors == []
    return outcome


def test_two_approvers_at_once_get_consecutive_numbers(transactional_db, scored, recognise):
    from tests import factories

    ours, theirs = (scored(product=factories.ProductFactory()) for _ in range(2))

    outcome = _race(lambda: recognise(ours), lambda: recognise(theirs))

    assert sorted([outcome["first"].number, outcome["second"].number]) == [
        "OCOP-33-2026-0001",
        "OCOP-33-2026-0002",
    ]
    assert outcome["returned"] >= outcome["committing"]  # the second waited for the lock
    assert Sequence.objects.get(key="certificate:33:2026").last_value == 2


def test_two_approvers_approving_one_dossier_make_one_certificate(
    transactional_db, scored, recognise
):
    dossier = scored()

    outcome = _race(
        lambda: recognise(dossier, decision_number="1/QĐ-UBND"),
        lambda: recognise(dossier, decision_number="2/QĐ-UBND"),
    )

    assert outcome["first"].pk == outcome["second"].pk
    assert list(Certificate.objects.values_list("number", "decision_number")) == [
        ("OCOP-33-2026-0001", "1/QĐ-UBND")
    ]
    assert Sequence.objects.get(key="certificate:33:2026").last_value == 1


def test_certificate_sequence_is_created_once_under_a_race(transactional_db, scored, recognise):
    from tests import factories

    dossiers = [scored(product=factories.ProductFactory()) for _ in range(4)]
    barrier, numbers, errors = threading.Barrier(4), [], []

    def approve(dossier):
        try:
            barrier.wait(5)
            numbers.append(recognise(dossier, decision_date=DECISION_DATE).number)
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=approve, args=(d,)) for d in dossiers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)

    assert errors == []
    assert sorted(numbers) == [f"OCOP-33-2026-{n:04d}" for n in range(1, 5)]
