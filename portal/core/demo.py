"""Demo content of the core app: the page tree, the project settings, about pages."""

import io
import math

from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont

from wagtail.images.models import Image
from wagtail.models import Page, Site

from .demo_content import demo_file, demo_step, publish_child, translate, translate_missing
from .models import FundingNotice, HomePage, Partner, ProjectSettings, StandardPage

HOME = {
    "title": ("Portal WTZ", "Portal WTZ"),
    "slug": ("strona-glowna", "home"),
    "hero_title": (
        "Spółdzielnie socjalne, które dają pracę uczestnikom WTZ",
        "Social cooperatives that give jobs to workshop participants",
    ),
    "hero_text": (
        "Pokazujemy, jak warsztaty terapii zajęciowej, samorządy, firmy i organizacje "
        "pozarządowe mogą razem założyć spółdzielnię socjalną i zatrudnić w niej osoby "
        "z niepełnosprawnością intelektualną.",
        "We show how occupational therapy workshops, local governments, companies and "
        "NGOs can together found a social cooperative and employ people with "
        "intellectual disabilities in it.",
    ),
    "intro": (
        "Model opracowało Stowarzyszenie Na Rzecz Spółdzielni Socjalnych razem z "
        "Regionalnym Ośrodkiem Polityki Społecznej w Poznaniu i firmą Konimpex. Pięć jego "
        "wariantów sprawdzono w praktyce w Wielkopolsce, a wnioski zebraliśmy w podręczniku "
        "dwunastu kroków.",
        "The model was developed by the Association for Social Cooperatives together with "
        "the Regional Centre for Social Policy in Poznań and the company Konimpex. Five "
        "variants of it were tested in practice in Wielkopolska, and what we learned is "
        "gathered in a twelve-step handbook.",
    ),
    "zones_heading": ("Wybierz swoją strefę", "Choose your zone"),
}

ABOUT = {
    "title": ("O projekcie", "About the project"),
    "slug": ("o-projekcie", "about-the-project"),
    "intro": (
        "Projekt „Innowacyjny model aktywizacji zawodowej uczestników WTZ” tworzy nowe "
        "ogniwo między warsztatem terapii zajęciowej a rynkiem pracy.",
        "The project “An innovative model of vocational activation for WTZ participants” "
        "adds a new link between the occupational therapy workshop and the job market.",
    ),
    "heading_goal": ("Cel projektu", "The project's goal"),
    "goal": (
        "Chcemy, by uczestnicy warsztatów terapii zajęciowej mogli przejść od terapii do "
        "prawdziwej pracy. Narzędziem jest spółdzielnia socjalna osób prawnych, którą "
        "zakładają podmioty prowadzące WTZ – samorządy i organizacje pozarządowe – razem "
        "z partnerami z otoczenia.",
        "We want participants of occupational therapy workshops to be able to move from "
        "therapy to real work. The tool is a social cooperative of legal persons, founded "
        "by the bodies that run workshops – local governments and NGOs – together with "
        "partners around them.",
    ),
    "heading_why": ("Dlaczego spółdzielnia socjalna", "Why a social cooperative"),
    "why": (
        "Spółdzielnia łączy cele gospodarcze i społeczne. Daje uczestnikom miejsce praktyk, "
        "staży i zatrudnienia w znanym, bezpiecznym otoczeniu, a warsztatom pozwala "
        "przyjmować kolejne osoby z listy oczekujących.",
        "A cooperative joins economic and social aims. It gives participants a place for "
        "placements, traineeships and employment in a familiar, safe setting, and lets "
        "workshops take in more people from their waiting lists.",
    ),
    "quote": (
        "Model dodaje do systemu nowy element, nie wymagając przebudowy całości ani "
        "dodatkowych pieniędzy spoza istniejących źródeł wsparcia.",
        "The model adds a new element to the system without rebuilding the whole of it "
        "and without money beyond the existing sources of support.",
    ),
    "quote_by": ("Wnioski z ewaluacji modelu", "Conclusions of the model's evaluation"),
}

