"""Journey: the local officer returns a dossier ticking one checklist item and one criterion, each
with a note; the producer cannot resubmit before answering, answers each item, uploads a new test
report and resubmits; the officer sees the answers beside a list of changes holding only that
upload. In Vietnamese, on a phone and on a desktop."""

import re

import pytest
from playwright.sync_api import expect

from dossiers.models import CorrectionItem, DossierState
from evaluations.transitions import submit_dossier
from tests import factories
from tests.e2e.conftest import sign_in_as

pytestmark = pytest.mark.e2e

WAIT = 15_000
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PRODUCT = "Mật ong hoa nhãn Khoái Châu"
CRITERION = "1.2. Vùng nguyên liệu được cấp chứng nhận chất lượng"


def _switch_to(page, user) -> None:
    page.context.clear_cookies()
    sign_in_as(page, user)


def _open_dossier_from(page, list_url: str) -> None:
    # From the list, not by reloading: Chromium could restore another person's typing.
    page.goto(list_url)
    page.get_by_role("link", name=PRODUCT).click()


@pytest.mark.django_db(transaction=True)
def test_itemised_return_answered_item_by_item_and_the_change_shown(
    page, producer, producer_org, commune_officer, tmp_path
):
    product = factories.complete_product(producer_org, name=PRODUCT)
    draft = factories.DossierFactory(
        product=product, round=factories.RoundFactory(name="Đợt 2 năm 2026")
    )
    dossier = submit_dossier(draft, by=producer)  # revision 1, its content kept
    report = tmp_path / "phieu-kiem-nghiem-2026.pdf"
    report.write_bytes(PDF)

    # The officer ticks one checklist item and one criterion, a note on each, and returns.
    _switch_to(page, commune_officer)
    _open_dossier_from(page, "/evaluations/queue/")
    page.get_by_text("Trả hồ sơ để bổ sung", exact=True).click()
    note = page.get_by_label("Nội dung cần bổ sung: Phiếu kết quả kiểm nghiệm")
    expect(note).to_be_hidden()  # a note box shows once its item is ticked
    page.get_by_role("checkbox", name="Phiếu kết quả kiểm nghiệm", exact=True).check()
    note.fill("Phiếu kiểm nghiệm đã quá 12 tháng.")
    page.locator("details.return-criteria > summary").click()  # the criteria are folded
    page.get_by_role("checkbox", name=CRITERION, exact=True).check()
    page.get_by_label(f"Nội dung cần bổ sung: {CRITERION}").fill(
        "Chưa có giấy chứng nhận vùng nguyên liệu."
    )
    page.get_by_role("button", name="Trả hồ sơ cho chủ thể").click()
    expect(page.get_by_text("Đã trả hồ sơ để chủ thể bổ sung.")).to_be_visible(timeout=WAIT)

    # The producer sees each note with an answer box; resubmitting first is refused.
    _switch_to(page, producer)
    _open_dossier_from(page, "/evaluations/dossiers/mine/")
    items = page.locator(".correction-item")
    expect(items).to_have_count(2)
    expect(items.nth(0)).to_contain_text("Phiếu kiểm nghiệm đã quá 12 tháng.")
    expect(items.nth(1)).to_contain_text("Chưa có giấy chứng nhận vùng nguyên liệu.")
    page.get_by_role("button", name="Nộp lại hồ sơ").click()
    expect(page.locator(".alert-danger, .alert-error").first).to_contain_text(
        CRITERION, timeout=WAIT
    )

    # Each answer is saved on its own; the second save keeps the first answer.
    page.get_by_label("Trả lời: Phiếu kết quả kiểm nghiệm").fill("Đã tải phiếu kiểm nghiệm mới.")
    items.nth(0).get_by_role("button", name="Lưu câu trả lời").click()
    expect(page.get_by_text("Đã lưu câu trả lời.")).to_be_visible(timeout=WAIT)
    page.get_by_label(f"Trả lời: {CRITERION}").fill("Vùng nguyên liệu đang chờ cấp chứng nhận.")
    items.nth(1).get_by_role("button", name="Lưu câu trả lời").click()
    expect(items.nth(1).locator(".correction-status")).to_contain_text(
        "Đã lưu câu trả lời", timeout=WAIT
    )
    expect(page.get_by_label("Trả lời: Phiếu kết quả kiểm nghiệm")).to_have_value(
        "Đã tải phiếu kiểm nghiệm mới."
    )

    # The producer uploads a new test report, then resubmits.
    page.get_by_role("link", name="Tài liệu", exact=True).click()
    page.get_by_label("Loại").select_option(label="Phiếu kết quả kiểm nghiệm")
    page.get_by_label("Tệp").set_input_files(str(report))
    page.get_by_label("Ngày cấp").fill("2026-09-10")
    page.get_by_role("button", name="Tải lên tài liệu").click()
    expect(page.get_by_text("Đã thêm tài liệu.")).to_be_visible(timeout=WAIT)
    page.goto(dossier.get_absolute_url())
    page.get_by_role("button", name="Nộp lại hồ sơ").click()
    expect(
        page.get_by_text("Đã nộp lại hồ sơ sau khi bổ sung cho cán bộ địa phương.")
    ).to_be_visible(timeout=WAIT)

    # The officer sees the answers beside the changes: only the new test report.
    _switch_to(page, commune_officer)
    _open_dossier_from(page, "/evaluations/queue/")
    changes = page.locator("section[aria-labelledby='changes-heading']")
    expect(changes.get_by_role("heading", name="Thay đổi so với lần nộp trước")).to_be_visible()
    expect(changes.locator(".correction-answer").nth(0)).to_contain_text(
        "Đã tải phiếu kiểm nghiệm mới."
    )
    expect(changes.locator(".correction-answer").nth(1)).to_contain_text(
        "Vùng nguyên liệu đang chờ cấp chứng nhận."
    )
    expect(changes.locator(".revision-changes li")).to_have_count(1)
    expect(changes.locator(".revision-documents")).to_contain_text("Phiếu kết quả kiểm nghiệm")
    expect(changes.locator(".revision-fields, .revision-photos, .revision-criteria")).to_have_count(
        0
    )
    # The page comparing the two revisions names the document by its title, not its stored file.
    page.goto(dossier.get_absolute_url() + "revisions/?old=1&new=2")
    documents = page.locator(".revision-documents")
    expect(documents).to_contain_text("Phiếu kết quả kiểm nghiệm")
    assert not re.search(r"\b[0-9a-f]{12,}\.pdf", documents.inner_text())

    dossier.refresh_from_db()
    answers = list(CorrectionItem.objects.filter(dossier=dossier).values_list("answer", flat=True))
    assert (dossier.state, dossier.revision) == (DossierState.SUBMITTED, 2)
    assert answers == [
        "Đã tải phiếu kiểm nghiệm mới.",
        "Vùng nguyên liệu đang chờ cấp chứng nhận.",
    ]
