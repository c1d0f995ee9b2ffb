import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.static import serve

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from portal.core.robots import robots_txt
from portal.core.sitemaps import SITEMAPS, sitemap_index
from portal.core.views import switch_language

# A database that cannot be reached answers 503 with the site's page; other errors 500.
handler500 = "portal.core.views.server_error"

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap_index, name="sitemap"),
    path("sitemap-<str:section>.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap_section"),
    path("language/<str:code>/", switch_language, name="switch_language"),
    path("reader-options/", include("portal.easyread.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
elif settings.SERVE_MEDIA:
    # Several app servers behind Varnish: the app servers serve the (shared) media folder
    # and the front cache keeps each file (README "Media behind the front cache").
    urlpatterns += [
        re_path(
            rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

urlpatterns += i18n_patterns(
    path("", include("portal.polls.urls")),
    path("", include("portal.subscriptions.urls")),
    path("", include("portal.search.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
