"""Build a believable Hưng Yên OCOP programme for trying the portal out. Safe to run again."""

import base64
import datetime

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from accounts.models import Role, User
from councils.models import Council, CouncilMember, CouncilRole
from dossiers.models import Round, RoundState
from dossiers.working_days import add_working_days
from producers.models import Gender, Membership, Producer, ProducerKind
from products.models import Product
from regions.models import Commune, FormerDistrict
from reports.imports import HISTORICAL_ROUND_NUMBER

from ._demo_dossiers import seed_dossiers
from ._demo_history import seed_history

PASSWORD = "ocop-demo-2026"
HUNG_YEN = 33

# (email, full name, role, extra fields)
STAFF = [
    ("admin@ocop.demo", "Quản trị hệ thống", Role.ADMINISTRATOR, {"is_superuser": True}),
    ("vanphong@ocop.demo", "Vũ Thị Thanh Tâm", Role.PROVINCIAL_OFFICE, {}),
    ("lanhdao@ocop.demo", "Nguyễn Văn Quyết", Role.APPROVER, {}),
    ("vanlam@ocop.demo", "Trần Minh Đức", Role.LOCAL_OFFICER, {"district": 325}),
    ("vangiang@ocop.demo", "Lê Thị Hồng Nhung", Role.LOCAL_OFFICER, {"district": 326}),
    ("tanhung@ocop.demo", "Phạm Quốc Việt", Role.LOCAL_OFFICER, {"commune": 11977}),
]
COUNCIL = [
    ("chutich@ocop.demo", "Đỗ Mạnh Hùng", CouncilRole.CHAIR, "Sở Nông nghiệp và Môi trường"),
    ("thuky@ocop.demo", "Hoàng Thu Trang", CouncilRole.SECRETARY, "Văn phòng Điều phối NTM"),
    ("uyvien1@ocop.demo", "Bùi Văn Sơn", CouncilRole.MEMBER, "Sở Công Thương"),
    ("uyvien2@ocop.demo", "Ngô Thị Lan", CouncilRole.MEMBER, "Sở Y tế"),
    ("uyvien3@ocop.demo", "Đinh Công Thành", CouncilRole.MEMBER, "Sở Khoa học và Công nghệ"),
]
# (tax code, producer, kind, former district code or commune code, woman-led, product, set)
PRODUCERS = [
    (
        "0901234501",
        "Hợp tác xã Nhãn lồng Tân Hưng",
        ProducerKind.COOPERATIVE,
        ("commune", 11977),
        True,
        "Nhãn lồng Hưng Yên",
        1,
    ),
    (
        "0901234502",
        "Công ty TNHH Mật ong Văn Giang",
        ProducerKind.ENTERPRISE,
        ("commune", 12019),
        False,
        "Mật ong hoa nhãn Văn Giang",
        4,
    ),
    (
        "0901234503",
        "Hợp tác xã Tương Bần Mỹ Hào",
        ProducerKind.COOPERATIVE,
        ("district", 328),
        True,
        "Tương Bần Mỹ Hào",
        9,
    ),
    (
        "0901234504",
        "Trang trại Gà Đông Tảo Khoái Châu",
        ProducerKind.FARM,
        ("district", 330),
        False,
        "Gà Đông Tảo thương phẩm",
        2,
    ),
    (
        "0901234505",
        "Hộ kinh doanh Bánh cáy Làng Nguyễn",
        ProducerKind.HOUSEHOLD,
        ("district", 340),
        True,
        "Bánh cáy Làng Nguyễn",
        6,
    ),
    (
        "0901234506",
        "Hợp tác xã Dược liệu Nghĩa Trụ",
        ProducerKind.COOPERATIVE,
        ("commune", 12031),
        True,
        "Trà hoa cúc Nghĩa Trụ",
        12,
    ),
    (
        "0901234507",
        "Tổ hợp tác Chiếu cói Thái Thụy",
        ProducerKind.COOPERATIVE_GROUP,
        ("district", 341),
        True,
        "Chiếu cói dệt tay",
        21,
    ),
    (
        "0901234508",
        "Công ty CP Rượu nếp Lạc Đạo",
        ProducerKind.ENTERPRISE,
        ("commune", 11992),
        False,
        "Rượu nếp cái hoa vàng",
        14,
    ),
    (
        "0901234509",
        "Hợp tác xã Cây cảnh Phụng Công",
        ProducerKind.COOPERATIVE,
        ("commune", 12025),
        False,
        "Bonsai sanh Phụng Công",
        24,
    ),
    (
        "0901234510",
        "Hộ kinh doanh Nước mắm Diêm Điền",
        ProducerKind.HOUSEHOLD,
        ("district", 341),
        False,
        "Nước mắm cốt Diêm Điền",
        9,
    ),
    (
        "0901234511",
        "Hợp tác xã Gạo nếp Đông Hưng",
        ProducerKind.COOPERATIVE,
        ("district", 340),
        True,
        "Gạo nếp cái hoa vàng Đông Hưng",
        3,
    ),
    (
        "0901234512",
        "Hợp tác xã Hoa Mễ Sở",
        ProducerKind.COOPERATIVE,
        ("commune", 12049),
        True,
        "Hoa cúc Mễ Sở",
        23,
    ),
]


