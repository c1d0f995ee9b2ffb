"""The one StreamField block set every page body is built from.

Core declares the blocks every body has; a content family adds its own (polls add the poll)
by registering them with the Wagtail hook ``register_body_block`` in its ``wagtail_hooks.py``,
so core never imports a family. A page that needs more subclasses `BaseStreamBlock` and adds
its blocks.
"""

from django.apps import apps
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks, hooks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock

BODY_BLOCK_HOOK = "register_body_block"


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Text"), max_length=160)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section heading (H2)")), ("h3", _("Subheading (H3)"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading.html"


class CaptionedImageBlock(blocks.StructBlock):
    """Wagtail's ImageBlock (the image, its alt text or the decorative flag, and the check
    that one of them is given) with the caption shown under the image."""

    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), max_length=250, required=False)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quotation"))
    attribution = blocks.CharBlock(label=_("Who said it"), max_length=160, required=False)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Link text"),
        max_length=200,
        required=False,
        help_text=_("Defaults to the document's title."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Document link")
        template = "blocks/document_link.html"


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=160)
    text = blocks.TextBlock(label=_("Text"), required=False)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("Or an address"), required=False)
    button_label = blocks.CharBlock(label=_("Button label"), max_length=80)

    class Meta:
        icon = "link"
        label = _("Call to action")
        template = "blocks/call_to_action.html"

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise blocks.StructBlockValidationError(
                block_errors={"page": ValidationError(_("Choose a page or give an address."))}
            )
        return value


def registered_body_blocks():
    """The (name, block) pairs the content families add to every body, in the order of
    INSTALLED_APPS. A hook returns one pair."""
    return [register() for register in hooks.get_hooks(BODY_BLOCK_HOOK)]


class BaseStreamBlock(blocks.StreamBlock):
    """Every page body: core's blocks, then those the families register.

    Pass the class, not an instance, to `StreamField(BaseStreamBlock)`: Wagtail builds the
    block when the field is first used, after every app (and so every hook) is loaded.
    Building it while models are still being imported would miss the families' blocks and
    import their hooks too early, so that is refused with Django's "Models aren't loaded yet".
    """

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Text"),
        icon="pilcrow",
        features=["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"],
        template="blocks/paragraph.html",
    )
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    table = TableBlock(label=_("Table"), template="blocks/table.html")
    document = DocumentLinkBlock()
    call_to_action = CallToActionBlock()

    def __init__(self, local_blocks=None, **kwargs):
        apps.check_models_ready()
        super().__init__([*registered_body_blocks(), *(local_blocks or [])], **kwargs)


class LogoBlock(blocks.StructBlock):
    """A logo through Wagtail's ImageBlock (the image, the text a screen reader says instead
    of it or the decorative flag, and the check that one of them is given), with an optional
    link. A link needs a name, so a linked logo cannot be decorative."""

    image = ImageBlock(label=_("Logo"))
    url = blocks.URLBlock(label=_("Link"), required=False)

    class Meta:
        icon = "image"
        label = _("Logo")

    def clean(self, value):
        value = super().clean(value)
        if value.get("url") and value["image"].decorative:
            raise blocks.StructBlockValidationError(
                block_errors={
                    "url": ValidationError(
                        _("A logo that links somewhere needs alt text: it names the link.")
                    )
                }
            )
        return value
