import json

import pytest
from django.core.management import call_command
from django.db.models import Count, F
from django.urls import reverse

from regions.loading import load_regions, read_data
from regions.models import Commune, FormerDistrict, Province

HUNG_YEN = 33
PROVINCES, FORMER_DISTRICTS, COMMUNES = 34, 696, 3321


@pytest.fixture
def areas(db):
    """The areas loaded by migration 0002 (reloaded if a transactional test flushed them)."""
    if not Province.objects.exists():
        load_regions()


def counts():
    return Province.objects.count(), FormerDistrict.objects.count(), Commune.objects.count()


@pytest.mark.django_db
def test_migrations_load_all_areas():
    assert counts() == (PROVINCES, FORMER_DISTRICTS, COMMUNES)
    assert not Commune.objects.filter(former_district=None).exists()
    assert Commune.objects.filter(name_folded="").count() == 0
    # Every former district is a non-empty group of today's communes.
    assert not FormerDistrict.objects.annotate(n=Count("communes")).filter(n=0).exists()


def test_data_file_matches_expected_counts():
    data = read_data()
    assert len(data["provinces"]) == PROVINCES
    assert len(data["former_districts"]) == FORMER_DISTRICTS
    assert len(data["communes"]) == COMMUNES


@pytest.mark.usefixtures("areas")
def test_hung_yen_has_former_districts_with_communes():
    hung_yen = Province.objects.get(code=HUNG_YEN)
    assert (hung_yen.name, hung_yen.kind, str(hung_yen)) == ("Hưng Yên", "tỉnh", "Tỉnh Hưng Yên")
    assert hung_yen.communes.count() == 104
    districts = {d.name: d for d in hung_yen.former_districts.all()}
    assert len(districts) == 18  # 10 of the old Hưng Yên province + 8 of the old Thái Bình
    van_lam = districts["Huyện Văn Lâm"]
    assert str(van_lam) == "Huyện Văn Lâm, tỉnh Hưng Yên"
    assert van_lam.commune_codes() == [11992, 11995, 12004]
    assert districts["Huyện Vũ Thư"].former_province == "Tỉnh Thái Bình"
    assert all(d.communes.exists() for d in districts.values())


@pytest.mark.usefixtures("areas")
def test_commune_str_and_kind():
    commune = Commune.objects.select_related("province", "former_district").get(code=11977)
    assert str(commune) == "Xã Tân Hưng, tỉnh Hưng Yên"
    assert commune.kind == Commune.Kind.COMMUNE
    assert commune.former_district.name == "Thành phố Hưng Yên"
    assert str(Commune.objects.get(code=4)) == "Phường Ba Đình, thành phố Hà Nội"
    assert Commune.objects.filter(kind=Commune.Kind.SPECIAL_ZONE).count() == 13


@pytest.mark.usefixtures("areas")
def test_every_commune_former_district_is_in_the_same_province():
    assert not Commune.objects.exclude(former_district__province=F("province")).exists()


@pytest.mark.usefixtures("areas")
def test_island_special_zone_belongs_to_its_former_island_district():
    con_dao = Commune.objects.get(name="Đặc khu Côn Đảo")
    assert con_dao.former_district.name == "Huyện Côn Đảo"
    assert con_dao.former_district.former_province == "Tỉnh Bà Rịa - Vũng Tàu"
    assert con_dao.province.name == "Hồ Chí Minh"


@pytest.mark.usefixtures("areas")
@pytest.mark.parametrize("query", ["hung yen", "HƯNG YÊN", "  Hung   Yen ", "tinh hung yen"])
def test_province_search_ignores_diacritics_and_case(query):
    assert list(Province.objects.search(query).values_list("code", flat=True)) == [HUNG_YEN]


@pytest.mark.usefixtures("areas")
def test_empty_search_is_unfiltered():
    assert Province.objects.search("").count() == PROVINCES
    assert Province.objects.search(None).count() == PROVINCES


@pytest.mark.usefixtures("areas")
def test_commune_search_without_diacritics():
    found = Commune.objects.in_province(HUNG_YEN).search("tan hung")
    assert "Xã Tân Hưng" in {c.name for c in found}
    assert {c.province_id for c in Commune.objects.search("xa tan hung")} >= {HUNG_YEN}
    assert list(Commune.objects.search("phuong ba dinh").values_list("code", flat=True)) == [4]
    hung_yen = Province.objects.get(code=HUNG_YEN)
    assert Commune.objects.in_province(hung_yen).count() == 104
    assert FormerDistrict.objects.search("van lam").get().code == 325


@pytest.mark.usefixtures("areas")
def test_load_command_is_idempotent_and_repairs_rows(capsys):
    Commune.objects.filter(code=11977).update(name="changed", name_folded="changed")
    call_command("load_regions")
    first = counts()
    call_command("load_regions")
    assert counts() == first == (PROVINCES, FORMER_DISTRICTS, COMMUNES)
    out = capsys.readouterr().out
    assert out.count("Loaded 34 provinces, 696 former districts, 3321 communes") == 2
    commune = Commune.objects.get(code=11977)
    assert (commune.name, commune.name_folded) == ("Xã Tân Hưng", "xa tan hung")
    assert not Commune.objects.filter(former_district=None).exists()


@pytest.mark.usefixtures("areas")
class TestCommuneOptions:
    # secure=True: production settings redirect plain HTTP to HTTPS.
    @pytest.fixture
    def url(self):
        return reverse("regions:commune-options")

    def test_lists_the_communes_of_a_province_in_one_query(
        self, client, url, django_assert_num_queries
    ):
        with django_assert_num_queries(1):
            response = client.get(url, {"province": HUNG_YEN}, secure=True)
        assert response.status_code == 200
        html = response.content.decode()
        assert html.count("<option") == 104 + 1  # plus the empty choice
        assert '<option value="11977">Xã Tân Hưng</option>' in html
        assert "Phường Ba Đình" not in html

    def test_filters_by_folded_query_and_marks_selected(self, client, url):
        response = client.get(
            url, {"province": HUNG_YEN, "q": "tan hung", "selected": 11977}, secure=True
        )
        html = response.content.decode()
        assert '<option value="11977" selected>Xã Tân Hưng</option>' in html
        assert "Xã Lạc Đạo" not in html

    def test_filters_by_former_district(self, client, url):
        van_lam = FormerDistrict.objects.get(code=325)
        response = client.get(
            url,
            {"province": HUNG_YEN, "former_district": van_lam.pk, "format": "json"},
            secure=True,
        )
        codes = [row["code"] for row in json.loads(response.content)["results"]]
        assert sorted(codes) == van_lam.commune_codes()

    @pytest.mark.parametrize("params", [{}, {"province": "abc"}, {"province": 999}])
    def test_without_a_valid_province_only_the_empty_option(self, client, url, params):
        response = client.get(url, params, secure=True)
        assert response.status_code == 200
        assert response.content.decode().count("<option") == 1

    def test_get_only(self, client, url):
        assert client.post(url, {"province": HUNG_YEN}, secure=True).status_code == 405
