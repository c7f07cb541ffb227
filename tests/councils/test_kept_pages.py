"""Signed-in pages kept between two writes (ocop_portal.page_cache): served again to the same
person and browser, never to anyone else, and never older than the last write."""

import datetime
import re

import pytest
import time_machine
from django.contrib.sessions.backends.db import SessionStore
from django.db import connection, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from evaluations.models import ScoreSheet
from ocop_portal import page_cache
from producers.models import Producer
from products.models import Product

pytestmark = pytest.mark.django_db


def _sheet_url(dossier, name="sheet"):
    return reverse(f"evaluations:{name}", kwargs={"pk": dossier.pk})


def _checked(response) -> set[str]:
    return set(re.findall(r'id="([\w-]+)" value="\d+" checked', response.text))


def test_a_kept_sheet_is_served_without_reading_the_dossier_again(
    client, council_member, dossier, warm_caches, django_assert_max_num_queries
):
    client.force_login(council_member)
    first = client.get(_sheet_url(dossier))

    with django_assert_max_num_queries(2):  # the session and the signed-in person
        kept = client.get(_sheet_url(dossier))

    assert kept.status_code == 200
    assert kept.content == first.content


def test_a_ticked_option_shows_on_the_next_view_of_the_sheet(
    client, council_member, dossier, criteria_set
):
    first = criteria_set.leaf_criteria()[0]
    client.force_login(council_member)
    before = client.get(_sheet_url(dossier))

    client.post(_sheet_url(dossier, "sheet-autosave"), {first.code: "1"})
    after = client.get(_sheet_url(dossier))

    anchor = "criterion-" + first.code.replace(".", "-")
    assert f"{anchor}-1" not in _checked(before)
    assert f"{anchor}-1" in _checked(after)


def test_two_members_opening_the_same_address_each_get_their_own_sheet(
    client, council_member, second_member, dossier, criteria_set
):
    first = criteria_set.leaf_criteria()[0]
    anchor = "criterion-" + first.code.replace(".", "-")
    client.force_login(council_member)
    client.post(_sheet_url(dossier, "sheet-autosave"), {first.code: "1"})
    client.get(_sheet_url(dossier))
    other = Client()
    other.force_login(second_member)

    theirs = other.get(_sheet_url(dossier))

    assert f"{anchor}-1" not in _checked(theirs)
    assert council_member.full_name not in theirs.text


def test_a_queryset_update_retires_kept_pages(client, council_member, dossier):
    """Bulk updates send no model signals; the write itself is what counts."""
    client.force_login(council_member)
    client.get(_sheet_url(dossier))

    Product.objects.filter(pk=dossier.product_id).update(name="Mật ong rừng U Minh")
    response = client.get(_sheet_url(dossier))

    assert "Mật ong rừng U Minh" in response.text


@pytest.mark.django_db(transaction=True)
def test_pages_rendered_while_a_transaction_writes_are_retired_by_its_commit(areas):
    """Another request rendering between the write and the commit reads the old rows; it must
    not keep them under the version that follows the commit."""
    with transaction.atomic():
        Producer.objects.update(name="Hợp tác xã đổi tên")
        during = page_cache.version()

    assert page_cache.version() > during


def test_sessions_and_sign_in_attempts_do_not_retire_kept_pages(areas):
    before = page_cache.version()

    session = SessionStore()
    session["visited"] = True
    session.create()

    assert page_cache.version() == before


def test_a_kept_page_holds_forms_the_same_browser_can_post(council_member, dossier, criteria_set):
    first = criteria_set.leaf_criteria()[0]
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(council_member)
    browser.get(_sheet_url(dossier))
    kept = browser.get(_sheet_url(dossier))
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', kept.text).group(1)

    response = browser.post(
        _sheet_url(dossier, "sheet-autosave"), {"csrfmiddlewaretoken": token, first.code: "0"}
    )

    assert response.status_code == 302
    sheet = ScoreSheet.objects.get(dossier=dossier, member=council_member)
    assert sheet.options_by_code == {first.code: 0}


def test_another_browser_of_the_same_person_gets_its_own_tokens(council_member, dossier):
    office, phone = Client(), Client()
    office.force_login(council_member)
    phone.force_login(council_member)
    office.get(_sheet_url(dossier))

    office_page = office.get(_sheet_url(dossier))
    phone_page = phone.get(_sheet_url(dossier))

    assert phone_page.content != office_page.content
    assert phone.cookies["csrftoken"].value != office.cookies["csrftoken"].value


def test_a_message_is_shown_once_and_its_page_is_not_kept(client, council_member, dossier):
    client.force_login(council_member)
    client.get(_sheet_url(dossier))

    client.post(_sheet_url(dossier, "sheet-submit"))  # the signing box left unticked
    with_message = client.get(_sheet_url(dossier))
    next_view = client.get(_sheet_url(dossier))

    assert "Hãy đánh dấu ô xác nhận để ký phiếu." in with_message.text
    assert "Hãy đánh dấu ô xác nhận để ký phiếu." not in next_view.text


def test_htmx_requests_are_answered_afresh(client, council_member, dossier):
    client.force_login(council_member)
    client.get(_sheet_url(dossier))

    response = client.get(_sheet_url(dossier), HTTP_HX_REQUEST="true")

    assert "rows" in response.context


def test_the_queue_is_counted_again_on_a_new_day(client, district_officer, producer_org, today):
    """Working days left change at midnight without any write."""
    client.force_login(district_officer)
    url = reverse("evaluations:queue")
    client.get(url)

    with time_machine.travel(timezone.now() + datetime.timedelta(days=1)):
        response = client.get(url)

    assert response.context is not None


@pytest.mark.django_db(transaction=True)
def test_a_wrapper_block_around_a_new_connection_still_removes_its_own_wrapper():
    connection.close()

    def observer(execute, sql, params, many, context):
        return execute(sql, params, many, context)

    with connection.execute_wrapper(observer):
        Product.objects.exists()  # connects: page_cache.install runs inside the block

    assert page_cache.watch_writes in connection.execute_wrappers
    assert observer not in connection.execute_wrappers


def test_no_page_is_kept_when_the_setting_is_zero(client, council_member, dossier, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.force_login(council_member)
    client.get(_sheet_url(dossier))

    response = client.get(_sheet_url(dossier))

    assert "rows" in response.context


def test_writes_and_pages_carry_on_while_the_cache_is_unreachable(
    client, council_member, dossier, monkeypatch
):
    def unreachable(*args, **kwargs):
        raise ConnectionError("Redis is down")

    client.force_login(council_member)
    for operation in ("get", "incr", "set", "add"):
        monkeypatch.setattr(page_cache.cache, operation, unreachable)

    Product.objects.filter(pk=dossier.product_id).update(name="Mật ong rừng U Minh")
    response = client.get(_sheet_url(dossier))

    assert response.status_code == 200
    assert "Mật ong rừng U Minh" in response.text
