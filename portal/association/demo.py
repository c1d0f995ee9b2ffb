"""Demo content of the association: its projects below "O projekcie", the partnership page
and the contact page, each with its English translation made through wagtail-localize.

Facts come from the source documents (shared/seeds 000, 002 and 004); the texts are our
own. The sources give no dates for the WTZ model project, so its period is illustrative,
and its page says so.
"""

import datetime

from wagtail.documents import get_document_model

from portal.core.demo_content import (
    demo_file,
    demo_pdf,
    demo_step,
    publish_child,
    translate_missing,
)
from portal.core.models import StandardPage

from .models import (
    ContactFormField,
    ContactPage,
    PartnershipPage,
    ProjectIndexPage,
    ProjectPage,
    ProjectPartner,
)

ABOUT_SLUG = "o-projekcie"
ASSOCIATION_SITE = "https://www.spoldzielnie.org"

PROJECT_INDEX = {
    "title": ("Projekty realizowane", "Projects carried out"),
    "slug": ("projekty-realizowane", "projects-carried-out"),
    "intro": (
        "Stowarzyszenie Na Rzecz Spółdzielni Socjalnych od lat prowadzi projekty, w których "
        "spółdzielnie socjalne pomagają ludziom wrócić do pracy. Oto najważniejsze z nich.",
        "For years the Association for Social Cooperatives has run projects in which social "
        "cooperatives help people return to work. Here are the main ones.",
    ),
}

LEADER = ("lider", "leader")
PARTNER = ("partner", "partner")

