"""Journey: the chair opens a council session, records who is present, is refused closing a
product whose members' totals spread too far until the discussion is noted, closes it, and
downloads the minutes."""

import pytest
from playwright.sync_api import expect

from accounts.models import Role
from councils.models import CouncilRole
from dossiers.models import DossierState, RoundState
from tests import factories
from tests.councils.conftest import submitted_sheet
from tests.e2e.conftest import sign_in_as

pytestmark = pytest.mark.e2e


def _person(email, name):
    return factories.UserFactory(
        email=email, full_name=name, role=Role.COUNCIL_MEMBER, province_id=33
    )


@pytest.mark.django_db(transaction=True)
def test_chair_runs_a_session_and_closes_a_discussed_product(page, live_server):
    chair = _person("chutich@example.vn", "Đặng Văn Chủ")
    members = [
        _person("uyvien1@example.vn", "Nguyễn Văn Một"),
        _person("uyvien2@example.vn", "Trần Thị Hai"),
    ]
    council = factories.CouncilFactory(
        round=factories.RoundFactory(state=RoundState.COUNCIL), name="Hội đồng OCOP tỉnh"
    )
    factories.CouncilMemberFactory(council=council, user=chair, role=CouncilRole.CHAIR)
    for member in members:
        factories.CouncilMemberFactory(council=council, user=member, role=CouncilRole.MEMBER)
    dossier = factories.DossierFactory(
        round=council.round,
        product__name="Mật ong hoa nhãn",
        state=DossierState.IN_SCORING,
        council=council,
        revision=1,
    )
    for member, total in [(chair, 90), (members[0], 70), (members[1], 80)]:
        submitted_sheet(dossier, member, total)
    sign_in_as(page, chair)

    page.goto(council.get_absolute_url())
    page.get_by_role("link", name="Mở phiên họp").click()
    page.get_by_label("Ngày").fill("2026-09-15")
    page.get_by_label("Địa điểm").fill("Hội trường UBND tỉnh")
    page.get_by_label("Đặng Văn Chủ (Chủ tịch hội đồng)").check()
    page.get_by_label("Nguyễn Văn Một (Ủy viên)").check()
    page.get_by_role("button", name="Mở phiên họp").click()
    expect(page.get_by_text("Đã mở phiên họp.")).to_be_visible()
    # 2 of 3 present: two thirds of 3 is 2, so the quorum is met.
    expect(page.locator("[data-role=quorum]")).to_contain_text("cần 2 thành viên")

    page.get_by_label("Trần Thị Hai (Ủy viên)").check()
    page.get_by_role("button", name="Lưu điểm danh").click()
    expect(page.locator("[data-role=quorum]")).to_contain_text("Có mặt 3 trên 3")
    expect(page.locator("[data-role=spread-list]")).to_contain_text("Mật ong hoa nhãn")

    # The totals differ beyond the council's limit: the page gives the transition's own reason
    # instead of a button the transition would refuse.
    expect(page.locator("[data-role=closing-refusal]")).to_contain_text(
        "Hãy ghi lại ý kiến thảo luận"
    )
    expect(page.get_by_role("button", name="Kết thúc chấm điểm")).to_have_count(0)
    page.get_by_label("Ý kiến thảo luận và kết luận").fill("Hội đồng thống nhất giữ kết quả.")
    page.get_by_role("button", name="Ghi ý kiến thảo luận").click()
    expect(page.locator("[data-role=discussion-note]")).to_contain_text("thống nhất")
    page.get_by_label("Xác nhận: kết quả của hội đồng là chính thức").check()
    page.get_by_role("button", name="Kết thúc chấm điểm").click()
    expect(page.get_by_text("Đã kết thúc chấm điểm “Mật ong hoa nhãn”")).to_be_visible()

    with page.expect_download() as download:
        page.get_by_role("link", name="Biên bản (PDF)").click()
    assert download.value.suggested_filename.startswith("bien-ban-hop-hoi-dong-")
    dossier.refresh_from_db()
    assert dossier.state == DossierState.SCORED
