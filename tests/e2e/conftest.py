"""Browser journeys: Playwright for Python driving Debian's Chromium (no browser downloads here).

Each journey runs on a phone-sized and a desktop viewport. The live server runs in a thread of the
test process, so tests use ``transactional_db`` through ``live_server``.
"""

import os
import re

import pytest
from playwright.sync_api import expect

from .audit import PageAudit

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1366, "height": 900}}

# Each step waits for a redirect and a full page (dossier pages embed their documents); on a
# busy two-core CI machine that can take longer than expect()'s default 5 s.
expect.set_options(timeout=15_000)

# Playwright's sync API runs an event loop in this thread; Django's async-safety check would
# otherwise refuse ORM calls made by the test between browser steps.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    playwright_sync = pytest.importorskip("playwright.sync_api")
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: install Debian's chromium package.")
    with playwright_sync.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture(params=list(VIEWPORTS), ids=list(VIEWPORTS))
def viewport(request):
    return request.param


@pytest.fixture
def page(browser, live_server, viewport, settings):
    settings.SITE_URL = live_server.url
    context = browser.new_context(
        viewport=VIEWPORTS[viewport],
        locale="vi-VN",
        base_url=live_server.url,
        is_mobile=viewport == "phone",
        has_touch=viewport == "phone",
        # Bootstrap then draws buttons without colour transitions, so axe never measures the
        # contrast of a button caught half-way into its hover colour under the pointer.
        reduced_motion="reduce",
    )
    context.set_default_timeout(15_000)
    # axe-core and, on phones, the no-sideways-scrolling check on every page visited (audit.py).
    audit = PageAudit(phone=viewport == "phone")
    audit.install(context)
    page = context.new_page()
    yield page
    audit.check_last(page)
    context.close()
    if problems := audit.problems():
        pytest.fail("Pages with accessibility or phone-width problems:\n" + "\n".join(problems))


def sign_in(page, email: str, password: str) -> None:
    """Sign in through the form, as a person would; approvers, the provincial office and
    administrators then type the code of their authenticator (the personas' device key)."""
    page.goto("/accounts/sign-in/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("main").get_by_role("button", name="Đăng nhập").click()
    # Wait for the redirect, so the next navigation does not race the sign-in.
    expect(page).not_to_have_url(re.compile(r"/accounts/sign-in/"))
    if "/accounts/two-factor/verify/" in page.url:
        page.get_by_label(re.compile(r"^\s*Mã\*?\s*$")).fill(_current_code(email))
        page.get_by_role("main").get_by_role("button", name="Tiếp tục").click()
        expect(page).not_to_have_url(re.compile(r"/accounts/two-factor/"))


def _current_code(email: str) -> str:
    """What the person's authenticator app shows now."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from tests.conftest import totp_token

    device = TOTPDevice.objects.get(user__email__iexact=email, confirmed=True)
    # A journey's clock may be frozen: a second sign-in in the same 30 s would reuse a spent
    # code, which the portal rightly refuses. Each sign-in here stands for a later moment.
    TOTPDevice.objects.filter(pk=device.pk).update(last_t=-1)
    return totp_token(device.user)


def sign_in_as(page, user) -> None:
    """Sign in through a session cookie, for journeys that are not about signing in."""
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    # The page fixture points SITE_URL at the live server.
    page.context.add_cookies(
        [{"name": cookie.key, "value": cookie.value, "url": settings.SITE_URL}]
    )


@pytest.fixture(autouse=True)
def _areas_for_journeys(transactional_db, areas):
    """Browser journeys run on a flushed database: make sure the areas are there."""
