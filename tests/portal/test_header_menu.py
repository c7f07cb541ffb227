"""The header: a role with many pages gets them grouped in drop-downs, so it fits on one line."""

import re

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


def test_the_current_page_is_marked_and_the_language_form_returns_to_it(client, provincial_office):
    client.force_login(provincial_office)
    url = reverse("programme:targets") + "?year=2026"

    page = client.get(url).text

    target = reverse("programme:targets")
    assert f'class="dropdown-item active" aria-current="page" href="{target}"' in page
    assert page.count('aria-current="page"') == 1
    assert f'<input type="hidden" name="next" value="{target}?year=2026">' in page
    assert '<option value="vi" selected>Tiếng Việt</option>' in page


def test_the_header_forms_carry_a_token_the_server_accepts(provincial_office):
    """The language form and the sign-out form share one masked token: it must still be one the
    CSRF check accepts."""
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(provincial_office)
    page = client.get(reverse("home")).text
    tokens = set(re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', page))
    assert tokens

    response = client.post(
        reverse("set_language"),
        {"language": "en", "next": "/", "csrfmiddlewaretoken": sorted(tokens)[0]},
    )

    assert response.status_code == 302


def test_the_personal_data_register_is_offered_to_whom_it_is_shown(
    client, provincial_office, commune_officer
):
    register = reverse("privacy:register")
    client.force_login(provincial_office)
    assert f'href="{register}"' in client.get(reverse("home")).text
    client.force_login(commune_officer)
    assert f'href="{register}"' not in client.get(reverse("home")).text
