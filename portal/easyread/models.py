"""Easy-to-read pages (tekst łatwy do czytania i rozumienia, ETR) and the page in Polish Sign
Language (PJM): the versions of the site's main pages that its audience reads most easily."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import EasyReadStreamBlock, SignLanguageStreamBlock
from .video import allow_players, embed_for

PLACES = ["core.HomePage", "easyread.EasyReadPage"]


class EasyReadPage(Page):
    """Short sentences, one idea per line, a pictogram beside each, in large type. The one
    below the home page is the easy-to-read section the header links to; the pages below it
    may each be the easy version of one page of the site (`easy_read_of`), which then links
    to it."""

    easy_read_of = models.ForeignKey(
        Page,
        verbose_name=_("Easy-to-read version of"),
        help_text=_("The page of the site this page tells in easy words; it will link here."),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(EasyReadStreamBlock(), verbose_name=_("Content"), blank=True)

    content_panels = Page.content_panels + [
        PageChooserPanel("easy_read_of"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("body")]

    parent_page_types = PLACES
    subpage_types = ["easyread.EasyReadPage", "easyread.SignLanguagePage"]

    class Meta:
        verbose_name = _("easy-to-read page")
        verbose_name_plural = _("easy-to-read pages")

    def sections(self):
        """The easy-to-read pages below this one, in the editors' order (one query)."""
        return self.get_children().live().public().order_by("path")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = self.sections()
        return context


class SignLanguagePage(Page):
    """Information in Polish Sign Language: videos that load from their host only when the
    visitor presses play, each with a short summary in writing."""

    body = StreamField(SignLanguageStreamBlock(), verbose_name=_("Content"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("body")]

    parent_page_types = PLACES
    subpage_types = []

    class Meta:
        verbose_name = _("sign language page")
        verbose_name_plural = _("sign language pages")

    def video_embeds(self):
        """The players of this page's videos."""
        embeds = (
            embed_for(block.value["url"]) for block in self.body if block.block_type == "video"
        )
        return [embed for embed in embeds if embed is not None]

    def serve(self, request, *args, **kwargs):
        """The page's policy allows the players of its own videos and nothing else; the
        header is set here, so the page cache keeps it with the page."""
        response = super().serve(request, *args, **kwargs)
        if not getattr(request, "is_preview", False):
            allow_players(response, self.video_embeds())
        return response
