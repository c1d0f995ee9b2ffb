"""The blocks of easy-to-read pages (one idea per line, a pictogram beside it) and of the sign
language page (a video that loads nothing from its host before the visitor asks for it)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock

from .pictograms import PICTOGRAM_CHOICES
from .video import embed_for


class LineBlock(blocks.StructBlock):
    """One short sentence with one idea, and a picture that shows it: a pictogram shipped with
    the site or an uploaded image, which then must be described (the alt text)."""

    text = blocks.TextBlock(
        label=_("Sentence"),
        max_length=200,
        help_text=_("One short sentence with one idea. Use common words and no abbreviations."),
    )
    pictogram = blocks.ChoiceBlock(label=_("Pictogram"), choices=PICTOGRAM_CHOICES, required=False)
    image = ImageChooserBlock(
        label=_("Or an image"),
        required=False,
        help_text=_("Used instead of the pictogram."),
    )
    alt_text = blocks.CharBlock(
        label=_("What the image shows"),
        max_length=200,
        required=False,
        default="",
        help_text=_("Required with an image: read out to people who cannot see it."),
    )

    def clean(self, value):
        """An image without a description says nothing to a screen reader user."""
        value = super().clean(value)
        if value.get("image") and not value.get("alt_text", "").strip():
            raise StructBlockValidationError(
                block_errors={"alt_text": ValidationError(_("Say what the image shows."))}
            )
        return value

    class Meta:
        icon = "pilcrow"
        label = _("Line")
        template = "easyread/blocks/line.html"


class EasyReadStreamBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(
        label=_("Heading"), max_length=120, template="easyread/blocks/heading.html", icon="title"
    )
    line = LineBlock()


class SignLanguageVideoBlock(blocks.StructBlock):
    """A video in Polish Sign Language on YouTube, Vimeo or as a file. The page shows a link to
    it; with script, a button that puts the player in the page only when pressed, so the
    video's host learns nothing of visitors who do not watch."""

    title = blocks.CharBlock(label=_("Title"), max_length=160)
    url = blocks.URLBlock(
        label=_("Address of the video"),
        help_text=_(
            "A YouTube or Vimeo address, or the address of an MP4 or WebM file. The demo "
            "content has a placeholder address: replace it with your own recording."
        ),
    )
    description = blocks.TextBlock(
        label=_("What the video says"),
        required=False,
        help_text=_("A short summary in writing, for people who do not watch the video."),
    )

    def clean(self, value):
        """Only addresses the page knows how to play (and the policy allows) are accepted."""
        value = super().clean(value)
        if embed_for(value.get("url", "")) is None:
            raise StructBlockValidationError(
                block_errors={
                    "url": ValidationError(
                        _("Give a YouTube or Vimeo address, or an MP4 or WebM file.")
                    )
                }
            )
        return value

    class Meta:
        icon = "media"
        label = _("Sign language video")
        template = "easyread/blocks/sign_video.html"


class SignLanguageStreamBlock(EasyReadStreamBlock):
    video = SignLanguageVideoBlock()
