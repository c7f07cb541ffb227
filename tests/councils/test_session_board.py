"""The chair's board of a sitting (the session page and the minutes read it): the seats in their
order, each scoring member's cell for each product (their own sheet, the possible conflicts seen),
the agenda in its order, and the "to discuss" mark of a product whose members' totals spread
beyond the council's limit until the chair records the discussion."""

import datetime

import pytest

from evaluations.conflicts import Reason
from evaluations.councils import declare_conflict, save_sheet_points, sheet_for
from evaluations.models import CouncilMember, CouncilRole, DossierState
from evaluations.sessions import open_session, record_discussion, session_board, set_agenda_order
from tests import factories

from .conftest import _person, submitted_sheet

pytestmark = pytest.mark.django_db


@pytest.fixture
def third_member(council):
    """Seated last, named first: the board orders members by name, not by seating."""
    user = _person("uyvien3@example.vn", "Cao Văn Ba")
    factories.CouncilMemberFactory(council=council, user=user, role=CouncilRole.MEMBER)
    return user


@pytest.fixture
def second_dossier(council, producer_org):
    return factories.DossierFactory(
        round=council.round,
        product__producer=producer_org,
        product__name="Mật ong hoa vải Thanh Hà",
        state=DossierState.IN_SCORING,
        council=council,
        revision=1,
    )


@pytest.fixture
def sitting(council, dossier, second_dossier, third_member, chair):
    return open_session(
        council,
        by=chair,
        held_on=datetime.date(2026, 9, 15),
        place="Hội trường UBND tỉnh",
        present=council.members.all(),
    )


def test_the_seats_are_grouped_by_role_and_by_name_within_a_role(sitting):
    board = session_board(sitting)

    assert [(seat.role, seat.user.full_name) for seat in board.seats] == [
        ("adviser", "Mai Thị Tư"),
        ("chair", "Đặng Văn Chủ"),
        ("member", "Cao Văn Ba"),
        ("member", "Hoàng Văn Hội"),
        ("member", "Lý Văn Hai"),
        ("secretary", "Bùi Thị Thư"),
    ]
    assert [seat.user.full_name for seat in board.scorers] == [
        "Đặng Văn Chủ",
        "Cao Văn Ba",
        "Hoàng Văn Hội",
        "Lý Văn Hai",
        "Bùi Thị Thư",
    ]


def test_each_scoring_members_cell_holds_their_own_sheet_and_their_possible_conflicts(
    sitting,
    dossier,
    second_dossier,
    chair,
    secretary,
    council_member,
    second_member,
    third_member,
):
    second_member.organisation = "Hợp tác xã Mật ong Khoái Châu"
    second_member.save()
    chairs = submitted_sheet(dossier, chair, 80)
    secretarys = submitted_sheet(dossier, secretary, 78)
    in_progress = save_sheet_points(sheet_for(dossier, council_member), points={"1.1": "2"})
    declared = declare_conflict(dossier, member=third_member, note="Con rể của chủ nhiệm HTX")
    on_second = submitted_sheet(second_dossier, council_member, 70)

    first, second = session_board(sitting).items

    organisation = (str(Reason.ORGANISATION),)
    assert [(seat.user, sheet, reasons) for seat, sheet, reasons in first.cells] == [
        (chair, chairs, ()),
        (third_member, declared, ()),
        (council_member, in_progress, ()),
        (second_member, None, organisation),
        (secretary, secretarys, ()),
    ]
    assert [(seat.user, sheet, reasons) for seat, sheet, reasons in second.cells] == [
        (chair, None, ()),
        (third_member, None, ()),
        (council_member, on_second, ()),
        (second_member, None, organisation),
        (secretary, None, ()),
    ]
    assert first.outcome.waiting_for == ["Hoàng Văn Hội", "Lý Văn Hai"]
    assert first.outcome.excluded == ["Cao Văn Ba"]
    assert str(first.outcome.result.average) == "79.00"


