from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from .voting import poll_display


class PollBlock(blocks.StructBlock):
    """A poll placed in a page's body. It shows the poll in the page's language, and its
    form or results as this browser should see them (see `voting.poll_display`)."""

    poll = SnippetChooserBlock("polls.Poll", label=_("Poll"))
    heading = blocks.CharBlock(
        label=_("Heading"),
        max_length=160,
        required=False,
        help_text=_("Shown above the question. Leave empty for “Poll”."),
    )

    class Meta:
        icon = "tasks"
        label = _("Poll")
        template = "polls/poll_block.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        request = context.get("request")
        poll = value.get("poll")
        if poll is not None and request is not None:
            context["display"] = poll_display(
                request, poll.localized, next_url=request.get_full_path(), heading=value["heading"]
            )
        return context
