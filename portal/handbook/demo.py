"""Demo content of the model: the handbook with its twelve steps, the five sub-models,
the evaluation page and two example success stories, each with its English translation. The
texts and facts are in demo.yaml beside this module."""

from pathlib import Path

from wagtail.models import Page

from portal.core import demo_content
from portal.core.models import StandardPage
from portal.documents.models import PortalDocument
from zones.models import Zone

from .models import (
    HandbookPage,
    HandbookStep,
    SubModelIndexPage,
    SubModelPage,
    SuccessStoryIndexPage,
    SuccessStoryPage,
)

DATA_FILE = Path(__file__).with_name("demo.yaml")

# The sub-model fields compared side by side; each is a text in the data file.
COMPARED = ["founders", "employer", "income", "local_government_role", "risks", "suits"]


@demo_content.demo_step(order=80)
def create_model_pages(demo):
    texts = demo_content.read_demo_data(DATA_FILE)
    model = _handbook(demo, texts)
    _evaluation(demo, model, texts["evaluation"])
    _sub_models(demo, model, texts)
    _stories(demo, model, texts)


def _zones(demo):
    return {zone.slug: zone for zone in Zone.objects.filter(locale=demo.source_locale)}


def _handbook(demo, texts):
    home = demo.home_pages["pl"]
    model = HandbookPage.objects.child_of(home).first()
    texts_of_model, steps = texts["model"], texts["steps"]
    if model is None:
        zones = _zones(demo)
        title = texts_of_model["handbook_title"].pl
        paragraphs = [
            texts_of_model["handbook_step"].format(
                number=number, title=step["title"].pl, body=step["body"].pl
            )
            for number, step in enumerate(steps, 1)
        ]
        handbook = _document(
            title, demo_content.demo_pdf(title, paragraphs), texts_of_model["handbook_file"]
        )
        template = texts["agreement_template"]
        agreement = _document(
            template["title"].pl,
            demo_content.demo_rtf(template["title"].pl, template["paragraphs"]),
            template["file"],
            kind=PortalDocument.Kind.TEMPLATE,
        )
        model = HandbookPage(
            title=texts_of_model["title"].pl,
            slug=texts_of_model["slug"].pl,
            intro=texts_of_model["intro"].pl,
            how_it_works=f"<p>{texts_of_model['how'].pl}</p>",
            handbook=handbook,
            show_in_menus=True,
            beneficiaries=[
                (
                    "group",
                    {
                        "group": item["group"].pl,
                        "benefits": [benefit.pl for benefit in item["benefits"]],
                        "zone": zones.get(item["zone"]) if item["zone"] else None,
                    },
                )
                for item in texts["beneficiaries"]
            ],
        )
        model.steps = [
            HandbookStep(
                title=step["title"].pl,
                body=f"<p>{step['body'].pl}</p>",
                zones=[("zone", zones[slug]) for slug in step["zones"] if slug in zones],
                other_actors=step["others"].pl,
                chapter=step["chapter"],
                downloads=[("document", agreement)] if number == template["step"] else [],
                sort_order=number,
            )
            for number, step in enumerate(steps, 1)
        ]
        demo_content.publish_child(home, model)
        _place_after_about(home, model)
        demo.note("the model's handbook with 12 steps")
    strings = demo_content.segments(texts_of_model)
    for item in texts["beneficiaries"]:
        strings.update([item["group"], *item["benefits"]])
    for step in steps:
        chapter = step["chapter"]
        strings.update([step["title"], step["body"], step["others"], (chapter, chapter)])
    for locale in demo.translation_locales:
        if model.get_translation_or_none(locale) is None:
            translated = demo_content.translate(model, locale, strings)
            _place_after_about(demo.home_pages[locale.language_code], translated)
            demo.note(f"the model's handbook ({locale.language_code})")
    return model


def _evaluation(demo, model, data):
    page = demo_content.existing_child(model, StandardPage, data["slug"].pl)
    if page is None:

        def bullets(items):
            return "<ul>" + "".join(f"<li>{item.pl}</li>" for item in items) + "</ul>"

        page = StandardPage(
            title=data["title"].pl,
            slug=data["slug"].pl,
            intro=data["intro"].pl,
            body=[
                ("heading", {"text": data["innovation_heading"].pl, "level": "h2"}),
                ("paragraph", bullets(data["innovation"])),
                ("heading", {"text": data["strengths_heading"].pl, "level": "h2"}),
                ("paragraph", bullets(data["strengths"])),
                ("heading", {"text": data["recommendations_heading"].pl, "level": "h2"}),
                ("paragraph", bullets(data["recommendations"])),
            ],
        )
        demo_content.publish_child(model, page)
        demo.note("innovation and evaluation page")
    strings = {}
    for value in data.values():
        strings.update(value if isinstance(value, list) else [value])
    demo_content.translate_missing(demo, page, strings, data["title"].en)


def _sub_models(demo, model, texts):
    index = SubModelIndexPage.objects.child_of(model).first()
    if index is None:
        index = SubModelIndexPage(**_source(texts["sub_model_index"]))
        demo_content.publish_child(model, index)
        demo.note("sub-model comparison")
    demo_content.translate_missing(
        demo, index, demo_content.segments(texts["sub_model_index"]), "sub-model comparison"
    )
    for data in texts["sub_models"]:
        page = demo_content.existing_child(index, SubModelPage, data["slug"].pl)
        if page is None:
            page = SubModelPage(
                title=data["title"].pl,
                slug=data["slug"].pl,
                summary=data["summary"].pl,
                features=[("feature", feature.pl) for feature in data["features"]],
                **{name: data[name].pl for name in COMPARED},
            )
            demo_content.publish_child(index, page)
            demo.note(f"sub-model {page.title}")
        strings = demo_content.segments(
            {key: value for key, value in data.items() if key != "features"}
        )
        strings.update(data["features"])
        demo_content.translate_missing(demo, page, strings, data["title"].en)


def _stories(demo, model, texts):
    index = SuccessStoryIndexPage.objects.child_of(model).first()
    if index is None:
        index = SuccessStoryIndexPage(**_source(texts["story_index"]))
        demo_content.publish_child(model, index)
        demo.note("success stories")
    demo_content.translate_missing(
        demo, index, demo_content.segments(texts["story_index"]), "success stories"
    )
    zones = _zones(demo)
    for data in texts["stories"]:
        page = demo_content.existing_child(index, SuccessStoryPage, data["slug"].pl)
        photo = demo_content.demo_illustration(
            data["illustration"], f"Ilustracja: {data['title'].pl}"
        )
        if page is None:
            page = SuccessStoryPage(
                title=data["title"].pl,
                slug=data["slug"].pl,
                cooperative=data["cooperative"],
                town=data["town"],
                founded=data["founded"],
                members=data["members"],
                employed_participants=data["employed"],
                activity=data["activity"].pl,
                quote=data["quote"].pl,
                quote_by=data["quote_by"].pl,
                photo=photo,
                photo_alt=data["photo_alt"].pl,
            )
            page.zones = [zones[slug] for slug in data["zones"] if slug in zones]
            demo_content.publish_child(index, page)
            demo.note(f"success story {page.title}")
        strings = demo_content.segments(
            {
                key: data[key]
                for key in ("title", "slug", "activity", "quote", "quote_by", "photo_alt")
            }
        )
        demo_content.translate_missing(demo, page, strings, data["title"].en)
        demo_content.add_missing_image(page, "photo", photo, data["photo_alt"])


def _source(data):
    return {key: value.pl for key, value in data.items()}


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
            title=title, file=demo_content.demo_file(filename, content), kind=kind
        )
    return document
