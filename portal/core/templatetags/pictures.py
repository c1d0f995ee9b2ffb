"""`{% responsive_picture image "hero" alt=… %}`: the one way templates show an editor's image."""

from django import template

from portal.core.images import responsive_picture as picture_of

register = template.Library()


@register.simple_tag
def responsive_picture(image, placement, alt="", css_class=""):
    """The image's `<picture>` at a placement of `portal.core.images.PLACEMENTS` (or a
    `Placement`); nothing when there is no image. `alt=""` for an image the text beside it
    already says (a card's thumbnail)."""
    if not image:
        return ""
    return picture_of(image, placement, alt, css_class)
