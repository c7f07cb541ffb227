"""Journey: the local officer returns a submitted dossier for correction; the producer reads
what to correct, uploads a new test report and resubmits; the officer sees the change in the
history, accepts the dossier with the commune's assessment (Form 03) and forwards it to the
province. Everything in Vietnamese, on a phone and on a desktop."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from evaluations.models import DossierState
from evaluations.services import timeline
from tests import factories
from tests.e2e.conftest import sign_in_as

pytestmark = pytest.mark.e2e

# The server answers each step with a redirect and a full dossier page: give it time on a busy
# machine (expect() waits 5 s by default, the actions 15 s).
WAIT = 15_000
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _switch_to(page, user) -> None:
    """Continue the journey as `user` (through a session cookie; sign-in has its own journey)."""
    page.context.clear_cookies()
    sign_in_as(page, user)


@pytest.mark.django_db(transaction=True)
def test_return_correct_resubmit_accept_forward(
    page, settings, producer, producer_org, commune_officer, tmp_path
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    product = factories.complete_product(producer_org, name="Mật ong hoa nhãn Khoái Châu")
    dossier = factories.DossierFactory(
        product=product,
        round=factories.RoundFactory(name="Đợt 2 năm 2026"),
        state=DossierState.SUBMITTED,
        revision=1,
        submitted_at=timezone.now() - datetime.timedelta(days=2),
    )
    report = tmp_path / "phieu-kiem-nghiem-2026.pdf"
    report.write_bytes(PDF)

    # The officer finds the dossier in the queue and returns it with a comment on one item.
    _switch_to(page, commune_officer)
    page.goto("/evaluations/queue/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Hồ sơ chờ xử lý")
    page.get_by_role("link", name="Mật ong hoa nhãn Khoái Châu").click()
    expect(page.locator("iframe.dossier-document-frame")).to_have_count(4)
    page.get_by_text("Trả hồ sơ để bổ sung", exact=True).click()
    page.get_by_role("checkbox", name="Phiếu kết quả kiểm nghiệm", exact=True).check()
    page.get_by_label("Nội dung cần bổ sung: Phiếu kết quả kiểm nghiệm").fill(
        "Phiếu kiểm nghiệm đã quá 12 tháng."
    )
    page.get_by_role("button", name="Trả hồ sơ cho chủ thể").click()
    expect(page.get_by_text("Đã trả hồ sơ để chủ thể bổ sung.")).to_be_visible(timeout=WAIT)

    # The producer reads what to correct, uploads a new test report and resubmits.
    _switch_to(page, producer)
    page.goto("/evaluations/dossiers/mine/")
    page.get_by_role("link", name="Mật ong hoa nhãn Khoái Châu").click()
    returned = page.locator(".returned-items")
    expect(returned).to_contain_text(
        "Phiếu kết quả kiểm nghiệm: Phiếu kiểm nghiệm đã quá 12 tháng."
    )
    page.get_by_role("link", name="Tài liệu", exact=True).click()
    page.get_by_label("Loại").select_option(label="Phiếu kết quả kiểm nghiệm")
    page.get_by_label("Tệp").set_input_files(str(report))
    page.get_by_label("Ngày cấp").fill("2026-09-10")
    page.get_by_role("button", name="Tải lên tài liệu").click()
    expect(page.get_by_text("Đã thêm tài liệu.")).to_be_visible(timeout=WAIT)
    page.goto(dossier.get_absolute_url())
    page.get_by_label("Trả lời: Phiếu kết quả kiểm nghiệm").fill("Đã tải phiếu kiểm nghiệm mới.")
    page.get_by_role("button", name="Lưu câu trả lời").click()
    expect(page.get_by_text("Đã lưu câu trả lời.")).to_be_visible(timeout=WAIT)
    page.get_by_label("Nội dung đã bổ sung (không bắt buộc)").fill("Đã thay phiếu kiểm nghiệm mới.")
    page.get_by_role("button", name="Nộp lại hồ sơ").click()
    expect(
        page.get_by_text("Đã nộp lại hồ sơ sau khi bổ sung cho cán bộ địa phương.")
    ).to_be_visible(timeout=WAIT)

    # The officer sees the change in the history, accepts with Form 03 and forwards.
    # (From the queue: reloading the page the producer left would let Chromium restore that
    # page's form state over the officer's typing.)
    _switch_to(page, commune_officer)
    page.goto("/evaluations/queue/")
    page.get_by_role("link", name="Mật ong hoa nhãn Khoái Châu").click()
    expect(page.locator(".timeline")).to_contain_text("Nội dung hồ sơ thay đổi")
    page.get_by_text("Tiếp nhận kèm phiếu đánh giá cấp xã (Mẫu số 03)").click()
    # Scoped to the accept form: the return form lists criteria with similar titles.
    accept = page.locator("form[action$='/accept/']")
    accept.get_by_label("Nguồn gốc sản phẩm và nguyên liệu tại địa phương").fill(
        "Mật ong thu từ vườn nhãn của các hộ thành viên trong xã."
    )
    accept.get_by_label("Sử dụng lao động địa phương").fill("12 lao động, đều cư trú tại xã.")
    accept.get_by_label("Nguồn gốc ý tưởng sản phẩm").fill("Ý tưởng của hợp tác xã từ năm 2015.")
    accept.get_by_label("Tính đặc trưng, bản sắc và tri thức địa phương").fill(
        "Nghề nuôi ong lấy mật hoa nhãn truyền thống."
    )
    page.get_by_role("button", name="Tiếp nhận hồ sơ").click()
    expect(
        page.get_by_text("Đã tiếp nhận hồ sơ kèm phiếu đánh giá cấp xã (Mẫu số 03).")
    ).to_be_visible(timeout=WAIT)
    page.get_by_role("button", name="Chuyển lên tỉnh").click()
    expect(page.get_by_text("Đã chuyển hồ sơ lên tỉnh.")).to_be_visible(timeout=WAIT)
    expect(page.locator("h1 + p + p .badge")).to_have_text("Đã chuyển lên tỉnh", timeout=WAIT)

    dossier.refresh_from_db()
    actions = [event.action for event in timeline(dossier)]
    assert (dossier.state, dossier.revision) == (DossierState.FORWARDED, 2)
    assert actions == ["return", "edit", "resubmit", "accept", "forward"]
    to_producer = [m.subject for m in mail.outbox if m.to == ["chuthe@example.vn"]]
    assert to_producer == [
        f"[OCOP] Mật ong hoa nhãn Khoái Châu: {state}"
        for state in ("Trả hồ sơ để bổ sung", "Cấp xã đã tiếp nhận", "Đã chuyển lên tỉnh")
    ]
