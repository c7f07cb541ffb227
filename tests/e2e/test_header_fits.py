"""The provincial office signs in and lands on its overview; at 1366 px its header fits on one
line without the hamburger (it collapses below 1200 px), on a phone it collapses."""

import os
import re

import pytest
from playwright.sync_api import expect

from accounts.models import Role
from tests import factories

from .conftest import sign_in

PASSWORD = "a-long-test-password"


@pytest.fixture
def office(areas):
    user = factories.UserFactory(
        email="vanphong@example.vn",
        full_name="Vũ Thị Phòng",
        role=Role.PROVINCIAL_OFFICE,
        province_id=33,
        is_staff=True,
    )
    user.set_password(PASSWORD)
    user.save()
    return user


def test_the_office_lands_on_its_overview_with_a_header_on_one_line(page, viewport, office):
    sign_in(page, office.email, PASSWORD)

    expect(page).to_have_url(re.compile(r"/reports/"))
    toggler = page.locator(".navbar-toggler")
    if viewport == "phone":
        expect(toggler).to_be_visible()
        return
    expect(toggler).to_be_hidden()
    nav = page.locator("#portal-nav")
    expect(nav.get_by_role("link", name="Bảng tổng hợp", exact=True)).to_be_visible()
    for menu in ["Đánh giá", "Chương trình", "Trang công khai"]:  # drop-downs
        expect(nav.get_by_role("button", name=menu, exact=True)).to_be_visible()
    header = page.locator(".portal-header").bounding_box()
    assert header["height"] < 90  # one line, not wrapped
    assert page.evaluate("document.documentElement.scrollWidth") <= 1366
    if os.environ.get("HEADER_SCREENSHOT"):
        page.screenshot(path=os.environ["HEADER_SCREENSHOT"])
