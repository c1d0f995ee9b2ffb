"""Demo news, drawn from the project's announcements and written in our own words. Dates
are relative to the day the command runs, so the archive always spans several years."""

import datetime

from django.utils import timezone

from portal.core.demo_content import demo_step, index_page, translate
from zones.models import Zone

from .models import NewsIndexPage, NewsPage

INDEX = {
    "title": ("Aktualności", "News"),
    "slug": ("aktualnosci", "news"),
    "intro": (
        "Co się dzieje w projekcie: spotkania, badania, nowe materiały i partnerstwa.",
        "What is happening in the project: meetings, research, new material and partnerships.",
    ),
}

# (days before today, zone slugs, {field: (pl, en or None)}); en None = not translated yet.
NEWS = [
    (
        "strategy",
        ["samorzady", "wtz", "biznes", "wspolpraca-miedzynarodowa"],
        {
            "title": (
                "Strategia wdrażania modelu obroniona",
                "The model's implementation strategy approved",
            ),
            "slug": ("strategia-wdrazania-obroniona", "implementation-strategy-approved"),
            "lead": (
                "5 marca w Warszawie przedstawiliśmy strategię wdrażania modelu przed Krajową "
                "Siecią Tematyczną „Zatrudnienie i integracja społeczna” – z wynikiem pozytywnym.",
                "On 5 March in Warsaw we presented the model's implementation strategy to the "
                "National Thematic Network “Employment and social integration” – and it was "
                "approved.",
            ),
            "body": (
                "Członkowie sieci i eksperci ministerstwa pytali o aktywizację zawodową osób z "
                "niepełnosprawnością przy pomocy narzędzi ekonomii społecznej oraz o to, jak "
                "warsztat i spółdzielnia mają ze sobą współpracować. Ekspertka oceniająca "
                "projekt podkreśliła mocne strony proponowanych rozwiązań.",
                "Network members and ministry experts asked about vocational activation of "
                "people with disabilities through social economy tools, and about how the "
                "workshop and the cooperative will work together. The expert who assessed the "
                "project pointed out the strengths of the proposed solutions.",
            ),
        },
    ),
    (
        "meetings",
        ["wtz", "samorzady"],
        {
            "title": (
                "Ruszają spotkania informacyjno-promocyjne",
                "Information meetings are starting",
            ),
            "slug": ("ruszaja-spotkania-informacyjne", "information-meetings-are-starting"),
            "lead": (
                "Zapraszamy przedstawicieli WTZ, samorządów i organizacji prowadzących "
                "warsztaty na spotkania o modelu w miastach Wielkopolski.",
                "We invite representatives of workshops, local governments and the "
                "organisations that run workshops to meetings about the model in towns "
                "across Wielkopolska.",
            ),
            "body": (
                "Na spotkaniach omawiamy prawne, finansowe i społeczne strony modelu oraz "
                "pokazujemy wielkopolskie spółdzielnie socjalne, które już zatrudniają osoby "
                "z niepełnosprawnością. Zapisy prowadzimy przez formularz przy każdym "
                "wydarzeniu.",
                "At the meetings we discuss the legal, financial and social sides of the model "
                "and show cooperatives in Wielkopolska that already employ people with "
                "disabilities. Sign up through the form on each event's page.",
            ),
        },
    ),
    (
        "research",
        ["samorzady", "wtz", "biznes", "wspolpraca-miedzynarodowa"],
        {
            "title": (
                "Nowe raporty w „Badaniach i analizach”",
                "New reports in “Research and analyses”",
            ),
            "slug": ("nowe-raporty-badania-i-analizy", "new-research-reports"),
            "lead": (
                "Opublikowaliśmy kolejne raporty z badań i ekspertyzy z paneli eksperckich – "
                "w dziale „Badania i analizy” i w każdej strefie.",
                "We have published further research reports and expert panel opinions – in "
                "“Research and analyses” and in every zone.",
            ),
            "body": (
                "Raporty dotyczą potrzeb uczestników WTZ, barier we współpracy samorządów ze "
                "spółdzielniami socjalnymi i doświadczeń firm. Osoby zainteresowane "
                "szczegółami badań zapraszamy do kontaktu z zespołem projektu.",
                "The reports cover the needs of workshop participants, the barriers between "
                "local governments and social cooperatives, and companies' experience. If you "
                "would like to know more about the research, contact the project team.",
            ),
        },
    ),
    (
        "handbook",
        ["wtz", "samorzady", "biznes"],
        {
            "title": (
                "Podręcznik modelu: dwanaście kroków do spółdzielni",
                "The model's handbook: twelve steps to a cooperative",
            ),
            "slug": ("podrecznik-dwanascie-krokow", "handbook-twelve-steps"),
            "lead": (
                "Od diagnozy potencjału uczestników po ocenę wartości społecznej – "
                "podręcznik prowadzi przez cały proces zakładania spółdzielni przy WTZ.",
                "From assessing participants' potential to measuring social value – the "
                "handbook guides you through founding a cooperative beside a workshop.",
            ),
            "body": (
                "Każdy krok odsyła do rozdziału z narzędziami: wzorami umów, biznesplanem, "
                "programem szkoleń. Podręcznik powstał na podstawie pięciu przetestowanych "
                "wariantów modelu.",
                "Each step points to a chapter with tools: contract templates, a business "
                "plan, a training programme. The handbook draws on five tested variants of "
                "the model.",
            ),
        },
    ),
    (
        "partnership",
        ["samorzady"],
        {
            "title": (
                "Spotkanie partnerskie samorządów i warsztatów",
                "Partnership meeting of local governments and workshops",
            ),
            "slug": ("spotkanie-partnerskie-samorzadow", "partnership-meeting-local-governments"),
            "lead": (
                "Przedstawiciele gmin, powiatów i WTZ rozmawiali o tym, jak wspólnie "
                "założyć spółdzielnię socjalną osób prawnych.",
                "Representatives of municipalities, counties and workshops discussed how to "
                "found a social cooperative of legal persons together.",
            ),
            "body": (
                "Uczestnicy spisali listę usług, które samorządy mogłyby zlecać spółdzielni, "
                "i umówili się na kolejne spotkanie grup inicjatywnych.",
                "Participants listed services local governments could commission from a "
                "cooperative and agreed to meet again as initiative groups.",
            ),
        },
    ),
    (
        "business",
        ["biznes"],
        {
            "title": ("Firmy poznają spółdzielnie socjalne", None),
            "slug": ("firmy-poznaja-spoldzielnie", None),
            "lead": (
                "Na warsztatach dla przedsiębiorców pokazaliśmy, jakie prace spółdzielnia "
                "przy WTZ może przejąć w łańcuchu dostaw.",
                None,
            ),
            "body": (
                "Rozmawialiśmy o usługach porządkowych, cateringu i prostych pracach "
                "montażowych oraz o tym, jak przygotować pierwsze zlecenie.",
                None,
            ),
        },
    ),
    (
        "international",
        ["wspolpraca-miedzynarodowa"],
        {
            "title": ("Warsztaty wymiany doświadczeń z partnerami z zagranicy", None),
            "slug": ("warsztaty-wymiany-doswiadczen", None),
            "lead": (
                "Liderzy spółdzielni i kadra WTZ spotkali się z partnerami z innych krajów, "
                "by porównać sposoby zatrudniania osób z niepełnosprawnością.",
                None,
            ),
            "body": (
                "Najwięcej uwagi poświęciliśmy wsparciu liderów spółdzielni i treningom "
                "pracy. Wnioski opiszemy w raporcie.",
                None,
            ),
        },
    ),
    (
        "initiative-groups",
        ["wtz"],
        {
            "title": ("Po badaniach – praca z grupami inicjatywnymi", None),
            "slug": ("praca-z-grupami-inicjatywnymi", None),
            "lead": (
                "Zakończyliśmy ośmiomiesięczną fazę badań. Teraz pracujemy z grupami, które "
                "przygotowują się do założenia spółdzielni.",
                None,
            ),
            "body": (
                "Zaskoczyło nas duże zainteresowanie warsztatów i powiatowych centrów "
                "pomocy rodzinie. Wciąż można do nas dołączyć.",
                None,
            ),
        },
    ),
]

