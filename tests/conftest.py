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
import zoneinfo

import pytest
import time_machine
from django.core.cache import cache

from accounts.models import Role
from regions.loading import load_regions
from regions.models import Commune, FormerDistrict, Province

from . import factories

HUNG_YEN = 33
KHOAI_CHAU = 330
KIM_DONG = 331


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


@pytest.fixture
def today():
    """Freeze the clock at 10:00 on 15 September 2026 in Vietnam and return that date."""
    moment = datetime.datetime(2026, 9, 15, 10, 0, tzinfo=zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh"))
    with time_machine.travel(moment, tick=False):
        yield moment.date()


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
