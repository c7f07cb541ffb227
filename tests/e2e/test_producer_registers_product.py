"""Journey: a producer signs up, confirms the email, fills the producer profile, registers a
product through the sector → group → set picker, adds a photo and an evidence document."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from producers.models import Membership
from products.models import EvidenceDocument, Product, ProductPhoto
from regions.models import Commune
from tests.uploads import PDF, image_bytes

pytestmark = pytest.mark.e2e


def _field(page, label: str):
    """The form control whose label is exactly `label` (crispy adds "*" to required ones, and
    label regexps see the label's raw text, surrounding whitespace included)."""
    # Python's re.escape also escapes spaces, which JavaScript's unicode regexps refuse.
    escaped = re.sub(r"([.^$*+?()\[\]{}|\\/])", r"\\\1", label)
    return page.get_by_label(re.compile(rf"^\s*{escaped}\*?\s*$"))


@pytest.mark.django_db(transaction=True)
def test_producer_signs_up_fills_the_profile_and_registers_a_product(
    page, tmp_path, live_server, settings
):
    commune = Commune.objects.filter(province_id=33).order_by("code").first()
    photo = tmp_path / "mat-ong.jpg"
    photo.write_bytes(image_bytes("JPEG", size=(800, 600), exif=True))
    scan = tmp_path / "dang-ky-kinh-doanh.pdf"
    scan.write_bytes(PDF)

    # Sign up and confirm the email.
    page.goto("/accounts/sign-up/")
    _field(page, "Họ và tên").fill("Lò Thị Mai")
    _field(page, "Email").fill("lothimai@example.vn")
    _field(page, "Điện thoại").fill("0912 345 678")
    _field(page, "Mật khẩu").fill("che-shan-tuyet-2026")
    _field(page, "Nhập lại mật khẩu").fill("che-shan-tuyet-2026")
    _field(page, "Tôi đã đọc nội dung về dữ liệu cá nhân ở trên và đồng ý.").check()
    page.get_by_role("button", name="Tạo tài khoản").click()
    expect(page.get_by_text("lothimai@example.vn")).to_be_visible()
    link = re.search(r"https?://[^/\s]+(/\S+)", mail.outbox[-1].body).group(1)
    page.goto(link)

    # The dashboard sends a producer without a profile to create one.
    page.get_by_role("main").get_by_role("link", name="Trang của tôi").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tạo hồ sơ chủ thể")
    _field(page, "Loại").select_option(label="Hợp tác xã")
    _field(page, "Tên").fill("Hợp tác xã Mật ong Thái Hưng")
    _field(page, "Mã số thuế / mã số đăng ký kinh doanh").fill("0901 234 567")
    _field(page, "Ngày đăng ký").fill("2020-05-04")
    _field(page, "Xã / phường").select_option(label=commune.name)
    _field(page, "Điện thoại").fill("0912345678")
    _field(page, "Người đại diện theo pháp luật").fill("Lò Thị Mai")
    _field(page, "Giới tính người đại diện").select_option(label="Nữ")
    _field(page, "Dân tộc của người đại diện").select_option(label="Thái")
    _field(page, "Tỷ lệ lao động địa phương (%)").fill("90")
    page.get_by_role("button", name="Lưu hồ sơ").click()
    expect(page.get_by_text("Đã lưu hồ sơ chủ thể")).to_be_visible()

    # Register a product: sector, then group, then the set.
    page.get_by_role("main").get_by_role("link", name="Đăng ký sản phẩm").first.click()
    _field(page, "Tên sản phẩm").fill("Mật ong hoa nhãn Thái Hưng")
    _field(page, "Ngành").select_option(label="Thực phẩm")
    _field(page, "Nhóm").select_option(label="Thực phẩm thô, sơ chế")
    expect(_field(page, "Bộ tiêu chí").locator("option:not([disabled])")).to_have_count(3)
    _field(page, "Bộ tiêu chí").select_option(
        label="4. Mật ong, mật khác và nông sản thực phẩm khác"
    )
    page.get_by_role("button", name="Lưu bản nháp").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mật ong hoa nhãn Thái Hưng")

    # A photo, then a document.
    page.get_by_role("link", name="Ảnh", exact=True).click()
    _field(page, "Ảnh").set_input_files(str(photo))
    page.get_by_role("button", name="Tải ảnh lên").click()
    expect(page.get_by_text("Đã thêm ảnh.")).to_be_visible()
    thumbnail = page.locator(".photo-list img").first
    expect(thumbnail).to_be_visible()
    # 800 x 600 with an EXIF "rotate 90°": stored upright, thumbnail 300 x 400. Visible is not
    # loaded: decode() waits for the image itself before its size is read.
    size = thumbnail.evaluate(
        "img => img.decode().then(() => [img.naturalWidth, img.naturalHeight])"
    )
    assert size == [300, 400]
    page.get_by_role("link", name="Tài liệu", exact=True).click()
    _field(page, "Loại").select_option(label="Giấy đăng ký kinh doanh")
    _field(page, "Tệp").set_input_files(str(scan))
    page.get_by_role("button", name="Tải lên tài liệu").click()
    expect(page.get_by_text("Đã thêm tài liệu.")).to_be_visible()
    expect(page.get_by_role("link", name="Giấy đăng ký kinh doanh")).to_be_visible()
    # Form 01, printable: its back button is whole on a phone (no sideways scrolling either).
    page.goto(page.url.replace("documents/", "form-01/"))
    back = page.get_by_role("link", name="Quay lại sản phẩm")
    expect(back).to_be_visible()
    assert back.evaluate("a => a.scrollWidth <= a.clientWidth")

    membership = Membership.objects.select_related("producer", "user").get()
    product = Product.objects.get()
    assert (membership.user.email, membership.is_owner) == ("lothimai@example.vn", True)
    assert (membership.producer.tax_code, membership.producer.commune) == ("0901234567", commune)
    assert (product.producer, product.criteria_set) == (membership.producer, 4)
    assert ProductPhoto.objects.get().product == product
    assert EvidenceDocument.objects.get().content_type == "application/pdf"