DAYS_AGO = {
    "meetings": 4,
    "research": 25,
    "handbook": 70,
    "partnership": 140,
    "business": 230,
    "international": 330,
    "initiative-groups": 420,
}


def _date(key):
    today = timezone.localdate()
    if key == "strategy":  # the strategy was defended on 5 March; the news came the next day
        year = today.year if (today.month, today.day) > (3, 6) else today.year - 1
        return datetime.date(year, 3, 6)
    return today - datetime.timedelta(days=DAYS_AGO[key])


@demo_step(order=65)
def create_news(demo):
    index = index_page(demo, NewsIndexPage, INDEX, "news index")
    zones = {zone.slug: zone for zone in Zone.objects.filter(locale=demo.source_locale)}
    for key, zone_slugs, text in NEWS:
        page = NewsPage.objects.child_of(index).filter(slug=text["slug"][0]).first()
        if page is None:
            page = NewsPage(
                title=text["title"][0],
                slug=text["slug"][0],
                date=_date(key),
                lead=text["lead"][0],
                body=[("paragraph", f"<p>{text['body'][0]}</p>")],
            )
            page.zones = [zones[slug] for slug in zone_slugs if slug in zones]
            index.add_child(instance=page)
            page.save_revision().publish()
            demo.note(f"news {page.title}")
        if text["title"][1] is None:
            continue
        for locale in demo.translation_locales:
            if page.get_translation_or_none(locale) is None:
                translate(page, locale, dict(text.values()))
                demo.note(f"news {text['title'][1]} ({locale.language_code})")
