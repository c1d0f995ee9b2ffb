"""Demo content of the zones app: the four stakeholder zones, in Polish and English."""

import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from wagtail.documents import get_document_model
from wagtail.models import Collection

from portal.core.demo_content import demo_file, demo_pdf, demo_rtf, demo_step, translate

from .demo_pages import RESOURCES, ZONE_PAGES
from .editing import MODERATORS, set_up_editing
from .models import Zone, ZonePage

ZONES = [
    {
        "slug": "samorzady",
        "sort_order": 10,
        "colour": Zone.Colour.BLUE,
        "icon": Zone.Icon.TOWN_HALL,
        "name": ("Strefa Samorządów", "Local Government Zone"),
        "audience": (
            "Gminy, powiaty i województwa oraz ich jednostki: ROPS, PCPR, OPS",
            "Municipalities, counties and regions, and their social policy units",
        ),
        "intro": (
            "Jak samorząd może założyć spółdzielnię socjalną przy WTZ lub zlecać jej zadania, "
            "tak by usługi powstawały na miejscu, a publiczne pieniądze zostawały w gminie.",
            "How a local government can found a social cooperative beside a workshop, or "
            "commission work from it, so services are made locally and public money stays "
            "in the community.",
        ),
    },
    {
        "slug": "wtz",
        "sort_order": 20,
        "colour": Zone.Colour.TEAL,
        "icon": Zone.Icon.WORKSHOP,
        "name": ("Strefa WTZ", "Workshop (WTZ) Zone"),
        "audience": (
            "Kadra warsztatów terapii zajęciowej i podmioty, które je prowadzą",
            "Staff of occupational therapy workshops and the bodies that run them",
        ),
        "intro": (
            "Spółdzielnia socjalna jako następny krok po warsztacie: praktyki, staże i "
            "prawdziwa praca dla uczestników, a w WTZ miejsce dla osób z listy oczekujących.",
            "A social cooperative as the next step after the workshop: placements, "
            "traineeships and real jobs for participants, and room in the workshop for "
            "people on the waiting list.",
        ),
    },
    {
        "slug": "biznes",
        "sort_order": 30,
        "colour": Zone.Colour.AMBER,
        "icon": Zone.Icon.BUSINESS,
        "name": ("Strefa Biznesu", "Business Zone"),
        "audience": (
            "Małe, średnie i duże przedsiębiorstwa",
            "Small, medium-sized and large companies",
        ),
        "intro": (
            "Współpraca ze spółdzielnią socjalną jako inkluzywny model biznesowy: zaufany "
            "lokalny podwykonawca, outsourcing w łańcuchu dostaw i nowe grupy klientów.",
            "Working with a social cooperative as an inclusive business model: a trusted "
            "local subcontractor, outsourcing within the supply chain and new customers.",
        ),
    },
    {
        "slug": "wspolpraca-miedzynarodowa",
        "sort_order": 40,
        "colour": Zone.Colour.PLUM,
        "icon": Zone.Icon.GLOBE,
        "name": ("Strefa Współpracy Międzynarodowej", "International Cooperation Zone"),
        "audience": (
            "Partnerzy zagraniczni, sieci ekonomii społecznej i badacze",
            "Partners abroad, social economy networks and researchers",
        ),
        "intro": (
            "Wymiana doświadczeń z partnerami z innych krajów: międzynarodowe warsztaty, "
            "wizyty studyjne i materiały o modelu w języku angielskim.",
            "Sharing experience with partners from other countries: international "
            "workshops, study visits and material about the model in English.",
        ),
    },
]


@demo_step(order=20)
def create_zones(demo):
    for data in ZONES:
        zone = Zone.objects.filter(slug=data["slug"], locale=demo.source_locale).first()
        if zone is None:
            zone = Zone.objects.create(
                locale=demo.source_locale,
                slug=data["slug"],
                sort_order=data["sort_order"],
                colour=data["colour"],
                icon=data["icon"],
                name=data["name"][0],
                audience=data["audience"][0],
                intro=data["intro"][0],
            )
            demo.note(f"zone {zone.name}")
        strings = {data[key][0]: data[key][1] for key in ("name", "audience", "intro")}
        for locale in demo.translation_locales:
            if zone.get_translation_or_none(locale) is None:
                translate(zone, locale, strings)
                demo.note(f"zone {data['name'][1]} ({locale.language_code})")


@demo_step(order=45)
def create_zone_pages(demo):
    """One landing page per zone below each home page, the English ones as translations.
    Each recommends the about page (shown in the visitor's language)."""
    home = demo.home_pages["pl"]
    about = home.get_children().filter(slug="o-projekcie").first()
    for zone in Zone.objects.filter(locale=demo.source_locale).order_by("sort_order"):
        data = ZONE_PAGES.get(zone.slug)
        if data is None:
            continue
        page = ZonePage.objects.filter(locale=demo.source_locale, zone=zone).first()
        if page is None:
            page = ZonePage(
                zone=zone,
                title=data["title"][0],
                slug=data["slug"][0],
                intro=data["intro"][0],
                show_in_menus=True,
                featured=[("page", about)] if about else [],
                benefits=[
                    ("benefit", {"title": title[0], "text": text[0]})
                    for title, text in data["benefits"]
                ],
                contact_name=data["contact"][0],
                contact_role=data["contact"][1][0],
                contact_email=data["contact"][2],
                contact_phone="61 887 11 66",
                faq=[
                    ("question", {"question": question[0], "answer": f"<p>{answer[0]}</p>"})
                    for question, answer in data["faq"]
                ],
            )
            home.add_child(instance=page)
            page.save_revision().publish()
            demo.note(f"zone page {page.title}")
        for locale in demo.translation_locales:
            if page.get_translation_or_none(locale) is None:
                translate(page, locale, _zone_page_strings(data))
                demo.note(f"zone page {data['title'][1]} ({locale.language_code})")


def _zone_page_strings(data):
    pairs = [data["title"], data["slug"], data["intro"], data["contact"][1]]
    for title, text in data["benefits"]:
        pairs += [title, text]
    for question, answer in data["faq"]:
        pairs += [question, answer]
    return dict(pairs)


@demo_step(order=75)
def set_up_zone_editing(demo):
    """Groups, collections, permissions and the moderation workflow (see zones.editing),
    after the news and events indexes exist, so zone editors get their rights there too."""
    set_up_editing()


@demo_step(order=76)
def create_zone_resources(demo):
    """Three small real files per zone in the zone's collection, tagged with the zone."""
    Document = get_document_model()
    for zone in Zone.objects.filter(locale=demo.source_locale):
        for kind, language, filename, title, description, paragraphs in RESOURCES.get(
            zone.slug, []
        ):
            if Document.objects.filter(title=title).exists():
                continue
            content = (
                demo_rtf(title, paragraphs)
                if filename.endswith(".rtf")
                else demo_pdf(title, paragraphs)
            )
            document = Document.objects.create(
                title=title,
                file=demo_file(filename, content),
                collection=zone.collection or Collection.get_first_root_node(),
                description=description,
                language=language,
                kind=kind,
                file_size=len(content),
            )
            document.zones.add(zone)
            demo.note(f"resource {filename}")


@demo_step(order=78)
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
