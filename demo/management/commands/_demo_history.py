"""The demo province's past, for `seed_demo`: recognitions made before the portal existed.

Hưng Yên recognised its first OCOP products in 2019; by the end of 2020 it held 8 products at 4★
and 16 at 3★ under the national criteria, and more each year since. The demo tells that story
through the portal's own door for such records: a register spreadsheet (the columns of the
/reports/import/ template) previewed and committed by the provincial office exactly as an uploaded
file is (reports.imports.preview_import, reports.services.commit_import). Then each product gets a
photo, one certificate is revoked through the real revocation service, the year gets its targets
and the calendar its trade fairs.

Dates are counted back from the day the command runs, so the catalogue is never empty, a few
certificates are always inside the re-evaluation window (Art. 6: 6 to 4 months before expiry) and
the first rounds fall in the programme's first years. Running it again changes nothing: rows whose
certificate number is already in the portal are "unchanged" for the import, and every other step
looks before it writes.
"""

import datetime
import io
import unicodedata

from django.core.files.base import ContentFile
from openpyxl import Workbook
from PIL import Image, ImageDraw, ImageFont

from certificates.models import Certificate, RevocationGround
from certificates.models.certificate import add_months
from certificates.services import revoke_certificate
from products.models import Product, ProductPhoto
from programme.areas import Area
from programme.models import EventKind, Metric, PlanTarget, TradeEvent
from programme.services import add_event_product, save_event, set_targets
from regions.models import Province
from reports.import_template import COLUMNS
from reports.imports import preview_import
from reports.services import commit_import, store_import_file

KIND_WORDS = {"coop": "HTX", "group": "Tổ hợp tác", "firm": "Doanh nghiệp", "farm": "Trang trại",
              "home": "Hộ kinh doanh"}  # fmt: skip

