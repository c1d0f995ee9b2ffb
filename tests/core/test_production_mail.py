"""Production refuses mail backends that deliver nothing: they would write visitors'
names, addresses and cancel links into the log instead."""

import os
import subprocess
import sys

import pytest

from tests.core.test_settings_and_commands import PRODUCTION_ENV, ROOT


def import_production_settings(**env):
    """Import portal.settings.production in a fresh interpreter with this environment (and
    no mail settings of the test run's own)."""
    clean = {k: v for k, v in os.environ.items() if k not in ("EMAIL_URL", "ALLOW_CONSOLE_EMAIL")}
    clean.update(PRODUCTION_ENV)
    for name, value in env.items():
        if value is None:
            clean.pop(name, None)
        else:
            clean[name] = value
    return subprocess.run(  # noqa: S603
        [sys.executable, "-c", "import portal.settings.production as s; print(s.EMAIL_BACKEND)"],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    "email_url",
    [None, "consolemail://", "memorymail://", "dummymail://", "filemail:///tmp/portal-mail"],
)
def test_production_refuses_a_mail_backend_that_delivers_nothing(email_url):
    result = import_production_settings(EMAIL_URL=email_url)

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "ALLOW_CONSOLE_EMAIL=true" in result.stderr


def test_allow_console_email_lets_a_staging_copy_print_its_mail():
    result = import_production_settings(EMAIL_URL="consolemail://", ALLOW_CONSOLE_EMAIL="true")

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "django.core.mail.backends.console.EmailBackend"


def test_production_accepts_smtp():
    result = import_production_settings(EMAIL_URL="smtp+tls://portal:secret@mail.example.org:587")

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "django.core.mail.backends.smtp.EmailBackend"