def test_the_session_page_shows_each_cell_and_the_possible_conflict(
    client, sitting, dossier, chair, council_member, second_member
):
    second_member.organisation = "Hợp tác xã Mật ong Khoái Châu"
    second_member.save()
    submitted_sheet(dossier, chair, 80)
    save_sheet_points(sheet_for(dossier, council_member), points={"1.1": "2"})
    client.force_login(chair)

    page = client.get(sitting.get_absolute_url())

    row = page.text.split(f'id="dossier-{dossier.pk}"')[1].split("</tr>")[0]
    cells = [" ".join(cell.split()) for cell in row.split('<td class="text-center small">')[1:]]
    assert len(cells) == 5  # chair, the three members by name, secretary
    assert '80,00 <span class="text-muted">đã ký</span>' in cells[0]
    assert "đang chấm" in cells[2]
    assert (
        'data-role="conflict-flag" title="làm việc tại tổ chức trùng tên với chủ thể"' in cells[3]
    )
    assert ["conflict-flag" in cell for cell in cells] == [False, False, False, True, False]
    assert ["chưa chấm" in cell for cell in cells] == [False, True, False, True, True]


def test_the_board_lists_the_agenda_in_the_order_the_chair_set(
    sitting, dossier, second_dossier, chair
):
    first_item, second_item = sitting.items.order_by("position")
    set_agenda_order(sitting, by=chair, positions={second_item.pk: 1, first_item.pk: 2})

    board = session_board(sitting)

    assert [item.dossier for item in board.items] == [second_dossier, dossier]


def _spread(dossier, chair, secretary, council_member, second_member, third_member, totals):
    for member, total in zip(
        (chair, secretary, council_member, second_member, third_member), totals, strict=True
    ):
        submitted_sheet(dossier, member, total)


def test_a_product_spread_beyond_the_limit_is_marked_to_discuss_until_the_chair_notes_it(
    sitting,
    dossier,
    second_dossier,
    chair,
    secretary,
    council_member,
    second_member,
    third_member,
):
    people = (chair, secretary, council_member, second_member, third_member)
    _spread(dossier, *people, (90, 70, 80, 80, 80))  # spread 20, the limit 10
    _spread(second_dossier, *people, (80, 78, 76, 75, 80))  # spread 5

    spread_out, within = session_board(sitting).items
    record_discussion(
        sitting.items.get(dossier=dossier), by=chair, note="Thống nhất giữ điểm trung bình."
    )
    discussed, _within = session_board(sitting).items

    assert (spread_out.spread_exceeded, spread_out.needs_discussion) == (True, True)
    assert (within.spread_exceeded, within.needs_discussion) == (False, False)
    assert (discussed.spread_exceeded, discussed.needs_discussion) == (True, False)
    assert [item.dossier for item in session_board(sitting).spread_list] == [dossier]


def test_a_product_without_a_counted_sheet_is_neither_spread_nor_to_discuss(sitting):
    board = session_board(sitting)

    assert [
        (item.outcome.result, item.spread_exceeded, item.needs_discussion) for item in board.items
    ] == [
        (None, False, False),
        (None, False, False),
    ]
    assert board.spread_list == []


def test_the_board_counts_the_quorum_of_those_present(sitting, council, chair, secretary):
    from evaluations.sessions import record_attendance

    record_attendance(
        sitting, by=chair, present=CouncilMember.objects.filter(user__in=[chair, secretary])
    )

    board = session_board(sitting)

    assert board.present_ids == {
        seat.pk for seat in CouncilMember.objects.filter(user__in=[chair, secretary])
    }
    # 5 scoring members, 2/3 of them rounded up: 4.
    assert (board.quorum.present, board.quorum.needed, board.quorum.met) == (2, 4, False)


def test_an_absent_members_admitted_written_sheet_counts_on_the_board_and_is_listed(
    client, sitting, council, dossier, chair, secretary, council_member, second_member, third_member
):
    from evaluations.sessions import admit_written_sheet, record_attendance

    for member, total in [
        (chair, 80),
        (secretary, 78),
        (council_member, 76),
        (third_member, 74),
        (second_member, 90),
    ]:
        submitted_sheet(dossier, member, total)
    absent = CouncilMember.objects.get(council=council, user=second_member)
    record_attendance(sitting, by=chair, present=council.members.exclude(pk=absent.pk))
    admit_written_sheet(sitting, by=secretary, member=absent, basis="Điều 9 Quy chế Hội đồng")
    client.force_login(chair)

    board = session_board(sitting)
    page = client.get(sitting.get_absolute_url())

    item = next(item for item in board.items if item.dossier == dossier)
    assert board.admitted_ids == {absent.pk}
    assert second_member in [sheet.member for sheet in item.outcome.counted]
    assert str(item.outcome.result.average) == "79.60"  # (80 + 78 + 76 + 74 + 90) / 5
    admitted = page.text.split('data-role="admitted">')[1].split("</ul>")[0]
    assert "Lý Văn Hai: phiếu bằng văn bản được chấp nhận" in admitted
