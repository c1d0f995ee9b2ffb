"""The search page (/pl/szukaj/, /en/search/) and the suggestions behind the header box."""

from urllib.parse import urlencode

from django.apps import apps
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import ngettext

from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Locale

from portal.core.pagination import requested_page
from zones.models import Zone

from .forms import SearchForm
from .search import KIND_LABELS, SiteQuery, site_search

PER_PAGE = 10
SUGGESTIONS = 6


class ResultsPage:
    """One page of results for Django's Paginator: the search runs once, for that page,
    and its total is the count (so `includes/pagination.html` works as for any listing)."""

    def __init__(self, engine, query, number):
        self.results = engine.search(query, (number - 1) * PER_PAGE, PER_PAGE)
        self.number = number

    def count(self):
        return self.results.total

    def __getitem__(self, key):
        return self.results.hits


def kind_label(kind):
    if kind in KIND_LABELS:
        return str(KIND_LABELS[kind])
    try:
        meta = apps.get_model(kind)._meta
    except (LookupError, ValueError):
        return kind
    # Django makes a plural by adding "s" where a model names none: the singular reads better.
    name = (
        meta.verbose_name_plural
        if "verbose_name_plural" in meta.original_attrs
        else meta.verbose_name
    )
    return str(name)[:1].upper() + str(name)[1:]


def facet_options(facets, chosen, zone_names):
    """For each facet, its values with label, count and whether chosen (for the selects)."""
    labels = {
        "kind": kind_label,
        "zone": lambda slug: zone_names.get(slug, slug),
        "year": str,
    }
    options = {}
    for name, counts in facets.items():
        rows = [
            {
                "value": value,
                "label": labels[name](value),
                "count": count,
                "chosen": str(value) == str(chosen.get(name) or ""),
            }
            for value, count in counts.items()
        ]
        if name == "year":
            rows.sort(key=lambda row: -int(row["value"]))
        else:
            rows.sort(key=lambda row: (-row["count"], row["label"]))
        options[name] = rows
    return options


def promotions_for(query_string, locale):
    """Editors' picks for the query (wagtail.contrib.search_promotions) in the visitor's
    language, and the query counted for the admin's "search terms" report."""
    query = Query.get(query_string)
    query.add_hit()
    picks = query.editors_picks.filter(
        Q(page__isnull=True) | Q(page__locale=locale, page__live=True)
    ).select_related("page")
    return list(picks.order_by("sort_order"))


def search(request):
    """Results in the visitor's language, with facets, excerpts and "did you mean"; a bad
    filter value is answered 400 with its message by the field, the words still searched."""
    form = SearchForm(request.GET)
    valid = form.is_valid()
    locale = Locale.get_active()
    query = SiteQuery(locale, **form.filters())
    context = {"form": form, "query": query}
    if query.words:
        number = requested_page(request)
        results = ResultsPage(site_search(), query, number)
        paginator = Paginator(results, PER_PAGE)
        zone_names = dict(Zone.objects.for_locale(locale).values_list("slug", "name"))
        chosen = {"kind": query.kind, "zone": query.zone, "year": query.year}
        for hit in results.results.hits:
            hit.kind_label = kind_label(hit.entry.kind)
        context.update(
            results=results.results,
            pages=paginator.get_page(number) if results.results.total else None,
            facets=facet_options(results.results.facets, chosen, zone_names),
            querystring=urlencode(
                {key: value for key, value in {"q": query.text, **chosen}.items() if value}
            ),
            query_text_only=urlencode({"q": query.text}),
            suggestion=results.results.suggestion,
            suggestion_url="?" + urlencode({"q": results.results.suggestion}),
            promotions=promotions_for(query.text, locale) if number == 1 else [],
        )
    return render(request, "search/search_page.html", context, status=200 if valid else 400)


def suggestions(request):
    """Search as you type: the first few results and how many there are, as JSON for
    static/js/search.js (the page works without it)."""
    form = SearchForm({"q": request.GET.get("q", "")})
    form.is_valid()
    query = SiteQuery(Locale.get_active(), text=form.filters()["text"])
    results = site_search().search(query, 0, SUGGESTIONS, with_facets=False)
    return JsonResponse(
        {
            "count": results.total,
            "results": [
                {"title": hit.entry.title, "url": hit.entry.url, "kind": kind_label(hit.entry.kind)}
                for hit in results.hits
            ],
            "message": ngettext("%(count)d result", "%(count)d results", results.total)
            % {"count": results.total},
        }
    )
