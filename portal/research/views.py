"""The listing of reports ("Badania i analizy" and each zone's /badania/)."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models.functions import ExtractYear
from django.http import Http404
from django.utils.translation import gettext as _

from portal.core.pagination import requested_page

from .forms import ReportSearchForm
from .models import ReportPage
from .search import FACETS, ReportQuery, report_search

REPORTS_PER_PAGE = 10


def report_listing(page, request, zone_page=None, template=None):
    """Search and filter the reports of `page`'s language. On a zone page the zone filter
    is fixed. An unknown filter value is answered 400 with the message next to it and the
    unfiltered list; a page number that does not exist is a 404."""
    years = sorted(
        {
            year
            for year in ReportPage.objects.live()
            .public()
            .filter(locale=page.locale)
            .annotate(y=ExtractYear("publication_date"))
            .values_list("y", flat=True)
        },
        reverse=True,
    )
    data = request.GET.copy()
    data["q"] = data.get("q", "").replace("\x00", "")  # a NUL byte is noise, not a filter
    if zone_page is not None:
        data["zone"] = zone_page.zone.slug
    form = ReportSearchForm(data, locale=page.locale, years=years)
    valid = form.is_valid()
    values = {name: value for name, value in form.cleaned_data.items() if name not in form.errors}
    query = ReportQuery(
        locale=page.locale,
        text=values.get("q") or "",
        zone=values.get("zone") or "",
        kind=values.get("kind") or "",
        year=values.get("year"),
        language=values.get("language") or "",
        sort=values.get("sort") or "newest",
    )
    number = requested_page(request)
    offset = (number - 1) * REPORTS_PER_PAGE
    results = report_search().search(query, offset=offset, limit=REPORTS_PER_PAGE)
    if offset and offset >= results.total:
        raise Http404(_("There is no such page of results."))
    pages = (
        Paginator(range(results.total), REPORTS_PER_PAGE).page(number) if results.total else None
    )
    context = {
        "search_form": form,
        "results": results,
        "pages": pages,
        "facets": facet_options(form, results),
        "query": urlencode(
            {
                name: value
                for name, value in values.items()
                if value not in ("", None) and not (name == "zone" and zone_page)
            }
        ),
        "zone_page": zone_page,
    }
    if zone_page is not None:
        response = zone_page.render_subview(request, "reports", template, context)
    else:
        response = page.render(request, context_overrides=context)
    if not valid:
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
