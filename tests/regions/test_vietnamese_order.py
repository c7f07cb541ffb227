"""Names in Vietnamese alphabetical order (regions.collation), alike on SQLite and PostgreSQL:
Ái, Ân and Đ sort with their letters, not after Z as raw code points put them."""

import pytest

from producers.models import Producer
from regions.collation import sort_key, vietnamese_order
from regions.models import Commune
from tests import factories

NAMES = [
    "Xã Yên Mỹ",
    "Xã Đông Hưng",
    "Phường Đường Hào",
    "Xã Ân Thi",
    "Xã Ái Quốc",
    "Xã Dân Tiến",
    "Phường Bạch Sam",
    "Xã An Bình",
    "Xã Ăn Nghĩa",
]
IN_ORDER = [
    "Phường Bạch Sam",
    "Phường Đường Hào",
    "Xã Ái Quốc",  # a, then i < n
    "Xã An Bình",
    "Xã Ăn Nghĩa",  # a < ă < â
    "Xã Ân Thi",
    "Xã Dân Tiến",  # d < đ
    "Xã Đông Hưng",
    "Xã Yên Mỹ",
]


def test_the_python_key_follows_the_vietnamese_alphabet_then_the_tones():
    assert sorted(NAMES, key=sort_key) == IN_ORDER
    assert sorted(["má", "mạ", "mà", "ma", "mã", "mả"], key=sort_key) == [
        "ma", "mà", "mả", "mã", "má", "mạ"
    ]  # fmt: skip


@pytest.mark.django_db
def test_the_database_orders_names_the_same_way(khoai_chau):
    province = khoai_chau.province
    pks = [
        Commune.objects.create(
            code=990000 + i, name=name, kind="xã", province=province, former_district=khoai_chau
        ).pk
        for i, name in enumerate(NAMES)
    ]

    ordered = Commune.objects.filter(pk__in=pks).order_by(vietnamese_order("name"))
    by_default = Commune.objects.filter(pk__in=pks)  # the model's own ordering

    assert [c.name for c in ordered] == IN_ORDER
    assert [c.name for c in by_default] == IN_ORDER
    assert [c.name for c in ordered.reverse()] == IN_ORDER[::-1]


@pytest.mark.django_db
def test_producers_are_listed_in_vietnamese_order(home_commune):
    for name in ["Hợp tác xã Yến sào", "Hợp tác xã Ánh Dương", "Hợp tác xã Đại Đồng"]:
        factories.ProducerFactory(name=name, commune=home_commune)
    names = list(
        Producer.objects.filter(name__startswith="Hợp tác xã ").values_list("name", flat=True)
    )

    assert names == ["Hợp tác xã Ánh Dương", "Hợp tác xã Đại Đồng", "Hợp tác xã Yến sào"]
