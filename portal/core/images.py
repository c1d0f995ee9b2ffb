"""An image field with the description that people who cannot see it hear instead, and the
`<picture>` every editor's image is shown in."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models

from wagtail.admin.panels import FieldPanel
from wagtail.images import get_image_model
from wagtail.images.models import Picture
from wagtail.images.shortcuts import get_renditions_or_not_found
from wagtail_localize.fields import SynchronizedField, TranslatableField

# The formats of every `<picture>`: the browser takes the first it reads; JPEG is the fallback.
PICTURE_FORMATS = ("avif", "webp", "jpeg")


def image_with_alt(name, *, label, alt_label, missing_alt, alt_help_text=""):
    """An abstract model that adds the image field `name` and its description `<name>_alt`,
    with their panels (`image_panels`), their translation (the description is translated,
    the image shared) and the rule that a chosen image has a description, said next to the
    description field. Each page type names its fields as before, so columns stay."""
    alt = f"{name}_alt"

    def clean(self):
        super(model, self).clean()
        if getattr(self, f"{name}_id") and not getattr(self, alt):
            raise ValidationError({alt: missing_alt})

    model = type(
        f"ImageWithAlt_{name}",
        (models.Model,),
        {
            "__module__": __name__,
            "__doc__": f"The image `{name}` and its description `{alt}`.",
            name: image_reference(verbose_name=label, editable=True),
            alt: models.CharField(alt_label, max_length=250, blank=True, help_text=alt_help_text),
            "image_panels": [FieldPanel(name), FieldPanel(alt)],
            "translatable_fields": [SynchronizedField(name), TranslatableField(alt)],
            "clean": clean,
            "Meta": type("Meta", (), {"abstract": True}),
        },
    )
    return model


@dataclass(frozen=True)
class Placement:
    """Where an editor's image appears on a page, and so which renditions it needs: the crops
    or resizes at each width (`fill-` crops keep the image's focal point), the `sizes` the
    browser picks a width by, and whether it loads at once (at the top of the page, where it
    is the largest thing the visitor waits for) or lazily (below the fold)."""

    resizes: tuple[str, ...]
    sizes: str
    eager: bool = False
    high_priority: bool = False
    formats: tuple[str, ...] = PICTURE_FORMATS

    @property
    def specs(self):
        """Every rendition's filter spec, in the order `<picture>` expects: by format (the
        last one is the fallback `<img>`), narrowest first. The same strings prefetch the
        renditions of a listing (`prefetch_renditions(*placement.specs)`)."""
        return [f"{resize}|format-{fmt}" for fmt in self.formats for resize in self.resizes]

    def attributes(self, alt, css_class=""):
        """The `<img>` attributes of this placement."""
        attributes = {"alt": alt, "sizes": self.sizes, "decoding": "async"}
        attributes["loading"] = "eager" if self.eager else "lazy"
        if self.high_priority:
            attributes["fetchpriority"] = "high"
        if css_class:
            attributes["class"] = css_class
        return attributes


# One column below the wide breakpoint (the page's padding on each side), beside the text above.
_FULL_WIDTH = "calc(100vw - 2rem)"

PLACEMENTS = {
    # The home page's hero, beside its title from the wide breakpoint: the page's LCP.
    "hero": Placement(
        ("fill-480x300", "fill-800x500", "fill-1280x800"),
        f"(width >= 56rem) 27rem, {_FULL_WIDTH}",
        eager=True,
        high_priority=True,
    ),
    # A zone page's illustration, beside the zone's name from the wide breakpoint.
    "zone": Placement(
        ("fill-480x240", "fill-960x480", "fill-1440x720"),
        f"(width >= 56rem) 24rem, {_FULL_WIDTH}",
        eager=True,
        high_priority=True,
    ),
    # The main image of an article (news, success story), at the top, as wide as the text.
    "article": Placement(
        ("width-480", "width-960", "width-1440"),
        f"(width >= 44rem) 42rem, {_FULL_WIDTH}",
        eager=True,
    ),
    # An image inside an article's body: below the fold.
    "body": Placement(("max-600x450", "max-1200x900"), f"(width >= 44rem) 42rem, {_FULL_WIDTH}"),
    # A report's cover (the PDF's first page or the editor's image) beside its title, at the
    # top of the report page: 12rem wide, 8rem on phones (site.css's .report__cover).
    "report_cover": Placement(
        ("width-200", "width-400"), "(width > 40rem) 12rem, 8rem", eager=True
    ),
    # A success story's card in a list of cards.
    "story_card": Placement(
        ("fill-360x240", "fill-720x480"), f"(width > 40rem) 22rem, {_FULL_WIDTH}"
    ),
    # An article's thumbnail in the news list, in a narrow column beside its text.
    "news_item": Placement(
        ("fill-384x216", "fill-768x432"), f"(width > 40rem) 12rem, {_FULL_WIDTH}"
    ),
}


def responsive_picture(image, placement, alt, css_class=""):
    """The `<picture>` of an editor's image at one placement: AVIF and WebP sources and a
    JPEG `<img>` with width, height, alt and loading. The renditions come from the image's
    prefetched renditions when a listing fetched them (no query per row), otherwise one
    query for all of them; a missing file gives Wagtail's "not found" renditions, not a 500."""
    if isinstance(placement, str):
        placement = PLACEMENTS[placement]
    renditions = get_renditions_or_not_found(image, placement.specs)
    return Picture(renditions, placement.attributes(alt, css_class))


def prefetch_renditions(image_field, placement):
    """A `Prefetch` of the renditions a listing shows of the image in `image_field` (a
    foreign key the queryset already `select_related`s): one query for the whole list, which
    `responsive_picture` then reads instead of one query per row (Wagtail's own
    `prefetch_renditions` needs a second query for the images themselves)."""
    if isinstance(placement, str):
        placement = PLACEMENTS[placement]
    renditions = (
        get_image_model().get_rendition_model().objects.filter(filter_spec__in=placement.specs)
    )
    return models.Prefetch(
        f"{image_field}__renditions", queryset=renditions, to_attr="prefetched_renditions"
    )


def image_reference(*, editable=False, **options):
    """An optional link to an image of the library, dropped when the image is deleted;
    hidden from forms unless `editable` (the site draws or chooses the image itself)."""
    return models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        editable=editable,
        on_delete=models.SET_NULL,
        related_name="+",
        **options,
    )
