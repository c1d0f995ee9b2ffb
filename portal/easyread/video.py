"""Where a sign-language video plays from: the player's address and the one origin the
page's Content-Security-Policy must allow for it (and only on the page that shows it)."""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from csp.constants import HEADER
from csp.utils import build_policy

YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be"}
VIMEO_HOSTS = {"vimeo.com", "www.vimeo.com"}
YOUTUBE_PLAYER = "https://www.youtube-nocookie.com"
VIMEO_PLAYER = "https://player.vimeo.com"
VIDEO_FILE = re.compile(r"\.(mp4|webm)$", re.IGNORECASE)
VIDEO_ID = re.compile(r"^[A-Za-z0-9_-]{6,20}$")


@dataclass(frozen=True)
class Embed:
    """`kind` is "iframe" (a hosted player) or "video" (a file the browser plays itself)."""

    kind: str
    src: str
    origin: str

    @property
    def directive(self):
        """The CSP directive that must allow `origin`."""
        return "frame-src" if self.kind == "iframe" else "media-src"


def embed_for(url):
    """The player of the video at `url`, or None for an address the page cannot play.
    YouTube plays from its no-cookie host, so even a visitor who watches gets no cookie."""
    parts = urlsplit(url or "")
    host = parts.hostname or ""
    if parts.scheme != "https" and not VIDEO_FILE.search(parts.path):
        return None
    if host in YOUTUBE_HOSTS:
        return _hosted(YOUTUBE_PLAYER, "/embed/", _youtube_id(parts))
    if host in VIMEO_HOSTS:
        return _hosted(VIMEO_PLAYER, "/video/", parts.path.strip("/"))
    if parts.scheme in ("http", "https") and VIDEO_FILE.search(parts.path):
        return Embed("video", url, f"{parts.scheme}://{parts.netloc}")
    return None


def _youtube_id(parts):
    if parts.hostname == "youtu.be":
        return parts.path.strip("/")
    if parts.path.startswith("/embed/"):
        return parts.path.removeprefix("/embed/")
    return parse_qs(parts.query).get("v", [""])[0]


def _hosted(player, prefix, video_id):
    if not VIDEO_ID.match(video_id):
        return None
    return Embed("iframe", f"{player}{prefix}{video_id}?autoplay=1", player)


def allow_players(response, embeds):
    """Set `response`'s Content-Security-Policy: the site's own, plus the origins of these
    players in the directives they need (django-csp leaves a header already set alone)."""
    update = {}
    for embed in embeds:
        update.setdefault(embed.directive, [])
        if embed.origin not in update[embed.directive]:
            update[embed.directive].append(embed.origin)
    if update:
        response[HEADER] = build_policy(update=update)
