"""What the project reports about its reach: a daily download counter per document (no
person in it, downloads.py) and the public "Rezultaty projektu" page. The figures themselves
are computed from the content and registrations (figures.py), never typed in."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import TranslatableField

from portal.core.translatable import PAGE_TEXT_FIELDS

from .downloads import DocumentDownload  # noqa: F401  (the model lives in its own module)
from .figures import public_headlines


class ResultsPage(Page):
    """ "Rezultaty projektu": the project's headline figures for the public, computed from
    the site's data (see figures.public_headlines), never typed in by an editor."""

    intro = models.TextField(_("introduction"), max_length=500, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    translatable_fields = [*PAGE_TEXT_FIELDS, TranslatableField("intro")]

    parent_page_types = ["core.HomePage", "core.StandardPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("project results page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["headlines"] = public_headlines()
        return context
