"""The minutes of the session and the proposal to the approver, as Vietnamese PDFs, and who may
download them."""

import io
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from certificates.session_documents import render_minutes_pdf, render_proposal_pdf
from councils.models import ScoreSheet
from councils.services import declare_conflict
from councils.session_board import proposed_decision
from councils.sessions import record_discussion
from dossiers.models import DossierState
from tests import factories

from .conftest import submitted_sheet

pytestmark = pytest.mark.django_db


def _text(pdf: bytes) -> str:
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    return " ".join(text.split())


@pytest.fixture
def scored(dossier, chair, secretary, council_member, second_member, in_session):
    submitted_sheet(dossier, chair, 92)
    submitted_sheet(dossier, secretary, 80)
    submitted_sheet(dossier, council_member, 78)
    declare_conflict(dossier, member=second_member, note="Cổ đông của hợp tác xã")
    record_discussion(in_session.items.get(), by=chair, note="Giữ nguyên kết quả chấm")
    return in_session


def test_minutes_record_attendance_results_discussion_and_exclusions(scored):
    text = _text(render_minutes_pdf(scored))

    assert "BIÊN BẢN HỌP HỘI ĐỒNG" in text
    assert "Hội trường UBND tỉnh" in text
    assert "Có mặt 4 trên 4 thành viên chấm điểm; cần 3 thành viên để đủ số." in text
    assert "Mật ong hoa nhãn Khoái Châu" in text
    assert "Điểm trung bình: 83,33 điểm" in text
    assert "Giữ nguyên kết quả chấm" in text
    assert "Lý Văn Hai — xung đột lợi ích: Cổ đông của hợp tác xã" in text
    assert "CHỦ TỊCH HỘI ĐỒNG" in text
    assert "Đặng Văn Chủ" in text


def test_proposal_lists_each_product_with_its_average_and_proposed_decision(
    in_session, council, dossier, producer_org
):
    low = factories.DossierFactory(
        round=council.round,
        product__producer=producer_org,
        product__name="Nhãn lồng sấy khô",
        state=DossierState.IN_SCORING,
        council=council,
    )
    for seat in council.members.exclude(role="adviser"):
        submitted_sheet(dossier, seat.user, 100)
        submitted_sheet(low, seat.user, 40)
    in_session.items.create(dossier=low, position=2)

    text = _text(render_proposal_pdf(in_session))

    assert "TỜ TRÌNH" in text
    assert (
        "1 Mật ong hoa nhãn Khoái Châu Hợp tác xã Mật ong Khoái Châu, Xã Khoái Châu 100,00 5 sao "
        "Đề nghị Bộ đánh giá, công nhận 5 sao"
    ) in text
    assert (
        "2 Nhãn lồng sấy khô Hợp tác xã Mật ong Khoái Châu, Xã Khoái Châu 40,00 2 sao "
        "Không công nhận: gửi thông báo bằng văn bản"
    ) in text


@pytest.mark.parametrize(
    ("average", "stars", "decision"),
    [
        ("95.00", 5, "nominate"),
        ("92.00", 4, "nominate"),  # Art. 7.3.e: 90 points go forward, a 5★ minimum missed or not
        ("75.00", 4, "recognise"),
        ("55.00", 3, "recognise"),
        ("45.00", 2, "notice"),
        ("80.00", 0, "notice"),  # knocked out
    ],
)
def test_proposed_decision_follows_the_approval_rules(average, stars, decision):
    result = SimpleNamespace(average=Decimal(average), stars=stars)

    assert proposed_decision(result) == decision


@pytest.mark.parametrize("name", ["session-minutes", "session-proposal"])
@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("chair", 200),
        ("secretary", 200),
        ("provincial_office", 200),
        ("approver", 200),
        ("council_member", 404),
        ("adviser", 404),
        ("stranger", 404),
    ],
)
def test_session_documents_are_for_the_chair_the_secretary_and_the_province(
    client, request, scored, name, persona, status
):
    client.force_login(request.getfixturevalue(persona))

    response = client.get(reverse(f"evaluations:{name}", kwargs={"pk": scored.pk}))

    assert response.status_code == status
    if status == 200:
        assert response["Content-Type"] == "application/pdf"


def test_proposal_nominates_99_points_rated_lower_and_lists_the_5_star_minimum_it_misses(
    in_session, council, dossier, criteria_set, today
):
    best = {c.code: max(o.points for o in c.options) for c in criteria_set.leaf_criteria()}
    # 99 points; 2.3 (labelling) below its 4★ and 5★ marks, so rated 3★ here.
    points = {code: str(p) for code, p in (best | {"2.3": Decimal(2)}).items()}
    for seat in council.members.exclude(role="adviser"):
        ScoreSheet.objects.create(
            dossier=dossier,
            member=seat.user,
            points_by_code=points,
            total=Decimal(99),
            submitted_at=timezone.now(),
        )

    proposal = _text(render_proposal_pdf(in_session))
    minutes = _text(render_minutes_pdf(in_session))

    assert "99,00 3 sao Đề nghị Bộ đánh giá, công nhận 5 sao" in proposal
    missing = (
        "Các tiêu chí chưa đạt mức tối thiểu 5 sao, để Hội đồng Trung ương xem xét: "
        "2.3 Phong cách, ghi nhãn hàng hóa"
    )
    assert missing in proposal
    assert missing in minutes
