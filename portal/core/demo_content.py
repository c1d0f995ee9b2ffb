"""The framework behind `manage.py load_demo_content`.

Every app that has demo content keeps its texts and facts in a `demo.yaml` (read here by
`read_demo_data`) and the code that turns them into pages in its `demo.py`, which registers its
steps with `@demo_step(order)`; the command imports every installed app's `demo` module and
runs the steps in order. Each step must be idempotent: it creates what is missing and leaves what
exists alone, so running the command again never duplicates anything or overwrites an
editor's change.
"""

import logging
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import yaml
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.management.base import CommandError
from django.db.models.signals import post_save
from django.utils.module_loading import autodiscover_modules

from wagtail.images.models import Image
from wagtail.models import Locale, Page
from wagtail.search import index as search_index
from wagtail.search.signal_handlers import post_save_signal_handler
from wagtail.search.tasks import insert_or_update_object_task
from wagtail_localize.models import Translation, TranslationSource

from .front_cache import one_ban_for_all
from .signals import Receiver, receivers_paused

logger = logging.getLogger(__name__)

PDF_FONT = Path(__file__).with_name("fonts") / "DejaVuSans-Latin.ttf"
# libyaml's safe loader reads the demo's files about ten times faster than the pure-Python one.
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_steps = []
# {step: a context manager factory}: work kept up to date on every save that the step redoes
# in full, paused from the start of a run until the step runs (see `demo_step`).
_pauses = {}


class DemoDataError(CommandError):
    """A demo data file is unreadable or lacks something the demo needs. Raised inside the
    command's transaction, so a broken file leaves no half-built demo behind."""


class Translated(NamedTuple):
    """One text in Polish (the source) and English; `en` is None while it is not
    translated yet. A tuple, so `dict(texts)` maps each Polish segment to its English."""

    pl: str
    en: str | None = None


class DemoData(dict):
    """A mapping read from a demo data file. Asking for a key the file lacks stops the load
    with the file's name and the key's place in it, instead of a bare KeyError."""

    def __init__(self, items, source, place):
        super().__init__(items)
        self.source = source
        self.place = place

    def __missing__(self, key):
        where = self.place or "the top level"
        raise DemoDataError(f"{self.source}: {where} has no required key {key!r}")


def read_demo_data(path):
    """The YAML file at `path`: mappings become `DemoData`, and every `{pl: …, en: …}`
    mapping becomes a `Translated` pair."""
    path = Path(path)
    source = path.relative_to(settings.BASE_DIR) if path.is_relative_to(settings.BASE_DIR) else path
    try:
        with path.open(encoding="utf-8") as file:
            content = yaml.load(file, Loader=YAML_LOADER)  # noqa: S506 (a safe loader)
    except (OSError, yaml.YAMLError) as error:
        raise DemoDataError(f"{source}: {error}") from error
    if not isinstance(content, dict):
        raise DemoDataError(f"{source}: the top level must be a mapping")
    return _wrap(content, source, "")


def _wrap(value, source, place):
    if isinstance(value, list):
        return [_wrap(item, source, f"{place}[{index}]") for index, item in enumerate(value)]
    if not isinstance(value, dict):
        return value
    if value and set(value) <= {"pl", "en"}:
        if "pl" not in value:
            raise DemoDataError(f"{source}: {place} has no required key 'pl'")
        return Translated(value["pl"], value.get("en"))
    return DemoData(
        {
            key: _wrap(item, source, f"{place}.{key}" if place else key)
            for key, item in value.items()
        },
        source,
        place,
    )


def demo_step(order, pauses=None):
    """Register a function `step(demo: DemoContext)` to run at position `order`. `pauses`
    is a context manager factory for work the step redoes in full (an index it rebuilds from
    everything the earlier steps made): when the step is part of a run, that work is paused
    from the run's start until the step, instead of being done after every save."""

    def register(func):
        if func not in [registered for _, registered in _steps]:
            _steps.append((order, func))
        if pauses is not None:
            _pauses[func] = pauses
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


def load_all(stdout=None, apps=None):
    """Run every registered step in order; with `apps`, only the steps of those apps
    ("portal.events") or those named with their app ("zones.create_zones"): a smaller site
    built in seconds, for the cluster's tests (`deploy/cluster.py --content minimal`)."""
    autodiscover_modules("demo")
    source_locale, _ = Locale.objects.get_or_create(language_code="pl")
    english, _ = Locale.objects.get_or_create(language_code="en")
    demo = DemoContext(source_locale=source_locale, translation_locales=[english])
    steps = [step for _order, step in sorted(_steps, key=lambda item: item[0])]
    steps = [step for step in steps if apps is None or is_selected(step, apps)]
    with search_index_updates_once(), one_ban_for_all():
        paused = {step: pause(_pauses[step]) for step in steps if step in _pauses}
        try:
            for step in steps:
                if step in paused:
                    paused.pop(step).close()
                step(demo)
        finally:
            for stack in paused.values():
                stack.close()
    return demo


def is_selected(step, apps):
    """Whether `--apps` names the step's app ("portal.events") or the step itself."""
    app = step.__module__.rpartition(".")[0]
    return app in apps or f"{app}.{step.__name__}" in apps


def pause(factory):
    """The context of `factory` entered, in a stack its caller closes when the pause ends."""
    stack = ExitStack()
    stack.enter_context(factory())
    return stack


