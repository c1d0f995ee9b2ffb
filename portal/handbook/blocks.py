"""Blocks of the model's pages."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock


class BeneficiaryBlock(blocks.StructBlock):
    """One group that gains from the model ("Kto na tym zyska?"), what it gains, and the
    zone of the site written for it, if there is one."""

    group = blocks.CharBlock(label=_("Group"), max_length=120)
    benefits = blocks.ListBlock(
        blocks.CharBlock(label=_("Benefit"), max_length=400), label=_("What the group gains")
    )
    zone = SnippetChooserBlock(
        "zones.Zone",
        label=_("Zone"),
        required=False,
        help_text=_("The zone whose page the group is sent to; leave empty if none fits."),
    )

    class Meta:
        icon = "group"
        label = _("Group that gains")