def demo_round(today: datetime.date) -> Round:
    """The round the demo's dossiers are filed in: the one an earlier run made, whatever its
    year (running the command again changes nothing, even after New Year), else a round open
    today, named for the half-year it opened in, its deadlines on working days ahead."""
    existing = (
        Round.objects.filter(province_id=HUNG_YEN)
        .exclude(number=HISTORICAL_ROUND_NUMBER)
        .order_by("-opens_on", "-pk")
        .first()
    )
    if existing is not None:
        return existing
    opens_on = today - datetime.timedelta(days=20)
    number = 1 if opens_on.month <= 6 else 2
    local_cutoff_on = add_working_days(today, 28)
    council_meeting_on = add_working_days(local_cutoff_on, 10)
    round_ = Round(
        province_id=HUNG_YEN,
        year=opens_on.year,
        number=number,
        name=f"Đợt {number} năm {opens_on.year}",
        opens_on=opens_on,
        local_cutoff_on=local_cutoff_on,
        council_meeting_on=council_meeting_on,
        closes_on=add_working_days(council_meeting_on, 14),
        state=RoundState.OPEN,
    )
    round_.full_clean()
    round_.save()
    return round_


# Demo only: one known authenticator key for every demo account whose role signs in with a
# second factor, printed below so that `make run` can be tried. Real accounts enrol their own.
DEMO_TOTP_KEY = b"OCOP-DEMO-TOTP-2026!".hex()  # 20 bytes, as authenticator apps expect


def _demo_second_factor(user) -> None:
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from accounts.two_factor import role_requires_two_factor

    if role_requires_two_factor(user):
        TOTPDevice.objects.get_or_create(
            user=user, confirmed=True, defaults={"name": "demo", "key": DEMO_TOTP_KEY}
        )


