from django import template
from django.urls import reverse
from django.utils.http import urlencode

from portal.easyread.links import easy_read_links, version_url
from portal.easyread.pictograms import pictogram_alt, pictogram_url
from portal.easyread.reader import TEXT_SIZES
from portal.easyread.video import embed_for

register = template.Library()

TEXT_SIZE_LABELS = ("A", "A+", "A++")


@register.inclusion_tag("easyread/includes/header_links.html", takes_context=True)
def easy_read_header(context):
    """The header's links to the easy-to-read section and the sign language page, and the
    reader options as plain links back to this address (the same for every visitor)."""
    request = context["request"]
    links = easy_read_links(request, context.get("page"))
    option = reverse("reader_option")
    back = request.path

    def choose(name, value):
        return f"{option}?{urlencode({name: value, 'next': back})}"

    return {
        "section_url": links["section"],
        "sign_language_url": links["sign_language"],
        "text_sizes": [
            (size, label, choose("text", size))
            for size, label in zip(TEXT_SIZES, TEXT_SIZE_LABELS, strict=True)
        ],
        "contrast_normal": choose("contrast", "normal"),
        "contrast_high": choose("contrast", "high"),
    }


@register.inclusion_tag("easyread/includes/version_link.html", takes_context=True)
def easy_read_version_link(context):
    """The link to this page's easy-to-read version, where it has one."""
    request, page = context.get("request"), context.get("page")
    return {"url": version_url(request, page) if request and page else ""}


@register.simple_tag
def pictogram_src(name):
    return pictogram_url(name)


@register.simple_tag
def pictogram_label(name):
    return pictogram_alt(name)


@register.filter
def video_embed(url):
    """The player of a sign-language video (see portal.easyread.video)."""
    return embed_for(url)
