"""Journey: the producer saves a new product, presses Back and "Lưu bản nháp" again; the portal
answers with the first product instead of making a second draft (one-time token)."""

import pytest
from playwright.sync_api import expect

from products.models import Product
from tests.e2e.conftest import sign_in_as
from tests.e2e.test_producer_registers_product import _field

pytestmark = pytest.mark.e2e


@pytest.mark.django_db(transaction=True)
def test_back_then_save_again_shows_the_first_product(page, producer, producer_org):
    sign_in_as(page, producer)
    page.goto("/products/new/")
    _field(page, "Tên sản phẩm").fill("Mật ong hoa nhãn Thái Hưng")
    _field(page, "Ngành").select_option(label="Thực phẩm")
    _field(page, "Nhóm").select_option(label="Thực phẩm thô, sơ chế")
    _field(page, "Bộ tiêu chí").select_option(
        label="4. Mật ong, mật khác và nông sản thực phẩm khác"
    )
    page.get_by_role("button", name="Lưu bản nháp").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mật ong hoa nhãn Thái Hưng")
    first = page.url

    page.go_back()
    if not _field(page, "Tên sản phẩm").input_value():  # a browser that does not keep the typing
        _field(page, "Tên sản phẩm").fill("Mật ong hoa nhãn Thái Hưng")
        _field(page, "Ngành").select_option(label="Thực phẩm")
        _field(page, "Nhóm").select_option(label="Thực phẩm thô, sơ chế")
        _field(page, "Bộ tiêu chí").select_option(
            label="4. Mật ong, mật khác và nông sản thực phẩm khác"
        )
    page.get_by_role("button", name="Lưu bản nháp").click()

    expect(
        page.get_by_text("Biểu mẫu này đã được gửi; đây là kết quả của lần gửi đầu tiên.")
    ).to_be_visible()
    assert page.url == first
    assert Product.objects.filter(producer=producer_org).count() == 1
