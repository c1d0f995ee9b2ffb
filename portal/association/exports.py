"""The contact form's messages as Wagtail lists and exports them (Forms → the page), with
the export made for the spreadsheets the association opens it in: what a visitor typed is
never run as a formula, and the CSV is the one Polish Excel reads without an import wizard
(semicolons, a byte order mark, times on the site's clock, "tak"/"nie" for the consent) —
the same as the registrations' export (portal.core.spreadsheets)."""

from wagtail.contrib.forms.views import SubmissionsListView

from portal.core.spreadsheets import PolishSpreadsheetExportMixin


class ContactSubmissionsListView(PolishSpreadsheetExportMixin, SubmissionsListView):
    pass
