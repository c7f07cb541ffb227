"""Journey: a council member opens a dossier in scoring from their list, picks an option for
every criterion (each autosaved), sees the running total, submits, and finds the sheet locked."""

from decimal import Decimal

import pytest
from playwright.sync_api import expect

from accounts.models import Role
from councils.models import CouncilRole, ScoreSheet
from criteria import scoring
from dossiers.models import DossierState, RoundState
from tests import factories
from tests.e2e.conftest import sign_in_as

pytestmark = pytest.mark.e2e

CRITERIA_SET = 25  # ornamental animals: the shortest sheet (25 criteria)


@pytest.mark.django_db(transaction=True)
def test_council_member_fills_and_submits_a_score_sheet(page, live_server, settings):
    member = factories.UserFactory(
        email="uyvien@example.vn",
        full_name="Hoàng Văn Hội",
        role=Role.COUNCIL_MEMBER,
        province_id=33,
    )
    council = factories.CouncilFactory(round=factories.RoundFactory(state=RoundState.COUNCIL))
    factories.CouncilMemberFactory(council=council, role=CouncilRole.CHAIR)
    factories.CouncilMemberFactory(council=council, user=member, role=CouncilRole.MEMBER)
    dossier = factories.DossierFactory(
        round=council.round,
        product__name="Cá chép Koi Hưng Yên",
        product__criteria_set=CRITERIA_SET,
        state=DossierState.IN_SCORING,
        council=council,
        revision=1,
    )
    factories.DocumentFactory(product=dossier.product, title="Giấy chứng nhận đăng ký kinh doanh")
    leaves = scoring.load_criteria_set("26/2026", CRITERIA_SET).leaf_criteria()
    sign_in_as(page, member)

    page.goto("/evaluations/sheets/")
    page.get_by_role("link", name="Cá chép Koi Hưng Yên").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Phiếu đánh giá: Cá chép Koi Hưng Yên"
    )
    expect(page.get_by_text("Giấy chứng nhận đăng ký kinh doanh")).to_be_visible()
    # Keyboard alone: Tab reaches the first criterion's radio group, Space picks an option and
    # the arrow keys move the choice (each change is autosaved); the focus stays visible.
    first = leaves[0]
    best_first = max(range(len(first.options)), key=lambda i: first.options[i].points)
    for _ in range(300):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == first.code:
            break
    else:
        pytest.fail(f"Tab never reached criterion {first.code}")
    page.keyboard.press("Space")
    for _ in range(best_first):
        page.keyboard.press("ArrowDown")
    first_anchor = "criterion-" + first.code.replace(".", "-")
    expect(page.locator(f"#{first_anchor}-{best_first}")).to_be_checked()
    expect(page.locator(f"#{first_anchor}-{best_first}")).to_be_focused()
    focus = page.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement);"
        " return [s.outlineStyle, s.boxShadow]; })()"
    )
    assert focus != ["none", "none"], "the focused option shows no focus ring"
    expect(page.locator("#sheet-status [data-role=answered]")).to_have_text(
        f"Đã chấm 1/{len(leaves)} tiêu chí"
    )

    for answered, criterion in enumerate(leaves, start=1):
        best = max(range(len(criterion.options)), key=lambda i: criterion.options[i].points)
        anchor = "criterion-" + criterion.code.replace(".", "-")
        page.locator(f"label[for='{anchor}-{best}']").click()
        expect(page.locator("#sheet-status [data-role=answered]")).to_have_text(
            f"Đã chấm {answered}/{len(leaves)} tiêu chí"
        )
    expect(page.locator("#sheet-status [data-role=running-total]")).to_have_text("100")
    expect(page.locator("#sheet-status [data-role=saved]")).to_contain_text("Đã lưu lúc")
    page.get_by_label("Tôi ký phiếu đánh giá này").check()
    page.get_by_role("button", name="Nộp phiếu đánh giá").click()

    expect(page.locator("[data-role=submitted]")).to_contain_text("100,00 điểm. Phiếu đã khóa.")
    expect(page.locator("input[type=radio]:checked")).to_have_count(len(leaves))
    expect(page.locator("input[type=radio]:disabled")).to_have_count(
        sum(len(c.options) for c in leaves)
    )
    expect(page.get_by_role("button", name="Nộp phiếu đánh giá")).to_have_count(0)
    sheet = ScoreSheet.objects.get(dossier=dossier, member=member)
    assert (sheet.total, sheet.dossier_revision) == (Decimal(100), 1)
    assert sheet.submitted_at is not None
