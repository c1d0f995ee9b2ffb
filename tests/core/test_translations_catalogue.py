"""Every interface string has a Polish and an English translation, none of them fuzzy."""

from pathlib import Path

import polib
import pytest

LOCALE_DIR = Path(__file__).resolve().parents[2] / "locale"


@pytest.mark.parametrize("language", ["pl", "en"])
def test_catalogue_is_complete(language):
    catalogue = polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert len(catalogue) > 50
    assert untranslated == []
    assert fuzzy == []
