"""The easy-to-read pages among the pages the frame links to on every page."""

from wagtail import hooks

from portal.core.navigation import FRAME_PAGES_HOOK

from .links import easy_read_pages

hooks.register(FRAME_PAGES_HOOK, easy_read_pages)
