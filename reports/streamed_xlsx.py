"""An openpyxl write-only workbook whose .xlsx file comes out while its rows are written, for a
streamed response (``reports.exports.xlsx_stream``).

openpyxl's own write-only workbook spools each sheet to a temporary file and zips them all in
``save()``: nothing can be sent before the last row. Here each sheet's XML goes, through
openpyxl's own worksheet, row and cell writer, straight into the sheet's entry in the zip, and the
zip is written to a ``Pipe`` that the response empties as it goes. zipfile can write to a stream
it cannot seek: it then puts each entry's sizes and checksum after its data (a data descriptor).
The parts that depend on every sheet (styles, the workbook, the content types) follow the last
sheet, written by openpyxl's ``ExcelWriter`` as in ``save()``.

Sheets are written one after the other: creating a sheet finishes the one before it.
"""

import datetime
import time
from zipfile import ZIP_DEFLATED, ZipFile, ZipInfo

from openpyxl import Workbook
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.writer.excel import ExcelWriter


class Pipe:
    """Keeps what is written until it is taken. It has no tell() or seek() on purpose: zipfile
    then writes the archive front to back, without coming back to patch entries' headers."""

    def __init__(self):
        self._parts: list[bytes] = []
        self.size = 0

    def write(self, data) -> int:
        self._parts.append(bytes(data))
        self.size += len(data)
        return len(data)

    def flush(self) -> None:
        pass

    def take(self) -> bytes:
        data = b"".join(self._parts)
        self._parts.clear()
        self.size = 0
        return data


class _StreamedSheet(WriteOnlyWorksheet):
    def _get_writer(self):
        # Called at the first row, once the column widths and frozen panes, which openpyxl writes
        # ahead of the rows, are set.
        if self._writer is None:
            self._writer = WorksheetWriter(self, out=self.parent._open_entry(self))
            self._writer.write_top()


class _PartsWriter(ExcelWriter):
    def write_worksheet(self, ws):
        # The sheet is in the archive already; what openpyxl would copy from its temporary file.
        ws._rels = ws._writer._rels
        self.manifest.append(ws)


class StreamedWorkbook(Workbook):
    """A write-only workbook that writes its .xlsx to ``self.pipe`` as rows are appended."""

    def __init__(self):
        super().__init__(write_only=True)
        self.pipe = Pipe()
        self._zip = ZipFile(self.pipe, "w", ZIP_DEFLATED)
        self._entry = None

    def create_sheet(self, title=None, index=None):
        if index is not None:
            raise ValueError("A streamed workbook's sheets come in the order they are written.")
        self._finish_sheet()
        sheet = _StreamedSheet(parent=self, title=title)
        self._add_sheet(sheet)
        return sheet

    def _open_entry(self, sheet):
        # The part name ExcelWriter gives the sheet (by its position) when it lists it.
        sheet._id = self.worksheets.index(sheet) + 1
        # Dated like the other parts (a bare name would be dated 1980).
        entry = ZipInfo(sheet.path[1:], date_time=time.localtime()[:6])
        entry.compress_type = ZIP_DEFLATED
        self._entry = self._zip.open(entry, "w")
        return self._entry

    def _finish_sheet(self) -> None:
        if self.worksheets and not self.worksheets[-1].closed:
            self.worksheets[-1].close()
        if self._entry is not None:
            self._entry.close()
            self._entry = None

    def close(self) -> None:
        """Finish the last sheet, then write the parts that depend on every sheet and the zip's
        central directory."""
        self._finish_sheet()
        self.properties.modified = datetime.datetime.now(datetime.UTC).replace(tzinfo=None)
        _PartsWriter(self, self._zip).save()
