"""The listing of reports ("Badania i analizy" and each zone's /badania/)."""

from urllib.parse import urlencode

from django.db.models import Max, Min
from django.utils.functional import SimpleLazyObject

from portal.core.fragments import cached_value, versioned_key
from portal.core.pagination import page_of, page_when_shown, requested_page

from .filters import ReportFilterSet
from .search import FACETS, ReportQuery, report_search

REPORTS_PER_PAGE = 10


def report_years(reports):
    """The years from the newest report's to the oldest's, newest first, read from the two
    ends of the publication date index over every report (not only `reports`, which would
    take a join over all of them); a year without reports is offered with a count of 0.
    Kept in the cache under the fragment version, which a report's save or publish
    replaces, as the search keeps its counts."""

    def span():
        return reports.model.objects.order_by().aggregate(
            newest=Max("publication_date"), oldest=Min("publication_date")
        )

    dates = cached_value(versioned_key("report-years"), span)
    if dates["newest"] is None:
        return []
    return list(range(dates["newest"].year, dates["oldest"].year - 1, -1))


def report_listing(page, request, reports, zone_page=None, template=None):
    """Search and filter `reports` (the live reports of `page`'s language). On a zone page
    the zone filter is fixed. An unknown filter value is answered 400 with the message next
    to it and the list without that filter; a page number that does not exist is a 404.

    A listing nobody filtered looks the same to every visitor, so its form and results are
    a fragment (the template's `item_fragment … when listing_blank`): its first page is
    searched only when the fragment is built (page_when_shown)."""
    data = request.GET.copy()
    data["q"] = data.get("q", "").replace("\x00", "")  # a NUL byte is noise, not a filter
    if zone_page is not None:
        data["zone"] = zone_page.zone.slug
    filters = ReportFilterSet(
        data,
        reports,
        locale=page.locale,
        years=SimpleLazyObject(lambda: report_years(reports)),
        kinds=reports.model.Kind.choices,
    )
    values = filters.search_values()
    query = ReportQuery(
        locale=page.locale,
        text=values["q"],
        zone=values.get("zone") or "",
        kind=values.get("kind") or "",
        year=values.get("year"),
        language=values.get("language") or "",
        sort=values.get("sort") or "newest",
    )
    number = requested_page(request)

    def search():
        offset = (number - 1) * REPORTS_PER_PAGE
        results = report_search().search(query, offset=offset, limit=REPORTS_PER_PAGE)
        pages = page_of(request, range(results.total), REPORTS_PER_PAGE) if results.total else None
        return {"results": results, "pages": pages}

    listing = page_when_shown(request, search)
    context = {
        "search_form": filters.form,
        "listing": listing,
        "facets": SimpleLazyObject(lambda: facet_options(filters.form, listing["results"])),
        "query": urlencode(
            {
                name: value
                for name, value in values.items()
                if value not in ("", None) and not (name == "zone" and zone_page)
            }
        ),
        "zone_page": zone_page,
        "listing_blank": not any(request.GET.get(name) for name in filters.form.fields),
        "page_number": number,
    }
    if zone_page is not None:
        response = zone_page.render_subview(request, "reports", template, context)
    else:
        response = page.render(request, context_overrides=context)
    if filters.errors:
        response.status_code = 400
    return response


def facet_options(form, results):
    """For each facet: its options with their counts (taking the other filters into
    account), the chosen one marked."""
    options = {}
    for name in FACETS:
        counts = results.facets.get(name, {})
        chosen = str(form.cleaned_data.get(name) or "") if name not in form.errors else ""
        options[name] = [
            {
                "value": str(value),
                "label": label,
                "count": counts.get(_key(name, value), 0),
                "chosen": str(value) == chosen,
            }
            for value, label in form.fields[name].choices
            if value != ""
        ]
    return options


def _key(name, value):
    return int(value) if name == "year" else value
