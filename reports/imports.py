"""Reading and checking a spreadsheet of certificates recognised before the portal existed.

``preview_import`` reads the workbook (openpyxl, read-only) and checks every row, returning what a
commit would do: each row is *new* (it will be created), *unchanged* (its certificate number is
already in the portal, so it is left alone) or has *errors*, each a sentence naming the row and the
column in the user's language. It writes nothing; ``services.commit_import`` re-checks the same
bytes inside its transaction and writes only when no row has an error. The number of queries is
fixed whatever the number of rows (one lookup per kind of reference, all rows at once).
"""

import datetime
import io
import zipfile
from dataclasses import dataclass, field

from django.db.models import TextChoices
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import load_workbook

from certificates.models import Certificate
from certificates.models.certificate import VALIDITY_MONTHS, add_months
from criteria.scoring import band_stars
from dossiers.models import Dossier
from ocop_portal.text import fold
from products.models import Product
from regions.models import Commune, Province

from .import_cells import CLEANERS, Problem, cell_text
from .import_template import COLUMNS, Column

HISTORICAL_ROUND_NUMBER = 0  # the round that records recognitions made before the portal
CRITERIA_DECISION = "26/2026"  # set numbers are read in today's numbering (Appendix I)
HEADER_SEARCH_ROWS = 10


class RowStatus(TextChoices):
    NEW = "new", gettext_lazy("New: will be imported")
    UNCHANGED = "unchanged", gettext_lazy("Unchanged: already in the portal")
    ERROR = "error", gettext_lazy("Has errors")


@dataclass
class ImportRow:
    line: int
    values: dict = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    status: str = RowStatus.NEW

    @property
    def status_label(self) -> str:
        return RowStatus(self.status).label

    def add_error(self, column: Column, problem: str) -> None:
        self.errors.append(
            _("Row %(row)d, column “%(column)s”: %(problem)s")
            % {"row": self.line, "column": column.header, "problem": problem}
        )
        self.status = RowStatus.ERROR


@dataclass
class ImportPreview:
    province: Province
    rows: list[ImportRow] = field(default_factory=list)
    file_errors: list[str] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for row in self.rows if row.status == status)

    @property
    def new_rows(self) -> list[ImportRow]:
        return [row for row in self.rows if row.status == RowStatus.NEW]

    @property
    def error_rows(self) -> list[ImportRow]:
        return [row for row in self.rows if row.status == RowStatus.ERROR]

    @property
    def has_errors(self) -> bool:
        return bool(self.file_errors or self.error_rows)

    @property
    def can_commit(self) -> bool:
        return not self.has_errors and bool(self.new_rows)


# ---- Reading the workbook ----------------------------------------------------------------------


def _header_key(value) -> str:
    return fold(str(value or "")).rstrip(" *")


def read_rows(content: bytes) -> tuple[list[tuple[int, dict]], list[str]]:
    """(spreadsheet row number, {column key: raw value}) for each non-empty row, and the
    problems that make the whole file unreadable."""
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError):
        return [], [_("The file is not an Excel workbook (.xlsx). Start from the template.")]
    try:
        sheet = workbook.worksheets[0]
        by_header = {_header_key(column.header): column for column in COLUMNS}
        lines = sheet.iter_rows(values_only=True)
        positions: dict[int, Column] = {}
        header_line = 0
        for header_line, cells in enumerate(lines, start=1):
            keys = [_header_key(value) for value in cells]
            positions = {i: by_header[key] for i, key in enumerate(keys) if key in by_header}
            if len(positions) >= 3 or header_line >= HEADER_SEARCH_ROWS:
                break
        found = {column.key for column in positions.values()}
        missing = [c.header for c in COLUMNS if c.required and c.key not in found]
        if missing:
            return [], [
                _("The file has no column “%(column)s”. Start from the template.")
                % {"column": header}
                for header in missing
            ]
        rows = []
        for line, cells in enumerate(lines, start=header_line + 1):
            values = {positions[i].key: v for i, v in enumerate(cells) if i in positions}
            if any(cell_text(v) for v in values.values()):
                rows.append((line, values))
        return rows, []
    finally:
        workbook.close()


def _clean_cells(line: int, raw: dict) -> ImportRow:
    row = ImportRow(line)
    for column in COLUMNS:
        value = raw.get(column.key)
        if not cell_text(value):
            if column.required:
                row.add_error(column, _("this column must not be empty."))
            else:
                row.values[column.key] = None if column.key == "valid_until" else ""
            continue
        try:
            row.values[column.key] = CLEANERS[column.key](value)
        except Problem as problem:
            row.add_error(column, str(problem))
    return row


# ---- Checking rows against each other and the database -----------------------------------------


def _column(key: str) -> Column:
    return next(column for column in COLUMNS if column.key == key)


