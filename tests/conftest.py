"""Shared personas and settings for the whole suite.

Personas (healthchecks' Alice/Bob style), all in Hưng Yên (province 33):
- ``producer``: owner of a cooperative in a commune of the former district of Khoái Châu;
- ``commune_officer``: officer for that one commune;
- ``district_officer``: officer for the former district of Khoái Châu;
- ``other_district_officer``: officer for the former district of Kim Động;
- ``provincial_office``, ``council_member``, ``approver``;
- ``stranger``: a producer of another cooperative, in Kim Động.
"""

import datetime
import os
import sqlite3
import zoneinfo

import pytest
import time_machine
from django.core.cache import cache

from accounts.models import Role
from ocop_portal import after_response
from regions.loading import load_regions
from regions.models import Commune, FormerDistrict, Province

from . import factories

VIETNAM = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
# The date of every test that asks for ``today``: their dates are written against it.
TODAY = datetime.datetime(2026, 9, 15, 10, 0, tzinfo=VIETNAM)
HUNG_YEN = 33
KHOAI_CHAU = 330
KIM_DONG = 331
# The personas below, by fixture name: a permission test runs over all of them, stranger included.
PERSONAS = [
    "producer",
    "stranger",
    "commune_officer",
    "district_officer",
    "other_district_officer",
    "provincial_office",
    "council_member",
    "approver",
]


_skipped: list[str] = []


def pytest_runtest_logreport(report):
    if report.skipped:
        _skipped.append(report.nodeid)


def pytest_sessionfinish(session, exitstatus):
    """Where every service is there (CI: PostgreSQL, Redis, nginx; .ci/run sets
    OCOP_FORBID_SKIPS=1), a skipped test is a test that did not run: the run fails, and the
    summary (-rfEs) gives each skip's reason."""
    if os.environ.get("OCOP_FORBID_SKIPS") == "1" and _skipped and exitstatus == 0:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter):
    if os.environ.get("OCOP_FORBID_SKIPS") == "1" and _skipped:
        terminalreporter.write_line(
            f"OCOP_FORBID_SKIPS=1: {len(_skipped)} skipped, and none may skip here.", red=True
        )