ACCESSIBILITY = {
    "title": ("Deklaracja dostępności", "Accessibility statement"),
    "slug": ("deklaracja-dostepnosci", "accessibility-statement"),
    "intro": (
        "Chcemy, by z portalu mógł korzystać każdy, także osoby korzystające z czytników "
        "ekranu, powiększenia lub wyłącznie z klawiatury.",
        "We want everyone to be able to use this portal, including people who use screen "
        "readers, magnification or only a keyboard.",
    ),
    "body": (
        "Portal jest budowany zgodnie z wytycznymi WCAG 2.1 na poziomie AA. Każda zmiana "
        "jest automatycznie sprawdzana narzędziem axe. Jeśli coś jest dla Ciebie "
        "niedostępne, napisz do biura projektu – odpowiemy w ciągu 7 dni.",
        "The portal is built to WCAG 2.1 level AA. Every change is checked automatically "
        "with the axe tool. If anything is not accessible to you, write to the project "
        "office and we will answer within 7 days.",
    ),
}

FUNDING_TEXT = (
    "<p>Projekt „Innowacyjny model aktywizacji zawodowej uczestników WTZ” jest "
    "współfinansowany przez Unię Europejską w ramach Europejskiego Funduszu Społecznego: "
    "Program Operacyjny Kapitał Ludzki, Priorytet I „Zatrudnienie i integracja społeczna”, "
    "Działanie 1.2 „Wsparcie systemowe instytucji pomocy i integracji społecznej”.</p>",
    "The project “An innovative model of vocational activation for WTZ participants” is "
    "co-financed by the European Union from the European Social Fund: Human Capital "
    "Operational Programme, Priority I “Employment and social integration”, Measure 1.2 "
    "“Systemic support for social assistance and integration institutions”.",
)

LOGO_ALT = {
    "eu": ("Unia Europejska, Europejski Fundusz Społeczny", "European Union, European Social Fund"),
    "kl": (
        "Kapitał Ludzki – Narodowa Strategia Spójności",
        "Human Capital – National Cohesion Strategy",
    ),
}

PARTNERS = [
    (
        "Stowarzyszenie Na Rzecz Spółdzielni Socjalnych",
        Partner.Role.LEADER,
        "https://www.spoldzielnie.org",
    ),
    ("Regionalny Ośrodek Polityki Społecznej w Poznaniu", Partner.Role.PARTNER, ""),
    ("Konimpex Sp. z o.o.", Partner.Role.PARTNER, ""),
]


def _strings(data):
    return {source: target for source, target in data.values()}


@demo_step(order=10)
def create_home_pages(demo):
    """The Polish home page as the site's root, and its English translation."""
    home = HomePage.objects.filter(locale=demo.source_locale).first()
    if home is None:
        root = Page.get_first_root_node()
        home = HomePage(
            locale=demo.source_locale,
            title=HOME["title"][0],
            slug=HOME["slug"][0],
            hero_title=HOME["hero_title"][0],
            hero_text=HOME["hero_text"][0],
            intro=f"<p>{HOME['intro'][0]}</p>",
            zones_heading=HOME["zones_heading"][0],
        )
        publish_child(root, home)
        demo.note("Polish home page")
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost", root_page=home, is_default_site=True, site_name="Portal WTZ"
        )
    elif type(site.root_page.specific) is Page and site.root_page.depth == 2:
        # Still Wagtail's "Welcome to your new Wagtail site!" page: replace it. A root an
        # administrator chose is left alone.
        placeholder = site.root_page
        site.root_page = home
        site.site_name = site.site_name or "Portal WTZ"
        site.save()
        if not placeholder.get_children().exists():
            placeholder.delete()
    for locale in demo.translation_locales:
        if home.get_translation_or_none(locale) is None:
            translate(home, locale, _strings(HOME))
            demo.note(f"home page ({locale.language_code})")
    demo.home_pages = {
        page.locale.language_code: page
        for page in HomePage.objects.filter(translation_key=home.translation_key)
    }


