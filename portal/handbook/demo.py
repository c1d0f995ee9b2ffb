"""Demo content of the model: the handbook with its twelve steps, the five sub-models,
the evaluation page and two example success stories, each with its English translation."""

import datetime
import io

from PIL import Image as PILImage
from PIL import ImageDraw

from wagtail.images.models import Image
from wagtail.models import Page

from portal.core.demo_content import (
    demo_file,
    demo_pdf,
    demo_rtf,
    demo_step,
    publish_child,
    translate,
    translate_missing,
)
from portal.core.models import StandardPage
from portal.documents.models import PortalDocument
from zones.models import Zone

from . import demo_texts as texts
from .models import (
    HandbookPage,
    HandbookStep,
    SubModelIndexPage,
    SubModelPage,
    SuccessStoryIndexPage,
    SuccessStoryPage,
)


@demo_step(order=80)
def create_model_pages(demo):
    model = _handbook(demo)
    _evaluation(demo, model)
    _sub_models(demo, model)
    _stories(demo, model)


def _zones(demo):
    return {zone.slug: zone for zone in Zone.objects.filter(locale=demo.source_locale)}


def _handbook(demo):
    home = demo.home_pages["pl"]
    model = HandbookPage.objects.child_of(home).first()
    if model is None:
        zones = _zones(demo)
        handbook = _document(
            texts.MODEL["handbook_title"][0],
            demo_pdf(
                texts.MODEL["handbook_title"][0],
                [f"KROK {n}. {step[0][0]}. {step[1][0]}" for n, step in enumerate(texts.STEPS, 1)],
            ),
            "podrecznik-modelu.pdf",
        )
        agreement = _document(
            texts.AGREEMENT_TEMPLATE[0][0],
            demo_rtf(texts.AGREEMENT_TEMPLATE[0][0], ["Strony umowy: …", "Cel partnerstwa: …"]),
            "wzor-umowy-partnerskiej.rtf",
            kind=PortalDocument.Kind.TEMPLATE,
        )
        model = HandbookPage(
            title=texts.MODEL["title"][0],
            slug=texts.MODEL["slug"][0],
            intro=texts.MODEL["intro"][0],
            how_it_works=f"<p>{texts.MODEL['how'][0]}</p>",
            handbook=handbook,
            show_in_menus=True,
            beneficiaries=[
                (
                    "group",
                    {
                        "group": group[0],
                        "benefits": [benefit[0] for benefit in benefits],
                        "zone": zones.get(zone_slug) if zone_slug else None,
                    },
                )
                for group, benefits, zone_slug in texts.BENEFICIARIES
            ],
        )
        model.steps = [
            HandbookStep(
                title=title[0],
                body=f"<p>{body[0]}</p>",
                zones=[("zone", zones[slug]) for slug in zone_slugs if slug in zones],
                other_actors=others[0],
                chapter=chapter,
                downloads=[("document", agreement)] if number == 9 else [],
                sort_order=number,
            )
            for number, (title, body, zone_slugs, others, chapter) in enumerate(texts.STEPS, 1)
        ]
        publish_child(home, model)
        _place_after_about(home, model)
        demo.note("the model's handbook with 12 steps")
    strings = _pairs(texts.MODEL)
    for group, benefits, _zone in texts.BENEFICIARIES:
        strings.update([group, *benefits])
    for title, body, _slugs, others, chapter in texts.STEPS:
        strings.update([title, body, others, (chapter, chapter)])
    for locale in demo.translation_locales:
        if model.get_translation_or_none(locale) is None:
            translated = translate(model, locale, strings)
            _place_after_about(demo.home_pages[locale.language_code], translated)
            demo.note(f"the model's handbook ({locale.language_code})")
    return model


