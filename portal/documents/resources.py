"""A zone's resources: the guides, templates, presentations, reports and films that editors
tag with the zone in the document library, listed by the zone page's sub-view."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.documents import get_document_model

from portal.core.forms import ListingFilterForm
from portal.core.pagination import page_of

RESOURCES_PER_PAGE = 10


def resources_for_zone(zone_page):
    """The documents tagged with the page's zone, newest first, in one query."""
    return (
        get_document_model()
        .objects.filter(zones__translation_key=zone_page.zone.translation_key)
        .order_by("-created_at", "title")
        .distinct()
    )


def latest_resources(zone_page, limit):
    return list(resources_for_zone(zone_page)[:limit])


class ResourceFilterForm(ListingFilterForm):
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        Document = get_document_model()
        self.fields["kind"].choices = [("", _("All kinds")), *Document.Kind.choices]
        self.fields["language"].choices = [("", _("All languages")), *Document.Language.choices]

    def filter_kind(self, documents, kind):
        return documents.filter(kind=kind)

    def filter_language(self, documents, language):
        return documents.filter(language=language)


def zone_resources_view(zone_page, request):
    """The sub-view /<zone>/materialy/: the zone's resources, filtered and paginated.
    An unknown filter value is answered 400 with the message next to the filter and the
    unfiltered list, so the visitor can correct it."""
    form = ResourceFilterForm(request.GET)
    documents = resources_for_zone(zone_page)
    valid = form.is_valid()
    if valid:
        documents = form.filter(documents)
    response = zone_page.render_subview(
        request,
        "resources",
        "documents/zone_resources.html",
        {
            "filter_form": form,
            "results": page_of(request, documents, RESOURCES_PER_PAGE),
            "is_filtered": form.is_filtered,
        },
    )
    if not valid:
        response.status_code = 400
    return response
