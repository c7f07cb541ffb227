"""The import preview's checks at their edges: where the header row may stand, the decision date
against today and the validity date, the star band's own top, and the duplicates within one file
or against the portal."""

import datetime
import io
import zipfile
from decimal import Decimal

import pytest
from openpyxl import Workbook

from reports.imports import preview_import

from .test_import import HEADERS, _row, _xlsx


def _errors(preview) -> list[list[str]]:
    return [row.errors for row in preview.rows]


def _xlsx_below(title_lines: list[list], *rows: dict) -> bytes:
    """A register whose column headers sit below a few title lines, as printed registers do."""
    workbook = Workbook()
    sheet = workbook.active
    for line in title_lines:
        sheet.append(line)
    sheet.append(HEADERS)
    for row in rows:
        sheet.append([row.get(header) for header in HEADERS])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.mark.django_db
def test_headers_below_title_lines_are_found_and_rows_numbered_as_in_the_sheet(areas, today):
    titles = [
        ["SỔ THEO DÕI SẢN PHẨM OCOP"],
        ["Tỉnh Hưng Yên"],
        [],
        ["Số giấy chứng nhận", "Ghi chú"],
    ]
    content = _xlsx_below(
        titles,
        _row(),
        {},
        _row(**{"Số giấy chứng nhận": "X-2", "Tên sản phẩm": "Chè", "Số sao": 6}),
    )

    preview = preview_import(content, province_id=33)

    assert preview.file_errors == []
    # Header on line 5, the empty line 7 skipped, line 8 named in its error.
    assert [row.line for row in preview.rows] == [6, 8]
    assert preview.rows[1].errors == [
        "Dòng 8, cột “Số sao”: hãy ghi 3, 4 hoặc 5: chỉ các hạng này được công nhận."
    ]


@pytest.mark.django_db
def test_headers_are_looked_for_in_the_first_ten_lines_only(areas, today):
    on_ten = preview_import(_xlsx_below([["Sổ"]] * 9, _row()), province_id=33)
    on_eleven = preview_import(_xlsx_below([["Sổ"]] * 10, _row()), province_id=33)

    assert (on_ten.file_errors, [row.line for row in on_ten.rows]) == ([], [11])
    assert on_eleven.rows == []
    assert on_eleven.file_errors[0] == "Tệp thiếu cột “Số giấy chứng nhận”. Hãy dùng tệp mẫu."


@pytest.mark.django_db
def test_a_file_with_headers_and_no_rows_says_so(areas, today):
    preview = preview_import(_xlsx(), province_id=33)

    assert preview.file_errors == ["Tệp không có dòng dữ liệu nào dưới dòng tiêu đề."]
    assert (preview.has_errors, preview.can_commit) == (True, False)


@pytest.mark.django_db
def test_a_decision_of_today_is_accepted_and_of_tomorrow_refused(areas, today):
    tomorrow = today + datetime.timedelta(days=1)
    content = _xlsx(
        _row(**{"Ngày quyết định": today.strftime("%d/%m/%Y")}),
        _row(**{"Số giấy chứng nhận": "T-2", "Tên sản phẩm": "Chè",
                "Ngày quyết định": tomorrow.strftime("%d/%m/%Y")}),
    )  # fmt: skip

    preview = preview_import(content, province_id=33)

    assert _errors(preview) == [
        [],
        ["Dòng 3, cột “Ngày quyết định”: ngày quyết định ở tương lai."],
    ]


@pytest.mark.django_db
def test_validity_must_end_after_the_decision_day_itself(areas, today):
    content = _xlsx(
        _row(**{"Hiệu lực đến": "15/09/2023"}),
        _row(**{"Số giấy chứng nhận": "V-2", "Tên sản phẩm": "Chè", "Hiệu lực đến": "16/09/2023"}),
    )

    preview = preview_import(content, province_id=33)

    assert _errors(preview) == [
        ["Dòng 2, cột “Hiệu lực đến”: ngày này phải sau ngày quyết định."],
        [],
    ]
    assert preview.rows[1].values["valid_until"] == datetime.date(2023, 9, 16)


