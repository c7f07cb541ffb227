"""The export of every recognised product is streamed: the view returns before a row is read,
the file leaves in blocks while it is written, and what arrives is the workbook openpyxl itself
would save, cell for cell and format for format."""

import io

import pytest
from django.db import connection
from django.http import FileResponse
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from openpyxl import Workbook, load_workbook

from certificates.models import Certificate
from reports import exports

RECOGNISED = reverse("reports:export-recognised")
END_OF_ZIP = b"PK\x05\x06"  # the end of the zip's central directory: the file is complete

pytestmark = pytest.mark.django_db


def _reads_certificates(queries) -> bool:
    return any(Certificate._meta.db_table in query["sql"] for query in queries)


def test_the_view_returns_before_the_rows_are_read(client, provincial_office, recognitions):
    client.force_login(provincial_office)

    with CaptureQueriesContext(connection) as in_the_view:
        response = client.get(RECOGNISED)
    with CaptureQueriesContext(connection) as while_streaming:
        blocks = list(response.streaming_content)

    assert response.streaming
    assert not isinstance(response, FileResponse)  # not a finished file sent from disk
    assert response["Content-Disposition"].startswith('attachment; filename="san-pham-ocop-')
    assert not _reads_certificates(in_the_view.captured_queries)
    assert _reads_certificates(while_streaming.captured_queries)
    rows = list(load_workbook(io.BytesIO(b"".join(blocks)), read_only=True).active.values)
    assert [row[0] for row in rows[3:]] == [1, 2, 3, 4]


def test_the_first_block_leaves_before_the_last_row_is_written(
    client, provincial_office, recognitions, monkeypatch
):
    written, label = [], exports.criteria_set_label

    def counted_label(*args):  # called once for each product row
        written.append(args)
        return label(*args)

    monkeypatch.setattr(exports, "criteria_set_label", counted_label)
    monkeypatch.setattr(exports, "BLOCK", 1)  # a block as soon as anything is written
    client.force_login(provincial_office)
    blocks = iter(client.get(RECOGNISED).streaming_content)

    first = next(block for block in blocks if block)
    rows_before_the_first_block = len(written)
    rest = b"".join(blocks)

    assert rows_before_the_first_block < len(written) == 4
    assert END_OF_ZIP not in first
    assert END_OF_ZIP in rest


def test_the_streamed_file_is_the_workbook_openpyxl_saves(
    client, provincial_office, recognitions, today
):
    client.force_login(provincial_office)
    streamed = load_workbook(io.BytesIO(b"".join(client.get(RECOGNISED).streaming_content)))
    saved = Workbook(write_only=True)
    with translation.override("vi"):
        for _row in exports.recognised_workbook(saved, provincial_office, today):
            pass
    buffer = io.BytesIO()
    saved.save(buffer)
    expected = load_workbook(buffer)

    def layout(workbook):
        return [
            (
                sheet.title,
                sheet.freeze_panes,
                {key: dimension.width for key, dimension in sheet.column_dimensions.items()},
                [
                    [(c.value, c.data_type, c.number_format, c.font.b) for c in row]
                    for row in sheet.iter_rows()
                ],
            )
            for sheet in workbook.worksheets
        ]

    assert layout(streamed) == layout(expected)
    sheet = streamed.active
    assert sheet.freeze_panes == "A4"
    assert [cell.font.b for cell in sheet[3]] == [True] * len(exports.RECOGNISED_HEADERS)
    assert {cell.number_format for cell in sheet["I"][3:] + sheet["J"][3:]} == {"DD/MM/YYYY"}
    assert {cell.number_format for cell in sheet["G"][3:]} == {"0.00"}
