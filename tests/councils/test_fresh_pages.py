"""A member's sheet pages are rendered afresh for every view: what was just written shows on the
next view, for the writer and for anyone else, whichever way it was written."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from councils.models import ScoreSheet
from products.models import Product

pytestmark = pytest.mark.django_db


def _sheet_url(dossier, name="sheet"):
    return reverse(f"evaluations:{name}", kwargs={"pk": dossier.pk})


def _checked(response) -> set[str]:
    return set(re.findall(r'id="([\w-]+)" value="\d+" checked', response.text))


def test_a_ticked_option_shows_on_the_next_view_of_the_sheet(
    client, council_member, dossier, criteria_set
):
    first = criteria_set.leaf_criteria()[0]
    anchor = "criterion-" + first.code.replace(".", "-")
    client.force_login(council_member)
    before = client.get(_sheet_url(dossier))

    client.post(_sheet_url(dossier, "sheet-autosave"), {first.code: "1"})
    after = client.get(_sheet_url(dossier))

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


def test_a_product_renamed_by_a_queryset_update_shows_on_the_sheet_and_the_list(
    client, council_member, dossier
):
    client.force_login(council_member)
    client.get(_sheet_url(dossier))
    client.get(reverse("evaluations:my-sheets"))

    Product.objects.filter(pk=dossier.product_id).update(name="Mật ong rừng U Minh")

    assert "Mật ong rừng U Minh" in client.get(_sheet_url(dossier)).text
    assert "Mật ong rừng U Minh" in client.get(reverse("evaluations:my-sheets")).text


def test_the_sheet_holds_one_form_the_same_browser_can_post(council_member, dossier, criteria_set):
    first = criteria_set.leaf_criteria()[0]
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(council_member)
    page = browser.get(_sheet_url(dossier))
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)

    response = browser.post(
        _sheet_url(dossier, "sheet-autosave"), {"csrfmiddlewaretoken": token, first.code: "0"}
    )

    assert page.text.count('id="sheet-answers"') == 1
    assert response.status_code == 302
    sheet = ScoreSheet.objects.get(dossier=dossier, member=council_member)
    assert sheet.options_by_code == {first.code: 0}


def test_a_message_is_shown_once(client, council_member, dossier):
    client.force_login(council_member)
    client.get(_sheet_url(dossier))

    client.post(_sheet_url(dossier, "sheet-submit"))  # the signing box left unticked
    with_message = client.get(_sheet_url(dossier))
    next_view = client.get(_sheet_url(dossier))

    assert "Hãy đánh dấu ô xác nhận để ký phiếu." in with_message.text
    assert "Hãy đánh dấu ô xác nhận để ký phiếu." not in next_view.text


def test_a_submitted_sheet_shows_locked_to_the_chair_at_once(
    client, chair, council_member, dossier, criteria_set
):
    from .conftest import submitted_sheet

    client.force_login(chair)
    url = reverse(
        "evaluations:member-sheet", kwargs={"pk": dossier.pk, "user_pk": council_member.pk}
    )
    assert client.get(url).status_code == 404

    submitted_sheet(dossier, council_member, 60)

    assert client.get(url).status_code == 200