def _evaluation(demo, model):
    data = texts.EVALUATION
    page = StandardPage.objects.child_of(model).filter(slug=data["slug"][0]).first()
    if page is None:

        def bullets(items):
            return "<ul>" + "".join(f"<li>{item[0]}</li>" for item in items) + "</ul>"

        page = StandardPage(
            title=data["title"][0],
            slug=data["slug"][0],
            intro=data["intro"][0],
            body=[
                ("heading", {"text": data["innovation_heading"][0], "level": "h2"}),
                ("paragraph", bullets(data["innovation"])),
                ("heading", {"text": data["strengths_heading"][0], "level": "h2"}),
                ("paragraph", bullets(data["strengths"])),
                ("heading", {"text": data["recommendations_heading"][0], "level": "h2"}),
                ("paragraph", bullets(data["recommendations"])),
            ],
        )
        publish_child(model, page)
        demo.note("innovation and evaluation page")
    strings = {}
    for value in data.values():
        strings.update(value if isinstance(value, list) else [value])
    translate_missing(demo, page, strings, data["title"][1])


def _sub_models(demo, model):
    index = SubModelIndexPage.objects.child_of(model).first()
    if index is None:
        index = SubModelIndexPage(**_source(texts.SUB_MODEL_INDEX))
        publish_child(model, index)
        demo.note("sub-model comparison")
    translate_missing(demo, index, _pairs(texts.SUB_MODEL_INDEX), "sub-model comparison")
    for data in texts.SUB_MODELS:
        page = SubModelPage.objects.child_of(index).filter(slug=data["slug"][0]).first()
        if page is None:
            page = SubModelPage(
                title=data["title"][0],
                slug=data["slug"][0],
                summary=data["summary"][0],
                features=[("feature", feature[0]) for feature in data["features"]],
                **{name: data[name][0] for name in texts.COMPARED},
            )
            publish_child(index, page)
            demo.note(f"sub-model {page.title}")
        strings = _pairs({key: value for key, value in data.items() if key != "features"})
        strings.update(data["features"])
        translate_missing(demo, page, strings, data["title"][1])


def _stories(demo, model):
    index = SuccessStoryIndexPage.objects.child_of(model).first()
    if index is None:
        index = SuccessStoryIndexPage(**_source(texts.STORY_INDEX))
        publish_child(model, index)
        demo.note("success stories")
    translate_missing(demo, index, _pairs(texts.STORY_INDEX), "success stories")
    zones = _zones(demo)
    for data in texts.STORIES:
        page = SuccessStoryPage.objects.child_of(index).filter(slug=data["slug"][0]).first()
        if page is None:
            page = SuccessStoryPage(
                title=data["title"][0],
                slug=data["slug"][0],
                cooperative=data["cooperative"],
                town=data["town"],
                founded=datetime.date(*data["founded"]),
                members=data["members"],
                employed_participants=data["employed"],
                activity=data["activity"][0],
                quote=data["quote"][0],
                quote_by=data["quote_by"][0],
                photo=_photo(data["title"][0], data["colour"]),
                photo_alt=data["photo_alt"][0],
            )
            page.zones = [zones[slug] for slug in data["zones"] if slug in zones]
            publish_child(index, page)
            demo.note(f"success story {page.title}")
        strings = _pairs(
            {
                key: data[key]
                for key in ("title", "slug", "activity", "quote", "quote_by", "photo_alt")
            }
        )
        translate_missing(demo, page, strings, data["title"][1])


def _pairs(data):
    return {value[0]: value[1] for value in data.values() if isinstance(value, tuple)}


def _source(data):
    return {key: value[0] for key, value in data.items()}


def _place_after_about(home, page):
    """Put the model right after "About the project" in the main menu."""
    about = Page.objects.child_of(home).filter(
        translation_key__in=Page.objects.filter(slug="o-projekcie").values("translation_key")
    )
    about = about.first()
    if about is not None:
        Page.objects.get(pk=page.pk).move(about, pos="right")


def _document(title, content, filename, kind=PortalDocument.Kind.GUIDE):
    document = PortalDocument.objects.filter(title=title).first()
    if document is None:
        document = PortalDocument.objects.create(
            title=title, file=demo_file(filename, content), kind=kind
        )
    return document


def _photo(title, colour):
    """A simple drawn picture standing in for the cooperative's photo (no downloads)."""
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    canvas = PILImage.new("RGB", (960, 640), colour)
    draw = ImageDraw.Draw(canvas)
    draw.ellipse((330, 170, 630, 470), fill="#f3f5f7")
    draw.rectangle((0, 520, 960, 640), fill="#ffffff")
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG")
    return Image.objects.create(title=title, file=demo_file("story.png", buffer.getvalue()))