# (product, producer, kind, commune, criteria set, representative) — communes of ten former
# districts, on both sides of the 2025 merger (old Hưng Yên and old Thái Bình).
PRODUCTS = [
    ("Nhãn lồng Phố Hiến", "HTX Nhãn lồng Hồng Châu", "coop", 11980, 1, "Nguyễn Văn Lợi"),
    ("Long nhãn sấy Tân Hưng", "HTX Long nhãn Tân Hưng", "coop", 11977, 3, "Đào Thị Mến"),
    ("Tương Bần Phố Hiến", "Hộ kinh doanh Tương Bần Bà Nhì", "home", 11953, 9, "Trần Thị Nhì"),
    ("Gà Đông Tảo Khoái Châu", "Trang trại Gà Đông Tảo Việt Tiến", "farm", 12238, 2, "Lê Văn Tảo"),
    ("Chuối tiêu hồng Khoái Châu", "HTX Chuối Triệu Việt Vương", "coop", 12223, 1, "Vũ Thị Hoa"),
    ("Bột sắn dây Khoái Châu", "Hộ kinh doanh Sắn dây Khoái Châu", "home", 12205, 3, "Phạm Văn An"),
    (
        "Mật ong hoa nhãn Như Quỳnh",
        "Công ty TNHH Ong mật Như Quỳnh",
        "firm",
        12004,
        4,
        "Ngô Văn Sơn",
    ),
    ("Bún thang Lạc Đạo", "HTX Ẩm thực Lạc Đạo", "coop", 11992, 3, "Hà Thị Thu"),
    ("Nếp cái hoa vàng Đại Đồng", "HTX Nông nghiệp Đại Đồng", "coop", 11995, 3, "Trịnh Văn Đồng"),
    ("Cam Hoàng Long", "Trang trại Cam Hoàn Long", "farm", 12070, 1, "Đặng Văn Long"),
    ("Trà sen Yên Mỹ", "Công ty CP Trà sen Yên Mỹ", "firm", 12073, 12, "Lý Thị Sen"),
    ("Hạt sen Ân Thi", "HTX Sen Ân Thi", "coop", 12142, 3, "Bùi Thị Liên"),
    (
        "Giò chả Phạm Ngũ Lão",
        "Hộ kinh doanh Giò chả Phạm Ngũ Lão",
        "home",
        12148,
        2,
        "Phạm Văn Chả",
    ),
    ("Ba kích tím Xuân Trúc", "HTX Dược liệu Xuân Trúc", "coop", 12166, 12, "Đỗ Văn Trúc"),
    ("Bánh tẻ Lương Bằng", "Hộ kinh doanh Bánh tẻ Lương Bằng", "home", 12280, 3, "Mai Thị Tẻ"),
    ("Vải lai chín sớm Đức Hợp", "HTX Vải Đức Hợp", "coop", 12313, 1, "Lương Văn Hợp"),
    ("Bưởi đỏ Tiên Lữ", "HTX Bưởi Tiên Hoa", "coop", 12361, 1, "Tạ Văn Bưởi"),
    (
        "Rượu nếp Hoàng Hoa Thám",
        "Công ty TNHH Rượu Hoàng Hoa Thám",
        "firm",
        12337,
        14,
        "Hoàng Văn Thám",
    ),
    ("Ổi lê Quang Hưng", "HTX Ổi Quang Hưng", "coop", 12391, 1, "Kiều Văn Ổi"),
    ("Chiếu cói Đoàn Đào", "Tổ hợp tác Chiếu cói Đoàn Đào", "group", 12406, 21, "Lã Thị Cói"),
    ("Mộc Vũ Phúc", "Công ty TNHH Đồ gỗ Vũ Phúc", "firm", 12466, 22, "Cao Văn Mộc"),
    ("Bánh cáy Trần Lãm", "Hộ kinh doanh Bánh cáy Trần Lãm", "home", 12454, 3, "Phan Thị Cáy"),
    ("Canh cá Quỳnh Côi", "HTX Canh cá Quỳnh Phụ", "coop", 12472, 2, "Vi Văn Cá"),
    ("Dưa hấu A Sào", "HTX Nông sản A Sào", "coop", 12499, 1, "Nông Thị Dưa"),
    ("Bánh gai Ngự Thiên", "Hộ kinh doanh Bánh gai Ngự Thiên", "home", 12595, 3, "Từ Thị Gai"),
    ("Tơ lụa Long Hưng", "HTX Dệt lụa Long Hưng", "coop", 12613, 21, "Khúc Thị Tơ"),
    ("Gạo thơm Bắc Đông Hưng", "HTX Gạo Bắc Đông Hưng", "coop", 12694, 3, "Quách Văn Gạo"),
    ("Nước mắm Thụy Anh", "Công ty CP Nước mắm Thụy Anh", "firm", 12850, 9, "Thái Văn Mắm"),
    ("Ngao sạch Đồng Châu", "HTX Thủy sản Đồng Châu", "coop", 13003, 2, "Âu Văn Ngao"),
    ("Mắm rươi Tiền Hải", "Hộ kinh doanh Mắm rươi Tiền Hải", "home", 12970, 9, "Ông Thị Rươi"),
    ("Bánh đa Trà Giang", "Hộ kinh doanh Bánh đa Trà Giang", "home", 13093, 3, "La Thị Đa"),
    ("Thêu ren Vạn Xuân", "Tổ hợp tác Thêu ren Vạn Xuân", "group", 13219, 21, "Lạc Thị Ren"),
]