# Each project: texts as (Polish, English); dates; partners as (name, role, website).
PROJECTS = [
    {
        "title": (
            "Innowacyjny model aktywizacji zawodowej uczestników WTZ",
            "An innovative model of vocational activation for WTZ participants",
        ),
        "slug": ("model-aktywizacji-uczestnikow-wtz", "wtz-vocational-activation-model"),
        "summary": (
            "Spółdzielnie socjalne zakładane przy warsztatach terapii zajęciowej jako nowe "
            "ogniwo między terapią a pracą dla osób z niepełnosprawnością intelektualną.",
            "Social cooperatives founded beside occupational therapy workshops as a new link "
            "between therapy and work for people with intellectual disabilities.",
        ),
        "programme": (
            "Program Operacyjny Kapitał Ludzki",
            "Human Capital Operational Programme",
        ),
        "measure": ("Priorytet I, Działanie 1.2", "Priority I, Measure 1.2"),
        # Not in the sources: an illustrative period, said so on the page.
        "dates": (datetime.date(2012, 10, 1), datetime.date(2015, 6, 30)),
        "goal": (
            "Usprawnić aktywizację zawodową uczestników warsztatów terapii zajęciowej dzięki "
            "nowemu modelowi spółdzielni socjalnych, które ich zatrudniają.",
            "To make the vocational activation of occupational therapy workshop participants "
            "work better through a new model of social cooperatives that employ them.",
        ),
        "results": [
            (
                "Model sprawdzono w pięciu wariantach w Wielkopolsce. Ewaluacja pokazała, że "
                "opiera się na trwałych partnerstwach lokalnych, odpowiada na potrzeby osób "
                "z niepełnosprawnością i zwiększa rotację w warsztatach.",
                "The model was tested in five variants in Wielkopolska. The evaluation showed "
                "that it rests on lasting local partnerships, meets the needs of people with "
                "disabilities and lets workshops take in more people.",
            ),
            (
                "Wnioski zebraliśmy w podręczniku dwunastu kroków dla samorządów, warsztatów "
                "i organizacji, które chcą powtórzyć to rozwiązanie.",
                "What we learned is gathered in a twelve-step handbook for local governments, "
                "workshops and organisations that want to repeat the solution.",
            ),
        ],
        "body": [
            (
                "Daty projektu na tej stronie są przykładowe (wersja demonstracyjna portalu): "
                "materiały źródłowe ich nie podają.",
                "The project's dates on this page are illustrative (a demo version of the "
                "portal): the source materials do not give them.",
            ),
        ],
        "partners": [
            (
                (
                    "Stowarzyszenie Na Rzecz Spółdzielni Socjalnych",
                    "Association for Social Cooperatives",
                ),
                LEADER,
                ASSOCIATION_SITE,
            ),
            (
                (
                    "Regionalny Ośrodek Polityki Społecznej w Poznaniu",
                    "Regional Centre for Social Policy in Poznań",
                ),
                PARTNER,
                "",
            ),
            (("Konimpex Sp. z o.o.", "Konimpex Sp. z o.o."), PARTNER, ""),
        ],
        "document": (
            "Model aktywizacji uczestników WTZ – w skrócie (PDF, wersja demonstracyjna)",
            [
                "Spółdzielnia socjalna osób prawnych zakładana przez podmioty prowadzące WTZ "
                "daje uczestnikom warsztatów miejsca praktyk, staży i pracy.",
                "Podręcznik prowadzi przez dwanaście kroków: od poznania grup docelowych po "
                "współpracę z lokalnymi przedsiębiorcami.",
            ],
        ),
    },
    {
        "title": ("Partnerstwo MUFLON", "The MUFLON partnership"),
        "slug": ("partnerstwo-muflon", "muflon-partnership"),
        "summary": (
            "Lokalne i ponadnarodowe partnerstwo z Wałbrzycha, które upowszechniało model "
            "wchodzenia osób bezrobotnych na rynek pracy przez spółdzielnie socjalne.",
            "A local and transnational partnership from Wałbrzych that spread a model of "
            "unemployed people entering the job market through social cooperatives.",
        ),
        "programme": ("Inicjatywa Wspólnotowa EQUAL", "EQUAL Community Initiative"),
        "measure": (
            "Działanie 3: upowszechnianie i włączanie do polityk",
            "Action 3: dissemination and mainstreaming",
        ),
        "dates": (datetime.date(2007, 1, 1), datetime.date(2008, 8, 31)),
        "goal": (
            "Zbudować lokalny model ekonomii społecznej, który poprawi sytuację na rynku "
            "pracy i wzmocni rozwój regionu, a jego rezultaty włączyć do polityk krajowych.",
            "To build a local model of the social economy that improves the job market and "
            "strengthens the region's development, and to bring its results into national "
            "policies.",
        ),
        "results": [
            (
                "Model łączy cztery elementy: program gmin wspierający spółdzielnie socjalne, "
                "regionalny ośrodek wsparcia przedsiębiorczości społecznej, ścieżkę "
                "edukacyjną dla przyszłych spółdzielców oraz pomoc w pokonywaniu barier "
                "społecznych.",
                "The model joins four elements: a programme in which municipalities support "
                "social cooperatives, a regional centre supporting social entrepreneurship, an "
                "educational path for future cooperative members, and help in overcoming "
                "social barriers.",
            ),
            (
                "Powstały też poradniki dla samorządów i doradców oraz analizy skuteczności "
                "wsparcia przedsiębiorczości społecznej.",
                "Guides for local governments and advisers and analyses of how well support "
                "for social entrepreneurship works were also produced.",
            ),
        ],
        "body": [],
        "partners": [
            (("Fundacja „Merkury”", "Merkury Foundation"), PARTNER, ""),
            (("Stowarzyszenie „Forum Wałbrzyskie”", "Wałbrzych Forum Association"), PARTNER, ""),
            (
                (
                    "Regionalne Centrum Wspierania Inicjatyw Pozarządowych",
                    "Regional Centre for Supporting Non-Governmental Initiatives",
                ),
                PARTNER,
                "",
            ),
            (("HM Sp. z o.o.", "HM Sp. z o.o."), PARTNER, ""),
        ],
        "document": None,
    },
    {
        "title": ("W sieci dobrych połączeń", "A network of good connections"),
        "slug": ("w-sieci-dobrych-polaczen", "network-of-good-connections"),
        "summary": (
            "Modele spółdzielni socjalnych zakładanych przez samorządy, organizacje "
            "pozarządowe i kościelne osoby prawne, by rozwiązywać ważne problemy lokalne.",
            "Models of social cooperatives founded by local governments, NGOs and church "
            "legal persons to solve pressing local problems.",
        ),
        "programme": ("", ""),
        "measure": ("", ""),
        "dates": (datetime.date(2013, 12, 31), datetime.date(2015, 11, 30)),
        "goal": (
            "Wzmocnić potencjał i kompetencje sektora spółdzielczości socjalnej oraz "
            "stworzyć sieć jego współpracy z instytucjami rynku pracy, pomocy i integracji "
            "społecznej.",
            "To strengthen the potential and skills of the social cooperative sector and to "
            "build its network of cooperation with labour market, social assistance and "
            "social integration institutions.",
        ),
        "results": [
            (
                "Stowarzyszenie odpowiadało za wdrożenie modeli dziesięciu innowacyjnych "
                "spółdzielni socjalnych świadczących usługi użyteczności publicznej. Na "
                "podstawie testów powstały podręczniki dla samorządów, ośrodków wsparcia "
                "ekonomii społecznej i organizacji, które chcą powtórzyć te modele.",
                "The association was responsible for putting into practice the models of ten "
                "innovative social cooperatives providing public-utility services. The tests "
                "led to handbooks for local governments, social economy support centres and "
                "organisations that want to repeat the models.",
            ),
        ],
        "body": [
            ("Trzy profile spółdzielni", "Three cooperative profiles"),
            (
                "Profil integracyjny: spółdzielnia daje pracę i wsparcie w powrocie do życia "
                "zawodowego osobom zagrożonym wykluczeniem, a po co najmniej roku przygotowuje "
                "je do samodzielnego prowadzenia spółdzielni.",
                "The integration profile: the cooperative gives work and support in returning "
                "to working life to people at risk of exclusion, and after at least a year "
                "prepares them to run the cooperative themselves.",
            ),
            (
                "Profil usługowy: spółdzielnia świadczy usługi użyteczności publicznej osobom, "
                "które nie mogą same zapewnić sobie do nich dostępu, gdy ich brak obniża "
                "jakość życia w gminie lub powiecie.",
                "The service profile: the cooperative provides public-utility services to "
                "people who cannot secure them on their own, where their absence lowers the "
                "quality of life in the municipality or county.",
            ),
            (
                "Profil mieszany: spółdzielnia łączy oba podejścia, na przykład zatrudnia "
                "osoby zagrożone wykluczeniem przy świadczeniu usług użyteczności publicznej.",
                "The mixed profile: the cooperative joins both approaches, for example by "
                "employing people at risk of exclusion to provide public-utility services.",
            ),
        ],
        "partners": [
            (
                ("Centrum Rozwoju Zasobów Ludzkich", "Human Resources Development Centre"),
                LEADER,
                "",
            ),
            (("Uniwersytet Warszawski", "University of Warsaw"), PARTNER, ""),
            (
                (
                    "Ogólnopolski Związek Rewizyjny Spółdzielni Socjalnych",
                    "National Auditing Union of Social Cooperatives",
                ),
                PARTNER,
                "",
            ),
            (
                (
                    "Fundacja Inicjatyw Społeczno-Ekonomicznych",
                    "Foundation for Socio-Economic Initiatives",
                ),
                PARTNER,
                "",
            ),
            (
                (
                    "Stowarzyszenie Na Rzecz Spółdzielni Socjalnych",
                    "Association for Social Cooperatives",
                ),
                (
                    "partner odpowiedzialny za wdrożenie modeli spółdzielni",
                    "partner responsible for putting the cooperative models into practice",
                ),
                ASSOCIATION_SITE,
            ),
        ],
        "document": None,
    },
]

