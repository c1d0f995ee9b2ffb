"""Demo content of the zones app: the four stakeholder zones, their landing pages and
resources, in Polish and English. The texts and facts are in demo.yaml beside this module."""

import secrets
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from wagtail.documents import get_document_model
from wagtail.models import Collection

from portal.core import demo_content

from .editing import MODERATORS, remove_wagtail_defaults, set_up_editing
from .models import Zone, ZonePage

DATA_FILE = Path(__file__).with_name("demo.yaml")


@demo_content.demo_step(order=20)
def create_zones(demo):
    for data in demo_content.read_demo_data(DATA_FILE)["zones"]:
        zone = Zone.objects.filter(slug=data["slug"], locale=demo.source_locale).first()
        if zone is None:
            zone = Zone.objects.create(
                locale=demo.source_locale,
                slug=data["slug"],
                sort_order=data["sort_order"],
                colour=data["colour"],
                icon=data["icon"],
                name=data["name"].pl,
                audience=data["audience"].pl,
                intro=data["intro"].pl,
            )
            demo.note(f"zone {zone.name}")
        strings = dict(data[key] for key in ("name", "audience", "intro"))
        for locale in demo.translation_locales:
            if zone.get_translation_or_none(locale) is None:
                demo_content.translate(zone, locale, strings)
                demo.note(f"zone {data['name'].en} ({locale.language_code})")


@demo_content.demo_step(order=45)
def create_zone_pages(demo):
    """One landing page per zone below each home page, the English ones as translations.
    Each recommends the about page (shown in the visitor's language)."""
    home = demo.home_pages["pl"]
    about = home.get_children().filter(slug="o-projekcie").first()
    zone_pages = demo_content.read_demo_data(DATA_FILE)["zone_pages"]
    for zone in Zone.objects.filter(locale=demo.source_locale).order_by("sort_order"):
        data = zone_pages.get(zone.slug)
        if data is None:
            continue
        page = ZonePage.objects.filter(locale=demo.source_locale, zone=zone).first()
        illustration = demo_content.demo_illustration(
            f"zone-{zone.slug}", f"Ilustracja: {data['title'].pl}"
        )
        if page is None:
            page = ZonePage(
                zone=zone,
                title=data["title"].pl,
                slug=data["slug"].pl,
                intro=data["intro"].pl,
                illustration=illustration,
                illustration_alt=data["illustration_alt"].pl,
                show_in_menus=True,
                featured=[("page", about)] if about else [],
                benefits=[
                    ("benefit", {"title": benefit["title"].pl, "text": benefit["text"].pl})
                    for benefit in data["benefits"]
                ],
                contact_name=data["contact"]["name"],
                contact_role=data["contact"]["role"].pl,
                contact_email=data["contact"]["email"],
                contact_phone=data["contact"]["phone"],
                faq=[
                    (
                        "question",
                        {"question": item["question"].pl, "answer": f"<p>{item['answer'].pl}</p>"},
                    )
                    for item in data["faq"]
                ],
            )
            home.add_child(instance=page)
            page.save_revision().publish()
            demo.note(f"zone page {page.title}")
        for locale in demo.translation_locales:
            if page.get_translation_or_none(locale) is None:
                demo_content.translate(page, locale, _zone_page_strings(data))
                demo.note(f"zone page {data['title'].en} ({locale.language_code})")
        demo_content.add_missing_image(page, "illustration", illustration, data["illustration_alt"])


def _zone_page_strings(data):
    pairs = [data["title"], data["slug"], data["intro"], data["contact"]["role"]]
    pairs.append(data["illustration_alt"])
    for benefit in data["benefits"]:
        pairs += [benefit["title"], benefit["text"]]
    for item in data["faq"]:
        pairs += [item["question"], item["answer"]]
    return dict(pairs)


@demo_content.demo_step(order=75)
def set_up_zone_editing(demo):
    """Groups, collections, permissions and the moderation workflow (see zones.editing),
    after the news and events indexes exist, so zone editors get their rights there too."""
    set_up_editing()


@demo_content.demo_step(order=1000)
def finish_zone_editing(demo):
    """Last of all steps, once every app's demo indexes exist (the success stories at 80,
    the projects at 80…): zone editors get their rights below all of them, and Wagtail's
    default groups and workflow go, as `manage.py set_up_zone_editing` does."""
    set_up_editing()
    for name in remove_wagtail_defaults():
        demo.note(f"removed Wagtail's default {name}")


@demo_content.demo_step(order=76)
def create_zone_resources(demo):
    """Three small real files per zone in the zone's collection, tagged with the zone."""
    Document = get_document_model()
    resources = demo_content.read_demo_data(DATA_FILE)["resources"]
    for zone in Zone.objects.filter(locale=demo.source_locale):
        for resource in resources.get(zone.slug, []):
            title, filename = resource["title"], resource["file"]
            if Document.objects.filter(title=title).exists():
                continue
            write = demo_content.demo_rtf if filename.endswith(".rtf") else demo_content.demo_pdf
            content = write(title, resource["paragraphs"])
            document = Document.objects.create(
                title=title,
                file=demo_content.demo_file(filename, content),
                collection=zone.collection or Collection.get_first_root_node(),
                description=resource["description"],
                language=resource["language"],
                kind=resource["kind"],
                file_size=len(content),
            )
            document.zones.add(zone)
            demo.note(f"resource {filename}")


@demo_content.demo_step(order=78)
def create_demo_editors(demo):
    """One editor per zone and one moderator, to try the moderation workflow. Passwords
    are generated and shown once, like the administrator's."""
    User = get_user_model()
    accounts = [
        (f"redakcja-{zone.slug}", zone.editor_group)
        for zone in Zone.objects.filter(
            locale=demo.source_locale, editor_group__isnull=False
        ).select_related("editor_group")
    ]
    accounts.append(("moderacja", Group.objects.get(name=MODERATORS)))
    for username, group in accounts:
        if User.objects.filter(username=username).exists():
            continue
        password = secrets.token_urlsafe(10)
        user = User.objects.create_user(
            username=username, email=f"{username}@example.org", password=password
        )
        user.groups.add(group)
        demo.note(f"account {username} in '{group.name}', password (shown only now): {password}")
