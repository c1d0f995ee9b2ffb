"""Production settings refuse to start half-configured; the admin account is never default."""

import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest

from django.contrib.auth import get_user_model
from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "SECRET_KEY": "a-long-random-production-secret-0123456789-abcdefghijklmnopqrstuvwxyz",
    "ALLOWED_HOSTS": "wtz.example.org",
    "PORTAL_BASE_URL": "https://wtz.example.org",
    "DATABASE_URL": "sqlite:////tmp/portal-wtz-deploy-check.sqlite3",
    "EMAIL_URL": "smtp+tls://portal:secret@mail.example.org:587",
}


def run_manage(*args, env):
    return run_python("manage.py", *args, env=env)


def run_code(code, env):
    """`code` in a new Python process under the production settings: reading a setting
    needs no more than the settings module, where `manage.py shell` loads every app."""
    return run_python("-c", code, env=env)


def run_python(*args, env):
    # A deployment's environment: none of the test run's own switches leak into it.
    dropped = (
        "SECRET_KEY",
        "ALLOWED_HOSTS",
        "PORTAL_BASE_URL",
        "WAGTAILADMIN_BASE_URL",
        "DJANGO_ALLOW_ASYNC_UNSAFE",
        "DEBUG",
    )
    clean = {k: v for k, v in os.environ.items() if k not in dropped}
    clean.update(env, DJANGO_SETTINGS_MODULE="portal.settings.production")
    return subprocess.run(  # noqa: S603
        [sys.executable, *args],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS", "PORTAL_BASE_URL"])
def test_production_without_required_variable_fails_naming_it(missing):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert f"The environment variable {missing} must be set" in result.stderr


def test_production_refuses_blank_allowed_hosts():
    result = run_manage("check", env={**PRODUCTION_ENV, "ALLOWED_HOSTS": " , "})
    assert result.returncode != 0
    assert "The environment variable ALLOWED_HOSTS must be set" in result.stderr


def test_production_deploy_check_has_no_warnings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    ("admin_url", "expected"),
    [
        (None, "https://wtz.example.org"),
        ("https://admin.wtz.example.org/", "https://admin.wtz.example.org"),
    ],
)
def test_admin_links_follow_the_site_address_unless_set_apart(admin_url, expected):
    env = {**PRODUCTION_ENV, **({"WAGTAILADMIN_BASE_URL": admin_url} if admin_url else {})}
    printed = run_code(
        "from django.conf import settings; print(settings.WAGTAILADMIN_BASE_URL)", env=env
    )
    assert printed.stdout.strip().splitlines()[-1] == expected


def test_production_static_files_get_hashed_names(tmp_path):
    env = {**PRODUCTION_ENV, "STATIC_ROOT": str(tmp_path)}
    # The portal's own files: Wagtail's and Django's apps' (table_block: 2.6 MB of
    # Handsontable, half the command's CPU to compress) are theirs to hash.
    ignore = ["-i", "wagtail*", "-i", "admin", "-i", "rest_framework", "-i", "django_*"]
    ignore += ["-i", "table_block"]
    # One process collects, then asks for the address (one start of Django, not two); the
    # manifest a new process would read the names from is checked on disk below.
    printed = run_code(
        "import django; django.setup(); from django.core.management import call_command; "
        f"call_command('collectstatic', '--noinput', '-v0', *{ignore!r}); "
        "from django.templatetags.static import static; print(static('css/site.css'))",
        env=env,
    )
    assert printed.returncode == 0, printed.stderr
    url = printed.stdout.strip().splitlines()[-1]
    assert url.startswith("/static/css/site.") and url.endswith(".css")
    assert url != "/static/css/site.css"
    assert (tmp_path / url.removeprefix("/static/")).exists()
    assert (tmp_path / (url.removeprefix("/static/") + ".gz")).exists()
    manifest = json.loads((tmp_path / "staticfiles.json").read_text())
    assert manifest["paths"]["css/site.css"] == url.removeprefix("/static/")


@pytest.mark.django_db
def test_admin_password_is_generated_and_printed_once(monkeypatch):
    monkeypatch.delenv("ADMIN_PASSWORD", raising=False)
    first, second = StringIO(), StringIO()
    call_command("ensure_admin", stdout=first)
    call_command("ensure_admin", stdout=second)

    password = first.getvalue().split("(shown only now): ")[1].split()[0]
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser
    assert len(password) >= 12
    assert admin.check_password(password)
    assert password not in second.getvalue()
    assert "password unchanged" in second.getvalue()


@pytest.mark.django_db
def test_admin_password_comes_from_environment(monkeypatch):
    monkeypatch.setenv("ADMIN_PASSWORD", "from-the-environment-42")
    out = StringIO()
    call_command("ensure_admin", stdout=out)
    assert get_user_model().objects.get(username="admin").check_password("from-the-environment-42")
    assert "from-the-environment-42" not in out.getvalue()