@demo_step(order=30)
def create_project_settings(demo):
    """The office, the leader and partners, the funding notice with its logos."""
    notice = FundingNotice.objects.filter(locale=demo.source_locale).first()
    if notice is None:
        notice = FundingNotice.objects.create(
            locale=demo.source_locale,
            title="EFS – Kapitał Ludzki",
            text=FUNDING_TEXT[0],
            logos=[
                ("logo", {"image": _logo_image("eu"), "alt_text": LOGO_ALT["eu"][0], "url": ""}),
                ("logo", {"image": _logo_image("kl"), "alt_text": LOGO_ALT["kl"][0], "url": ""}),
            ],
        )
        demo.note("funding notice")
    strings = {FUNDING_TEXT[0][3:-4]: FUNDING_TEXT[1], **{pl: en for pl, en in LOGO_ALT.values()}}
    for locale in demo.translation_locales:
        if notice.get_translation_or_none(locale) is None:
            translate(notice, locale, strings)
            demo.note(f"funding notice ({locale.language_code})")

    site = Site.objects.get(is_default_site=True)
    if not ProjectSettings.objects.filter(site=site).exists():
        project = ProjectSettings(site=site)
        project.office_name = "Stowarzyszenie Na Rzecz Spółdzielni Socjalnych"
        project.street = "ul. Chłapowskiego 15/1"
        project.postcode = "61-504"
        project.city = "Poznań"
        project.phone = "61 887 11 66"
        project.email = "biuro@spoldzielnie.org"
        project.website = "https://www.spoldzielnie.org"
        project.funding_notice = notice
        project.partners = [
            Partner(name=name, role=role, website=website, sort_order=index)
            for index, (name, role, website) in enumerate(PARTNERS)
        ]
        project.save()
        demo.note("project settings and partners")


@demo_step(order=40)
def create_standard_pages(demo):
    home = demo.home_pages["pl"]
    about = _child_page(demo, home, ABOUT["slug"][0])
    if about is None:
        about = StandardPage(
            title=ABOUT["title"][0],
            slug=ABOUT["slug"][0],
            intro=ABOUT["intro"][0],
            show_in_menus=True,
            body=[
                ("heading", {"text": ABOUT["heading_goal"][0], "level": "h2"}),
                ("paragraph", f"<p>{ABOUT['goal'][0]}</p>"),
                ("heading", {"text": ABOUT["heading_why"][0], "level": "h2"}),
                ("paragraph", f"<p>{ABOUT['why'][0]}</p>"),
                ("quote", {"text": ABOUT["quote"][0], "attribution": ABOUT["quote_by"][0]}),
            ],
        )
        publish_child(home, about)
        demo.note("about page")
    statement = _child_page(demo, home, ACCESSIBILITY["slug"][0])
    if statement is None:
        statement = StandardPage(
            title=ACCESSIBILITY["title"][0],
            slug=ACCESSIBILITY["slug"][0],
            intro=ACCESSIBILITY["intro"][0],
            body=[("paragraph", f"<p>{ACCESSIBILITY['body'][0]}</p>")],
        )
        publish_child(home, statement)
        demo.note("accessibility statement")
        project = ProjectSettings.for_site(Site.objects.get(is_default_site=True))
        if project.accessibility_page_id is None:
            project.accessibility_page = statement
            project.save(update_fields=["accessibility_page"])
    for page, data in ((about, ABOUT), (statement, ACCESSIBILITY)):
        translate_missing(demo, page, _strings(data), data["title"][1])


def _child_page(demo, parent, slug):
    return parent.get_children().filter(slug=slug).specific().first()


def _logo_image(kind):
    """A simple stand-in logo drawn here, so the demo needs no download. Editors replace
    it with the official artwork."""
    title = {"eu": "Logo UE (demo)", "kl": "Logo Kapitał Ludzki (demo)"}[kind]
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    canvas = PILImage.new("RGB", (240, 128), "white")
    draw = ImageDraw.Draw(canvas)
    if kind == "eu":
        draw.rectangle((8, 8, 182, 120), fill="#003399")
        for star in range(12):
            angle = 2 * math.pi * star / 12
            x, y = 95 + 40 * math.cos(angle), 64 + 40 * math.sin(angle)
            draw.regular_polygon((x, y, 6), 5, fill="#ffcc00")
        draw.text((190, 40), "UE", font=ImageFont.load_default(size=28), fill="#003399")
    else:
        for index, colour in enumerate(("#d52b1e", "#009fe3", "#ffcc00", "#7ab929")):
            draw.ellipse((10 + index * 55, 30, 70 + index * 55, 90), fill=colour)
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG")
    return Image.objects.create(title=title, file=demo_file(f"logo-{kind}.png", buffer.getvalue()))
