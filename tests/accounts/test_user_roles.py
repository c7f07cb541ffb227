import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from accounts.models import Role, User
from regions.models import Commune
from tests import factories


@pytest.mark.django_db
def test_every_role_has_a_vietnamese_label():
    labels = dict(Role.choices)

    assert labels == {
        "producer": "Chủ thể OCOP",
        "local_officer": "Cán bộ địa phương",
        "provincial_office": "Cơ quan tham mưu OCOP tỉnh",
        "council_member": "Thành viên hội đồng",
        "approver": "Lãnh đạo phê duyệt",
        "administrator": "Quản trị hệ thống",
    }


@pytest.mark.django_db
def test_local_officer_without_jurisdiction_is_refused_by_the_database(areas):
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create_user("x@example.vn", "pw", full_name="X", role=Role.LOCAL_OFFICER)


@pytest.mark.django_db
def test_officer_with_two_jurisdictions_fails_validation(khoai_chau, home_commune):
    officer = User(
        email="y@example.vn",
        full_name="Y",
        role=Role.LOCAL_OFFICER,
        jurisdiction_district=khoai_chau,
        jurisdiction_commune=home_commune,
    )

    with pytest.raises(ValidationError):
        officer.full_clean(exclude=["password"])


@pytest.mark.django_db
def test_district_officer_covers_exactly_the_communes_of_the_former_district(
    district_officer, khoai_chau
):
    covered = set(district_officer.jurisdiction_communes().values_list("pk", flat=True))

    assert covered == set(
        Commune.objects.filter(former_district=khoai_chau).values_list("pk", flat=True)
    )
    assert len(covered) == 5
    assert all(district_officer.covers_commune(c) for c in Commune.objects.filter(pk__in=covered))
    assert not any(
        district_officer.covers_commune(c) for c in Commune.objects.exclude(pk__in=covered)[:200]
    )


@pytest.mark.django_db
def test_commune_officer_covers_one_commune(commune_officer, home_commune, neighbour_commune):
    assert list(commune_officer.jurisdiction_communes()) == [home_commune]
    assert commune_officer.covers_commune(home_commune) is True
    assert commune_officer.covers_commune(neighbour_commune) is False


@pytest.mark.django_db
def test_provincial_roles_cover_their_province_only(provincial_office, approver, home_commune):
    other_province_commune = Commune.objects.exclude(province_id=33).first()

    assert provincial_office.covers_commune(home_commune) is True
    assert approver.covers_commune(other_province_commune) is False
    assert provincial_office.jurisdiction_communes().count() == 104


@pytest.mark.django_db
def test_producer_has_no_jurisdiction(producer, home_commune):
    assert producer.jurisdiction is None
    assert producer.covers_commune(home_commune) is False
    assert producer.jurisdiction_communes().count() == 0


@pytest.mark.django_db
def test_email_is_unique_whatever_its_case(areas):
    factories.UserFactory(email="hoa@example.vn")

    with pytest.raises(IntegrityError), transaction.atomic():
        factories.UserFactory(email="HOA@example.vn")
