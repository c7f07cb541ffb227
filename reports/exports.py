"""Excel and CSV exports, written through openpyxl's write-only mode and streamed.

Every cell goes through ``SheetWriter`` (XLSX) or ``csv_response`` (CSV), which make text that
looks like a formula harmless (``spreadsheet_safety``): names come from producers.

An export is a generator that writes its rows into the workbook it is given and yields after each
row; ``xlsx_stream`` runs it while the response is sent and passes on the file in blocks as the
rows are written (``streamed_xlsx``), so the first bytes leave at once and an export of 20,000
products costs neither memory nor a query per row: each export is one or two queries, iterated in
chunks. Column headers are the provincial report's, in Vietnamese, whatever the interface
language, and so are the labels in the cells (``translation.override("vi")``).
"""

import csv
import datetime
import tempfile
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal

from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone, translation
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from certificates.models import CertificateStatus
from councils.models import ScoreSheet
from criteria.scoring import ScoringError, load_criteria_set
from dossiers.models import DossierKind, DossierState
from producers.models import ProducerKind
from regions.collation import vietnamese_order

from . import permissions
from .open_data import certificate_record
from .selectors import criteria_set_label, recognised
from .spreadsheet_safety import csv_safe, looks_like_formula, xlsx_text_cell
from .streamed_xlsx import Pipe, StreamedWorkbook

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DATE_FORMAT = "DD/MM/YYYY"
SCORE_FORMAT = "0.00"
CHUNK = 2000
# What the response sends at a time: small enough that the first block leaves early, large
# enough that sending it costs little beside writing it.
BLOCK = 64 * 1024
BOLD = Font(bold=True)

RECOGNISED_HEADERS = (
    "STT", "Tên sản phẩm", "Chủ thể", "Địa chỉ (xã, huyện cũ)", "Bộ sản phẩm", "Số sao", "Điểm",
    "Số quyết định", "Ngày quyết định", "Hiệu lực đến", "Mã số sản phẩm",
)  # fmt: skip
SUMMARY_HEADERS = (
    "STT", "Tên sản phẩm", "Chủ thể", "Địa chỉ (xã, huyện cũ)", "Bộ sản phẩm", "Trạng thái",
    "Số phiếu tính điểm", "Điểm trung bình", "Số sao", "Số quyết định", "Số giấy chứng nhận",
)  # fmt: skip
SHEET_HEADERS = ("STT", "Tên sản phẩm", "Chủ thể", "Thành viên hội đồng", "Xung đột lợi ích",
                 "Tổng điểm")  # fmt: skip
DOSSIER_HEADERS = (
    "STT", "Tên sản phẩm", "Chủ thể", "Loại hình chủ thể", "Mã số thuế", "Địa chỉ (xã, huyện cũ)",
    "Bộ sản phẩm", "Loại hồ sơ", "Trạng thái", "Nộp lần cuối", "Điểm trung bình", "Số sao",
    "Số giấy chứng nhận",
)  # fmt: skip
CSV_HEADERS = (
    "Số giấy chứng nhận", "Mã số sản phẩm", "Tên sản phẩm", "Số sao", "Chủ thể",
    "Loại hình chủ thể", "Xã", "Huyện cũ", "Tỉnh", "Bộ sản phẩm", "Số quyết định",
    "Ngày quyết định", "Hiệu lực đến", "Gia hạn đến (khoản 3 Điều 12)", "Tình trạng",
    "Đường dẫn xác minh",
)  # fmt: skip


# ---- The library: one sheet writer, one streamed response ------------------------------------


