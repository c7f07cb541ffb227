"""The Excel exports open with openpyxl and hold the right rows for the viewer's area;
the catalogue CSV streams the open-data rows."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from openpyxl import load_workbook

from certificates.models import CertificateStatus
from councils.models import ScoreSheet
from criteria.scoring import load_criteria_set
from dossiers.models import DossierState
from producers.models import ProducerKind
from reports.exports import DOSSIER_HEADERS, RECOGNISED_HEADERS
from tests import factories

RECOGNISED = reverse("reports:export-recognised")


def _vietnamese(choice) -> str:
    with translation.override("vi"):
        return str(choice.label)


def _workbook(response):
    content = b"".join(response.streaming_content)
    return load_workbook(io.BytesIO(content), read_only=True)


def _rows(sheet, skip: int = 0) -> list[tuple]:
    """The sheet's rows after ``skip``; trailing empty cells are not stored, so pad them."""
    rows = list(sheet.iter_rows(min_row=skip + 1, values_only=True))
    width = max((len(row) for row in rows), default=0)
    return [tuple(row) + (None,) * (width - len(row)) for row in rows]


@pytest.mark.django_db
def test_provincial_office_exports_recognised_products_in_the_report_layout(
    client, provincial_office, recognitions
):
    client.force_login(provincial_office)

    response = client.get(RECOGNISED)

    sheet = _workbook(response).active
    rows = _rows(sheet)
    home = recognitions["home_4"]
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert rows[0][0] == "DANH SÁCH SẢN PHẨM OCOP ĐƯỢC CÔNG NHẬN (CÒN HIỆU LỰC)"
    assert rows[2] == RECOGNISED_HEADERS
    assert [row[0] for row in rows[3:]] == [1, 2, 3, 4]
    assert sorted(row[1] for row in rows[3:]) == sorted(
        recognitions[key].product.name for key in ("home_4", "home_3", "neighbour_5", "far_3")
    )
    home_row = next(row for row in rows[3:] if row[1] == home.product.name)
    assert home_row[2:] == (
        home.product.producer.name,
        f"{home.product.producer.commune.name}, Huyện Khoái Châu",
        "4. Mật ong, mật khác và nông sản thực phẩm khác",
        4,
        75,
        home.decision_number,
        datetime.datetime(2025, 9, 1),
        datetime.datetime(2028, 9, 1),
        home.product_code,
    )


@pytest.mark.django_db
def test_district_officer_exports_only_their_area(client, district_officer, recognitions):
    client.force_login(district_officer)

    response = client.get(RECOGNISED)

    names = [row[1] for row in _rows(_workbook(response).active, skip=3)]
    assert sorted(names) == sorted(
        recognitions[key].product.name for key in ("home_4", "home_3", "neighbour_5")
    )


@pytest.fixture
def scored_round(areas, producer_org, far_commune):
    """A round in council with two scored dossiers (one in Kim Động) and a draft."""
    round_ = factories.RoundFactory(name="Đợt 1 năm 2026")
    council = factories.CouncilFactory(round=round_)
    members = [
        factories.CouncilMemberFactory(council=council, user__full_name=name).user
        for name in ("Bùi Văn Sơn", "Ngô Thị Lan")
    ]
    codes = [c.code for c in load_criteria_set("26/2026", 4).leaf_criteria()]
    home = factories.CouncilResultFactory(
        dossier__round=round_, dossier__council=council, dossier__product__producer=producer_org,
        dossier__product__name="Mật ong hoa nhãn Khoái Châu",
    )  # fmt: skip
    far = factories.CouncilResultFactory(
        dossier__round=round_, dossier__council=council,
        dossier__product__producer__commune=far_commune, dossier__product__name="Nhãn lồng",
        average=Decimal("55.00"), stars=3,
    )  # fmt: skip
    now = timezone.now()
    for result in (home, far):
        ScoreSheet.objects.create(
            dossier=result.dossier, member=members[0], points_by_code={codes[0]: 3, codes[1]: 2},
            total=Decimal("72.50"), submitted_at=now,
        )  # fmt: skip
        ScoreSheet.objects.create(
            dossier=result.dossier, member=members[1], conflict_of_interest=True, submitted_at=now
        )
    factories.DossierFactory(round=round_, product__producer=producer_org)  # a draft
    return round_, codes


@pytest.mark.django_db
def test_provincial_office_exports_every_members_points_per_criterion(
    client, provincial_office, scored_round
):
    round_, codes = scored_round
    client.force_login(provincial_office)

    response = client.get(reverse("reports:export-round-results", args=[round_.pk]))

    workbook = _workbook(response)
    assert workbook.sheetnames == ["Kết quả", "Bộ 04", "Tiêu chí"]
    summary = _rows(workbook["Kết quả"], skip=3)
    assert [(r[1], r[7], r[8]) for r in summary] == [
        ("Mật ong hoa nhãn Khoái Châu", 72.5, 4),
        ("Nhãn lồng", 55, 3),
    ]
    sheet = _rows(workbook["Bộ 04"], skip=1)
    assert sheet[0][:8] == (
        "STT", "Tên sản phẩm", "Chủ thể", "Thành viên hội đồng", "Xung đột lợi ích", "Tổng điểm",
        codes[0], codes[1],
    )  # fmt: skip
    assert len(sheet[0]) == 6 + len(codes)
    assert [(r[0], r[1], r[3], r[4], r[5], r[6], r[7], r[8]) for r in sheet[1:]] == [
        (1, "Mật ong hoa nhãn Khoái Châu", "Bùi Văn Sơn", "Không", 72.5, 3, 2, None),
        (1, "Mật ong hoa nhãn Khoái Châu", "Ngô Thị Lan", "Có", None, None, None, None),
        (2, "Nhãn lồng", "Bùi Văn Sơn", "Không", 72.5, 3, 2, None),
        (2, "Nhãn lồng", "Ngô Thị Lan", "Có", None, None, None, None),
    ]
    key = _rows(workbook["Tiêu chí"], skip=1)
    assert [row[1] for row in key] == codes


