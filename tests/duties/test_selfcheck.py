"""The operators' self-check runs in the request, on the app server that answers it, and the
weekly duty purges spent form tokens."""

import datetime
import uuid

import pytest
from django.core.files.storage import FileSystemStorage
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from duties.models import ScheduledRun
from once.models import SubmissionToken
from tests import factories


@pytest.fixture
def staff(db):
    return factories.UserFactory(email="vanhanh@example.vn", is_staff=True)


def test_staff_runs_the_selfcheck_and_reads_its_report(client, staff, settings):
    client.force_login(staff)

    response = client.post(reverse("duties:selfcheck"))

    page = response.content.decode()
    assert response.status_code == 200
    assert 'data-role="selfcheck-report"' in page
    assert "<code>LocMemCache</code>" in page
    assert "no-cache" in response["Cache-Control"]
    # The file written to check the storage is not left behind.
    assert not list((settings.MEDIA_ROOT / "selfcheck").iterdir())


def test_the_selfcheck_page_only_offers_the_check_until_asked(client, staff):
    client.force_login(staff)

    page = client.get(reverse("duties:selfcheck")).content.decode()

    assert 'data-role="selfcheck-report"' not in page
    assert 'method="post"' in page


def test_a_cache_that_forgets_fails_the_selfcheck(client, staff, monkeypatch):
    monkeypatch.setattr("duties.selfcheck.cache.get", lambda key: None)
    client.force_login(staff)

    page = client.post(reverse("duties:selfcheck")).content.decode()

    assert 'data-role="selfcheck-report"' not in page
    assert 'data-role="selfcheck-failure"' in page


def test_a_storage_that_does_not_answer_fails_the_selfcheck(client, staff, monkeypatch):
    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(FileSystemStorage, "_save", broken)
    client.force_login(staff)

    page = client.post(reverse("duties:selfcheck")).content.decode()

    assert 'data-role="selfcheck-failure"' in page


def test_producer_cannot_run_the_selfcheck(client, producer):
    client.force_login(producer)

    assert client.post(reverse("duties:selfcheck")).status_code == 403
    assert client.get(reverse("duties:selfcheck")).status_code == 403


def test_purge_form_tokens_deletes_tokens_past_their_keeping_time(staff, producer):
    """The weekly duty keeps the table of form tokens small: a month-old token is gone, a
    recent one still turns a repeated form into the first result."""

    def token(days_old, user):
        made = SubmissionToken.objects.create(token=uuid.uuid4(), user=user, url="/products/1/")
        SubmissionToken.objects.filter(pk=made.pk).update(
            created_at=timezone.now() - datetime.timedelta(days=days_old)
        )
        return made

    kept = [token(0, producer), token(29, staff)]
    token(31, producer)
    token(400, staff)

    call_command("purge_form_tokens", stdout=None)

    assert set(SubmissionToken.objects.values_list("pk", flat=True)) == {t.pk for t in kept}
    assert ScheduledRun.objects.get(command="purge_form_tokens").last_ok