class Command(BaseCommand):
    help = (
        "Create demo data for Hưng Yên: provincial office, approver, officers of two former "
        "districts and one commune, a five-member council, a dozen producers with products, "
        "an open round and four dossiers at different steps, and the province's past recognitions "
        "imported from its register (with photos, targets and trade events). Idempotent. "
        "Every demo login uses "
        f"the password {PASSWORD!r}."
    )

    def _user(self, email, full_name, role, **fields):
        user, created = User.objects.get_or_create(
            email=email, defaults={"full_name": full_name, "role": role, **fields}
        )
        if created:
            user.set_password(PASSWORD)
            user.save(update_fields=["password"])
        return user

    def _commune(self, where):
        kind, code = where
        if kind == "commune":
            return Commune.objects.get(pk=code)
        return Commune.objects.filter(former_district__code=code).order_by("code").first()

    @transaction.atomic
    def handle(self, *args, **options):
        staff = {}
        for email, name, role, extra in STAFF:
            fields = {"province_id": HUNG_YEN, "is_staff": role != Role.LOCAL_OFFICER}
            if role == Role.LOCAL_OFFICER:
                fields["province_id"] = None
                if "district" in extra:
                    fields["jurisdiction_district"] = FormerDistrict.objects.get(
                        code=extra["district"]
                    )
                else:
                    fields["jurisdiction_commune"] = Commune.objects.get(pk=extra["commune"])
            fields["is_superuser"] = extra.get("is_superuser", False)
            staff[email] = self._user(email, name, role, **fields)
            _demo_second_factor(staff[email])

        today = timezone.localdate()
        round_ = demo_round(today)
        council, _ = Council.objects.get_or_create(
            round=round_, defaults={"name": f"Hội đồng đánh giá, phân hạng OCOP tỉnh — {round_}"}
        )
        for email, name, seat, organisation in COUNCIL:
            member = self._user(
                email, name, Role.COUNCIL_MEMBER, province_id=HUNG_YEN, organisation=organisation
            )
            CouncilMember.objects.get_or_create(
                council=council, user=member, defaults={"role": seat}
            )

        for index, (tax, name, kind, where, woman_led, product_name, criteria_set) in enumerate(
            PRODUCERS, start=1
        ):
            producer, _ = Producer.objects.get_or_create(
                tax_code=tax,
                defaults={
                    "name": name,
                    "kind": kind,
                    "commune": self._commune(where),
                    "registration_date": datetime.date(2015 + index % 8, index, 10),
                    "address_line": f"Thôn {index}",
                    "phone": f"09123450{index:02d}",
                    "email": f"lienhe{index}@ocop.demo",
                    "representative_name": name.split()[-1] + " — đại diện",
                    "representative_gender": Gender.FEMALE if woman_led else Gender.MALE,
                    "local_labour_share": 60 + index * 3,
                    "workers": 5 + index * 2,
                    "publish_contact": index % 2 == 0,
                },
            )
            owner = self._user(
                f"chuthe{index:02d}@ocop.demo", f"Chủ thể {producer.name}", Role.PRODUCER
            )
            Membership.objects.get_or_create(
                user=owner, defaults={"producer": producer, "is_owner": True}
            )
            Product.objects.get_or_create(
                producer=producer,
                name=product_name,
                defaults={
                    "criteria_set": criteria_set,
                    "description": f"{product_name}: đặc sản của {producer.commune.name}.",
                    "raw_material_origin": f"Vùng nguyên liệu tại {producer.commune.name}",
                    "in_province_material_share": 85,
                    "capacity": "2 tấn/năm",
                    "packaging": "Hộp giấy, túi hút chân không",
                    "ingredients": product_name,
                    "usage_instructions": "Bảo quản nơi khô ráo, thoáng mát.",
                },
            )

        products = [
            Product.objects.get(producer__tax_code=tax, name=product_name)
            for tax, _n, _k, _w, _f, product_name, _s in PRODUCERS
        ]
        filed = seed_dossiers(
            round_=round_,
            council=council,
            office=staff["vanphong@ocop.demo"],
            products=products,
        )
        if filed:
            self.stdout.write(f"{filed} demo dossiers filed in {round_}.")
        imported = seed_history(
            office=staff["vanphong@ocop.demo"], approver=staff["lanhdao@ocop.demo"], today=today
        )
        if imported:
            self.stdout.write(f"{imported} past certificates imported from the register.")
        self.stdout.write(self.style.SUCCESS("Demo data ready for Hưng Yên."))
        self.stdout.write(f"Every demo account's password: {PASSWORD}")
        logins = [(e, n) for e, n, *_ in STAFF] + [(e, n) for e, n, *_ in COUNCIL]
        logins += [(f"chuthe{i:02d}@ocop.demo", p[1]) for i, p in enumerate(PRODUCERS, start=1)]
        for email, name in logins:
            self.stdout.write(f"  {email:<24} {name}")
        secret = base64.b32encode(bytes.fromhex(DEMO_TOTP_KEY)).decode()
        self.stdout.write(
            "Approvers, the provincial office and the administrator also type a code from an "
            f"authenticator app (TOTP). Demo key for all of them: {secret} "
            '(or: python manage.py shell -c "from django_otp.oath import totp; '
            f"print('%06d' % totp(bytes.fromhex('{DEMO_TOTP_KEY}')))\")."
        )