@pytest.mark.django_db
def test_district_officer_round_results_hold_only_their_dossiers(
    client, district_officer, scored_round
):
    round_, _codes = scored_round
    client.force_login(district_officer)

    response = client.get(reverse("reports:export-round-results", args=[round_.pk]))

    workbook = _workbook(response)
    assert [r[1] for r in _rows(workbook["Kết quả"], skip=3)] == ["Mật ong hoa nhãn Khoái Châu"]
    # Members' sheets follow the sheet pages' predicate: never a local officer's to read.
    assert "Bộ 04" not in workbook.sheetnames


@pytest.mark.django_db
def test_provincial_office_exports_a_rounds_dossiers_with_their_states(
    client, provincial_office, scored_round
):
    round_, _codes = scored_round
    client.force_login(provincial_office)

    response = client.get(reverse("reports:export-round-dossiers", args=[round_.pk]))

    rows = _rows(_workbook(response).active, skip=2)
    kind, state = _vietnamese(ProducerKind.COOPERATIVE), _vietnamese(DossierState.SCORED)
    assert rows[0] == DOSSIER_HEADERS
    assert [(r[1], r[3], r[8], r[10], r[11]) for r in rows[1:]] == [
        ("Mật ong hoa nhãn Khoái Châu", kind, state, 72.5, 4),
        ("Nhãn lồng", kind, state, 55, 3),
    ]


@pytest.mark.django_db
def test_labels_are_vietnamese_when_the_office_browses_in_english(
    client, provincial_office, scored_round, settings
):
    round_, _codes = scored_round
    client.force_login(provincial_office)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    response = client.get(reverse("reports:export-round-dossiers", args=[round_.pk]))
    rows = _rows(_workbook(response).active, skip=3)

    assert {(r[3], r[8]) for r in rows} == {
        (_vietnamese(ProducerKind.COOPERATIVE), _vietnamese(DossierState.SCORED))
    }
    # The rows are written while the response streams, one block at a time in Vietnamese; the
    # request's language is back once the file is sent.
    assert translation.get_language() == "en"


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["reports:export-round-results", "reports:export-round-dossiers"])
def test_provincial_office_gets_404_for_another_provinces_round(client, provincial_office, name):
    elsewhere = factories.RoundFactory(province_id=1)
    client.force_login(provincial_office)

    response = client.get(reverse(name, args=[elsewhere.pk]))

    assert response.status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["producer", "stranger", "council_member"])
def test_outsiders_get_404_on_exports(client, request, persona, scored_round):
    round_, _codes = scored_round
    client.force_login(request.getfixturevalue(persona))

    responses = [
        client.get(RECOGNISED),
        client.get(reverse("reports:export-round-results", args=[round_.pk])),
        client.get(reverse("reports:export-round-dossiers", args=[round_.pk])),
    ]

    assert [r.status_code for r in responses] == [404, 404, 404]


@pytest.mark.django_db
@pytest.mark.parametrize("item_count", [1, 3])
def test_recognised_export_query_count_is_constant(
    client, provincial_office, certify, home_commune, item_count, django_assert_num_queries
):
    for _index in range(item_count):
        certify(home_commune)
    client.force_login(provincial_office)

    with django_assert_num_queries(4):
        response = client.get(RECOGNISED)
        rows = _rows(_workbook(response).active, skip=3)  # read while the response streams

    assert len(rows) == item_count


@pytest.mark.django_db
@pytest.mark.parametrize("item_count", [1, 3])
def test_round_results_export_query_count_is_constant(
    client, provincial_office, producer_org, item_count, django_assert_num_queries
):
    round_ = factories.RoundFactory()
    for _index in range(item_count):
        result = factories.CouncilResultFactory(
            dossier__round=round_, dossier__product__producer=producer_org
        )
        ScoreSheet.objects.create(
            dossier=result.dossier, member=result.closed_by, total=Decimal(70),
            submitted_at=timezone.now(),
        )  # fmt: skip
    client.force_login(provincial_office)

    with django_assert_num_queries(6):
        response = client.get(reverse("reports:export-round-results", args=[round_.pk]))
        rows = _rows(_workbook(response)["Bộ 04"], skip=2)  # read while the response streams

    assert len(rows) == item_count


@pytest.mark.django_db
def test_anyone_downloads_the_catalogue_as_csv(client, recognitions):
    response = client.get(reverse("reports:catalogue-csv"), {"stars": 3})

    text = b"".join(response.streaming_content).decode("utf-8")
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    far = recognitions["far_3"]
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert rows[0][:4] == ["Số giấy chứng nhận", "Mã số sản phẩm", "Tên sản phẩm", "Số sao"]
    assert sorted(row[0] for row in rows[1:]) == sorted([recognitions["home_3"].number, far.number])
    far_row = next(row for row in rows if row[0] == far.number)
    assert far_row[5:] == [
        _vietnamese(ProducerKind.COOPERATIVE),
        far.product.producer.commune.name,
        "Huyện Kim Động",
        "Tỉnh Hưng Yên",
        "21. Thủ công mỹ nghệ gia dụng, trang trí",
        far.decision_number,
        "01/09/2025",
        "01/09/2028",
        "",  # no Art. 12.3 extension
        _vietnamese(CertificateStatus.VALID),
        f"http://127.0.0.1:8000/catalogue/verify/{far.number}/",
    ]