PARTNERSHIP = {
    "title": ("Partnerstwo", "Partnership"),
    "slug": ("partnerstwo", "partnership"),
    "intro": (
        "Projekt prowadzi lider razem z partnerami: każdy wnosi inne doświadczenie – "
        "organizacji pozarządowej, instytucji regionalnej i firmy.",
        "The project is run by its leader together with partners: each brings different "
        "experience – that of an NGO, a regional institution and a company.",
    ),
    "body": (
        "Partnerstwo ma charakter regionalny: model powstawał i był sprawdzany w "
        "Wielkopolsce, we współpracy z warsztatami, samorządami i lokalnymi przedsiębiorcami.",
        "The partnership is regional: the model was developed and tested in Wielkopolska, "
        "working with workshops, local governments and local businesses.",
    ),
}

CONTACT = {
    "title": ("Kontakt", "Contact"),
    "slug": ("kontakt", "contact"),
    "intro": (
        "Masz pytanie o model, spotkania albo materiały? Napisz do biura projektu – "
        "odpowiemy najszybciej, jak to możliwe.",
        "Do you have a question about the model, the meetings or the materials? Write to "
        "the project office and we will answer as soon as we can.",
    ),
    "thank_you": (
        "Dziękujemy! Wiadomość trafiła do biura projektu. Odpowiemy na podany adres e-mail.",
        "Thank you! Your message has reached the project office. We will answer at the "
        "e-mail address you gave.",
    ),
    "subject": (
        "Wiadomość z formularza kontaktowego – Portal WTZ",
        "Message from the contact form – Portal WTZ",
    ),
}

# name (the key answers are stored under, the same in both languages), label (pl, en),
# type, required, input purpose, help text (pl, en)
CONTACT_FIELDS = [
    ("imie_i_nazwisko", ("Imię i nazwisko", "Name"), "singleline", True, "name", ("", "")),
    ("email", ("Adres e-mail", "E-mail address"), "email", True, "email", ("", "")),
    ("temat", ("Temat", "Subject"), "singleline", False, "", ("", "")),
    (
        "wiadomosc",
        ("Wiadomość", "Message"),
        "multiline",
        True,
        "",
        ("Do 5000 znaków.", "Up to 5000 characters."),
    ),
    (
        "zgoda",
        (
            "Zgadzam się, by biuro projektu przetwarzało moje dane w celu odpowiedzi na "
            "tę wiadomość.",
            "I agree that the project office processes my data to answer this message.",
        ),
        "checkbox",
        True,
        "",
        ("", ""),
    ),
]