class SheetWriter:
    """A write-only sheet: optional title lines, a bold header row frozen in place, then rows."""

    def __init__(self, workbook: Workbook, title: str, headers, *, preamble=(), widths=()):
        self.sheet = workbook.create_sheet(title[:31])
        for index, width in enumerate(widths, start=1):
            self.sheet.column_dimensions[get_column_letter(index)].width = width
        self.sheet.freeze_panes = f"A{len(preamble) + 2}"
        for line in preamble:
            self.sheet.append([self._cell(line, bold=True)])
        self.sheet.append([self._cell(header, bold=True) for header in headers])

    def _cell(self, value, *, bold: bool = False):
        if looks_like_formula(value):  # user text such as "=HYPERLINK(…)": text, never a formula
            cell = xlsx_text_cell(self.sheet, value)
            if bold:
                cell.font = BOLD
            return cell
        if isinstance(value, datetime.datetime):
            value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
        if not (bold or isinstance(value, datetime.date | Decimal | float)):
            return value
        cell = WriteOnlyCell(self.sheet, value=value)
        if bold:
            cell.font = BOLD
        elif isinstance(value, datetime.date):
            cell.number_format = DATE_FORMAT
        else:
            cell.number_format = SCORE_FORMAT
        return cell

    def append(self, values: Iterable) -> None:
        self.sheet.append([self._cell(value) for value in values])


def xlsx_response(workbook: Workbook, filename: str) -> FileResponse:
    """Save the workbook to an anonymous temporary file and stream it back in blocks."""
    # Not a context manager: FileResponse closes the file (and the OS deletes it) once sent.
    handle = tempfile.TemporaryFile()  # noqa: SIM115
    workbook.save(handle)
    handle.seek(0)
    return FileResponse(handle, as_attachment=True, filename=filename, content_type=XLSX)


def _write_block(rows: Iterator[None], pipe: Pipe) -> bool:
    """Write rows until a block is ready to send; False once every row is written.

    The language is switched for one block at a time: while the server sends a block, the view
    has long returned and the thread's language must be as it was.
    """
    with translation.override("vi"):
        for _row in rows:
            if pipe.size >= BLOCK:
                return True
    return False