@pytest.mark.django_db
def test_stars_at_the_top_of_the_scores_band_are_accepted(areas, today):
    content = _xlsx(
        _row(**{"Số sao": 4, "Điểm": "89,99"}),
        _row(**{"Số giấy chứng nhận": "S-2", "Tên sản phẩm": "Chè", "Số sao": 5, "Điểm": 90}),
    )

    preview = preview_import(content, province_id=33)

    assert _errors(preview) == [[], []]


@pytest.mark.django_db
def test_the_same_product_twice_in_one_year_of_a_file_is_refused(areas, today):
    content = _xlsx(
        _row(),
        _row(**{"Số giấy chứng nhận": "Y-2", "Tên sản phẩm": "NHÃN LỒNG HƯNG YÊN",
                "Ngày quyết định": "01/12/2023"}),
        _row(**{"Số giấy chứng nhận": "Y-3", "Ngày quyết định": "01/12/2024"}),
    )  # fmt: skip

    preview = preview_import(content, province_id=33)

    assert _errors(preview) == [
        [],
        [
            "Dòng 3, cột “Ngày quyết định”: sản phẩm này đã có một quyết định công nhận năm 2023 "
            "ở dòng 2."
        ],
        [],
    ]


@pytest.mark.django_db
def test_one_product_code_claimed_by_two_products_of_a_file_is_refused_on_the_second(areas, today):
    code = "33-11977-009-2023"
    content = _xlsx(
        _row(**{"Mã số sản phẩm": code}),
        _row(**{"Số giấy chứng nhận": "P-2", "Tên sản phẩm": "Chè", "Mã số sản phẩm": code}),
        _row(**{"Số giấy chứng nhận": "P-3", "Mã số sản phẩm": code,
                "Ngày quyết định": "01/12/2024"}),
    )  # fmt: skip

    preview = preview_import(content, province_id=33)

    assert _errors(preview) == [
        [],
        [f"Dòng 3, cột “Mã số sản phẩm”: mã số sản phẩm {code} thuộc về một sản phẩm khác."],
        [],
    ]


@pytest.mark.django_db
def test_a_score_a_formula_computes_is_read_as_the_value_excel_saved(areas, today):
    """Registers add the members' marks up with a formula; Excel saves its result beside it."""
    content = _xlsx(_row(Điểm="=70+5.5"))
    with zipfile.ZipFile(io.BytesIO(content)) as original:
        files = {name: original.read(name) for name in original.namelist()}
    sheet = "xl/worksheets/sheet1.xml"
    assert b"<f>70+5.5</f><v></v>" in files[sheet]
    files[sheet] = files[sheet].replace(b"<f>70+5.5</f><v></v>", b"<f>70+5.5</f><v>75.5</v>")
    saved = io.BytesIO()
    with zipfile.ZipFile(saved, "w") as workbook:
        for name, data in files.items():
            workbook.writestr(name, data)

    preview = preview_import(saved.getvalue(), province_id=33)

    assert (preview.rows[0].errors, preview.rows[0].values["average"]) == ([], Decimal("75.50"))


@pytest.mark.django_db
def test_an_empty_workbook_is_told_which_columns_it_lacks(areas, today):
    buffer = io.BytesIO()
    Workbook().save(buffer)

    preview = preview_import(buffer.getvalue(), province_id=33)

    assert preview.rows == []
    assert preview.file_errors[:2] == [
        "Tệp thiếu cột “Số giấy chứng nhận”. Hãy dùng tệp mẫu.",
        "Tệp thiếu cột “Tên sản phẩm”. Hãy dùng tệp mẫu.",
    ]


@pytest.mark.django_db
def test_a_file_of_three_columns_is_told_only_the_columns_it_lacks(areas, today):
    content = _xlsx(_row(), headers=HEADERS[:3])

    preview = preview_import(content, province_id=33)

    missing = [error.split("“")[1].split("”")[0] for error in preview.file_errors]
    assert missing == [
        "Loại hình chủ thể", "Mã số thuế", "Mã xã", "Bộ sản phẩm", "Số sao", "Điểm",
        "Số quyết định", "Ngày quyết định",
    ]  # fmt: skip
