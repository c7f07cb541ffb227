"""Journey: the producer types the answers to a request for correction and presses "Nộp lại hồ
sơ" without pressing "Lưu câu trả lời" first; the answers are sent and saved with it."""

import pytest
from playwright.sync_api import expect

from dossiers.models import CorrectionItem, DossierState
from evaluations import transitions
from tests import factories
from tests.e2e.conftest import sign_in_as

pytestmark = pytest.mark.e2e

PRODUCT = "Mật ong hoa nhãn Khoái Châu"


@pytest.mark.django_db(transaction=True)
def test_answers_typed_but_not_saved_go_with_the_resubmission(
    page, producer, producer_org, commune_officer
):
    product = factories.complete_product(producer_org, name=PRODUCT)
    draft = factories.DossierFactory(product=product, round=factories.RoundFactory())
    dossier = transitions.submit_dossier(draft, by=producer)
    transitions.return_dossier(
        dossier,
        by=commune_officer,
        items=[{"item": "photos", "comment": "Thêm ảnh nhãn sản phẩm."}],
    )
    sign_in_as(page, producer)

    page.goto("/evaluations/dossiers/mine/")
    page.get_by_role("link", name=PRODUCT).click()
    page.get_by_label("Trả lời: Ảnh sản phẩm").fill("Đã thêm ảnh nhãn.")
    page.get_by_label("Nội dung đã bổ sung (không bắt buộc)").fill("Đã sửa theo yêu cầu.")
    page.get_by_role("button", name="Nộp lại hồ sơ").click()

    expect(
        page.get_by_text("Đã nộp lại hồ sơ sau khi bổ sung cho cán bộ địa phương.")
    ).to_be_visible()
    dossier.refresh_from_db()
    assert dossier.state == DossierState.SUBMITTED
    assert CorrectionItem.objects.get(dossier=dossier).answer == "Đã thêm ảnh nhãn."
