"""The framework behind `manage.py load_demo_content`.

Every app that has demo content keeps it in its own `demo.py` and registers its steps with
`@demo_step(order)`; the command imports every installed app's `demo` module and runs the
steps in order. Each step must be idempotent: it creates what is missing and leaves what
exists alone, so running the command again never duplicates anything or overwrites an
editor's change.
"""

import logging
from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from django.utils.module_loading import autodiscover_modules

from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

logger = logging.getLogger(__name__)

_steps = []


def demo_step(order):
    """Register a function `step(demo: DemoContext)` to run at position `order`."""

    def register(func):
        if func not in [registered for _, registered in _steps]:
            _steps.append((order, func))
        return func

    return register


@dataclass
class DemoContext:
    """What the steps share: the locales, the home pages, and a log of what was created."""

    source_locale: Locale
    translation_locales: list
    home_pages: dict = field(default_factory=dict)
    created: list = field(default_factory=list)

    def note(self, what):
        self.created.append(what)


def load_all(stdout=None):
    autodiscover_modules("demo")
    source_locale, _ = Locale.objects.get_or_create(language_code="pl")
    english, _ = Locale.objects.get_or_create(language_code="en")
    demo = DemoContext(source_locale=source_locale, translation_locales=[english])
    for _order, step in sorted(_steps, key=lambda item: item[0]):
        step(demo)
    return demo


def translate(instance, locale, strings, publish=True):
    """Create or refresh the `locale` translation of a page or snippet through
    wagtail-localize, so the admin shows it as a translation that can be synced.

    `strings` maps each source segment (a field value, a rich-text paragraph, a slug)
    to its translation. The translation is only created when it does not exist yet,
    so an editor's later changes are kept.
    """
    existing = instance.get_translation_or_none(locale)
    if existing is not None:
        return existing
    source, _ = TranslationSource.get_or_create_from_instance(instance)
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
    po = translation.export_po()
    missing = []
    for entry in po:
        if entry.msgid in strings:
            entry.msgstr = strings[entry.msgid]
        else:
            missing.append(entry.msgid)
    if missing:
        logger.warning("Demo translation of %r lacks: %s", instance, missing)
    translation.import_po(po)
    if isinstance(instance, Page):
        # wagtail-localize publishes a page translation in transaction.on_commit with the
        # page as it was before its children existed, which resets the tree's child count
        # when the demo runs inside one transaction. Publish it here, from the database.
        translation.save_target(publish=False)
        translated = instance.get_translation(locale)
        if publish:
            translated.get_latest_revision().publish()
        return translated.specific
    translation.save_target(publish=True)
    return instance.get_translation(locale)


def demo_file(name, content):
    """A small file made by the demo command itself (no downloads)."""
    return ContentFile(content, name=name)
