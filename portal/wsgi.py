import os

import django

from portal.core.http import PortalWSGIHandler

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")

# Django's get_wsgi_application(), with the site's handler (see portal/core/http.py).
django.setup(set_prefix=False)
application = PortalWSGIHandler()

# Once the models are loaded: every routable page type's URL resolver, built before the first
# request (the function says why threaded workers need it).
from portal.core.routes import build_routable_page_resolvers  # noqa: E402

build_routable_page_resolvers()
