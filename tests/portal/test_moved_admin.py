"""The admin pages of the models that left the evaluations app keep their old addresses as
redirects (issue 17): an approver's bookmark of the results list still lands."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_an_old_results_list_bookmark_lands_on_the_new_address_with_its_filter(client, approver):
    client.force_login(approver)

    response = client.get("/admin/evaluations/councilresult/?state=scored")

    assert response.status_code == 301
    assert response["Location"] == "/admin/councils/councilresult/?state=scored"
    assert response["Location"].split("?")[0] == reverse("admin:councils_councilresult_changelist")


def test_an_old_change_page_keeps_its_tail(client, approver):
    client.force_login(approver)

    response = client.get("/admin/evaluations/certificate/12/change/")

    assert response["Location"] == "/admin/certificates/certificate/12/change/"


def test_the_audit_that_stayed_is_not_redirected(client, approver):
    client.force_login(approver)

    response = client.get("/admin/evaluations/dossierevent/")

    assert response.status_code != 301
