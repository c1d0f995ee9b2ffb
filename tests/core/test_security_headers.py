"""The admin sends nothing about editors to third parties."""

import pytest

from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db


def test_admin_dashboard_loads_no_gravatar_and_checks_for_no_update(client, home):
    editor = get_user_model().objects.create_superuser(
        username="redaktor", email="redaktor@example.org", password="haslo-redaktora-2026"
    )
    client.force_login(editor)

    html = client.get("/admin/").content.decode()

    assert "gravatar.com" not in html  # it would send a hash of the e-mail address
    assert 'data-controller="w-upgrade' not in html  # the script that asks releases.wagtail.org
    assert "releases.wagtail" not in html