@pytest.fixture(scope="session", autouse=True)
def _session_settings():
    """Settings that middleware reads once, when the live server of the browser journeys starts:
    the per-test ``settings`` fixture comes too late for it."""
    from django.conf import settings as django_settings

    django_settings.SECURE_SSL_REDIRECT = False
    django_settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    django_settings.STORAGES = {
        **django_settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.SECURE_SSL_REDIRECT = False
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.LANGUAGE_CODE = "vi"
    settings.SIGNING_PKCS12_PATH = ""  # issued unsigned unless a test configures a certificate
    cache.clear()  # cached figures and choices must not leak from one test into the next
    # A streamed response a test did not read is never closed, so its request never ends: the
    # work it left for after the response must not wait into the next test.
    after_response._pending.set(None)


def default_moment() -> datetime.datetime:
    """Where the clock starts for a test that does not ask for ``today``: TODAY, or 10:00 in
    Vietnam on the date OCOP_TEST_DATE names (e.g. 2029-07-04). CI runs the fast tests at far
    dates that way, so a test that quietly depends on the date fails there, not years later."""
    value = os.environ.get("OCOP_TEST_DATE", "")
    if not value:
        return TODAY
    return datetime.datetime.combine(datetime.date.fromisoformat(value), TODAY.timetz())


@pytest.fixture(autouse=True)
def _clock(request):
    """No test reads the real clock. A test that asks for ``today`` (directly or through its
    fixtures) stands still at TODAY from its first fixture on; any other test starts at
    default_moment() with the clock ticking, so that time still passes where it must (a live
    server's requests, a sign-in's lockout window, a poll with a deadline)."""
    if "today" in request.fixturenames:
        moment, tick = TODAY, False
    else:
        moment, tick = default_moment(), True
    with time_machine.travel(moment, tick=tick) as traveller:
        yield traveller


@pytest.fixture(autouse=True)
def _force_login_verifies_second_factor(monkeypatch):
    """``client.force_login(user)`` signs in *completely*: for an account with a confirmed
    authenticator (every approver, office and administrator persona has one, see
    factories.UserFactory) the session is also marked verified with it, as django-otp's
    ``login(request, device)`` does after a right code. An account of those roles made without
    a device is not verified, so the two-factor middleware redirects it: forgetting fails loudly.
    The enforcement itself is tested through the real sign-in (tests/accounts/test_two_factor.py),
    or with ``force_login_unverified``."""
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY

    from accounts.two_factor.services import confirmed_totp_device

    original = Client.force_login

    def force_login(self, user, backend=None):
        original(self, user, backend)
        device = confirmed_totp_device(user)
        if device is not None:
            session = self.session
            session[DEVICE_ID_SESSION_KEY] = device.persistent_id
            session.save()

    monkeypatch.setattr(Client, "force_login", force_login)
    monkeypatch.setattr(Client, "force_login_unverified", original, raising=False)


@pytest.fixture
def admin_user(admin_user):
    """pytest-django's superuser, with the authenticator every administrator must have."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    TOTPDevice.objects.get_or_create(
        user=admin_user,
        confirmed=True,
        defaults={"name": "authenticator", "key": factories.TOTP_KEY},
    )
    return admin_user


def totp_token(user) -> str:
    """The current code of ``user``'s authenticator (tests that sign in through the form)."""
    from django_otp.oath import totp

    from accounts.two_factor.services import confirmed_totp_device

    device = confirmed_totp_device(user)
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


@pytest.fixture
def today(_clock):
    """Freeze the clock at 10:00 on 15 September 2026 in Vietnam and return that date."""
    return TODAY.date()


@pytest.fixture
def areas(request):
    """The administrative areas. Migrations load them, but a transactional test (browser journeys,
    concurrency) empties every table when it ends, so later ones reload them here."""
    if "transactional_db" not in request.fixturenames and "live_server" not in request.fixturenames:
        request.getfixturevalue("db")
    if not Province.objects.exists():
        load_regions()


@pytest.fixture
def khoai_chau(areas):
    return FormerDistrict.objects.get(code=KHOAI_CHAU)


@pytest.fixture
def kim_dong(areas):
    return FormerDistrict.objects.get(code=KIM_DONG)


@pytest.fixture
def home_commune(khoai_chau):
    return Commune.objects.filter(former_district=khoai_chau).order_by("code").first()


@pytest.fixture
def neighbour_commune(khoai_chau, home_commune):
    """Another commune of the same former district."""
    return Commune.objects.filter(former_district=khoai_chau).exclude(pk=home_commune.pk).first()


@pytest.fixture
def far_commune(kim_dong):
    return Commune.objects.filter(former_district=kim_dong).order_by("code").first()


@pytest.fixture
def producer_org(home_commune):
    return factories.ProducerFactory(name="Hợp tác xã Mật ong Khoái Châu", commune=home_commune)


@pytest.fixture
def producer(producer_org):
    user = factories.UserFactory(email="chuthe@example.vn", full_name="Nguyễn Thị Hoa")
    factories.MembershipFactory(producer=producer_org, user=user, is_owner=True)
    return user


@pytest.fixture
def stranger(far_commune):
    org = factories.ProducerFactory(name="Hợp tác xã Nhãn lồng Kim Động", commune=far_commune)
    user = factories.UserFactory(email="nguoila@example.vn", full_name="Trần Văn Lạ")
    factories.MembershipFactory(producer=org, user=user, is_owner=True)
    return user


@pytest.fixture
def commune_officer(home_commune):
    return factories.UserFactory(
        email="canboxa@example.vn",
        full_name="Lê Văn Xã",
        role=Role.LOCAL_OFFICER,
        jurisdiction_commune=home_commune,
    )


@pytest.fixture
def district_officer(khoai_chau):
    return factories.UserFactory(
        email="canbohuyen@example.vn",
        full_name="Phạm Thị Huyện",
        role=Role.LOCAL_OFFICER,
        jurisdiction_district=khoai_chau,
    )


@pytest.fixture
def other_district_officer(kim_dong):
    return factories.UserFactory(
        email="canbokimdong@example.vn",
        full_name="Đỗ Văn Khác",
        role=Role.LOCAL_OFFICER,
        jurisdiction_district=kim_dong,
    )


@pytest.fixture
def provincial_office(areas):
    return factories.UserFactory(
        email="vanphong@example.vn",
        full_name="Vũ Thị Tỉnh",
        role=Role.PROVINCIAL_OFFICE,
        province_id=HUNG_YEN,
        is_staff=True,
    )


@pytest.fixture
def council_member(areas):
    return factories.UserFactory(
        email="hoidong@example.vn",
        full_name="Hoàng Văn Hội",
        role=Role.COUNCIL_MEMBER,
        province_id=HUNG_YEN,
    )


@pytest.fixture
def approver(areas):
    return factories.UserFactory(
        email="lanhdao@example.vn",
        full_name="Ngô Văn Duyệt",
        role=Role.APPROVER,
        province_id=HUNG_YEN,
        is_staff=True,
    )


if os.environ.get("OCOP_TEST_DB_TEMPLATE"):
    # Mutation testing runs the tests once per mutant; migrating a fresh database each time would
    # cost more than the tests. `make mutation` migrates one SQLite file first and each run copies
    # it into its own in-memory database.
    @pytest.fixture(scope="session")
    def django_db_setup(django_db_blocker):
        from django.db import connections

        with django_db_blocker.unblock():
            connection = connections["default"]
            connection.close()
            connection.settings_dict["NAME"] = "file:ocop-template?mode=memory&cache=shared"
            connection.ensure_connection()
            template = sqlite3.connect(os.environ["OCOP_TEST_DB_TEMPLATE"])
            template.backup(connection.connection)
            template.close()
