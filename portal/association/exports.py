"""The contact form's messages as Wagtail lists and exports them (Forms → the page), with
the export made safe for spreadsheets: what a visitor typed is never run as a formula."""

from wagtail.contrib.forms.views import SubmissionsListView

from portal.core.spreadsheets import FormulaSafeExportMixin


class ContactSubmissionsListView(FormulaSafeExportMixin, SubmissionsListView):
    pass
