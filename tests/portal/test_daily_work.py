"""Each role finds its own work: where it lands after signing in, and its header's entries."""

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

from accounts.two_factor import role_requires_two_factor
from councils.models import CouncilRole

from .. import factories
from ..conftest import totp_token
from .test_header_menu import _menu

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"


def _sign_in(client, user):
    user.set_password(PASSWORD)
    user.save()
    return client.post(reverse("accounts:login"), {"username": user.email, "password": PASSWORD})


@pytest.mark.parametrize(
    ("persona", "landing"),
    [
        ("producer", "home"),
        ("district_officer", "evaluations:queue"),
        ("council_member", "evaluations:my-sheets"),
        ("provincial_office", "reports:dashboard"),
        # The approval screen of the first result waiting, or the list when none does.
        ("approver", "admin:evaluations_councilresult_approval_start"),
    ],
)
def test_each_role_lands_on_its_own_work_after_signing_in(client, request, persona, landing):
    user = request.getfixturevalue(persona)

    signed_in = _sign_in(client, user)
    assert signed_in.status_code == 302
    assert signed_in.url == reverse("start")

    if role_requires_two_factor(user):  # the code comes before any page, then the same /start/
        verified = client.post(
            reverse("accounts:2fa-verify"), {"token": totp_token(user), "next": reverse("start")}
        )
        assert verified.url == reverse("start")
    start = client.get(signed_in.url)
    assert start.status_code == 302
    assert start.url.split("?")[0] == reverse(landing)
    assert client.get(start.url, follow=True).status_code == 200


def test_a_next_address_still_wins_over_the_landing(client, provincial_office):
    provincial_office.set_password(PASSWORD)
    provincial_office.save()

    response = client.post(
        reverse("accounts:login") + "?next=" + reverse("outbox:list"),
        {"username": provincial_office.email, "password": PASSWORD, "next": reverse("outbox:list")},
    )

    assert response.url == reverse("outbox:list")


def test_the_approver_lands_on_the_result_awaiting_a_decision(client, approver, today):
    awaiting = factories.CouncilResultFactory(dossier__round__province_id=33)
    factories.CouncilResultFactory(dossier__round__province_id=33, dossier__state="approved")
    client.force_login(approver)

    landing = client.get(client.get(reverse("start")).url)
    screen = client.get(landing.url)

    assert landing.url == reverse("admin:evaluations_councilresult_approval", args=[awaiting.pk])
    assert screen.context["result"] == awaiting
    assert screen.context["form"] is not None


def test_an_approver_outside_the_admin_lands_on_the_overview(client, approver):
    approver.is_staff = False
    approver.save()
    client.force_login(approver)

    assert client.get(reverse("start")).url == reverse("reports:dashboard")
    assert "admin:councils_councilresult_changelist" not in _menu(client)


def test_the_approver_reaches_the_results_to_approve_from_the_header(client, approver):
    client.force_login(approver)

    menu = _menu(client)

    assert "admin:councils_councilresult_changelist" in menu
    page = client.get(reverse("home")).text
    assert "Kết quả chờ phê duyệt" in page


@pytest.mark.parametrize("seat", [CouncilRole.CHAIR, CouncilRole.SECRETARY])
def test_the_chair_and_the_secretary_have_a_council_menu_item(client, council_member, seat, today):
    factories.CouncilMemberFactory(user=council_member, role=seat)
    client.force_login(council_member)

    assert "evaluations:council-list" in _menu(client)
    assert client.get(reverse("evaluations:council-list")).status_code == 200


def test_an_ordinary_member_has_no_council_menu_item(client, council_member, today):
    factories.CouncilMemberFactory(user=council_member, role=CouncilRole.MEMBER)
    client.force_login(council_member)

    menu = _menu(client)

    assert "evaluations:council-list" not in menu
    assert "evaluations:my-sheets" in menu


def test_the_provincial_office_header_has_few_top_level_entries(client, provincial_office):
    client.force_login(provincial_office)

    menu = _menu(client)

    assert ("Đánh giá", [
        "evaluations:round-list", "evaluations:dossier-list", "evaluations:overdue",
        "evaluations:council-list", "outbox:list",
    ]) in menu  # fmt: skip
    assert ("Giấy chứng nhận", ["reports:register", "evaluations:correction-list"]) in menu
    assert len(menu) <= 5
    # the header collapses below 1200 px (Bootstrap's xl), not 1400 px (xxl): it fits at 1366 px
    assert "navbar-expand-xl" in client.get(reverse("home")).text


def test_the_favicon_is_linked_and_favicon_ico_does_not_404(client):
    page = client.get(reverse("home")).text
    assert 'rel="icon" href="/static/img/favicon.svg"' in page

    response = client.get("/favicon.ico")

    assert response.status_code == 301
    assert response.url == "/static/img/favicon.ico"
    # the static file it points at exists (collected and served by WhiteNoise)
    assert finders.find("img/favicon.ico")
    assert finders.find("img/favicon.svg")
