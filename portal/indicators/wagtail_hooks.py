from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .downloads import count_download
from .views import IndicatorsReportView, can_view_indicators


class IndicatorsMenuItem(MenuItem):
    """Shown to the project team only (the view refuses everyone else as well)."""

    def is_shown(self, request):
        return can_view_indicators(request.user)


@hooks.register("register_admin_urls")
def register_indicators_report_urls():
    return [
        path("reports/indicators/", IndicatorsReportView.as_view(), name="indicators_report"),
        path(
            "reports/indicators/results/",
            IndicatorsReportView.as_view(results_only=True),
            name="indicators_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_indicators_menu_item():
    return IndicatorsMenuItem(
        _("Project indicators"),
        reverse("indicators_report"),
        name="project-indicators",
        icon_name="table",
        order=900,
    )


@hooks.register("before_serve_document")
def count_document_download(document, request):
    """One more download of the document today; who downloaded it is not recorded."""
    count_download(document)