@contextmanager
def search_index_updates_once():
    """Wagtail's search index entry of an object follows each of its saves, and the demo
    saves a page three times or more (added, revised, published; its translation as often):
    while the steps run, the saved objects are noted instead, and once they are done each is
    indexed once, as it is then, by the task the save would have enqueued. Deletions still
    leave the index at once."""
    saved = {}  # in the order of their first save, the order the index entries were made in

    def note(sender, instance, raw=False, **kwargs):
        if not raw:
            saved.setdefault((type(instance), str(instance.pk)), None)

    handlers = [
        Receiver(post_save, post_save_signal_handler, model)
        for model in search_index.get_indexed_models()
    ]
    with receivers_paused(handlers, instead=note):
        yield
    for model, pk in saved:
        if model.objects.filter(pk=pk).exists():
            meta = model._meta
            insert_or_update_object_task.enqueue(meta.app_label, meta.model_name, pk)


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


def translate_missing(demo, instance, strings, label):
    """`translate()` into every translation language the instance is not yet in, noting
    "<label> (<language>)" for each translation made."""
    for locale in demo.translation_locales:
        if instance.get_translation_or_none(locale) is None:
            translate(instance, locale, strings)
            demo.note(f"{label} ({locale.language_code})")


def segments(texts):
    """The Polish → English segments of the `Translated` texts in `texts` (its other values
    are facts: dates, numbers, colours), for `translate()`."""
    return dict(value for value in texts.values() if isinstance(value, Translated))


def existing_child(parent, model, slug):
    """The `model` page with this slug below `parent`, when an earlier run (or an editor)
    made it, else None: a step creates only what is missing."""
    return model.objects.child_of(parent).filter(slug=slug).first()


def publish_child(parent, page):
    """Add `page` below `parent` and publish it."""
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def demo_file(name, content):
    """A small file made by the demo command itself (no downloads)."""
    return ContentFile(content, name=name)


def demo_pdf(title, paragraphs):
    """A small real PDF (A4) with a title and paragraphs of text, several pages when the text
    is long. Its text is embedded with the shipped DejaVu Sans font, Polish letters included,
    so it can be extracted and searched like any publisher's PDF."""
    pdf = FPDF(format="A4")
    pdf.set_title(title)
    pdf.add_font("DejaVu", fname=PDF_FONT)
    pdf.add_page()
    pdf.set_font("DejaVu", size=16)
    pdf.multi_cell(0, 8, title, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font_size(11)
    for paragraph in paragraphs:
        pdf.ln(5)
        pdf.multi_cell(0, 6, paragraph, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    return bytes(pdf.output())


def demo_rtf(title, paragraphs):
    """A small real RTF document (opens in any word processor), for document templates."""

    def escape(text):
        return "".join(
            char
            if ord(char) < 128 and char not in "\\{}"
            else f"\\u{ord(char)}?"
            if ord(char) >= 128
            else f"\\{char}"
            for char in text
        )

    body = "".join(f"\\par {escape(paragraph)}\\par\n" for paragraph in paragraphs)
    document = "{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Arial;}}\\fs24\n" + (
        f"{{\\b\\fs32 {escape(title)}}}\\par\n{body}}}"
    )
    return document.encode("ascii")


def index_page(demo, model, texts, label):
    """The listing page (`model`) below the Polish home page, with its translations:
    created, in the menu, from `texts` = {"title": (pl, en), "slug": …, "intro": …}."""
    home = demo.home_pages["pl"]
    index = model.objects.child_of(home).first()
    if index is None:
        index = model(**{field: pl for field, (pl, _en) in texts.items()}, show_in_menus=True)
        home.add_child(instance=index)
        index.save_revision().publish()
        demo.note(label)
    for locale in demo.translation_locales:
        if index.get_translation_or_none(locale) is None:
            translate(index, locale, dict(texts.values()))
    return index


# The demo's illustrations (drawn by portal/core/illustrations/draw.py), each with its focal
# point in the PNG's pixels (x, y, width, height of the area that matters): the scene's people
# and what they work on, which every crop of the picture keeps.
ILLUSTRATIONS = Path(__file__).with_name("illustrations")
ILLUSTRATION_FOCUS = {
    "home-hero": (120, 340, 1360, 560),
    "zone-samorzady": (360, 300, 1200, 560),
    "zone-wtz": (540, 240, 960, 640),
    "zone-biznes": (360, 360, 960, 520),
    "zone-wspolpraca-miedzynarodowa": (360, 80, 1280, 720),
    "story-bakery": (160, 140, 1120, 760),
    "story-estate-garden": (300, 240, 960, 660),
}


def demo_illustration(name, title):
    """The Wagtail image of the illustration `name` with its focal point, uploaded once
    (found again by its title on later runs)."""
    existing = Image.objects.filter(title=title).first()
    if existing is not None:
        return existing
    x, y, width, height = ILLUSTRATION_FOCUS[name]
    return Image.objects.create(
        title=title,
        file=demo_file(f"{name}.png", (ILLUSTRATIONS / f"{name}.png").read_bytes()),
        focal_point_x=x + width // 2,
        focal_point_y=y + height // 2,
        focal_point_width=width,
        focal_point_height=height,
    )


def add_missing_image(page, field, image, alt):
    """Give `page` and each of its translations the `image` in `field` when they have none,
    with the description `alt[language]`, as a published revision: a site built before the
    demo had illustrations gets them, and an image an editor chose stays."""
    for translation in page.get_translations(inclusive=True).specific():
        if getattr(translation, f"{field}_id"):
            continue
        setattr(translation, field, image)
        setattr(translation, f"{field}_alt", getattr(alt, translation.locale.language_code))
        translation.save_revision().publish()
