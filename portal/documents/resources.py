"""A zone's resources: the guides, templates, presentations, reports and films that editors
tag with the zone in the document library, listed by the zone page's sub-view."""

import django_filters

from django.utils.translation import gettext_lazy as _

from wagtail.documents import get_document_model

from portal.core.filters import ListingFilterSet
from portal.core.pagination import page_of
from zones.models import with_zone_ids

RESOURCES_PER_PAGE = 10


def resources_for_zone(zone_page):
    """The documents tagged with the page's zone, newest first, with their zones (one
    query for the documents, one for their zones)."""
    return (
        with_zone_ids(
            get_document_model().objects.filter(
                zones__translation_key=zone_page.zone.translation_key
            )
        )
        .order_by("-created_at", "title")
        .distinct()
    )


def latest_resources(zone_page, limit):
    return zone_page.localize_zones(list(resources_for_zone(zone_page)[:limit]))


class ResourceFilterSet(ListingFilterSet):
    kind = django_filters.ChoiceFilter(label=_("Kind"), empty_label=_("All kinds"))
    language = django_filters.ChoiceFilter(label=_("Language"), empty_label=_("All languages"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        Document = get_document_model()
        self.filters["kind"].extra["choices"] = Document.Kind.choices
        self.filters["language"].extra["choices"] = Document.Language.choices


def zone_resources_page(zone_page, request, filters):
    """The page of filtered resources asked for, each with its zones named (the zone mark)."""
    results = page_of(request, filters.listing(), RESOURCES_PER_PAGE)
    zone_page.localize_zones(results.object_list)
    return results


def zone_resources_view(zone_page, request):
    """The sub-view /<zone>/materialy/: the zone's resources, filtered and paginated.
    An unknown filter value is answered 400 with the message next to the filter and the
    unfiltered list, so the visitor can correct it."""
    filters = ResourceFilterSet(request.GET, resources_for_zone(zone_page))
    response = zone_page.render_subview(
        request,
        "resources",
        "documents/zone_resources.html",
        {
            "filter_form": filters.form,
            "results": zone_resources_page(zone_page, request, filters),
            "is_filtered": filters.form.is_filtered,
        },
    )
    if filters.errors:
        response.status_code = 400
    return response
