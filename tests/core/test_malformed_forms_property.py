"""The malformed-request property test for the forms and links that act (registration,
cancellation, the poll, the contact form, the language switcher): the strategies, the site
and the budget are in test_malformed_requests_property.py, which checks the pages."""

import pytest

from tests.core.test_malformed_requests_property import (  # noqa: F401  (its fixtures)
    FORM_ROUTES,
    _lean_client,
    _no_rate_limits,
    check_routes,
    portal_requests,
    site,
)

pytestmark = pytest.mark.django_db


def test_malformed_form_posts_and_links_never_get_a_server_error(
    site,  # noqa: F811  (the fixture imported above)
    portal_requests,  # noqa: F811
    subtests,
):
    """One test (the site is built once) with a subtest per route, reported by name."""
    check_routes(FORM_ROUTES, site, subtests)