# (product index, year, stars, average): Hưng Yên's first two years, 2019 and 2020, whatever
# the day the demo runs: 3 + 5 products at 4★ and 7 + 9 at 3★. Their 36 months ran out long ago.
FIRST_ROUNDS = [
    (0, 2019, 4, "78.5"), (3, 2019, 4, "81.0"), (6, 2019, 4, "75.0"), (1, 2019, 3, "66.0"),
    (2, 2019, 3, "64.5"), (4, 2019, 3, "61.0"), (7, 2019, 3, "58.0"), (9, 2019, 3, "63.0"),
    (11, 2019, 3, "60.5"), (12, 2019, 3, "55.5"),
    (10, 2020, 4, "72.0"), (17, 2020, 4, "76.5"), (19, 2020, 4, "70.5"), (20, 2020, 4, "73.0"),
    (27, 2020, 4, "79.0"), (5, 2020, 3, "62.0"), (8, 2020, 3, "57.5"), (13, 2020, 3, "65.0"),
    (14, 2020, 3, "59.0"), (15, 2020, 3, "61.5"), (16, 2020, 3, "68.0"), (18, 2020, 3, "56.0"),
    (21, 2020, 3, "60.0"), (22, 2020, 3, "63.5"),
]  # fmt: skip
# (product index, years back from this year, stars, average). Later years: re-recognitions (the
# first certificates ran out after 36 months), upgrades and new products, counted back from the
# day the demo runs so that some are always current; "soon" falls 150 days into the
# re-evaluation window. Five years back is 2021 at the earliest: after the first two years.
LATER_ROUNDS = [
    (0, 4, 4, "80.0"), (3, 4, 4, "82.5"), (1, 4, 4, "70.5"), (23, 4, 3, "62.0"),
    (24, 5, 3, "58.5"), (25, 5, 3, "64.0"),
    (6, 3, 4, "76.0"), (10, 3, 4, "73.5"), (2, 3, 3, "65.0"), (28, 3, 3, "60.0"),
    (17, "soon", 4, "77.0"), (19, "soon", 4, "71.0"), (14, "soon", 3, "61.0"),
    (27, 2, 4, "81.5"), (20, 2, 4, "74.0"), (29, 2, 3, "59.0"), (30, 2, 3, "62.5"),
    (9, 1, 3, "64.0"), (11, 1, 4, "70.0"), (12, 1, 3, "57.0"), (31, 1, 3, "63.0"),
    (26, 1, 4, "72.5"), (15, 1, 3, "66.5"), (23, 0, 4, "71.5"), (4, 0, 3, "62.5"),
]  # fmt: skip
FIRST_YEAR = 2019
REVOKED_PRODUCT = 12  # Giò chả Phạm Ngũ Lão: an inspection found it below the criteria
TAX_CODE = "09012346{:02d}"
NUMBER_PREFIX = "GCN-HY-"  # the province's register numbers, unlike the portal's OCOP-33-…
EVENTS = [
    ("Hội chợ OCOP Hưng Yên", EventKind.OCOP_EVENT, 20, 3, "Quảng trường Nguyễn Văn Linh"),
    ("Tuần hàng OCOP và đặc sản vùng miền tại Hà Nội", EventKind.TRADE_FAIR, 45, 5,
     "Trung tâm Triển lãm Giảng Võ, Hà Nội"),
    ("Lễ hội nhãn lồng Hưng Yên", EventKind.OCOP_EVENT, 200, 2, "Phường Hồng Châu"),
]  # fmt: skip
TARGETS = {Metric.NEW_3_STAR_PLUS: 30, Metric.NEW_4_STAR_PLUS: 8, Metric.RE_EVALUATIONS: 12}


def _decision_date(years_back, index: int, today: datetime.date) -> datetime.date:
    """``years_back`` is a count of years before today's, "soon", or a year (the first rounds)."""
    if years_back == "soon":
        # valid_until = decision + 36 months: 150 days ahead, inside the 180-120 day window.
        return add_months(today + datetime.timedelta(days=150), -36)
    if years_back == 0:
        return today - datetime.timedelta(days=30 + index % 20)
    year = years_back if years_back >= FIRST_YEAR else today.year - years_back
    # Councils meet from spring to autumn; spread the decisions over those months.
    return datetime.date(year, 4 + index % 7, 5 + index % 20)


def register_rows(today: datetime.date) -> list[tuple]:
    """The province's register of past recognitions, one row per certificate, template order."""
    rows = []
    for position, (index, years_back, stars, average) in enumerate(FIRST_ROUNDS + LATER_ROUNDS):
        name, producer, kind, commune, criteria_set, person = PRODUCTS[index]
        decided = _decision_date(years_back, index, today)
        values = {
            "number": f"{NUMBER_PREFIX}{decided.year}-{position + 1:03d}",
            "product_name": name,
            "producer_name": producer,
            "producer_kind": KIND_WORDS[kind],
            "tax_code": TAX_CODE.format(index + 1),
            "commune": commune,
            "criteria_set": criteria_set,
            "stars": stars,
            "average": float(average),
            "decision_number": f"{100 + decided.year % 100 * 10 + decided.month}/QĐ-UBND",
            "decision_date": decided,
            "valid_until": None,
            "product_code": "",
            "address_line": f"Thôn {index % 9 + 1}",
            "representative": person,
            "phone": f"0912{index + 1:06d}",
        }
        rows.append(tuple(values[column.key] for column in COLUMNS))
    return rows


