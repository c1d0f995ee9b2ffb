"""The pictograms shipped with the site (static/easyread/pictograms/<name>.svg), each with the
words a screen reader says for it. Editors pick one for a line; they may upload an image
instead."""

from django.templatetags.static import static
from django.utils.translation import gettext_lazy as _

PICTOGRAMS = {
    "info": _("Information"),
    "people": _("People"),
    "workshop": _("Workshop"),
    "town-hall": _("Town hall"),
    "business": _("Shop"),
    "globe": _("The world"),
    "calendar": _("Calendar"),
    "form": _("Form"),
    "handshake": _("Handshake"),
    "work": _("Work"),
    "money": _("Money"),
    "video": _("Video"),
}
PICTOGRAM_CHOICES = list(PICTOGRAMS.items())


def pictogram_url(name):
    return static(f"easyread/pictograms/{name}.svg")


def pictogram_alt(name):
    return PICTOGRAMS.get(name, "")