@dataclass
class _Known:
    """What the database already holds about the file's references: one query each."""

    communes: dict
    certificates: set
    products: dict  # (tax code, folded name) -> (product id, product code)
    product_codes: dict  # product code -> (tax code, folded name)
    historical_years: set  # (product id, year) with a recognition recorded before the portal

    @classmethod
    def load(cls, rows: list[ImportRow], province_id: int) -> "_Known":
        def values(key):
            return {row.values[key] for row in rows if row.values.get(key)}

        communes = Commune.objects.filter(code__in=values("commune")).select_related("province")
        products = Product.objects.filter(producer__tax_code__in=values("tax_code")).values_list(
            "pk", "producer__tax_code", "name_folded", "product_code"
        )
        products = {(tax, name): (pk, code) for pk, tax, name, code in products}
        coded = Product.objects.filter(product_code__in=values("product_code")).values_list(
            "product_code", "producer__tax_code", "name_folded"
        )
        historical = Dossier.objects.filter(
            product_id__in=[pk for pk, _code in products.values()],
            round__province_id=province_id,
            round__number=HISTORICAL_ROUND_NUMBER,
        ).values_list("product_id", "round__year")
        numbers = Certificate.objects.filter(number__in=values("number"))
        return cls(
            communes={commune.code: commune for commune in communes},
            certificates=set(numbers.values_list("number", flat=True)),
            products=products,
            product_codes={code: (tax, name) for code, tax, name in coded},
            historical_years=set(historical),
        )


def _check_row(row: ImportRow, known: _Known, province: Province, seen: dict, today) -> None:
    values = row.values
    commune = known.communes.get(values.get("commune"))
    if values.get("commune") and commune is None:
        row.add_error(
            _column("commune"),
            _("there is no commune with code %(code)s.") % {"code": values["commune"]},
        )
    elif commune is not None and commune.province_id != province.pk:
        row.add_error(
            _column("commune"),
            _("%(commune)s is not in %(province)s.")
            % {"commune": commune, "province": province.full_name},
        )
    values["commune_obj"] = commune
    if values.get("average") and values.get("stars"):
        band = band_stars(values["average"])
        if values["stars"] > band:
            row.add_error(
                _column("stars"),
                _("a score of %(average)s is in the %(band)d★ band: it cannot hold %(stars)d★.")
                % {
                    "average": str(values["average"]).replace(".", ","),
                    "band": band,
                    "stars": values["stars"],
                },
            )
    decided = values.get("decision_date")
    if decided and decided > today:
        row.add_error(_column("decision_date"), _("the decision date is in the future."))
    if decided and values.get("valid_until") and values["valid_until"] <= decided:
        row.add_error(_column("valid_until"), _("the date must be after the decision date."))
    if decided and values.get("valid_until") is None:
        values["valid_until"] = add_months(decided, VALIDITY_MONTHS)
    _check_duplicates(row, known, seen)


def _check_duplicates(row: ImportRow, known: _Known, seen: dict) -> None:
    values = row.values
    number = values.get("number")
    if number in seen:
        row.add_error(
            _column("number"),
            _("certificate number %(number)s is already on row %(row)d.")
            % {"number": number, "row": seen[number]},
        )
    product_key = (values.get("tax_code"), fold(values.get("product_name")))
    year = values["decision_date"].year if values.get("decision_date") else None
    existing = known.products.get(product_key)
    if year and (product_key, year) in seen:
        row.add_error(
            _column("decision_date"),
            _("the same product already has a recognition of %(year)d on row %(row)d.")
            % {"year": year, "row": seen[(product_key, year)]},
        )
    elif year and existing and (existing[0], year) in known.historical_years:
        row.add_error(
            _column("decision_date"),
            _("this product already has a recognition of %(year)d recorded before the portal.")
            % {"year": year},
        )
    code = values.get("product_code")
    if code:
        owner = known.product_codes.get(code) or seen.get(("code", code))
        if (owner and owner != product_key) or (existing and existing[1] not in ("", code)):
            row.add_error(
                _column("product_code"),
                _("product code %(code)s belongs to another product.") % {"code": code},
            )
        seen.setdefault(("code", code), product_key)
    if number:
        seen.setdefault(number, row.line)
    if year:
        seen.setdefault((product_key, year), row.line)


def preview_import(
    content: bytes, *, province_id: int, today: datetime.date | None = None
) -> ImportPreview:
    """What importing ``content`` would do, row by row. Writes nothing."""
    today = today or timezone.localdate()
    preview = ImportPreview(province=Province.objects.get(pk=province_id))
    raw_rows, preview.file_errors = read_rows(content)
    if preview.file_errors:
        return preview
    if not raw_rows:
        preview.file_errors = [_("The file has no rows below the column headers.")]
        return preview
    preview.rows = [_clean_cells(line, raw) for line, raw in raw_rows]
    known = _Known.load(preview.rows, province_id)
    seen: dict = {}
    for row in preview.rows:
        if row.values.get("number") in known.certificates:
            row.errors, row.status = [], RowStatus.UNCHANGED
            continue
        _check_row(row, known, preview.province, seen, today)
    return preview