def _strings(*pairs):
    return {pl: en for pl, en in pairs if pl}


def _child(parent, model, slug):
    return model.objects.child_of(parent).filter(slug=slug).first()


@demo_step(order=80)
def create_projects(demo):
    """ "Projekty realizowane" below "O projekcie", with the three projects."""
    about = _child(demo.home_pages["pl"], StandardPage, ABOUT_SLUG)
    if about is None:  # an editor removed or renamed it: leave the tree alone
        return
    index = _child(about, ProjectIndexPage, PROJECT_INDEX["slug"][0])
    if index is None:
        index = ProjectIndexPage(**{field: pl for field, (pl, _en) in PROJECT_INDEX.items()})
        publish_child(about, index)
        demo.note("project index")
    translate_missing(demo, index, _strings(*PROJECT_INDEX.values()), "project index")
    for data in PROJECTS:
        project = _child(index, ProjectPage, data["slug"][0])
        if project is None:
            project = _new_project(data)
            publish_child(index, project)
            demo.note(f"project {data['slug'][0]}")
        strings = _strings(
            *(
                data[field]
                for field in ("title", "slug", "summary", "programme", "measure", "goal")
            ),
            *data["results"],
            *data["body"],
            *(name for name, _role, _website in data["partners"]),
            *(role for _name, role, _website in data["partners"]),
        )
        translate_missing(demo, project, strings, f"project {data['slug'][1]}")


def _new_project(data):
    start, end = data["dates"]
    body = [("paragraph", f"<p>{pl}</p>") for pl, _en in data["body"]]
    if data["slug"][0] == "w-sieci-dobrych-polaczen":  # a heading over the three profiles
        body[0] = ("heading", {"text": data["body"][0][0], "level": "h2"})
    project = ProjectPage(
        title=data["title"][0],
        slug=data["slug"][0],
        summary=data["summary"][0],
        programme=data["programme"][0],
        measure=data["measure"][0],
        start_date=start,
        end_date=end,
        goal=f"<p>{data['goal'][0]}</p>",
        results=[("paragraph", f"<p>{pl}</p>") for pl, _en in data["results"]],
        body=body,
        documents=[("document", _document(*data["document"]))] if data["document"] else [],
    )
    project.partners = [
        ProjectPartner(name=name[0], role=role[0], website=website, sort_order=number)
        for number, (name, role, website) in enumerate(data["partners"])
    ]
    return project


def _document(title, paragraphs):
    Document = get_document_model()
    document = Document.objects.filter(title=title).first()
    if document is None:
        content = demo_pdf(title, paragraphs)
        document = Document.objects.create(
            title=title,
            file=demo_file("model-aktywizacji-wtz.pdf", content),
            file_size=len(content),
            language="pl",
            description="Krótki opis modelu (plik przykładowy).",
        )
    return document


@demo_step(order=81)
def create_partnership_page(demo):
    """The partnership page below "O projekcie": its list comes from the project settings."""
    about = _child(demo.home_pages["pl"], StandardPage, ABOUT_SLUG)
    if about is None:
        return
    page = _child(about, PartnershipPage, PARTNERSHIP["slug"][0])
    if page is None:
        page = PartnershipPage(
            title=PARTNERSHIP["title"][0],
            slug=PARTNERSHIP["slug"][0],
            intro=PARTNERSHIP["intro"][0],
            body=[("paragraph", f"<p>{PARTNERSHIP['body'][0]}</p>")],
        )
        publish_child(about, page)
        demo.note("partnership page")
    translate_missing(demo, page, _strings(*PARTNERSHIP.values()), "partnership page")


@demo_step(order=82)
def create_contact_page(demo):
    """ "Kontakt", the last entry of the main menu, with its form in both languages."""
    home = demo.home_pages["pl"]
    page = _child(home, ContactPage, CONTACT["slug"][0])
    if page is None:
        page = ContactPage(
            title=CONTACT["title"][0],
            slug=CONTACT["slug"][0],
            intro=CONTACT["intro"][0],
            thank_you_text=f"<p>{CONTACT['thank_you'][0]}</p>",
            subject=CONTACT["subject"][0],
            show_in_menus=True,
        )
        page.form_fields = [
            ContactFormField(
                clean_name=name,
                label=label[0],
                field_type=field_type,
                required=required,
                autocomplete=purpose,
                help_text=help_text[0],
                sort_order=number,
            )
            for number, (name, label, field_type, required, purpose, help_text) in enumerate(
                CONTACT_FIELDS
            )
        ]
        publish_child(home, page)
        demo.note("contact page")
    strings = _strings(
        *CONTACT.values(),
        *(label for _name, label, *_rest in CONTACT_FIELDS),
        *(help_text for *_rest, help_text in CONTACT_FIELDS),
    )
    translate_missing(demo, page, strings, "contact page")