def register_workbook(today: datetime.date) -> bytes:
    """An .xlsx with the template's header row and the register's rows, as an office uploads."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.append([f"{c.header} *" if c.required else c.header for c in COLUMNS])
    for row in register_rows(today):
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def import_history(*, office, today: datetime.date) -> int:
    """Import the register through the portal's import; returns the certificates created.

    Once imported, it is not offered again: on a later day the dates counted back from today
    differ, and the import would rightly refuse a second recognition of the same year."""
    if Certificate.objects.filter(number__startswith=NUMBER_PREFIX).exists():
        return 0
    content = register_workbook(today)
    preview = preview_import(content, province_id=office.province_id, today=today)
    if preview.has_errors:
        problems = preview.file_errors + [e for row in preview.rows for e in row.errors]
        raise RuntimeError("; ".join(problems))
    if not preview.new_rows:
        return 0
    batch, _created = store_import_file(
        content=content, file_name=f"so-theo-doi-ocop-truoc-{today.year}.xlsx", by=office
    )
    return commit_import(batch, by=office, today=today).created_count


def initials(name: str) -> str:
    letters = [word[0] for word in name.split()[:2]]
    text = "".join(letters).upper().replace("Đ", "D")
    return unicodedata.normalize("NFD", text).encode("ascii", "ignore").decode() or "O"


def photo_card(name: str, index: int, size=(480, 360)) -> bytes:
    """A coloured card with the product's initials: a stand-in photo, made here, not fetched."""
    hue = [(176, 58, 46), (30, 132, 73), (40, 116, 166), (175, 96, 26), (118, 68, 138)]
    image = Image.new("RGB", size, hue[index % len(hue)])
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=size[1] // 3)
    draw.text((size[0] / 2, size[1] / 2), initials(name), fill="white", font=font, anchor="mm")
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=75)
    return buffer.getvalue()


def add_photos() -> int:
    """A cover photo for each imported product that has none."""
    added = 0
    tax_codes = [TAX_CODE.format(i + 1) for i in range(len(PRODUCTS))]
    products = Product.objects.filter(producer__tax_code__in=tax_codes, photos__isnull=True)
    for product in products.order_by("pk"):
        index = tax_codes.index(product.producer.tax_code)
        photo = ProductPhoto(product=product, position=0, is_cover=True, caption=product.name)
        photo.image.save("anh.jpg", ContentFile(photo_card(product.name, index)), save=False)
        small = photo_card(product.name, index, size=(240, 180))
        photo.thumbnail.save("anh-nho.jpg", ContentFile(small), save=False)
        photo.save()
        added += 1
    return added


def revoke_one(*, approver, today: datetime.date) -> None:
    """Revoke the latest certificate of one product, as the approver does after an inspection."""
    live = Certificate.objects.filter(
        product__producer__tax_code=TAX_CODE.format(REVOKED_PRODUCT + 1),
        replaced_by__isnull=True,
        revoked_on__isnull=True,
    ).first()
    if (
        live is None
        or Certificate.objects.filter(product=live.product, revoked_on__isnull=False).exists()
    ):
        return
    revoke_certificate(
        live,
        by=approver,
        ground=RevocationGround.QUALITY,
        revoked_on=max(today - datetime.timedelta(days=40), live.decision_date),
        note="Kết luận kiểm tra của Sở Nông nghiệp và Môi trường: chỉ tiêu vi sinh vượt mức.",
    )


def plan_year(*, office, today: datetime.date) -> None:
    """This year's provincial targets and the coming trade events, each set once."""
    province = Province.objects.get(pk=office.province_id)
    if not PlanTarget.objects.filter(province=province, year=today.year).exists():
        set_targets(
            area=Area.of(province),
            year=today.year,
            values=dict(TARGETS),
            by=office,
            reason="Kế hoạch thực hiện Chương trình OCOP năm " + str(today.year),
        )
    featured = list(
        Certificate.objects.current(today)
        .filter(product__producer__tax_code__startswith=TAX_CODE[:8], stars=4)
        .order_by("product__name")
        .values_list("product", flat=True)[:4]
    )
    for name, kind, days_ahead, length, place in EVENTS:
        if TradeEvent.objects.filter(name=name).exists():
            continue
        starts = today + datetime.timedelta(days=days_ahead)
        event = save_event(
            None,
            by=office,
            name=name,
            kind=kind,
            starts_on=starts,
            ends_on=starts + datetime.timedelta(days=length - 1),
            place=place,
            organiser="Sở Công Thương Hưng Yên",
            public=True,
        )
        for booth, product_id in enumerate(featured, start=1):
            product = Product.objects.get(pk=product_id)
            add_event_product(event, product=product, by=office, booth=f"Gian {booth}")


def seed_history(*, office, approver, today: datetime.date) -> int:
    """The whole past of the demo province; returns the certificates imported this time."""
    created = import_history(office=office, today=today)
    add_photos()
    revoke_one(approver=approver, today=today)
    plan_year(office=office, today=today)
    return created
