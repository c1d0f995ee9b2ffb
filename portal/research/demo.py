"""Demo reports: twelve made-up studies on the project's themes, each with a small PDF
made by the demo command, so that words found only inside a PDF can be searched."""

import datetime

from django.utils import timezone
from django.utils.text import slugify

from wagtail.documents import get_document_model
from wagtail.models import Page

from portal.core.demo_content import demo_file, demo_pdf, demo_step, index_page, translate
from portal.news.models import NewsIndexPage
from zones.models import Zone

from .models import ReportPage, ResearchIndexPage

INDEX = {
    "title": ("Badania i analizy", "Research and analyses"),
    "slug": ("badania-i-analizy", "research-and-analyses"),
    "intro": (
        "Raporty z badań, analizy, ekspertyzy i ewaluacje projektu. Szukaj także w treści plików PDF.",
        "The project's research reports, analyses, expert opinions and evaluations. Search the "
        "PDF files too.",
    ),
}

# slug, kind, zones, months ago, title (pl, en or None), abstract (pl, en or None),
# the PDF's paragraphs (words in them are found only in the PDF).
REPORTS = [
    (
        "potrzeby-uczestnikow-wtz",
        "research",
        ["wtz"],
        2,
        ("Potrzeby zawodowe uczestników WTZ", "The vocational needs of WTZ participants"),
        (
            "Jakich prac chcą i mogą się podjąć uczestnicy warsztatów – wyniki ankiet i wywiadów.",
            "What work workshop participants want and are able to do – results of surveys and interviews.",
        ),
        [
            "Badanie objęło uczestników kilkunastu warsztatów w Wielkopolsce.",
            "Najczęściej wskazywane prace to ogrodnictwo, gastronomia i introligatorstwo.",
            "Uczestnicy podkreślali znaczenie stałego opiekuna w miejscu pracy (trener pracy).",
        ],
    ),
    (
        "bariery-wspolpracy-samorzadow",
        "analysis",
        ["samorzady"],
        3,
        (
            "Bariery współpracy samorządów ze spółdzielniami socjalnymi",
            "Barriers between local governments and social cooperatives",
        ),
        (
            "Co utrudnia gminom i powiatom zlecanie zadań spółdzielniom socjalnym.",
            "What makes it hard for municipalities and counties to commission work from social cooperatives.",
        ),
        [
            "Główną barierą okazały się obawy przed zarzutem naruszenia zasad konkurencji.",
            "Wiele gmin nie zna zamówień zastrzeżonych ani klauzul społecznych.",
            "Brakuje lokali: bariery lokalowe wskazało ponad połowę badanych urzędów.",
        ],
    ),
    (
        "zrodla-finansowania",
        "expertise",
        ["samorzady", "wtz"],
        5,
        (
            "Źródła finansowania spółdzielni przy WTZ",
            "Funding sources for cooperatives beside workshops",
        ),
        (
            "Ekspertyza o dotacjach, pożyczkach i dochodach z działalności gospodarczej.",
            "An expert opinion on grants, loans and income from trading.",
        ),
        [
            "Ekspertyza omawia źródła finansowania dostępne w województwie wielkopolskim.",
            "Dotacje na utworzenie miejsc pracy dla osób z niepełnosprawnością łączą się ze wsparciem pomostowym.",
            "Rekomendujemy fundusz pożyczkowy dla ekonomii społecznej.",
        ],
    ),
    (
        "partnerstwa-z-biznesem",
        "research",
        ["biznes"],
        7,
        (
            "Partnerstwa firm ze spółdzielniami socjalnymi",
            "Partnerships between companies and social cooperatives",
        ),
        (
            "Doświadczenia przedsiębiorstw, które zlecają prace spółdzielniom.",
            "Experience of companies that commission work from cooperatives.",
        ),
        [
            "Przebadano trzydzieści firm z regionu.",
            "Najlepiej działają stałe umowy podwykonawcze na usługi porządkowe i pakowanie.",
            "Firmy cenią terminowość i elastyczność spółdzielni.",
        ],
    ),
    (
        "ewaluacja-modelu",
        "evaluation",
        ["samorzady", "wtz", "biznes", "wspolpraca-miedzynarodowa"],
        1,
        ("Ewaluacja modelu aktywizacji zawodowej", "Evaluation of the vocational activation model"),
        (
            "Ocena pięciu przetestowanych wariantów modelu i rekomendacje.",
            "An assessment of the five tested variants of the model, with recommendations.",
        ),
        [
            "Model dodaje do systemu nowy element bez przebudowy całości.",
            "Najwyżej oceniono wariant Samorządowej Spółdzielni Socjalnej.",
            "Rekomendacja: upowszechniać model przez regionalne ośrodki polityki społecznej.",
        ],
    ),
    (
        "modele-zagraniczne",
        "analysis",
        ["wspolpraca-miedzynarodowa"],
        9,
        (
            "Modele zagraniczne zatrudnienia osób z niepełnosprawnością intelektualną",
            "Foreign models of employing people with intellectual disabilities",
        ),
        (
            "Przegląd rozwiązań z Włoch, Niemiec i Wielkiej Brytanii.",
            "A review of solutions from Italy, Germany and the United Kingdom.",
        ),
        [
            "Włoskie spółdzielnie socjalne typu B zatrudniają co najmniej 30 procent osób defaworyzowanych.",
            "Niemieckie warsztaty dla osób z niepełnosprawnością są częścią rynku pracy.",
            "Brytyjskie przedsiębiorstwa społeczne korzystają z zamówień publicznych.",
        ],
    ),
    (
        "panel-ekspercki-prawo",
        "panel",
        ["samorzady"],
        4,
        ("Panel ekspercki: prawo spółdzielni socjalnych", None),
        ("Wnioski panelu o przepisach dotyczących spółdzielni osób prawnych.", None),
        [
            "Eksperci zgodzili się, że spółdzielnia osób prawnych wymaga co najmniej dwóch założycieli.",
            "Omówiono zatrudnienie uczestników WTZ bez utraty prawa do renty socjalnej.",
        ],
    ),
    (
        "studium-manufaktura",
        "case-study",
        ["wtz", "biznes"],
        6,
        ("Studium przypadku: Manufaktura Spółdzielcza", None),
        ("Jak działa spółdzielnia wytwarzająca rękodzieło dla firm.", None),
        [
            "Manufaktura wytwarza upominki firmowe i opakowania.",
            "Zatrudnia sześć osób, w tym czterech byłych uczestników warsztatu.",
        ],
    ),
    (
        "studium-spoldzielnia-mieszkaniowa",
        "case-study",
        ["samorzady", "wtz"],
        8,
        ("Studium przypadku: współpraca ze spółdzielnią mieszkaniową", None),
        ("Usługi porządkowe i drobne naprawy dla osiedla.", None),
        [
            "Spółdzielnia mieszkaniowa zleca sprzątanie klatek schodowych i pielęgnację zieleni.",
            "Umowa obejmuje cztery budynki i jest przedłużana co roku.",
        ],
    ),
    (
        "ekspertyza-trener-pracy",
        "expertise",
        ["wtz"],
        10,
        ("Trener pracy w spółdzielni socjalnej", None),
        ("Rola i zadania trenera pracy wspierającego nowych pracowników.", None),
        [
            "Trener pracy uczy zadań krok po kroku i stopniowo wycofuje wsparcie.",
            "Zalecamy jednego trenera na czterech nowych pracowników.",
        ],
    ),
    (
        "analiza-rynku-lokalnego",
        "analysis",
        ["biznes", "samorzady"],
        12,
        ("Analiza lokalnego rynku usług", None),
        ("Na jakie usługi jest popyt w powiatach Wielkopolski.", None),
        [
            "Największy popyt dotyczy usług cateringowych i pielęgnacji terenów zielonych.",
            "W mniejszych gminach brakuje firm sprzątających.",
        ],
    ),
    (
        "raport-z-wizyt-studyjnych",
        "research",
        ["wspolpraca-miedzynarodowa"],
        14,
        ("Raport z wizyt studyjnych", None),
        ("Czego nauczyliśmy się od partnerów zagranicznych.", None),
        [
            "Wizyty studyjne odbyły się w trzech krajach.",
            "Goście z zagranicy najbardziej docenili współpracę samorządu z warsztatem.",
        ],
    ),
]


