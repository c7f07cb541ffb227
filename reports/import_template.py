"""The layout of the certificate import spreadsheet, and the template users download.

The headers are Vietnamese, as in the provinces' own registers; they are matched ignoring case,
diacritics and a trailing "*", so a header typed "ma so thue" is still found.
"""

import datetime
from dataclasses import dataclass

from openpyxl import Workbook

from ocop_portal.text import fold
from producers.models import ProducerKind

from .exports import SheetWriter


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    required: bool = True
    help: str = ""


COLUMNS = (
    Column("number", "Số giấy chứng nhận", help="Số ghi trên giấy, ví dụ OCOP-33-2023-0012."),
    Column("product_name", "Tên sản phẩm"),
    Column("producer_name", "Tên chủ thể"),
    Column("producer_kind", "Loại hình chủ thể",
           help="HTX, Tổ hợp tác, Doanh nghiệp, Trang trại hoặc Hộ kinh doanh."),
    Column("tax_code", "Mã số thuế", help="10 chữ số, hoặc 10 chữ số-3 chữ số cho chi nhánh."),
    Column("commune", "Mã xã", help="Mã xã, phường sau sắp xếp 2025 (ví dụ 11977)."),
    Column("criteria_set", "Bộ sản phẩm", help="Số thứ tự bộ tiêu chí, từ 1 đến 26."),
    Column("stars", "Số sao", help="3, 4 hoặc 5."),
    Column("average", "Điểm", help="Điểm trung bình của hội đồng, từ 50 đến 100."),
    Column("decision_number", "Số quyết định"),
    Column("decision_date", "Ngày quyết định", help="dd/mm/yyyy."),
    Column("valid_until", "Hiệu lực đến", required=False,
           help="dd/mm/yyyy; để trống: 36 tháng kể từ ngày quyết định."),
    Column("product_code", "Mã số sản phẩm", required=False,
           help="Để trống nếu chưa có: cổng sẽ cấp mã."),
    Column("address_line", "Địa chỉ", required=False, help="Số nhà, thôn, xóm."),
    Column("representative", "Người đại diện", required=False),
    Column("phone", "Điện thoại", required=False),
)  # fmt: skip

# The example row's certificate number: a row still carrying it is refused, not imported.
EXAMPLE_NUMBER = "VD-0001"
EXAMPLE_ROW = (
    EXAMPLE_NUMBER, "Nhãn lồng Hưng Yên", "Hợp tác xã Nhãn lồng Tân Hưng", "HTX", "0901234501",
    11977, 1, 4, 75.5, "1234/QĐ-UBND", datetime.date(2023, 9, 15), None, "", "Thôn Đông",
    "Nguyễn Văn An", "0912345678",
)  # fmt: skip

NOTES = (
    f"Xóa dòng ví dụ (số giấy chứng nhận {EXAMPLE_NUMBER}) trước khi tải lên.",
    "Giấy chứng nhận đã có trên cổng (cùng số) được giữ nguyên, không nhập lại.",
    "Lỗi ở bất kỳ dòng nào: không dòng nào được nhập. Sửa tệp rồi tải lên lại.",
)

KIND_WORDS = {
    fold(word): kind
    for kind, words in {
        ProducerKind.COOPERATIVE: ("HTX", "Hợp tác xã", "cooperative"),
        ProducerKind.COOPERATIVE_GROUP: ("THT", "Tổ hợp tác", "cooperative_group"),
        ProducerKind.ENTERPRISE: ("Doanh nghiệp", "Công ty", "DN", "enterprise"),
        ProducerKind.FARM: ("Trang trại", "farm"),
        ProducerKind.HOUSEHOLD: ("Hộ kinh doanh", "Hộ sản xuất", "HKD", "household"),
    }.items()
    for word in words
}


def template_workbook() -> Workbook:
    """The import template: the header row and one example row, and a sheet of instructions."""
    workbook = Workbook(write_only=True)
    data = SheetWriter(
        workbook,
        "Giấy chứng nhận",
        [f"{c.header} *" if c.required else c.header for c in COLUMNS],
        widths=(22, 32, 32, 16, 16, 10, 12, 8, 8, 18, 16, 16, 20, 24, 22, 14),
    )
    data.append(EXAMPLE_ROW)
    guide = SheetWriter(workbook, "Hướng dẫn", ("Cột", "Bắt buộc", "Cách ghi"), widths=(24, 10, 70))
    for column in COLUMNS:
        guide.append([column.header, "Có" if column.required else "Không", column.help])
    guide.append([])
    for note in NOTES:
        guide.append(["Lưu ý", "", note])
    return workbook
