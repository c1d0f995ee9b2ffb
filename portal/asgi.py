import os

import django

from portal.core.http import PortalASGIHandler

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")

# Django's get_asgi_application(), with the site's handler (see portal/core/http.py).
django.setup(set_prefix=False)
application = PortalASGIHandler()
