"""The texts of the demo zone pages and resources, in Polish and English (pairs).

Facts come from the project's materials ("Kto na tym zyska?", the handbook's steps and the
tested sub-models); the wording is ours. Contact people are fictitious demo data.
"""

ZONE_PAGES = {
    "samorzady": {
        "title": ("Strefa Samorządów", "Local Government Zone"),
        "slug": ("strefa-samorzadow", "local-government-zone"),
        "intro": (
            "Gmina, powiat i województwo mogą wspólnie z warsztatem terapii zajęciowej "
            "założyć spółdzielnię socjalną albo zlecać jej usługi. Tu znajdziesz, co zyskuje "
            "samorząd, jak wygląda to w praktyce i od czego zacząć.",
            "A municipality, county or region can found a social cooperative together with "
            "an occupational therapy workshop, or commission services from one. Here you "
            "will find what a local government gains, how it works in practice and where "
            "to start.",
        ),
        "benefits": [
            (
                ("Nowe narzędzie do zadań ustawowych", "A new tool for statutory tasks"),
                (
                    "Spółdzielnia przy WTZ pomaga realizować zadania z zakresu pomocy "
                    "społecznej i rehabilitacji zawodowej w sposób, którego dotąd brakowało.",
                    "A cooperative beside a workshop helps carry out social assistance and "
                    "vocational rehabilitation tasks in a way that was missing until now.",
                ),
            ),
            (
                ("Pieniądze zostają na miejscu", "Public money stays local"),
                (
                    "Usługi i produkty zamawiane w spółdzielni powstają lokalnie, więc "
                    "wydatki wracają do gminy, powiatu lub województwa.",
                    "Services and products ordered from the cooperative are made locally, "
                    "so spending returns to the municipality, county or region.",
                ),
            ),
            (
                ("Odpowiedzialne wydatki", "Responsible spending"),
                (
                    "Zamówienia w spółdzielni socjalnej to widoczny znak, że samorząd wydaje "
                    "pieniądze w sposób społecznie odpowiedzialny.",
                    "Orders placed with a social cooperative are a visible sign that the "
                    "local government spends in a socially responsible way.",
                ),
            ),
            (
                ("Mniejsze koszty wsparcia", "Lower cost of support"),
                (
                    "Osoby, które zaczynają zarabiać, rzadziej potrzebują świadczeń, a "
                    "lokalna przedsiębiorczość społeczna rośnie.",
                    "People who start earning need benefits less often, and local social "
                    "enterprise grows.",
                ),
            ),
        ],
        "contact": (
            "Anna Kowalska",
            ("Koordynatorka współpracy z samorządami", "Local government liaison"),
            "samorzady@example.org",
        ),
        "faq": [
            (
                (
                    "Czy samorząd może być członkiem spółdzielni socjalnej?",
                    "Can a local government be a member of a social cooperative?",
                ),
                (
                    "Tak. Spółdzielnię socjalną osób prawnych mogą założyć co najmniej dwie "
                    "osoby prawne, na przykład gmina i organizacja pozarządowa prowadząca WTZ.",
                    "Yes. A social cooperative of legal persons can be founded by at least "
                    "two legal persons, for example a municipality and the NGO that runs a "
                    "workshop.",
                ),
            ),
            (
                (
                    "Jak zlecić spółdzielni zadanie publiczne?",
                    "How can we commission a public task from the cooperative?",
                ),
                (
                    "Przez zamówienie z klauzulą społeczną, zamówienie zastrzeżone albo "
                    "zlecenie zadania w trybie ustawy o działalności pożytku publicznego.",
                    "Through a contract with a social clause, a reserved contract or a "
                    "commissioned task under the act on public benefit activity.",
                ),
            ),
            (
                (
                    "Czy model wymaga dodatkowych pieniędzy z budżetu?",
                    "Does the model need extra money from the budget?",
                ),
                (
                    "Nie. Model korzysta z istniejących źródeł wsparcia; samorząd wnosi "
                    "przede wszystkim zlecenia, lokal lub partnerstwo.",
                    "No. The model uses existing sources of support; the local government "
                    "mainly brings orders, premises or partnership.",
                ),
            ),
        ],
    },
    "wtz": {
        "title": ("Strefa WTZ", "Workshop (WTZ) Zone"),
        "slug": ("strefa-wtz", "wtz-zone"),
        "intro": (
            "Dla kadry warsztatów terapii zajęciowej i podmiotów, które je prowadzą. "
            "Spółdzielnia socjalna może być kolejnym krokiem po warsztacie: miejscem "
            "praktyk, staży i prawdziwej pracy dla uczestników.",
            "For the staff of occupational therapy workshops and the bodies that run them. "
            "A social cooperative can be the next step after the workshop: a place for "
            "placements, traineeships and real work for participants.",
        ),
        "benefits": [
            (
                ("Dodatkowe narzędzie pracy", "An extra tool for your work"),
                (
                    "Spółdzielnia zatrudniająca uczestników jest naturalnym przedłużeniem "
                    "tego, co warsztat robi na co dzień.",
                    "A cooperative that employs participants naturally continues what the "
                    "workshop does every day.",
                ),
            ),
            (
                ("Miejsce dla osób z listy oczekujących", "Room for people on the waiting list"),
                (
                    "Gdy uczestnicy przechodzą do pracy, warsztat może przyjąć osoby, które "
                    "czekały na miejsce nawet latami.",
                    "When participants move into work, the workshop can take in people who "
                    "have waited for a place, sometimes for years.",
                ),
            ),
            (
                ("Praktyki i treningi pracy", "Placements and work training"),
                (
                    "Spółdzielnia to bezpieczne miejsce praktyk, staży i treningów pracy w "
                    "otoczeniu, które uczestnicy znają.",
                    "The cooperative is a safe place for placements, traineeships and work "
                    "training in surroundings participants know.",
                ),
            ),
            (
                ("Przykład dla kolejnych uczestników", "An example for other participants"),
                (
                    "Pierwsze zatrudnione osoby motywują kolejnych uczestników warsztatu.",
                    "The first people to be employed encourage the workshop's other participants.",
                ),
            ),
        ],
        "contact": (
            "Piotr Nowak",
            (
                "Doradca ds. warsztatów terapii zajęciowej",
                "Adviser for occupational therapy workshops",
            ),
            "wtz@example.org",
        ),
        "faq": [
            (
                (
                    "Czy uczestnik traci miejsce w WTZ, gdy zaczyna pracę?",
                    "Does a participant lose their place at the workshop on starting work?",
                ),
                (
                    "Przejście do pracy planuje się stopniowo: najpierw praktyki i staże, "
                    "potem zatrudnienie, z wsparciem kadry warsztatu.",
                    "The move into work is planned step by step: placements and traineeships "
                    "first, then employment, with the workshop staff's support.",
                ),
            ),
            (
                (
                    "Kto zakłada spółdzielnię przy WTZ?",
                    "Who founds a cooperative beside a workshop?",
                ),
                (
                    "Zwykle podmiot prowadzący warsztat (samorząd lub organizacja "
                    "pozarządowa) razem z partnerem, na przykład gminą albo firmą.",
                    "Usually the body that runs the workshop (a local government or an NGO) "
                    "together with a partner, for example a municipality or a company.",
                ),
            ),
            (
                (
                    "Od czego zacząć?",
                    "Where do we start?",
                ),
                (
                    "Od diagnozy potencjału uczestników i lokalnego rynku. Podręcznik modelu "
                    "prowadzi przez to w dwunastu krokach.",
                    "With an assessment of the participants' potential and the local market. "
                    "The model's handbook guides you through it in twelve steps.",
                ),
            ),
        ],
    },
    "biznes": {
        "title": ("Strefa Biznesu", "Business Zone"),
        "slug": ("strefa-biznesu", "business-zone"),
        "intro": (
            "Dla małych, średnich i dużych firm, które szukają rzetelnego lokalnego "
            "partnera. Współpraca ze spółdzielnią socjalną przy WTZ to inkluzywny model "
            "biznesowy, który się opłaca.",
            "For small, medium-sized and large companies looking for a reliable local "
            "partner. Working with a social cooperative beside a workshop is an inclusive "
            "business model that pays off.",
        ),
        "benefits": [
            (
                ("Nowe rynki i klienci", "New markets and customers"),
                (
                    "Produkty i usługi współtworzone ze spółdzielnią trafiają do klientów, "
                    "dla których liczy się społeczna wartość zakupu.",
                    "Products and services made with the cooperative reach customers who "
                    "value the social side of what they buy.",
                ),
            ),
            (
                ("Sprawniejszy łańcuch dostaw", "A leaner supply chain"),
                (
                    "Spółdzielnia może przejąć wybrane prace jako lokalny podwykonawca, z "
                    "korzyścią dla obu stron.",
                    "The cooperative can take over selected work as a local subcontractor, "
                    "to the benefit of both sides.",
                ),
            ),
            (
                ("Innowacje i lepsze produkty", "Innovation and better products"),
                (
                    "Praca z nowym partnerem skłania do ulepszania produktów, usług i "
                    "sposobów działania.",
                    "Working with a new partner prompts you to improve products, services "
                    "and ways of working.",
                ),
            ),
            (
                ("Silniejszy region", "A stronger region"),
                (
                    "Zatrudnienie osób z niepełnosprawnością zwiększa kapitał ludzki i siłę "
                    "nabywczą w regionie, w którym działa firma.",
                    "Employing people with disabilities increases human capital and "
                    "purchasing power in the company's own region.",
                ),
            ),
        ],
        "contact": (
            "Ewa Wiśniewska",
            ("Koordynatorka partnerstw biznesowych", "Business partnerships coordinator"),
            "biznes@example.org",
        ),
        "faq": [
            (
                (
                    "Jakie prace może wykonywać spółdzielnia?",
                    "What work can the cooperative do?",
                ),
                (
                    "Na przykład usługi porządkowe, gastronomiczne, pralnicze, proste prace "
                    "produkcyjne i montażowe – zależnie od profilu spółdzielni.",
                    "For example cleaning, catering, laundry, simple production and "
                    "assembly work – depending on the cooperative's profile.",
                ),
            ),
            (
                (
                    "Czy firma może zostać członkiem spółdzielni?",
                    "Can a company become a member of the cooperative?",
                ),
                (
                    "Firma najczęściej jest partnerem i zleceniodawcą. Jeden z testowanych "
                    "wariantów modelu opiera się na współpracy z dużymi przedsiębiorstwami, "
                    "drugi z małymi i średnimi.",
                    "A company is usually a partner and a client. One tested variant of the "
                    "model is built on cooperation with large enterprises, another with "
                    "small and medium ones.",
                ),
            ),
            (
                (
                    "Jak zacząć współpracę?",
                    "How do we start working together?",
                ),
                (
                    "Napisz do nas – pomożemy znaleźć spółdzielnię w Twojej okolicy i "
                    "przygotować pierwsze zlecenie.",
                    "Write to us – we will help you find a cooperative near you and prepare "
                    "the first order.",
                ),
            ),
        ],
    },
    "wspolpraca-miedzynarodowa": {
        "title": ("Strefa Współpracy Międzynarodowej", "International Cooperation Zone"),
        "slug": ("strefa-wspolpracy-miedzynarodowej", "international-cooperation-zone"),
        "intro": (
            "Dla partnerów z zagranicy, sieci ekonomii społecznej i badaczy. Dzielimy się "
            "doświadczeniem modelu i uczymy się od innych krajów podczas warsztatów "
            "wymiany doświadczeń i wizyt studyjnych.",
            "For partners abroad, social economy networks and researchers. We share what we "
            "learned from the model and learn from other countries at experience-exchange "
            "workshops and study visits.",
        ),
        "benefits": [
            (
                ("Sprawdzone rozwiązania", "Tested solutions"),
                (
                    "Pięć wariantów modelu przetestowano w praktyce; dzielimy się "
                    "wnioskami i narzędziami.",
                    "Five variants of the model were tested in practice; we share the "
                    "conclusions and the tools.",
                ),
            ),
            (
                ("Wymiana doświadczeń", "Exchange of experience"),
                (
                    "Międzynarodowe warsztaty łączą liderów spółdzielni, kadrę WTZ i "
                    "partnerów z innych krajów.",
                    "International workshops bring together cooperative leaders, workshop "
                    "staff and partners from other countries.",
                ),
            ),
            (
                ("Materiały po angielsku", "Material in English"),
                (
                    "Najważniejsze informacje o modelu i jego ewaluacji udostępniamy także "
                    "w języku angielskim.",
                    "The key information about the model and its evaluation is also "
                    "available in English.",
                ),
            ),
        ],
        "contact": (
            "Tomasz Zieliński",
            ("Koordynator współpracy międzynarodowej", "International cooperation coordinator"),
            "international@example.org",
        ),
        "faq": [
            (
                (
                    "Czy można odwiedzić spółdzielnie działające w modelu?",
                    "Can we visit cooperatives that work in the model?",
                ),
                (
                    "Tak, organizujemy wizyty studyjne w Wielkopolsce. Napisz, kogo i kiedy "
                    "chcesz odwiedzić.",
                    "Yes, we organise study visits in Wielkopolska. Tell us whom you would "
                    "like to visit and when.",
                ),
            ),
            (
                (
                    "W jakim języku prowadzone są warsztaty?",
                    "In which language are the workshops held?",
                ),
                (
                    "Po polsku i po angielsku, z tłumaczeniem, gdy jest potrzebne.",
                    "In Polish and English, with interpreting when needed.",
                ),
            ),
            (
                (
                    "Czy model da się przenieść do innego kraju?",
                    "Can the model be transferred to another country?",
                ),
                (
                    "Jego zasada – spółdzielnia jako ogniwo między terapią a rynkiem pracy – "
                    "jest uniwersalna; przepisy trzeba sprawdzić lokalnie.",
                    "Its principle – a cooperative as the link between therapy and the job "
                    "market – is universal; the legal details must be checked locally.",
                ),
            ),
        ],
    },
}

