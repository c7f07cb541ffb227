"""Journey: a shopper checks a certificate, finds the label suspicious and reports it with a
photo from the verification page; the provincial office finds the report in its queue, sees the
photo and marks it as being checked. In Vietnamese, on a phone and on a desktop."""

import pytest
from playwright.sync_api import expect

from catalogue.models import LabelReport, LabelReportState
from tests import factories
from tests.e2e.conftest import sign_in_as
from tests.uploads import image_bytes

pytestmark = pytest.mark.e2e


@pytest.mark.django_db(transaction=True)
def test_shopper_reports_a_label_and_the_office_checks_it(
    page, producer_org, provincial_office, tmp_path
):
    product = factories.ProductFactory(producer=producer_org, name="Mật ong hoa nhãn")
    certificate = factories.CertificateFactory(dossier__product=product)
    photo = tmp_path / "nhan-mat-ong.jpg"
    photo.write_bytes(image_bytes())

    page.goto(certificate.get_absolute_url())
    page.get_by_text("Báo cáo nhãn OCOP đáng ngờ", exact=True).click()
    page.get_by_label("Tên sản phẩm trên nhãn").fill("Mật ong hoa nhãn loại 1")
    page.get_by_label("Bạn thấy sản phẩm ở đâu?").select_option("market")
    page.get_by_label("Địa chỉ cửa hàng, chợ hoặc địa chỉ trang web").fill("Chợ Phố Hiến")
    page.get_by_label("Ảnh chụp nhãn (không bắt buộc)").set_input_files(str(photo))
    page.get_by_role("button", name="Gửi báo cáo").click()
    expect(page.get_by_text("Cảm ơn bạn. Báo cáo đã được gửi")).to_be_visible()

    report = LabelReport.objects.get()
    assert (report.province_id, report.photo_type) == (33, "image/jpeg")

    sign_in_as(page, provincial_office)
    page.goto("/catalogue/label-reports/")
    page.get_by_role("link", name="Mật ong hoa nhãn loại 1").click()
    expect(page.locator("img.label-report-photo")).to_be_visible()
    photo_width = page.locator("img.label-report-photo").evaluate(
        "img => img.decode().then(() => img.naturalWidth)"  # visible is not yet loaded
    )
    assert photo_width > 0
    page.get_by_label("Trạng thái").select_option("checking")
    page.get_by_label("Ghi chú").fill("Đã chuyển đoàn kiểm tra thị trường")
    page.get_by_role("button", name="Lưu").click()
    expect(page.get_by_text("Đã cập nhật báo cáo.")).to_be_visible()

    report.refresh_from_db()
    assert report.state == LabelReportState.CHECKING
