"""The privacy policy among the pages the frame links to on every page."""

from django.db.models import Q

from wagtail import hooks

from portal.core.navigation import FRAME_PAGES_HOOK, FramePages


@hooks.register(FRAME_PAGES_HOOK)
def privacy_policy_pages():
    """The live privacy policies: the footer and every form's consent link to them."""
    return FramePages("privacy_policy", lambda: Q(privacypolicypage__isnull=False, live=True))
