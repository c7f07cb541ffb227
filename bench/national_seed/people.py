"""People and places: the staff accounts of every province, the producers spread over all the
communes, and one product each."""

import datetime
import os

from accounts.models import Role, User
from ocop_portal.text import fold
from producers.models import Gender, Producer, ProducerKind
from products.models import Product

from .common import BATCH, rng

PRODUCERS = int(os.environ.get("BENCH_PRODUCERS", 20_000))
WORDS = [
    "Mật ong",
    "Nhãn lồng",
    "Tương",
    "Gạo nếp",
    "Chè",
    "Nước mắm",
    "Bánh",
    "Rượu",
    "Miến",
    "Cà phê",
    "Hoa",
    "Cây cảnh",
    "Chiếu cói",
    "Gà",
    "Vải thiều",
    "Bưởi",
    "Cam",
    "Tinh dầu",
]
PLACES = [
    "Hưng Yên",
    "Thái Bình",
    "Văn Giang",
    "Kim Động",
    "Tiên Lữ",
    "Sơn La",
    "Mộc Châu",
    "Tân Hưng",
    "Đông Tảo",
    "Phù Cừ",
    "Hải Hậu",
    "Lục Ngạn",
    "Bến Tre",
    "Cao Phong",
]


def seed_staff(provinces: list, communes: list, password: str) -> tuple[dict, dict]:
    """An office, an approver and five council members per province, and one commune officer.

    Returns the council members by province (in seat order) and the approver of each province.
    """
    staff = []
    for code in provinces:
        staff.append(
            User(
                email=f"office{code}@bench.vn",
                full_name=f"Văn phòng OCOP {code}",
                role=Role.PROVINCIAL_OFFICE,
                province_id=code,
                is_staff=True,
                password=password,
            )
        )
        staff.append(
            User(
                email=f"approver{code}@bench.vn",
                full_name=f"Lãnh đạo {code}",
                role=Role.APPROVER,
                province_id=code,
                is_staff=True,
                password=password,
            )
        )
        for seat in range(5):
            staff.append(
                User(
                    email=f"council{code}-{seat}@bench.vn",
                    full_name=f"Thành viên {seat} tỉnh {code}",
                    role=Role.COUNCIL_MEMBER,
                    province_id=code,
                    password=password,
                )
            )
    User.objects.bulk_create(staff, batch_size=BATCH)
    hung_yen_commune = next(pk for pk, province, _ in communes if province == 33)
    User.objects.create(
        email="officer@bench.vn",
        full_name="Cán bộ xã",
        password=password,
        role=Role.LOCAL_OFFICER,
        jurisdiction_commune_id=hung_yen_commune,
    )
    members = {}
    for user in User.objects.filter(role=Role.COUNCIL_MEMBER).order_by("email"):
        members.setdefault(user.province_id, []).append(user)
    approvers = {u.province_id: u for u in User.objects.filter(role=Role.APPROVER)}
    return members, approvers


def seed_producers_and_products(communes: list) -> list[tuple]:
    """PRODUCERS producers round-robin over the communes, one product each.

    Returns the products as (pk, criteria set, commune, province, name).
    """
    kinds = list(ProducerKind.values)
    producers = []
    for index in range(PRODUCERS):
        commune_id, _province, commune_name = communes[index % len(communes)]
        name = f"HTX {rng.choice(WORDS)} {commune_name} {index}"
        producers.append(
            Producer(
                kind=kinds[index % len(kinds)],
                name=name,
                name_folded=fold(name),
                tax_code=f"{1_000_000_000 + index}",
                registration_date=datetime.date(2015, 1, 1),
                commune_id=commune_id,
                phone="0912345678",
                representative_name="Đại diện",
                representative_gender=Gender.FEMALE if index % 2 else Gender.MALE,
                local_labour_share=70,
                workers=10,
            )
        )
    Producer.objects.bulk_create(producers, batch_size=BATCH)
    producers = list(Producer.objects.values_list("pk", "commune_id", "commune__province_id"))
    products = []
    for pk, _commune, _province in producers:
        name = f"{rng.choice(WORDS)} {rng.choice(PLACES)} {pk}"
        products.append(
            Product(
                producer_id=pk,
                name=name,
                name_folded=fold(name),
                criteria_set=rng.randint(1, 26),
                description="Đặc sản.",
            )
        )
    Product.objects.bulk_create(products, batch_size=BATCH)
    return list(
        Product.objects.values_list(
            "pk",
            "criteria_set",
            "producer__commune_id",
            "producer__commune__province_id",
            "name",
        )
    )