def xlsx_stream(
    build: Callable[..., Iterator[None]], *args, filename: str
) -> StreamingHttpResponse:
    """Stream the workbook that ``build(workbook, *args)`` writes, in blocks as it writes it.

    ``build`` runs while the response is sent, after the view has returned: the view checks who
    may download first (a 404 is still a 404), and ``build`` reads its rows in chunks.
    """

    def content() -> Iterator[bytes]:
        workbook = StreamedWorkbook()
        rows = build(workbook, *args)
        while _write_block(rows, workbook.pipe):
            yield workbook.pipe.take()
        workbook.close()
        yield workbook.pipe.take()

    response = StreamingHttpResponse(content(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class _Echo:
    def write(self, value):
        return value


def csv_response(headers, rows: Iterable, filename: str) -> StreamingHttpResponse:
    """A UTF-8 CSV (with the byte-order mark Excel needs for Vietnamese), streamed row by row."""
    writer = csv.writer(_Echo())

    def lines() -> Iterator[str]:
        yield "\ufeff" + writer.writerow([csv_safe(value) for value in headers])
        for row in rows:
            yield writer.writerow([csv_safe(value) for value in row])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _label(choices, value) -> str:
    return str(choices(value).label)


def _address(commune: str, former_district: str | None) -> str:
    return f"{commune}, {former_district}" if former_district else commune


def _scope_line(user) -> str:
    area = user.jurisdiction
    return f"Phạm vi: {area}" if area is not None else "Phạm vi: toàn quốc"


# ---- The exports -------------------------------------------------------------------------------


def recognised_workbook(workbook: Workbook, user, today: datetime.date) -> Iterator[None]:
    """The recognised products (current certificates) in the layout of a provincial report."""
    writer = SheetWriter(
        workbook,
        "Sản phẩm OCOP",
        RECOGNISED_HEADERS,
        preamble=(
            "DANH SÁCH SẢN PHẨM OCOP ĐƯỢC CÔNG NHẬN (CÒN HIỆU LỰC)",
            f"{_scope_line(user)} — tính đến ngày {today:%d/%m/%Y}",
        ),
        widths=(6, 36, 32, 40, 36, 8, 8, 18, 14, 14, 20),
    )
    rows = (
        recognised(user, today)
        # The certified copy (issue 18): what each certificate states, not the live rows.
        .order_by("former_district_name", "commune_name", "product__name_folded", "number")
        .values_list(
            "product_name",
            "producer_name",
            "commune_name",
            "former_district_name",
            "criteria_decision",
            "criteria_set",
            "stars",
            "average",
            "decision_number",
            "decision_date",
            "valid_until",
            "product_code",
        )
    )
    for index, row in enumerate(rows.iterator(chunk_size=CHUNK), start=1):
        name, producer, commune, district, decision, number, *rest = row
        address = _address(commune, district)
        set_label = criteria_set_label(decision, number)
        writer.append([index, name, producer, address, set_label, *rest])
        yield


def _round_dossiers(user, round_):
    return permissions.dossiers_visible_to(user).filter(round=round_).order_by()


def round_results_workbook(workbook: Workbook, user, round_) -> Iterator[None]:
    """A round's results: a summary sheet, then one sheet per criteria set with a row per
    dossier and council member holding the points of every criterion, then a key to the codes."""
    summary = SheetWriter(
        workbook,
        "Kết quả",
        SUMMARY_HEADERS,
        preamble=(f"KẾT QUẢ ĐÁNH GIÁ, PHÂN HẠNG — {round_.name}", _scope_line(user)),
        widths=(6, 36, 32, 40, 36, 24, 10, 10, 8, 18, 20),
    )
    results = (
        _round_dossiers(user, round_)
        .filter(result__isnull=False)
        .order_by("product__criteria_set", vietnamese_order("product__name"), "pk")
        .values_list(
            "product__name",
            "product__producer__name",
            "product__producer__commune__name",
            "product__producer__commune__former_district__name",
            "product__criteria_set",
            "state",
            "result__member_totals",
            "result__average",
            "result__stars",
            "result__decision_number",
            "certificate__number",
        )
    )
    decision = round_.criteria_decision
    for index, row in enumerate(results.iterator(chunk_size=CHUNK), start=1):
        name, producer, commune, district, number, state, totals, *rest = row
        summary.append(
            [index, name, producer, _address(commune, district),
             criteria_set_label(decision, number), _label(DossierState, state),
             len(totals or {}), *rest]
        )  # fmt: skip
        yield
    sheets = (
        # The same scope as the sheet pages (``can_view_sheet``): a local officer, or a council
        # member who does not oversee the council, reads no one else's sheet here either.
        ScoreSheet.objects.visible_to(user)
        .filter(dossier__in=_round_dossiers(user, round_), submitted_at__isnull=False)
        .order_by(
            "dossier__product__criteria_set",
            "dossier__product__name_folded",
            "dossier_id",
            "member__full_name",
        )
        .values_list(
            "dossier__product__criteria_set",
            "dossier_id",
            "dossier__product__name",
            "dossier__product__producer__name",
            "member__full_name",
            "conflict_of_interest",
            "total",
            "points_by_code",
        )
    )
    writer, codes, sets_seen, index, last_dossier = None, [], [], 0, None
    for number, dossier_id, name, producer, member, conflict, total, points in sheets.iterator(
        chunk_size=CHUNK
    ):
        if number not in sets_seen:
            sets_seen.append(number)
            codes = [c.code for c in _leaf_criteria(decision, number)]
            writer = SheetWriter(
                workbook,
                f"Bộ {number:02d}",
                (*SHEET_HEADERS, *codes),
                preamble=(f"Bộ sản phẩm {criteria_set_label(decision, number)}",),
                widths=(6, 36, 32, 28, 10, 10),
            )
            index, last_dossier = 0, None
        if dossier_id != last_dossier:
            index, last_dossier = index + 1, dossier_id
        values = [] if conflict else [_points(points, code) for code in codes]
        writer.append(
            [index, name, producer, member, "Có" if conflict else "Không",
             None if conflict else total, *values]
        )  # fmt: skip
        yield
    _criteria_key(workbook, decision, sets_seen)


def _leaf_criteria(decision: str, number: int):
    try:
        return load_criteria_set(decision, number).leaf_criteria()
    except ScoringError:
        return ()


def _points(points_by_code: dict | None, code: str) -> Decimal | None:
    value = (points_by_code or {}).get(code)
    if value is None or isinstance(value, bool):
        return None
    try:
        return Decimal(str(value))
    except ArithmeticError:
        return None


def _criteria_key(workbook: Workbook, decision: str, numbers: list[int]) -> None:
    writer = SheetWriter(
        workbook,
        "Tiêu chí",
        ("Bộ sản phẩm", "Mã tiêu chí", "Tên tiêu chí", "Điểm tối đa"),
        widths=(36, 12, 60, 10),
    )
    for number in numbers:
        label = criteria_set_label(decision, number)
        for criterion in _leaf_criteria(decision, number):
            writer.append([label, criterion.code, criterion.title, criterion.max_points])


def round_dossiers_workbook(workbook: Workbook, user, round_) -> Iterator[None]:
    """Every dossier of a round the user may see, with its state and, when known, its result."""
    writer = SheetWriter(
        workbook,
        "Hồ sơ",
        DOSSIER_HEADERS,
        preamble=(f"DANH SÁCH HỒ SƠ — {round_.name}", _scope_line(user)),
        widths=(6, 36, 32, 22, 16, 40, 36, 22, 24, 14, 10, 8, 20),
    )
    rows = (
        _round_dossiers(user, round_)
        .order_by(vietnamese_order("product__name"), "pk")
        .values_list(
            "product__name",
            "product__producer__name",
            "product__producer__kind",
            "product__producer__tax_code",
            "product__producer__commune__name",
            "product__producer__commune__former_district__name",
            "product__criteria_set",
            "kind",
            "state",
            "submitted_at",
            "result__average",
            "result__stars",
            "certificate__number",
        )
    )
    decision = round_.criteria_decision
    for index, row in enumerate(rows.iterator(chunk_size=CHUNK), start=1):
        name, producer, kind, tax, commune, district, number, dossier_kind, state, *rest = row
        writer.append(
            [index, name, producer, _label(ProducerKind, kind), tax, _address(commune, district),
             criteria_set_label(decision, number), _label(DossierKind, dossier_kind),
             _label(DossierState, state), *rest]
        )  # fmt: skip
        yield


def catalogue_rows(certificates, today: datetime.date) -> Iterator[list]:
    """The open-data records as CSV rows; Vietnamese labels, dates as dd/mm/yyyy.

    A generator run while the response streams, so the labels are looked up before it starts.
    """
    with translation.override("vi"):
        kinds = {kind.value: str(kind.label) for kind in ProducerKind}
        statuses = {status.value: str(status.label) for status in CertificateStatus}
    rows = certificates.iterator(chunk_size=CHUNK)
    return (_catalogue_row(certificate, today, kinds, statuses) for certificate in rows)


def _catalogue_row(certificate, today, kinds: dict, statuses: dict) -> list:
    record = certificate_record(certificate, today)
    district = record["former_district"]
    criteria_set = record["criteria_set"]
    return [
        record["certificate_number"], record["product_code"], record["product_name"],
        record["stars"], record["producer"]["name"], kinds[record["producer"]["kind"]],
        record["commune"]["name"], district["name"] if district else "",
        record["province"]["name"],
        criteria_set_label(criteria_set["decision"], criteria_set["number"]),
        record["decision_number"], f"{certificate.decision_date:%d/%m/%Y}",
        f"{certificate.valid_until:%d/%m/%Y}",
        f"{certificate.extended_until:%d/%m/%Y}" if record["extended_until"] else "",
        statuses[record["status"]],
        record["verification_url"],
    ]  # fmt: skip
