"""The admin report "Wskaźniki projektu": the figures of figures.py as one table (total, each
month, each zone, each report's downloads), its CSV and XLSX export (the same rows and
columns), and two charts with their data tables. For the project team only."""

import django_filters

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.views.defaults import permission_denied

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.admin.widgets import AdminDateInput

from portal.core.spreadsheets import FormulaSafeExportMixin
from portal.events.organisers import ORGANISERS
from portal.events.registrations import Registration
from zones.editing import MODERATORS
from zones.models import Zone

from . import charts
from .figures import FIGURES, Period, indicators, report_downloads

SECTION_TOTAL = _("Total")
SECTION_MONTH = _("Month")
SECTION_ZONE = _("Zone")
SECTION_REPORT = _("Report downloads")


def can_view_indicators(user):
    """The project team: superusers, 'Moderacja' and 'Organizatorzy'. Zone editors are not
    in it: the figures cover every zone and the registrations behind them."""
    if not user.is_active:
        return False
    return user.is_superuser or user.groups.filter(name__in=[MODERATORS, ORGANISERS]).exists()


def project_zones():
    return Zone.objects.filter(locale__language_code=settings.LANGUAGE_CODE).order_by("sort_order")


class IndicatorsFilterSet(WagtailFilterSet):
    """The report's filters: a range of days and one zone. They narrow the figures, not a
    queryset, so filtering the rows is left to the view (`period()`)."""

    start = django_filters.DateFilter(label=_("From"), widget=AdminDateInput)
    end = django_filters.DateFilter(label=_("To"), widget=AdminDateInput)
    zone = django_filters.ModelChoiceFilter(
        label=_("Zone"), queryset=lambda request: project_zones()
    )

    class Meta:
        model = Registration
        fields = []

    def period(self):
        data = self.form.cleaned_data if self.is_valid() else {}
        return Period(start=data.get("start"), end=data.get("end"), zone=data.get("zone"))


def _month_label(month):
    return month.strftime("%Y-%m")


def report_rows(period):
    """The report's rows, in the order of the screen: the total, each month, each zone,
    then each report's downloads. A figure that does not apply to a row is empty."""
    found = indicators(period)
    zones = {zone.pk: zone for zone in project_zones()}
    rows = [{"section": SECTION_TOTAL, "scope": "", **found["total"]}]
    for month, figures in found["months"].items():
        rows.append({"section": SECTION_MONTH, "scope": _month_label(month), **figures})
    for zone in zones.values():
        if zone.pk in found["zones"]:
            rows.append({"section": SECTION_ZONE, "scope": zone.name, **found["zones"][zone.pk]})
    empty = dict.fromkeys(FIGURES, "")
    for report in report_downloads(period):
        rows.append(
            {
                "section": SECTION_REPORT,
                "scope": report["report"].title,
                **empty,
                "downloads": report["downloads"],
            }
        )
    return rows, found


class IndicatorsReportView(FormulaSafeExportMixin, ReportView):
    page_title = _("Project indicators")
    header_icon = "table"
    index_url_name = "indicators_report"
    index_results_url_name = "indicators_report_results"
    template_name = "indicators/admin/report.html"  # its print style sheet
    results_template_name = "indicators/admin/report_results.html"
    filterset_class = IndicatorsFilterSet
    paginate_by = None
    export_filename = "wskazniki-projektu"
    list_export = ["section", "scope", *FIGURES]
    export_headings = {"section": _("Section"), "scope": _("Month, zone or report"), **FIGURES}

    def dispatch(self, request, *args, **kwargs):
        if not can_view_indicators(request.user):
            # A plain 403, not Wagtail's redirect to the dashboard: the address exists,
            # and this person may not see it.
            return permission_denied(request, PermissionDenied())
        return super().dispatch(request, *args, **kwargs)

    @property
    def columns(self):
        return [Column(name, label=self.export_headings[name]) for name in self.list_export]

    def get_queryset(self):
        return []

    def get_filtered_queryset(self):
        period = self.filters.period() if self.filters else Period()
        rows, self.found = report_rows(period)
        return rows

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["charts"] = charts.report_charts(self.found)
        context["headings"] = [self.export_headings[name] for name in self.list_export]
        context["cells"] = [table_cells(row, self.list_export) for row in self.object_list]
        return context


def table_cells(row, names):
    """One row's cells as HTML, each value escaped. A thousand-odd cells, each through
    Wagtail's column templates or even through the template engine's `{{ cell }}`, cost
    more than the figures themselves (bench/indicators.py profiles it); the figures are
    whole numbers and the labels plain text, so nothing is lost by writing the cells here."""
    return mark_safe("".join(f"<td>{escape(row[name])}</td>" for name in names))  # noqa: S308