@demo_step(order=72)
def create_reports(demo):
    existed = {
        page.locale.language_code
        for page in ResearchIndexPage.objects.filter(
            translation_key__in=ResearchIndexPage.objects.child_of(demo.home_pages["pl"]).values(
                "translation_key"
            )
        ).select_related("locale")
    }
    index = index_page(demo, ResearchIndexPage, INDEX, "research index")
    for page in ResearchIndexPage.objects.filter(translation_key=index.translation_key):
        if page.locale.language_code not in existed:
            # The menu reads: O projekcie, Model, Strefy, Badania i analizy, Aktualności…
            news = NewsIndexPage.objects.sibling_of(page).first()
            if news is not None and news.path < page.path:
                Page.objects.get(pk=page.pk).move(news, pos="left")
    zones = {zone.slug: zone for zone in Zone.objects.filter(locale=demo.source_locale)}
    Document = get_document_model()
    today = timezone.localdate()
    for slug, kind, zone_slugs, months, title, abstract, paragraphs in REPORTS:
        report = ReportPage.objects.child_of(index).filter(slug=slug).first()
        if report is None:
            content = demo_pdf(title[0], paragraphs * 8)  # a few pages of text
            document = Document.objects.create(
                title=f"{title[0]} (PDF)",
                file=demo_file(f"{slug}.pdf", content),
                language="pl",
                file_size=len(content),
            )
            report = ReportPage(
                title=title[0],
                slug=slug,
                kind=kind,
                publication_date=today - datetime.timedelta(days=30 * months),
                abstract=abstract[0],
                authors=[
                    (
                        "author",
                        {"name": "Zespół badawczy projektu", "organisation": "ROPS w Poznaniu"},
                    )
                ],
                key_findings=[("finding", paragraphs[-1])],
                files=[("document", document)],
            )
            report.zones = [zones[z] for z in zone_slugs if z in zones]
            index.add_child(instance=report)
            report.save_revision().publish()
            demo.note(f"report {report.title}")
        if title[1] is None:
            continue
        for locale in demo.translation_locales:
            if report.get_translation_or_none(locale) is None:
                strings = {title[0]: title[1], slug: slugify(title[1]), abstract[0]: abstract[1]}
                strings[paragraphs[-1]] = paragraphs[-1]
                translate(report, locale, strings)
                demo.note(f"report {title[1]} ({locale.language_code})")
