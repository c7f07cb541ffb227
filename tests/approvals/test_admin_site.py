"""The portal's admin site (ocop_portal.admin_site): its index pages list what the official may
open; its other pages carry no sidebar of every model, and are reached from the index."""

import pytest
from django.urls import reverse

CHANGELIST = reverse("admin:councils_councilresult_changelist")


@pytest.mark.django_db
def test_the_index_lists_the_council_results_for_the_approver(client, approver):
    client.force_login(approver)

    index = client.get(reverse("admin:index"))
    councils = client.get(reverse("admin:app_list", args=["councils"]))

    assert index.status_code == 200
    assert CHANGELIST in index.text
    assert councils.status_code == 200
    assert CHANGELIST in councils.text


@pytest.mark.django_db
def test_an_app_the_official_may_not_open_is_not_found(client, approver):
    client.force_login(approver)

    assert client.get(reverse("admin:app_list", args=["auth"])).status_code == 404


@pytest.mark.django_db
def test_the_results_list_has_no_sidebar_and_leads_back_to_the_index(client, approver):
    client.force_login(approver)

    page = client.get(CHANGELIST)

    assert page.status_code == 200
    assert 'id="nav-sidebar"' not in page.text
    assert f'href="{reverse("admin:index")}"' in page.text  # the breadcrumbs' first link
