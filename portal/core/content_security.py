"""One Content-Security-Policy for the public site, another for Wagtail's admin.

The public pages run only the site's own script and style sheets, so they get the strict
CONTENT_SECURITY_POLICY. Wagtail's admin writes inline scripts and styles of its own (inline
panels, date pickers, wagtail-localize's editor), which a strict policy would break, so the
pages below the admin's address (including its previews of pages) get
CONTENT_SECURITY_POLICY_ADMIN. A view that sets its own policy with django-csp's decorators
keeps it.
"""

from csp.middleware import CheckableLazyObject, CSPMiddleware

from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse
from django.utils.functional import cached_property

# What django-csp's decorators set on a response to give it a policy of its own.
PER_RESPONSE_POLICY = (
    "_csp_config",
    "_csp_update",
    "_csp_replace",
    "_csp_exempt",
    "_csp_config_ro",
    "_csp_update_ro",
    "_csp_replace_ro",
    "_csp_exempt_ro",
)


class SectionCSPMiddleware(CSPMiddleware):
    def __init__(self, get_response):
        super().__init__(get_response)
        # The policy headers of each section (public site, admin), built on first use.
        self.section_headers = {}

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

    def process_response(self, request, response):
        """The section's policy headers, built once: without a nonce, a decorator or an
        excluded prefix the policy is the same for every response of a section, and
        django-csp building it again cost a quarter of a page served from the page cache."""
        if not self.is_section_policy(request, response):
            return super().process_response(request, response)
        in_admin = request.path_info.startswith(self.admin_prefix)
        if in_admin not in self.section_headers:
            self.section_headers[in_admin] = self.build_section_headers(request)
        for name, value in self.section_headers[in_admin].items():
            if name not in response:
                response[name] = value
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response

    def is_section_policy(self, request, response):
        """Whether this response gets its section's policy as it is (what django-csp would
        build for it is the same as for any other response of the section)."""
        return not (
            settings.DEBUG
            or getattr(request, "_csp_nonce", None) is not None
            or any(hasattr(response, name) for name in PER_RESPONSE_POLICY)
            or self.excluded_prefixes
        )

    @cached_property
    def excluded_prefixes(self):
        policies = (
            getattr(settings, "CONTENT_SECURITY_POLICY", None) or {},
            getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None) or {},
        )
        return any(policy.get("EXCLUDE_URL_PREFIXES") for policy in policies)

    def build_section_headers(self, request):
        """The headers django-csp sets on a plain response of this request's section."""
        plain = super().process_response(request, HttpResponse())
        return {name: value for name, value in plain.items() if name.startswith("Content-Security")}
