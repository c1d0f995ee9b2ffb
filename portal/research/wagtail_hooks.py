from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from portal.core.routes import PAGE_ROUTES_HOOK, PageRoutes
from portal.core.sections import HomeSection, listing_url
from zones.listings import ZoneListing

from .models import ResearchIndexPage, listed_reports, published_reports
from .views import report_listing


def research_listing(index_page, request):
    """The research index page is the search and filter listing of its language's reports."""
    return report_listing(index_page, request, published_reports(index_page.locale))


def zone_reports_view(zone_page, request):
    return report_listing(
        zone_page,
        request,
        published_reports(zone_page.locale),
        zone_page=zone_page,
        template="research/zone_reports.html",
    )


def latest_reports(locale, zone=None, limit=3):
    """The newest reports for the home page or a zone page, each with its cover and zone mark
    (the zone's own first on its page)."""
    reports = published_reports(locale)
    if zone is not None:
        reports = reports.filter(zones__translation_key=zone.translation_key)
    newest = list(reports.order_by("-publication_date", "-pk")[:limit])
    return listed_reports(newest, locale, zone_slug=zone.slug if zone is not None else None)


@hooks.register("register_zone_listing")
def reports_listing():
    return ZoneListing(
        name="reports",
        route=_("research/"),
        title=_("Research and analyses"),
        all_label=_("All reports of this zone"),
        view=zone_reports_view,
        latest=lambda zone_page, limit: latest_reports(zone_page.locale, zone_page.zone, limit),
        section_template="research/includes/report_list.html",
        order=10,
    )


@hooks.register("register_home_section")
def latest_reports_section():
    return HomeSection(
        name="reports",
        title=_("New reports"),
        all_label=_("All research and analyses"),
        items=lambda home, limit: latest_reports(home.locale, limit=limit),
        url=lambda home: listing_url(home, ResearchIndexPage),
        template="research/includes/report_list.html",
        order=30,
    )


@hooks.register(PAGE_ROUTES_HOOK)
def listing_route():
    """The research index page answers its own address with the reports' listing."""
    return PageRoutes(ResearchIndexPage, [path("", research_listing, name="listing")])
