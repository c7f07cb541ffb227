"""Journey (issue 18): a producer holding a valid certificate asks, from its product's page, for
a correction of the product name it states; the provincial office signs in with its
authenticator and approves it; the certificate is re-issued as version 2, the first version kept
and shown as replaced by it on the public verification page. A refused request leaves the
certificate as it was, and the producer reads why. In Vietnamese, on a phone and on a desktop."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from evaluations.certificates import issue_certificate
from evaluations.models import Certificate, CorrectionRequest, CorrectionState, DossierState
from evaluations.transitions.core import refresh_product_lock
from products.models import Product
from tests import factories
from tests.e2e.conftest import sign_in

pytestmark = pytest.mark.e2e

WAIT = 15_000
OLD_NAME = "Mật ong hoa nhãn Khoái Châu"
NEW_NAME = "Mật ong hoa nhãn Hưng Yên"


@pytest.fixture
def certificate(producer_org, approver):
    """A current 4★ certificate, decided a few days before the journey's day (whatever day
    OCOP_TEST_DATE sets), so it is valid, not in its re-evaluation window."""
    product = factories.ProductFactory(producer=producer_org, name=OLD_NAME)
    dossier = factories.CouncilResultFactory(
        dossier__product=product, stars=4, band_stars=4
    ).dossier
    certificate = issue_certificate(
        dossier,
        by=approver,
        decision_number="1234/QĐ-UBND",
        decision_date=timezone.localdate() - datetime.timedelta(days=5),
        stars=4,
    )
    type(dossier).objects.filter(pk=dossier.pk).update(state=DossierState.APPROVED)
    refresh_product_lock(type(dossier).objects.get(pk=dossier.pk))  # frees it, as approval does
    return certificate


def _field(page, label: str):
    """A field by its label, which ends in "*" when the field is required."""
    return page.get_by_label(re.compile(rf"^\s*{re.escape(label)}\*?\s*$"))


def _ask_for_the_new_name(page, certificate) -> None:
    """From the product's page, as the producer: the certified notice leads to the request."""
    page.goto(f"/products/{certificate.product_id}/")
    notice = page.locator("[data-certified-notice]")
    expect(notice).to_contain_text(certificate.number)
    notice.get_by_role("link", name="Đề nghị điều chỉnh giấy chứng nhận").click()
    expect(page.get_by_role("heading", name="Đề nghị điều chỉnh giấy chứng nhận")).to_be_visible()
    expect(_field(page, "Tên sản phẩm")).to_have_value(OLD_NAME)
    _field(page, "Tên sản phẩm").fill(NEW_NAME)
    _field(page, "Lý do").fill("Đổi tên theo nhãn hiệu đã đăng ký")
    page.get_by_role("button", name="Gửi đề nghị").click()
    expect(
        page.get_by_text("Đề nghị điều chỉnh đã được gửi tới Văn phòng OCOP tỉnh.")
    ).to_be_visible(timeout=WAIT)
    # Nothing changes before the office decides: the product keeps its certified name.
    expect(page.get_by_role("heading", level=1)).to_have_text(OLD_NAME)


def _office_opens_the_request(page, office, certificate) -> None:
    page.context.clear_cookies()
    sign_in(page, office.email, factories.PASSWORD)  # password, then the authenticator's code
    page.goto("/evaluations/corrections/")
    waiting = page.locator("tr", has_text=certificate.number)
    waiting.get_by_role("link", name="Quyết định").click()
    comparison = page.locator("table")
    expect(comparison).to_contain_text(OLD_NAME)
    expect(comparison).to_contain_text(NEW_NAME)


def _verification_status(page, number: str):
    page.goto(f"/catalogue/verify/{number}/")
    return page.locator("[data-status]")


