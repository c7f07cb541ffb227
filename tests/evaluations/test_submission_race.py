"""Issue 18: the submission holds still. Submitting locks the product row with the dossier and
takes the revision's snapshot in that transaction; an upload that commits after it is refused
with a message, never kept beside a snapshot that lacks it.

On PostgreSQL the race is run for real on two connections (two threads, each its own
connection). SQLite serialises every writer on one database lock, so there the same two
orders are played one after the other: the promise is made for PostgreSQL, the CI's database.
"""

import threading
import time

from django.db import connection, transaction

from dossiers.models import DossierRevision
from evaluations import transitions
from products.models import ProductPhoto
from products.services import SubmittedMeanwhile, add_photo
from tests.uploads import photo_upload

HOLD_SECONDS = 0.5
POSTGRES = connection.vendor == "postgresql"


def _race(first, second):
    """``first`` in a transaction held open while ``second`` runs on another connection and
    reaches the same row locks. Returns {"first": …, "second": … or the exception raised}."""
    outcome, errors, started = {}, [], threading.Event()

    def hold():
        try:
            with transaction.atomic():
                outcome["first"] = first()
                started.set()
                time.sleep(HOLD_SECONDS)  # the other connection now waits on our locks
        except Exception as error:
            errors.append(error)
            started.set()
        finally:
            connection.close()

    def follow():
        try:
            started.wait(5)
            outcome["second"] = second()
        except Exception as error:
            outcome["second"] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=hold), threading.Thread(target=follow)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(15)
    assert errors == []
    return outcome


def _play(first, second):
    """The race on PostgreSQL; on SQLite the same order, one after the other."""
    if POSTGRES:
        return _race(first, second)
    outcome = {"first": first()}
    try:
        outcome["second"] = second()
    except Exception as error:
        outcome["second"] = error
    return outcome


def _snapshot_photos(dossier) -> set[int]:
    revision = DossierRevision.objects.get(dossier=dossier, number=1)
    return {photo["id"] for photo in revision.snapshot["photos"]}


def test_an_upload_committing_after_the_submission_is_refused(
    transactional_db, today, producer, draft
):
    product = draft.product
    before = set(product.photos.values_list("pk", flat=True))

    outcome = _play(
        lambda: transitions.submit_dossier(draft, by=producer),
        lambda: add_photo(product, by=producer, file=photo_upload(), caption="Hũ mới"),
    )

    refused = outcome["second"]
    assert isinstance(refused, SubmittedMeanwhile)
    assert "Hồ sơ đã được nộp trong khi bạn đang tải lên" in refused.message
    assert set(product.photos.values_list("pk", flat=True)) == before
    assert _snapshot_photos(draft) == before
    assert not ProductPhoto.objects.filter(caption="Hũ mới").exists()


def test_an_upload_committing_before_the_submission_is_in_its_snapshot(
    transactional_db, today, producer, draft
):
    product = draft.product

    outcome = _play(
        lambda: add_photo(product, by=producer, file=photo_upload(), caption="Hũ mới"),
        lambda: transitions.submit_dossier(draft, by=producer),
    )

    photo = outcome["first"]
    assert not isinstance(outcome["second"], Exception)
    assert photo.pk in _snapshot_photos(draft)
    assert _snapshot_photos(draft) == set(product.photos.values_list("pk", flat=True))
