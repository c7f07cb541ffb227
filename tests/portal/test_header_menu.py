"""The header: a role with many pages gets them grouped in drop-downs, so it fits on one line."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _menu(client):
    layout = client.get(reverse("home")).context["portal_menu"]
    return [
        entry["link"]["name"]
        if "link" in entry
        else (str(entry["menu"]), [i["name"] for i in entry["items"]])
        for entry in layout
    ]


def test_provincial_office_finds_programme_pages_in_one_menu(client, provincial_office):
    client.force_login(provincial_office)

    menu = _menu(client)

    assert ("Chương trình", [
        "programme:targets", "programme:support-list", "reports:import", "catalogue:label-reports"
    ]) in menu  # fmt: skip
    assert "outbox:list" in dict(item for item in menu if isinstance(item, tuple))["Đánh giá"]
    assert ("Trang công khai", [
        "catalogue:list", "catalogue:verify-lookup", "programme:events"
    ]) in menu  # fmt: skip
    assert len(menu) <= 10


def test_visitors_see_the_public_pages_as_plain_links(client):
    assert _menu(client) == ["catalogue:list", "catalogue:verify-lookup", "programme:events"]


def test_the_menus_are_rendered_as_drop_downs(client, provincial_office):
    client.force_login(provincial_office)

    page = client.get(reverse("home")).text

    assert 'data-bs-toggle="dropdown" aria-expanded="false">Chương trình</a>' in page
    assert reverse("catalogue:label-reports") in page
