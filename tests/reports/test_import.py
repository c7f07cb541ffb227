"""Importing certificates recognised before the portal: template, preview with each row's errors,
an all-or-nothing commit, and re-imports that change nothing."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from certificates.models import Certificate
from dossiers.models import DossierState, Round, RoundState
from evaluations.models import DossierEvent
from producers.models import Producer, ProducerKind
from reports.import_template import COLUMNS, EXAMPLE_NUMBER
from reports.imports import preview_import
from reports.models import ImportBatch, ImportedCertificate

IMPORT = reverse("reports:import")
HEADERS = [column.header for column in COLUMNS]


def _row(**changes) -> dict:
    row = {
        "Số giấy chứng nhận": "OCOP-33-2023-0012",
        "Tên sản phẩm": "Nhãn lồng Hưng Yên",
        "Tên chủ thể": "Hợp tác xã Nhãn lồng Tân Hưng",
        "Loại hình chủ thể": "HTX",
        "Mã số thuế": "0901234501",
        "Mã xã": 11977,
        "Bộ sản phẩm": 1,
        "Số sao": 4,
        "Điểm": 75.5,
        "Số quyết định": "1234/QĐ-UBND",
        "Ngày quyết định": datetime.datetime(2023, 9, 15),
        "Hiệu lực đến": None,
        "Mã số sản phẩm": "",
        "Địa chỉ": "Thôn Đông",
        "Người đại diện": "Nguyễn Văn An",
        "Điện thoại": "0912345678",
    }
    row.update(changes)
    return row


def _xlsx(*rows: dict, headers=HEADERS) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(headers)
    for row in rows:
        sheet.append([row.get(header) for header in headers])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _upload(client, content: bytes, name: str = "cong-nhan-2023.xlsx"):
    return client.post(IMPORT, {"file": SimpleUploadedFile(name, content)}, follow=True)


def _errors(response) -> list[str]:
    return [error for row in response.context["preview"].rows for error in row.errors]


@pytest.mark.django_db
def test_provincial_office_downloads_a_template_with_headers_and_an_example(
    client, provincial_office
):
    client.force_login(provincial_office)

    response = client.get(reverse("reports:import-template"))

    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True)
    header, example = workbook["Giấy chứng nhận"].iter_rows(values_only=True)
    assert workbook.sheetnames == ["Giấy chứng nhận", "Hướng dẫn"]
    assert header[:3] == ("Số giấy chứng nhận *", "Tên sản phẩm *", "Tên chủ thể *")
    assert len(header) == len(COLUMNS)
    assert example[:2] == (EXAMPLE_NUMBER, "Nhãn lồng Hưng Yên")


@pytest.mark.django_db
def test_template_uploaded_unchanged_is_refused_on_its_example_row(client, provincial_office):
    client.force_login(provincial_office)
    template = b"".join(client.get(reverse("reports:import-template")).streaming_content)

    response = _upload(client, template)

    assert _errors(response) == [
        "Dòng 2, cột “Số giấy chứng nhận”: đây là dòng ví dụ của tệp mẫu; "
        "hãy xóa dòng này trước khi tải lên."
    ]


@pytest.mark.django_db
def test_provincial_office_previews_then_imports_a_file(client, provincial_office, today):
    client.force_login(provincial_office)
    content = _xlsx(
        _row(),
        _row(**{"Số giấy chứng nhận": "OCOP-33-2024-0003", "Tên sản phẩm": "Long nhãn sấy",
                "Số sao": 3, "Điểm": "64,25", "Ngày quyết định": "02/12/2024",
                "Mã số sản phẩm": "33-11977-007-2024"}),
    )  # fmt: skip

    preview = _upload(client, content)
    batch = preview.context["batch"]
    before = Certificate.objects.count()
    response = client.post(reverse("reports:import-commit", args=[batch.pk]), follow=True)

    assert [r.status for r in preview.context["preview"].rows] == ["new", "new"]
    assert before == 0
    first = Certificate.objects.get(number="OCOP-33-2023-0012")
    second = Certificate.objects.get(number="OCOP-33-2024-0003")
    assert (first.stars, first.average, first.decision_date, first.valid_until) == (
        4, Decimal("75.50"), datetime.date(2023, 9, 15), datetime.date(2026, 9, 15)
    )  # fmt: skip
    assert (second.stars, second.average, second.product_code) == (
        3, Decimal("64.25"), "33-11977-007-2024"
    )  # fmt: skip
    assert first.product_code == "33-11977-001-2023"
    producer = Producer.objects.get(tax_code="0901234501")
    assert (producer.kind, producer.commune_id, producer.phone) == (
        ProducerKind.COOPERATIVE, 11977, "0912345678"
    )  # fmt: skip
    assert first.product.producer == second.product.producer == producer
    assert first.dossier.state == DossierState.APPROVED
    assert (first.dossier.round.number, first.dossier.round.state, first.dossier.round.name) == (
        0, RoundState.CLOSED, "Công nhận trước khi có cổng - năm 2023"
    )  # fmt: skip
    event = DossierEvent.objects.get(dossier=first.dossier)
    assert (event.action, event.actor, event.to_state) == ("import", provincial_office, "approved")
    assert event.action_label != "import"  # the timeline names it, not the raw code
    batch.refresh_from_db()
    assert (batch.created_count, batch.unchanged_count, batch.committed_by) == (
        2, 0, provincial_office
    )  # fmt: skip
    assert sorted(ImportedCertificate.objects.values_list("row", flat=True)) == [2, 3]
    assert [m.message for m in response.context["messages"]] == [
        "Đã nhập 2 giấy chứng nhận. Số dòng đã có trên cổng: 0."
    ]


@pytest.mark.django_db
def test_imported_certificates_reach_the_catalogue_and_the_open_data(
    client, provincial_office, today
):
    client.force_login(provincial_office)
    batch = _upload(client, _xlsx(_row(**{"Ngày quyết định": "01/06/2025"}))).context["batch"]
    client.post(reverse("reports:import-commit", args=[batch.pk]))
    client.logout()

    response = client.get(reverse("reports:open-data"), {"q": "nhan long"})

    assert [r["certificate_number"] for r in response.json()["results"]] == ["OCOP-33-2023-0012"]


@pytest.mark.django_db
def test_reuploading_an_imported_file_changes_nothing(client, provincial_office, today):
    client.force_login(provincial_office)
    content = _xlsx(_row())
    batch = _upload(client, content).context["batch"]
    client.post(reverse("reports:import-commit", args=[batch.pk]), follow=True)

    response = _upload(client, content, name="lan-hai.xlsx")
    client.post(reverse("reports:import-commit", args=[batch.pk]))

    assert response.context["batch"] == batch
    assert [m.message for m in response.context["messages"]] == [
        f"Tệp này đã được nhập ngày {today:%d/%m/%Y}: không cần làm gì thêm."
    ]
    assert Certificate.objects.count() == 1
    assert ImportBatch.objects.count() == 1
    assert Round.objects.count() == 1


@pytest.mark.django_db
def test_rows_already_in_the_portal_are_left_unchanged(client, provincial_office, today):
    client.force_login(provincial_office)
    batch = _upload(client, _xlsx(_row())).context["batch"]
    client.post(reverse("reports:import-commit", args=[batch.pk]))
    imported = Certificate.objects.get()

    response = _upload(client, _xlsx(_row(**{"Số sao": 5, "Điểm": 95}), {}))

    assert [r.status for r in response.context["preview"].rows] == ["unchanged"]
    assert response.context["preview"].can_commit is False
    assert "Mọi dòng đều đã có trên cổng: không có gì để nhập." in response.text
    imported.refresh_from_db()
    assert imported.stars == 4


@pytest.mark.django_db
def test_bad_rows_get_a_message_naming_row_and_column_and_nothing_is_committed(
    client, provincial_office, other_province_commune, today
):
    client.force_login(provincial_office)
    content = _xlsx(
        _row(),
        _row(**{"Số giấy chứng nhận": "OCOP-33-2023-0012", "Tên sản phẩm": "Nhãn sấy"}),
        _row(**{"Số giấy chứng nhận": "A-1", "Mã số thuế": "12345", "Mã xã": 99999999,
                "Bộ sản phẩm": 27, "Tên sản phẩm": "", "Loại hình chủ thể": "Hội"}),
        _row(**{"Số giấy chứng nhận": "A-2", "Số sao": 5, "Điểm": 85,
                "Ngày quyết định": "31/02/2023", "Mã xã": other_province_commune.code}),
        _row(**{"Số giấy chứng nhận": "A-3", "Ngày quyết định": "01/01/2027",
                "Hiệu lực đến": "01/01/2026", "Số sao": 2, "Tên sản phẩm": "Chè"}),
    )  # fmt: skip

    preview = _upload(client, content)
    response = client.post(
        reverse("reports:import-commit", args=[preview.context["batch"].pk]), follow=True
    )

    assert [r.status for r in preview.context["preview"].rows] == [
        "new", "error", "error", "error", "error"
    ]  # fmt: skip
    commune = str(other_province_commune)  # "Xã …, tỉnh …"
    assert _errors(preview) == [
        "Dòng 3, cột “Số giấy chứng nhận”: số giấy chứng nhận OCOP-33-2023-0012 đã có ở dòng 2.",
        "Dòng 4, cột “Tên sản phẩm”: không được để trống.",
        "Dòng 4, cột “Loại hình chủ thể”: hãy ghi một trong các loại: HTX, Tổ hợp tác, "
        "Doanh nghiệp, Trang trại, Hộ kinh doanh.",
        "Dòng 4, cột “Mã số thuế”: mã số thuế gồm 10 chữ số, hoặc 10 chữ số, dấu gạch ngang và "
        "3 chữ số (ví dụ 0101234567-001).",
        "Dòng 4, cột “Bộ sản phẩm”: hãy ghi số thứ tự của bộ tiêu chí, từ 1 đến 26.",
        "Dòng 4, cột “Mã xã”: không có xã nào mang mã 99999999.",
        "Dòng 5, cột “Ngày quyết định”: hãy ghi ngày theo dạng dd/mm/yyyy, ví dụ 15/09/2023.",
        f"Dòng 5, cột “Mã xã”: {commune} không thuộc Tỉnh Hưng Yên.",
        "Dòng 5, cột “Số sao”: điểm 85,00 thuộc hạng 4 sao, không thể được công nhận 5 sao.",
        "Dòng 6, cột “Số sao”: hãy ghi 3, 4 hoặc 5: chỉ các hạng này được công nhận.",
        "Dòng 6, cột “Ngày quyết định”: ngày quyết định ở tương lai.",
        "Dòng 6, cột “Hiệu lực đến”: ngày này phải sau ngày quyết định.",
    ]
    assert [m.message for m in response.context["messages"]] == [
        "Tệp còn lỗi nên chưa nhập dòng nào. Hãy sửa các lỗi trước."
    ]
    assert Certificate.objects.count() == 0
    assert Producer.objects.count() == 0
    assert ImportBatch.objects.get().committed_at is None


@pytest.mark.django_db
def test_a_file_without_the_required_columns_is_refused(client, provincial_office):
    client.force_login(provincial_office)
    content = _xlsx({"Số giấy chứng nhận": "X"}, headers=HEADERS[:3] + HEADERS[5:])

    response = _upload(client, content)

    assert response.context["preview"].file_errors == [
        "Tệp thiếu cột “Loại hình chủ thể”. Hãy dùng tệp mẫu.",
        "Tệp thiếu cột “Mã số thuế”. Hãy dùng tệp mẫu.",
    ]


@pytest.mark.django_db
def test_a_file_that_is_not_a_workbook_is_refused(client, provincial_office):
    client.force_login(provincial_office)

    response = _upload(client, b"STT,Ten san pham\n1,Mat ong\n", name="danh-sach.xlsx")

    assert response.context["preview"].file_errors == [
        "Tệp không phải là tệp Excel (.xlsx). Hãy dùng tệp mẫu."
    ]


@pytest.mark.django_db
def test_tax_code_typed_as_a_number_gets_its_leading_zero_back(areas, today):
    content = _xlsx(_row(**{"Mã số thuế": 101234567, "Điểm": "70"}))

    preview = preview_import(content, province_id=33)

    assert (preview.rows[0].errors, preview.rows[0].values["tax_code"]) == ([], "0101234567")


@pytest.mark.django_db
@pytest.mark.parametrize("row_count", [1, 3])
def test_preview_query_count_does_not_grow_with_rows(
    areas, today, row_count, django_assert_num_queries
):
    rows = [_row(**{"Số giấy chứng nhận": f"B-{n}", "Mã số thuế": f"090123450{n}"})
            for n in range(row_count)]  # fmt: skip
    content = _xlsx(*rows)

    with django_assert_num_queries(4):
        preview = preview_import(content, province_id=33)

    assert [r.status for r in preview.rows] == ["new"] * row_count


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["approver", "district_officer", "producer", "council_member"])
def test_only_the_provincial_office_may_import(client, request, persona, provincial_office):
    client.force_login(provincial_office)
    batch = _upload(client, _xlsx(_row())).context["batch"]
    client.force_login(request.getfixturevalue(persona))

    responses = [
        client.get(IMPORT),
        client.get(reverse("reports:import-template")),
        client.get(reverse("reports:import-preview", args=[batch.pk])),
        client.post(reverse("reports:import-commit", args=[batch.pk])),
    ]

    assert [r.status_code for r in responses] == [404, 404, 404, 404]
    assert Certificate.objects.count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"Số sao": "4 sao"}, ("stars", 4)),
        ({"Số sao": "★★★★"}, ("stars", 4)),
        ({"Ngày quyết định": "15/9/2023"}, ("decision_date", datetime.date(2023, 9, 15))),
        ({"Ngày quyết định": "2023-09-15"}, ("decision_date", datetime.date(2023, 9, 15))),
        ({"Điểm": "72,5"}, ("average", Decimal("72.50"))),
        ({"Loại hình chủ thể": "hộ kinh doanh"}, ("producer_kind", ProducerKind.HOUSEHOLD)),
    ],
)
def test_cells_written_the_way_registers_write_them_are_read(areas, today, changes, expected):
    preview = preview_import(_xlsx(_row(**changes)), province_id=33)

    key, value = expected
    assert (preview.rows[0].errors, preview.rows[0].values[key]) == ([], value)
