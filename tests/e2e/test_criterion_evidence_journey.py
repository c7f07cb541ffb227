"""Journey: the producer is warned on the self-assessment page that a claim a star minimum rests
on has no evidence, follows the link to that criterion, ticks the trademark certificate and
saves; the warning for that criterion is gone. In Vietnamese, on a phone and on a desktop."""

import pytest
from playwright.sync_api import expect

from products.models import CriterionEvidence, EvidenceKind
from tests import factories
from tests.e2e.conftest import sign_in_as

pytestmark = pytest.mark.e2e

WAIT = 15_000


@pytest.mark.django_db(transaction=True)
def test_producer_links_the_missing_evidence_from_the_warning(page, producer, producer_org):
    # The complete product's self-assessment claims 3.5 (intellectual property) at its 3★ minimum.
    product = factories.complete_product(producer_org, name="Mật ong hoa nhãn Khoái Châu")
    factories.DocumentFactory(
        product=product, kind=EvidenceKind.TRADEMARK, title="Giấy chứng nhận nhãn hiệu 2025"
    )
    sign_in_as(page, producer)

    page.goto(f"/products/{product.pk}/self-assessment/")
    warning = page.locator(".unproven-claims li[data-criterion='3.5']")
    expect(warning).to_contain_text("Giấy tờ về nhãn hiệu")
    warning.get_by_role("link").click()

    criterion = page.locator("#evidence-3-5")
    expect(criterion).to_contain_text("Minh chứng cần có")
    checkbox = criterion.get_by_label("Giấy chứng nhận nhãn hiệu 2025")
    expect(checkbox).not_to_be_checked()
    checkbox.check()
    criterion.get_by_role("button", name="Lưu minh chứng").click()

    expect(page.get_by_text("Đã lưu minh chứng cho tiêu chí 3.5.")).to_be_visible(timeout=WAIT)
    expect(
        page.locator("#evidence-3-5").get_by_label("Giấy chứng nhận nhãn hiệu 2025")
    ).to_be_checked()
    expect(page.locator(".unproven-claims li[data-criterion='3.5']")).to_have_count(0)
    assert CriterionEvidence.objects.filter(criterion_code="3.5").count() == 1
