"""A new provincial office account signs in for the first time: the portal makes them enrol an
authenticator app (QR code or key), confirm a code, keep their recovery codes, and only then
opens the administration."""

import base64
import re

import pytest
from django_otp.oath import totp
from playwright.sync_api import expect

from accounts.models import Role
from tests import factories

pytestmark = pytest.mark.e2e


def test_a_new_office_account_enrols_its_second_factor_before_anything_opens(page, today):
    office = factories.UserFactory(
        email="vanphongmoi@example.vn",
        role=Role.PROVINCIAL_OFFICE,
        province_id=33,
        is_staff=True,
        second_factor=False,
    )

    page.goto("/accounts/sign-in/")
    page.get_by_label("Email").fill(office.email)
    page.get_by_label("Mật khẩu").fill(factories.PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Đăng nhập").click()
    expect(page).to_have_url(re.compile(r"/accounts/two-factor/setup/"))
    page.goto("/admin/")
    expect(page).to_have_url(re.compile(r"/accounts/two-factor/setup/"))

    expect(page.get_by_test_id("totp-qr").locator("svg")).to_be_visible()
    key = page.get_by_test_id("totp-key").inner_text().replace(" ", "")
    secret = base64.b32decode(key + "=" * (-len(key) % 8))
    page.get_by_label(re.compile(r"^\s*Mã từ ứng dụng\*?\s*$")).fill(f"{totp(secret):06d}")
    page.get_by_role("button", name="Xác nhận").click()

    expect(page.get_by_test_id("recovery-codes").locator("li")).to_have_count(10)
    page.get_by_role("link", name="Tôi đã lưu lại, tiếp tục").click()
    page.goto("/admin/")
    expect(page).to_have_url(re.compile(r"/admin/$"))