@pytest.mark.django_db(transaction=True)
def test_a_correction_approved_reissues_the_certificate_and_keeps_the_old_one(
    page, certificate, producer, provincial_office
):
    page.context.clear_cookies()
    sign_in(page, producer.email, factories.PASSWORD)
    _ask_for_the_new_name(page, certificate)

    _office_opens_the_request(page, provincial_office, certificate)
    page.get_by_label("Chấp thuận và cấp lại").check()
    page.get_by_label("Tôi đã đối chiếu đề nghị").check()
    page.get_by_role("button", name="Ghi quyết định").click()
    expect(page.get_by_text("Đã chấp thuận: giấy chứng nhận")).to_be_visible(timeout=WAIT)
    new = Certificate.objects.get(reissue_of=certificate)
    expect(
        page.get_by_text(
            f"Đã chấp thuận: giấy chứng nhận {new.number} được cấp thay cho {certificate.number}."
        )
    ).to_be_visible()
    decided = page.locator("[data-correction-state]", has_text=certificate.number)
    expect(decided).to_have_attribute("data-correction-state", "approved")
    expect(decided).to_contain_text(new.number)

    # The public: the new number is valid and states the new name, naming the version it
    # replaces; the old number is kept, marked replaced, and leads to the new one.
    page.context.clear_cookies()
    expect(_verification_status(page, new.number)).to_have_attribute("data-status", "valid")
    expect(page.get_by_role("heading", level=1)).to_contain_text(new.number)
    expect(page.locator("dl")).to_contain_text(NEW_NAME)
    expect(page.locator("dl")).to_contain_text(f"Cấp lần 2, thay cho {certificate.number}")

    expect(_verification_status(page, certificate.number)).to_have_attribute(
        "data-status", "replaced"
    )
    expect(page.locator("dl")).to_contain_text(OLD_NAME)  # as it was issued
    page.get_by_role("link", name="Xem giấy chứng nhận hiện hành").click()
    expect(page).to_have_url(re.compile(re.escape(new.get_absolute_url()) + "$"))
    expect(page.locator("[data-status]")).to_have_attribute("data-status", "valid")

    certificate.refresh_from_db()
    new.refresh_from_db()
    assert certificate.replaced_by_id == new.pk
    assert (new.version, new.product_name, certificate.product_name) == (2, NEW_NAME, OLD_NAME)
    assert (new.stars, new.valid_until, new.decision_number) == (
        certificate.stars,
        certificate.valid_until,
        certificate.decision_number,
    )
    assert Product.objects.get(pk=certificate.product_id).name == NEW_NAME
    assert CorrectionRequest.objects.get().state == CorrectionState.APPROVED


@pytest.mark.django_db(transaction=True)
def test_a_refused_correction_changes_nothing_on_the_certificate(
    page, certificate, producer, provincial_office
):
    page.context.clear_cookies()
    sign_in(page, producer.email, factories.PASSWORD)
    _ask_for_the_new_name(page, certificate)

    _office_opens_the_request(page, provincial_office, certificate)
    page.get_by_label("Không chấp thuận").check()
    page.get_by_label("Tôi đã đối chiếu đề nghị").check()
    page.get_by_role("button", name="Ghi quyết định").click()
    # Refusing without a reason is refused: the producer must read why.
    expect(page.locator(".alert-danger, .invalid-feedback, .errorlist").first).to_be_visible(
        timeout=WAIT
    )
    assert CorrectionRequest.objects.get().state == CorrectionState.PENDING
    page.get_by_label("Không chấp thuận").check()
    _field(page, "Ghi chú gửi chủ thể").fill("Tên mới chưa có trong giấy đăng ký kinh doanh.")
    page.get_by_label("Tôi đã đối chiếu đề nghị").check()
    page.get_by_role("button", name="Ghi quyết định").click()
    expect(page.get_by_text("Đề nghị điều chỉnh đã được quyết định.")).to_be_visible(timeout=WAIT)
    expect(page.locator("[data-correction-state]").first).to_have_attribute(
        "data-correction-state", "refused"
    )

    # The certificate is as it was: valid, the old name, one version.
    page.context.clear_cookies()
    expect(_verification_status(page, certificate.number)).to_have_attribute("data-status", "valid")
    expect(page.locator("dl")).to_contain_text(OLD_NAME)

    # The producer reads the refusal and its reason beside the request form.
    sign_in(page, producer.email, factories.PASSWORD)
    page.goto(f"/evaluations/certificates/{certificate.number}/correction/")
    earlier = page.locator("[data-correction-state]")
    expect(earlier).to_have_count(1)
    expect(earlier).to_have_attribute("data-correction-state", "refused")
    expect(earlier).to_contain_text("Tên mới chưa có trong giấy đăng ký kinh doanh.")

    certificate.refresh_from_db()
    assert certificate.replaced_by_id is None
    assert certificate.product_name == OLD_NAME
    assert Certificate.objects.count() == 1
    assert Product.objects.get(pk=certificate.product_id).name == OLD_NAME
    assert CorrectionRequest.objects.get().state == CorrectionState.REFUSED
