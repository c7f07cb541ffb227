"""The approver's approval screen (issue 20): signed in with password and authenticator code, the
approver lands on the first result awaiting a decision, reads the council's proposal and the
consolidated sheet beside the decision, and recognises the product with a decision."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from accounts.models import Role
from certificates.models import Certificate
from councils.models import ScoreSheet
from councils.services import form_council
from councils.sessions import close_session, open_session
from criteria import scoring
from dossiers.models import DossierState
from evaluations.transitions import close_scoring
from tests import factories
from tests.e2e.conftest import sign_in
from tests.e2e.test_full_journey import CRITERIA_SET, _four_star_choices, _points

pytestmark = pytest.mark.e2e

PRODUCT = "Cá chép Koi Tân Hưng"


def _person(email, name, role, **fields):
    return factories.UserFactory(email=email, full_name=name, role=role, province_id=33, **fields)


@pytest.mark.django_db(transaction=True)
def test_the_approver_reads_the_proposal_and_sheet_and_approves(page, producer_org):
    chair = _person("chutich@example.vn", "Đỗ Mạnh Hùng", Role.COUNCIL_MEMBER)
    member = _person("uyvien@example.vn", "Bùi Văn Sơn", Role.COUNCIL_MEMBER)
    office = _person("vanphong@example.vn", "Vũ Thị Tâm", Role.PROVINCIAL_OFFICE, is_staff=True)
    approver = _person("lanhdao@example.vn", "Ngô Văn Duyệt", Role.APPROVER, is_staff=True)
    round_ = factories.RoundFactory(name="Đợt 2 năm 2026")
    council = form_council(
        round_, by=office, name="Hội đồng OCOP tỉnh Hưng Yên", chair=chair, members=[member]
    )
    dossier = factories.DossierFactory(
        round=round_,
        product__producer=producer_org,
        product__name=PRODUCT,
        product__criteria_set=CRITERIA_SET,
        state=DossierState.IN_SCORING,
        council=council,
        revision=1,
    )
    session = open_session(
        council,
        by=chair,
        held_on=datetime.date(2026, 9, 1),
        place="Hội trường UBND tỉnh",
        present=council.members.all(),
    )
    criteria_set = scoring.load_criteria_set("26/2026", CRITERIA_SET)
    points = _points(criteria_set, _four_star_choices(criteria_set))
    total = scoring.score(criteria_set, points).total
    for person in (chair, member):
        ScoreSheet.objects.create(
            dossier=dossier,
            member=person,
            points_by_code={code: str(value) for code, value in points.items()},
            total=total,
            submitted_at=timezone.now(),
        )
    close_scoring(dossier, by=chair)
    close_session(session, by=chair)
    dossier.refresh_from_db()
    assert (dossier.state, dossier.result.stars) == (DossierState.SCORED, 4)
    average = f"{dossier.result.average:.2f}".replace(".", ",")

    # Signing in lands on the approval screen of the result awaiting a decision.
    sign_in(page, approver.email, factories.PASSWORD)
    expect(page).to_have_url(re.compile(rf"/admin/councils/councilresult/{dossier.result.pk}/"))
    screen = page.locator("[data-role=approval-screen]")

    # The council's proposal: the product, its average and the decision proposed.
    proposal = screen.locator("[data-role=proposal]")
    expect(proposal).to_contain_text(PRODUCT)
    expect(proposal.locator("[data-role=average]")).to_contain_text(average)
    expect(proposal.locator("[data-role=proposed]")).to_contain_text(
        "Công nhận sản phẩm OCOP 4 sao"
    )
    expect(proposal.locator("[data-role=proposal-pdf]")).to_be_visible()

    # The consolidated sheet: each member's column and the council's average.
    sheet = screen.locator("[data-role=consolidated]")
    expect(sheet.get_by_role("columnheader", name="Đỗ Mạnh Hùng")).to_be_visible()
    expect(sheet.get_by_role("columnheader", name="Bùi Văn Sơn")).to_be_visible()
    expect(sheet.locator("[data-role=sheet-average]")).to_have_text(average)

    # The decision: recognition, the only rating the law allows here, with its decision.
    decision = screen.locator("[data-role=decision]")
    expect(decision.get_by_role("radio")).to_have_count(2)
    expect(decision.get_by_role("radio").first).to_be_checked()
    decision.get_by_label("Số quyết định").fill("1234/QĐ-UBND")
    decision.get_by_label("Ngày quyết định").fill("2026-09-10")
    decision.get_by_role("button", name="Ghi quyết định").click()

    expect(screen.locator("[data-role=state]")).to_have_text("Đã công nhận")
    dossier.refresh_from_db()
    certificate = Certificate.objects.get()
    assert dossier.state == DossierState.APPROVED
    assert (certificate.stars, certificate.decision_number) == (4, "1234/QĐ-UBND")
    assert dossier.events.last().action == "approve"