# (kind, language, file name, title, description, paragraphs) per zone; texts in Polish
# except where the language says otherwise.
RESOURCES = {
    "samorzady": [
        (
            "guide",
            "pl",
            "poradnik-zamowienia-spoleczne.pdf",
            "Poradnik: klauzule społeczne w zamówieniach samorządu",
            "Jak zlecać usługi spółdzielni socjalnej zgodnie z prawem zamówień publicznych.",
            [
                "Samorząd może kupować usługi od spółdzielni socjalnej, stosując klauzule "
                "społeczne albo zamówienia zastrzeżone.",
                "Poradnik omawia kolejne kroki: rozpoznanie potrzeb, opis przedmiotu zamówienia, "
                "wybór trybu i rozliczenie usługi.",
            ],
        ),
        (
            "template",
            "pl",
            "wzor-porozumienia-gmina-wtz.rtf",
            "Wzór porozumienia gminy z podmiotem prowadzącym WTZ",
            "Szablon umowy partnerskiej do uzupełnienia.",
            [
                "Porozumienie o współpracy przy zakładaniu spółdzielni socjalnej osób prawnych.",
                "§ 1. Strony porozumienia …",
                "§ 2. Cel współpracy …",
            ],
        ),
        (
            "presentation",
            "pl",
            "prezentacja-model-dla-samorzadow.pdf",
            "Prezentacja: model w pięciu slajdach dla rady gminy",
            "Krótka prezentacja do wykorzystania na sesji lub komisji.",
            [
                "Slajd 1. Problem: uczestnicy WTZ latami czekają na pracę.",
                "Slajd 2. Rozwiązanie: spółdzielnia socjalna osób prawnych.",
                "Slajd 3. Rola samorządu: partner, zleceniodawca, właściciel lokalu.",
            ],
        ),
    ],
    "wtz": [
        (
            "guide",
            "pl",
            "poradnik-diagnoza-uczestnikow.pdf",
            "Poradnik: diagnoza potencjału zawodowego uczestników",
            "Narzędzia do oceny, kto i w jakiej roli może podjąć pracę w spółdzielni.",
            [
                "Diagnoza zaczyna się od rozmowy z uczestnikiem i jego rodziną.",
                "Arkusz obserwacji w pracowni pomaga ocenić samodzielność, tempo pracy i "
                "potrzebę wsparcia.",
            ],
        ),
        (
            "template",
            "pl",
            "wzor-indywidualnego-planu-przejscia.rtf",
            "Wzór indywidualnego planu przejścia do pracy",
            "Plan praktyk, stażu i zatrudnienia dla jednego uczestnika.",
            [
                "Imię i nazwisko uczestnika: …",
                "Cel zawodowy: …",
                "Etapy: praktyka, staż, zatrudnienie …",
            ],
        ),
        (
            "presentation",
            "pl",
            "prezentacja-spoldzielnia-dla-kadry-wtz.pdf",
            "Prezentacja: spółdzielnia socjalna dla kadry WTZ",
            "Materiał na zebranie zespołu warsztatu.",
            [
                "Czym jest spółdzielnia socjalna osób prawnych.",
                "Jak warsztat i spółdzielnia dzielą się rolami.",
            ],
        ),
    ],
    "biznes": [
        (
            "guide",
            "pl",
            "poradnik-inkluzywny-model-biznesowy.pdf",
            "Poradnik: inkluzywny model biznesowy krok po kroku",
            "Jak włączyć spółdzielnię socjalną do łańcucha dostaw firmy.",
            [
                "Inkluzywny model biznesowy łączy zysk firmy z korzyścią społeczną.",
                "Zacznij od wyboru procesu, który spółdzielnia może przejąć bez ryzyka dla "
                "jakości.",
            ],
        ),
        (
            "template",
            "pl",
            "wzor-umowy-podwykonawczej.rtf",
            "Wzór umowy podwykonawczej ze spółdzielnią socjalną",
            "Szablon umowy na stałe zlecenia.",
            ["Umowa o świadczenie usług.", "§ 1. Przedmiot umowy …", "§ 2. Wynagrodzenie …"],
        ),
        (
            "presentation",
            "en",
            "presentation-business-case.pdf",
            "Presentation: the business case for working with a social cooperative",
            "Slides for a management board meeting (in English).",
            [
                "Slide 1. Why inclusive business models matter.",
                "Slide 2. What a social cooperative can take over.",
                "Slide 3. Costs, benefits and risks.",
            ],
        ),
    ],
    "wspolpraca-miedzynarodowa": [
        (
            "guide",
            "en",
            "model-summary-english.pdf",
            "The WTZ activation model in brief",
            "A summary of the model and its twelve steps for partners abroad (in English).",
            [
                "The model adds a social cooperative between the occupational therapy workshop "
                "and the open job market.",
                "It was tested in five variants in Wielkopolska, Poland.",
            ],
        ),
        (
            "report",
            "pl",
            "raport-warsztaty-wymiany-doswiadczen.pdf",
            "Raport z międzynarodowych warsztatów wymiany doświadczeń",
            "Wnioski z warsztatów z udziałem partnerów zagranicznych.",
            [
                "Uczestnicy porównali rozwiązania z kilku krajów.",
                "Najwięcej uwagi poświęcono wsparciu liderów spółdzielni.",
            ],
        ),
        (
            "template",
            "en",
            "study-visit-request-form.rtf",
            "Study visit request form",
            "Fill it in to plan a visit to cooperatives working in the model (in English).",
            ["Organisation: …", "Number of visitors: …", "Preferred dates: …"],
        ),
    ],
}
