"""Every interface string has a Polish and an English translation, none of them fuzzy:
the catalogues in the repository, and the strings in the code that may not be in them yet."""

import shutil
from pathlib import Path

import polib
import pytest

from django.core.management import call_command

BASE_DIR = Path(__file__).resolve().parents[2]
LOCALE_DIR = BASE_DIR / "locale"
SOURCES = ["portal", "zones", "templates", "locale"]  # everything makemessages reads


def problems(catalogue):
    return {
        "untranslated": [entry.msgid for entry in catalogue.untranslated_entries()],
        "fuzzy": [entry.msgid for entry in catalogue.fuzzy_entries()],
    }


@pytest.mark.parametrize("language", ["pl", "en"])
def test_catalogue_is_complete(language):
    catalogue = polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))
    assert len(catalogue) > 50
    assert problems(catalogue) == {"untranslated": [], "fuzzy": []}


def test_every_string_marked_in_the_code_is_translated(tmp_path, settings, monkeypatch):
    """makemessages on a copy of the sources and catalogues: a string added or changed in
    the code but not translated shows up as untranslated or fuzzy."""
    if shutil.which("xgettext") is None:
        pytest.fail("GNU gettext is missing: `make test` installs Debian's gettext package.")
    for name in SOURCES:
        shutil.copytree(BASE_DIR / name, tmp_path / name, ignore=shutil.ignore_patterns("*.pyc"))
    settings.LOCALE_PATHS = [tmp_path / "locale"]
    monkeypatch.chdir(tmp_path)
    call_command("makemessages", locale=["pl", "en"], no_location=True, verbosity=0)
    for language in ("pl", "en"):
        catalogue = polib.pofile(str(tmp_path / "locale" / language / "LC_MESSAGES" / "django.po"))
        assert problems(catalogue) == {"untranslated": [], "fuzzy": []}, language
