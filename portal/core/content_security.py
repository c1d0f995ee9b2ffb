"""One Content-Security-Policy for the public site, another for Wagtail's admin.

The public pages run only the site's own script and style sheets, so they get the strict
CONTENT_SECURITY_POLICY. Wagtail's admin writes inline scripts and styles of its own (inline
panels, date pickers, wagtail-localize's editor), which a strict policy would break, so the
pages below the admin's address (including its previews of pages) get
CONTENT_SECURITY_POLICY_ADMIN. A view that sets its own policy with django-csp's decorators
keeps it.
"""

from csp.middleware import CSPMiddleware

from django.conf import settings
from django.urls import reverse
from django.utils.functional import cached_property


class SectionCSPMiddleware(CSPMiddleware):
    @cached_property
    def admin_prefix(self):
        """Where the admin lives (/admin/), looked up once: the URLconf does not change."""
        return reverse("wagtailadmin_home")

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        in_admin = request.path_info.startswith(self.admin_prefix)
        if in_admin and not report_only and parts.config is None:
            parts.config = settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"]
        return parts
