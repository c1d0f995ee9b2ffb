"""The texts of the model's demo pages, in Polish (the source) and English, written for the
portal from the project's presentation and the "Model aktywizacji" page (shared/seeds)."""

MODEL = {
    "title": ("Model", "The model"),
    "slug": ("model", "model"),
    "intro": (
        "Innowacyjny model aktywizacji zawodowej uczestników WTZ dodaje do systemu rehabilitacji nowe ogniwo: spółdzielnię socjalną, którą zakładają podmioty prowadzące warsztaty terapii zajęciowej razem z partnerami z okolicy. Uczestnicy warsztatu odbywają w niej praktyki, a potem dostają prawdziwą pracę.",
        "The innovative model of vocational activation for WTZ participants adds a new link to the rehabilitation system: a social cooperative founded by the bodies that run occupational therapy workshops, together with partners from the area. Workshop participants do placements there and then get real jobs.",
    ),
    "how": (
        "Spółdzielnia socjalna osób prawnych łączy cele gospodarcze i społeczne. Zakładają ją samorządy i organizacje pozarządowe prowadzące WTZ, a więc podmioty, które i tak mają w swoich zadaniach rehabilitację zawodową osób z niepełnosprawnością. Spółdzielnia przejmuje to, co warsztat zaczął: zamienia trening pracy w pracowni na pracę u prawdziwego pracodawcy, w znanym i bezpiecznym otoczeniu.",
        "A social cooperative of legal persons pursues economic and social aims together. It is founded by the local governments and NGOs that run workshops – bodies whose tasks already include the vocational rehabilitation of people with disabilities. The cooperative carries on what the workshop began: it turns practice in the workshop into work for a real employer, in a familiar and safe setting.",
    ),
    "handbook_title": (
        "Podręcznik modelu (wersja demonstracyjna)",
        "The model's handbook (demo version)",
    ),
}

# (group, benefits, zone slug or None)
BENEFICIARIES = [
    (
        ("Osoby z niepełnosprawnością intelektualną", "People with intellectual disabilities"),
        [
            (
                "Szansa na zatrudnienie i na wykorzystanie własnych możliwości.",
                "A chance of a job and of using their own abilities.",
            ),
            (
                "Praca w miejscu, które znają i w którym czują się bezpiecznie.",
                "Work in a place they know and feel safe in.",
            ),
            (
                "Lepsza sytuacja materialna ich samych i ich rodzin.",
                "A better financial situation for them and their families.",
            ),
        ],
        "wtz",
    ),
    (
        ("Warsztaty terapii zajęciowej", "Occupational therapy workshops"),
        [
            (
                "Nowe narzędzie do wypełniania ustawowej roli warsztatu.",
                "A new tool for fulfilling the workshop's statutory role.",
            ),
            (
                "Miejsce praktyk, staży i treningu pracy dla uczestników.",
                "A place for participants' placements, traineeships and work practice.",
            ),
            (
                "Wolne miejsca dla osób czekających latami na liście rezerwowej.",
                "Free places for people who have waited years on the reserve list.",
            ),
        ],
        "wtz",
    ),
    (
        ("Samorządy", "Local governments"),
        [
            (
                "Nowy sposób realizacji zadań własnych gminy i powiatu.",
                "A new way to carry out the municipality's and county's own tasks.",
            ),
            (
                "Usługi i produkty wytwarzane lokalnie – pieniądze zostają na miejscu.",
                "Services and products made locally – the money stays in the area.",
            ),
            (
                "Niższe koszty pomocy społecznej i wizerunek odpowiedzialnego zleceniodawcy.",
                "Lower social assistance costs and the image of a responsible client.",
            ),
        ],
        "samorzady",
    ),
    (
        ("Firmy", "Businesses"),
        [
            (
                "Inkluzywny model biznesowy: nowi klienci i rynki.",
                "An inclusive business model: new customers and markets.",
            ),
            (
                "Zaufany podwykonawca i bardziej wydajny łańcuch dostaw.",
                "A trusted subcontractor and a more efficient supply chain.",
            ),
            (
                "Rozwój kapitału ludzkiego i siły nabywczej w regionie.",
                "Growth of human capital and purchasing power in the region.",
            ),
        ],
        "biznes",
    ),
    (
        ("Ośrodki wsparcia ekonomii społecznej", "Social economy support centres"),
        [
            (
                "Sprawdzone narzędzia do rozwijania przedsiębiorczości społecznej z udziałem osób z niepełnosprawnością.",
                "Tested tools for developing social enterprise that includes people with disabilities.",
            ),
        ],
        None,
    ),
]

# (title, body, zone slugs, other actors, chapter)
STEPS = [
    (
        ("Poznaj perspektywę grup docelowych", "Learn how the target groups see it"),
        (
            "Zanim cokolwiek zaplanujesz, przeczytaj raporty, analizy i ekspertyzy z działu „Badania i analizy” oraz rozdział o korzyściach dla każdej z grup. Zapisz, co model może dać ludziom i instytucjom w Twojej okolicy.",
            "Before you plan anything, read the reports, analyses and expert opinions in the research library and the chapter on what each group gains. Note down what the model can give people and institutions in your area.",
        ),
        [],
        (
            "Osoba lub instytucja wdrażająca model",
            "The person or institution implementing the model",
        ),
        "2",
    ),
    (
        (
            "Zaproś do przedsięwzięcia warsztat terapii zajęciowej",
            "Bring an occupational therapy workshop on board",
        ),
        (
            "Na początku grupa inicjatywna opiera się przede wszystkim na potencjale warsztatu. Dlatego pierwszym partnerem jest WTZ otwarty na nowe rozwiązania.",
            "At first the initiative group relies above all on the workshop's potential, so the first partner is a workshop open to new ideas.",
        ),
        ["wtz"],
        ("ośrodek wsparcia ekonomii społecznej", "the social economy support centre"),
        "3.1",
    ),
    (
        ("Wskaż, kto może zyskać na przedsięwzięciu", "Identify who could gain from the venture"),
        (
            "Razem z grupą inicjatywną wypiszcie instytucje publiczne, firmy i organizacje, które z racji swoich zadań mogą chcieć współpracować. Zastanówcie się, jak każdą z nich zaangażować.",
            "Together with the initiative group, list the public institutions, companies and organisations whose tasks may make them want to cooperate. Think about how to involve each of them.",
        ),
        ["samorzady", "wtz", "biznes"],
        ("grupa inicjatywna", "the initiative group"),
        "3.2–3.6",
    ),
    (
        ("Zaproś partnerów do rozmowy", "Invite the partners to talk"),
        (
            "Zorganizuj sesję dialogową z wybranymi partnerami. To okazja, by pozyskać ich do przedsięwzięcia, wspólnie wybrać model biznesowy na miarę ich możliwości i zaplanować budowanie partnerstwa.",
            "Hold a dialogue session with the partners you chose. It is the moment to win them for the venture, choose together a business model that fits what they can do, and plan how the partnership will grow.",
        ),
        ["samorzady", "wtz", "biznes"],
        ("grupa inicjatywna", "the initiative group"),
        "",
    ),
    (
        ("Wybierz model biznesowy", "Choose a business model"),
        (
            "Po ocenie własnych sił i sił partnerów wybierzcie jeden z pięciu podmodeli sprawdzonych w projekcie. Porównanie podmodeli znajdziesz na tej stronie.",
            "Once you have weighed your own strengths and the partners', choose one of the five sub-models tested in the project. This site compares them side by side.",
        ),
        ["samorzady", "wtz", "biznes"],
        ("partnerzy przedsięwzięcia", "the venture's partners"),
        "4",
    ),
    (
        ("Zaplanuj wsparcie dla grupy", "Plan the support for the group"),
        (
            "Ułóż ścieżkę wsparcia dopasowaną do mocnych i słabych stron grupy oraz do zawartych partnerstw. Sprawdź, czy obejmuje wszystko, czego wymaga wybrany model, i pomóż grupie wdrożyć plan marketingowy.",
            "Lay out a support path that fits the group's strengths and weaknesses and the partnerships made. Check that it covers everything the chosen model needs, and help the group put its marketing plan into practice.",
        ),
        [],
        ("ośrodek wsparcia ekonomii społecznej", "the social economy support centre"),
        "3.7–3.8",
    ),
    (
        (
            "Pomóż znaleźć lidera i kadrę spółdzielni",
            "Help find the cooperative's leader and staff",
        ),
        (
            "Powodzenie zależy przede wszystkim od ludzi. Pomóż grupie inicjatywnej skupionej wokół warsztatu znaleźć lidera i pracowników, którzy poprowadzą spółdzielnię dalej.",
            "Success depends above all on people. Help the initiative group around the workshop find a leader and staff who will carry the cooperative forward.",
        ),
        ["wtz"],
        ("grupa inicjatywna", "the initiative group"),
        "5",
    ),
    (
        ("Przeprowadź szkolenia", "Run the training"),
        (
            "Projekt sprawdził trzy rodzaje szkoleń: merytoryczne dla liderów, zawodowe dla uczestników WTZ i integracyjne dla kadry spółdzielni. Jeśli budżet na to pozwala, zorganizuj też międzynarodowe warsztaty wymiany doświadczeń.",
            "The project tested three kinds of training: subject training for leaders, vocational training for workshop participants and team-building for the cooperative's staff. If the budget allows, also hold international workshops to exchange experience.",
        ),
        ["wtz", "wspolpraca-miedzynarodowa"],
        ("ośrodek wsparcia ekonomii społecznej", "the social economy support centre"),
        "6–7",
    ),
    (
        ("Sformalizuj przedsięwzięcie", "Make it formal"),
        (
            "Podpiszcie umowy partnerskie, przygotujcie plan finansowania inwestycji i biznesplan. Gdy to wszystko jest gotowe, zarejestrujcie spółdzielnię socjalną.",
            "Sign the partnership agreements and prepare an investment funding plan and a business plan. Once all of that is ready, register the social cooperative.",
        ),
        ["samorzady", "wtz", "biznes"],
        ("założyciele spółdzielni", "the cooperative's founders"),
        "8.1–8.3",
    ),
    (
        ("Rozpocznij działalność i praktyki", "Open for business and start the placements"),
        (
            "Termin startu zależy od warunków dotacji na założenie spółdzielni. Działalność zaczyna się od przyjęcia pięciu uczestników wybranych przez warsztat na trzymiesięczne praktyki.",
            "When the cooperative starts depends on the terms of its start-up grant. Its work begins by taking five participants chosen by the workshop for three-month placements.",
        ),
        ["wtz"],
        ("spółdzielnia socjalna", "the social cooperative"),
        "",
    ),
    (
        ("Zatrudnij uczestników warsztatu", "Employ the workshop participants"),
        (
            "Uczestnicy, którzy sprawdzili się na praktykach i chcą zostać, dostają pracę w spółdzielni. Jeśli ktoś nie zostaje, na praktyki przychodzi kolejna osoba z listy rezerwowej i wszystko zaczyna się od nowa.",
            "Participants who did well on their placements and want to stay are given jobs in the cooperative. If someone does not stay, the next person on the reserve list starts a placement and the process begins again.",
        ),
        ["wtz"],
        ("spółdzielnia socjalna", "the social cooperative"),
        "",
    ),
    (
        ("Oceń efekty wdrożenia", "Evaluate what was achieved"),
        (
            "Na koniec sprawdźcie, czy przedsięwzięcie osiągnęło swoje cele: jaką ma wartość społeczną i biznesową. Narzędzia do tej oceny opisuje ostatni rozdział podręcznika.",
            "Finally, check whether the venture reached its goals: what social and business value it has. The handbook's last chapter describes the tools for this evaluation.",
        ),
        ["samorzady", "wtz", "biznes", "wspolpraca-miedzynarodowa"],
        (
            "partnerzy i ośrodek wsparcia ekonomii społecznej",
            "the partners and the social economy support centre",
        ),
        "9",
    ),
]

AGREEMENT_TEMPLATE = (("Wzór umowy partnerskiej (demo)", "Partnership agreement template (demo)"),)

SUB_MODEL_INDEX = {
    "title": ("Przetestowane podmodele", "The tested sub-models"),
    "slug": ("podmodele", "sub-models"),
    "intro": (
        "W projekcie sprawdzono w praktyce pięć odmian modelu. Różnią się tym, kto zakłada spółdzielnię, kto jest jej głównym odbiorcą i jakie niesie to ryzyko. Tabela poniżej zestawia je obok siebie.",
        "The project tested five variants of the model in practice. They differ in who founds the cooperative, who its main customer is and what risk that brings. The table below sets them side by side.",
    ),
}

COMPARED = ["founders", "employer", "income", "local_government_role", "risks", "suits"]

SUB_MODELS = [
    {
        "title": ("Manufaktura Spółdzielcza", "The Cooperative Manufactory"),
        "slug": ("manufaktura-spoldzielcza", "cooperative-manufactory"),
        "summary": (
            "Spółdzielnia sprzedaje lokalne wyroby, które powstają w duchu pracowni warsztatu, i w ten sposób omija ograniczenia, jakie WTZ ma w sprzedaży.",
            "The cooperative sells local products in the spirit of the workshop's studios, and so gets round the limits a workshop has on selling.",
        ),
        "features": [
            (
                "Rozwiązuje problem ograniczonej sprzedaży w WTZ.",
                "Solves the problem of the workshop's limited sales.",
            ),
            (
                "Stawia na lokalny charakter produktu.",
                "Builds on the local character of the product.",
            ),
            ("Opiera się na stałych odbiorcach.", "Relies on regular customers."),
        ],
        "founders": (
            "Organizacja prowadząca WTZ, często razem z gminą lub powiatem.",
            "The NGO that runs the workshop, often together with the municipality or county.",
        ),
        "employer": (
            "Spółdzielnia zatrudnia uczestników WTZ po odbytych u niej praktykach.",
            "The cooperative employs workshop participants after their placements with it.",
        ),
        "income": (
            "Sprzedaż wyrobów stałym odbiorcom, na kiermaszach i w sklepie; zamówienia okolicznych firm.",
            "Sales of products to regular customers, at fairs and in a shop; orders from local companies.",
        ),
        "local_government_role": (
            "Partner: pomaga w lokalu i zamawia wyroby, np. na upominki.",
            "A partner: helps with premises and orders products, for example as gifts.",
        ),
        "risks": (
            "Ryzyko rynkowe: sprzedaż zależy od popytu i od stałych odbiorców.",
            "Market risk: sales depend on demand and on regular customers.",
        ),
        "suits": (
            "Tam, gdzie warsztat ma duży kapitał społeczny i znane w okolicy wyroby.",
            "Where the workshop has strong social capital and products known in the area.",
        ),
    },
    {
        "title": ("Samorządowa Spółdzielnia Socjalna", "The Local Government Social Cooperative"),
        "slug": ("samorzadowa-spoldzielnia-socjalna", "local-government-social-cooperative"),
        "summary": (
            "Gmina lub powiat współtworzy spółdzielnię i zleca jej usługi, dzięki czemu spółdzielnia nie ponosi ryzyka rynkowego.",
            "The municipality or county co-founds the cooperative and commissions services from it, so the cooperative carries no market risk.",
        ),
        "features": [
            (
                "Pozwala wdrożyć aktywne formy integracji.",
                "Makes active forms of integration possible.",
            ),
            (
                "Daje samorządowi korzyści społeczne, ekonomiczne, organizacyjne i wizerunkowe.",
                "Brings the local government social, economic, organisational and reputational benefits.",
            ),
            (
                "Może przyciągnąć do gminy nowe inwestycje.",
                "Can draw new investment into the municipality.",
            ),
        ],
        "founders": (
            "Gmina lub powiat, zwykle razem z organizacją prowadzącą WTZ.",
            "The municipality or county, usually together with the NGO that runs the workshop.",
        ),
        "employer": (
            "Spółdzielnia zatrudnia uczestników WTZ przy usługach zleconych przez samorząd.",
            "The cooperative employs workshop participants on services commissioned by the local government.",
        ),
        "income": (
            "Zlecenia samorządu i jego jednostek, np. utrzymanie zieleni lub sprzątanie, także z klauzulami społecznymi.",
            "Orders from the local government and its bodies, such as grounds maintenance or cleaning, including contracts with social clauses.",
        ),
        "local_government_role": ("Założyciel i główny zleceniodawca.", "Founder and main client."),
        "risks": (
            "Brak ryzyka rynkowego, ale zależność od budżetu i decyzji samorządu.",
            "No market risk, but dependence on the local government's budget and decisions.",
        ),
        "suits": (
            "Gminy i powiaty, które chcą rozwijać aktywne formy integracji na swoim terenie.",
            "Municipalities and counties that want to develop active forms of integration in their area.",
        ),
    },
    {
        "title": ("Współpraca ze spółdzielnią mieszkaniową", "Working with a housing cooperative"),
        "slug": ("wspolpraca-ze-spoldzielnia-mieszkaniowa", "working-with-a-housing-cooperative"),
        "summary": (
            "Spółdzielnia socjalna świadczy usługi dla spółdzielni mieszkaniowej i jej mieszkańców w trwałym, lokalnym partnerstwie.",
            "The social cooperative provides services to a housing cooperative and its residents in a lasting local partnership.",
        ),
        "features": [
            (
                "Oparta na trwałym partnerstwie z korzyściami dla obu stron.",
                "Built on a lasting partnership that benefits both sides.",
            ),
            (
                "Wzmacnia więzi z sąsiadami i lokalną społecznością.",
                "Strengthens ties with neighbours and the local community.",
            ),
        ],
        "founders": (
            "Organizacja prowadząca WTZ w partnerstwie ze spółdzielnią mieszkaniową.",
            "The NGO that runs the workshop, in partnership with a housing cooperative.",
        ),
        "employer": (
            "Spółdzielnia socjalna, przy pracach na osiedlu.",
            "The social cooperative, for work on the housing estate.",
        ),
        "income": (
            "Usługi dla spółdzielni mieszkaniowej i mieszkańców, np. porządek i zieleń na osiedlu.",
            "Services for the housing cooperative and residents, such as keeping the estate clean and green.",
        ),
        "local_government_role": (
            "Partner wspierający, np. przy lokalu i kontaktach.",
            "A supporting partner, for example with premises and contacts.",
        ),
        "risks": (
            "Brak ryzyka rynkowego przy stałej umowie; zależność od jednego odbiorcy.",
            "No market risk under a standing contract; dependence on one customer.",
        ),
        "suits": (
            "Tam, gdzie w pobliżu warsztatu działa spółdzielnia mieszkaniowa gotowa do współpracy.",
            "Where a housing cooperative willing to cooperate operates near the workshop.",
        ),
    },
    {
        "title": ("Współpraca z dużymi przedsiębiorstwami", "Working with large companies"),
        "slug": ("wspolpraca-z-duzymi-przedsiebiorstwami", "working-with-large-companies"),
        "summary": (
            "Duża firma powierza spółdzielni część pracy w swoim łańcuchu wartości w ramach inkluzywnego modelu biznesowego.",
            "A large company entrusts part of the work in its value chain to the cooperative, as an inclusive business model.",
        ),
        "features": [
            (
                "Outsourcing wpisany w łańcuch wartości firmy.",
                "Outsourcing built into the company's value chain.",
            ),
            (
                "Społeczna odpowiedzialność oparta na polityce różnorodności.",
                "Corporate responsibility based on a diversity policy.",
            ),
            (
                "Znaczenie dla komunikacji wewnątrz firmy.",
                "Matters for the company's internal communication.",
            ),
        ],
        "founders": (
            "Organizacja prowadząca WTZ; firma jest partnerem i zleceniodawcą.",
            "The NGO that runs the workshop; the company is a partner and client.",
        ),
        "employer": (
            "Spółdzielnia socjalna, przy zadaniach zleconych przez firmę.",
            "The social cooperative, on tasks the company commissions.",
        ),
        "income": (
            "Umowa z dużą firmą na wybrane prace, np. konfekcjonowanie lub proste montaże.",
            "A contract with a large company for chosen work, such as packing or simple assembly.",
        ),
        "local_government_role": (
            "Inicjuje kontakty i wspiera start spółdzielni.",
            "Makes the introductions and supports the cooperative's start.",
        ),
        "risks": (
            "Zależność od jednego dużego zleceniodawcy i jego decyzji.",
            "Dependence on one large client and its decisions.",
        ),
        "suits": (
            "Tam, gdzie w okolicy działa duża firma z polityką różnorodności.",
            "Where a large company with a diversity policy operates nearby.",
        ),
    },
    {
        "title": (
            "Współpraca z małymi i średnimi firmami",
            "Working with small and medium businesses",
        ),
        "slug": ("wspolpraca-z-msp", "working-with-smes"),
        "summary": (
            "Lokalni przedsiębiorcy, którzy znają warsztat, przygotowują spółdzielnię do roli swojego podwykonawcy i doradzają jej.",
            "Local business owners who know the workshop prepare the cooperative to become their subcontractor and mentor it.",
        ),
        "features": [
            (
                "Wyrasta z kapitału społecznego zbudowanego przez WTZ.",
                "Grows out of the social capital the workshop has built.",
            ),
            (
                "Przedsiębiorcy osobiście wspierają spółdzielnię jako mentorzy.",
                "Business owners personally support the cooperative as mentors.",
            ),
            (
                "Firmy zyskują zaufanego lokalnego partnera.",
                "Companies gain a trusted local partner.",
            ),
        ],
        "founders": (
            "Organizacja prowadząca WTZ, wspierana przez lokalnych przedsiębiorców.",
            "The NGO that runs the workshop, supported by local business owners.",
        ),
        "employer": (
            "Spółdzielnia socjalna, jako podwykonawca lokalnych firm.",
            "The social cooperative, as a subcontractor of local companies.",
        ),
        "income": (
            "Podwykonawstwo dla małych i średnich firm z okolicy.",
            "Subcontracting for small and medium businesses in the area.",
        ),
        "local_government_role": (
            "Łączy przedsiębiorców z warsztatem i wspiera wspólne przedsięwzięcia.",
            "Connects business owners with the workshop and supports joint ventures.",
        ),
        "risks": (
            "Ryzyko rynkowe: zamówienia zależą od kondycji lokalnych firm.",
            "Market risk: orders depend on how local companies are doing.",
        ),
        "suits": (
            "Tam, gdzie lokalni przedsiębiorcy już działali na rzecz społeczności.",
            "Where local business owners have already worked for the community.",
        ),
    },
]

EVALUATION = {
    "title": ("Innowacyjność i wnioski z ewaluacji", "Innovation and evaluation findings"),
    "slug": ("innowacyjnosc-i-ewaluacja", "innovation-and-evaluation"),
    "intro": (
        "Co w modelu jest nowego, co wykazała jego ewaluacja i co zmienić przy kolejnych wdrożeniach.",
        "What is new in the model, what its evaluation showed and what to change in the next implementations.",
    ),
    "innovation_heading": ("Na czym polega innowacja", "What makes it innovative"),
    "innovation": [
        (
            "Nowe ogniwo w systemie rehabilitacji: miejsca pracy dla uczestników WTZ zamiast samej terapii.",
            "A new link in the rehabilitation system: jobs for workshop participants, not only therapy.",
        ),
        (
            "Nowe narzędzia pracy dla ośrodków wsparcia ekonomii społecznej.",
            "New working tools for social economy support centres.",
        ),
        (
            "Zamiast zaostrzać wymagania wobec warsztatów, model daje im nowy instrument.",
            "Instead of making demands on workshops stricter, the model gives them a new instrument.",
        ),
        (
            "Skupienie na osobach z niepełnosprawnością intelektualną, które najrzadziej mają pracę.",
            "A focus on people with intellectual disabilities, who are the least often employed.",
        ),
        (
            "Rozwiązanie oddolne, dopasowane do możliwości lokalnej społeczności.",
            "A bottom-up solution, fitted to what the local community can do.",
        ),
    ],
    "strengths_heading": ("Co wykazała ewaluacja", "What the evaluation showed"),
    "strengths": [
        (
            "Silne partnerstwa lokalne zapewniają trwałość spółdzielni.",
            "Strong local partnerships make the cooperatives last.",
        ),
        (
            "Model trafnie odpowiada na potrzeby grup docelowych.",
            "The model meets the needs of the target groups.",
        ),
        (
            "Aktywizacja jest skuteczna, a rotacja w warsztatach wzrosła ponad zakładane wskaźniki.",
            "Activation works, and turnover in the workshops rose above the targets.",
        ),
        (
            "Przedsięwzięcia dobrze wpływają na lokalną społeczność.",
            "The ventures have a good effect on the local community.",
        ),
        (
            "Model dodaje do systemu nowy element bez zmiany jego założeń i bez nowych źródeł finansowania.",
            "The model adds a new element to the system without changing its principles and without new funding sources.",
        ),
    ],
    "recommendations_heading": ("Rekomendacje", "Recommendations"),
    "recommendations": [
        (
            "Uelastycznić zasady praktyk uczestników WTZ w spółdzielni.",
            "Make the rules for workshop participants' placements in the cooperative more flexible.",
        ),
        (
            "Zwiększyć wsparcie ośrodków ekonomii społecznej w rekrutacji pracowników.",
            "Increase the support centres' help with recruiting staff.",
        ),
        (
            "Przenieść część obowiązków lidera na innych pracowników spółdzielni.",
            "Move part of the leader's duties to other staff of the cooperative.",
        ),
        (
            "Dopasować pracownie warsztatu do profilu spółdzielni.",
            "Adapt the workshop's studios to the cooperative's line of work.",
        ),
    ],
}

STORY_INDEX = {
    "title": ("Nasze sukcesy", "Success stories"),
    "slug": ("nasze-sukcesy", "success-stories"),
    "intro": (
        "Spółdzielnie socjalne, które powstały dzięki modelowi. Historie w wersji demonstracyjnej portalu są przykładowe – redakcja zastępuje je opisami prawdziwych spółdzielni.",
        "Social cooperatives that started thanks to the model. The stories in the portal's demo version are examples – the editors replace them with real cooperatives.",
    ),
}

STORIES = [
    {
        "title": ("Chleb z Zielonej Doliny", "Bread from the Green Valley"),
        "slug": ("chleb-z-zielonej-doliny", "bread-from-the-green-valley"),
        "cooperative": "Spółdzielnia Socjalna „Zielona Dolina”",
        "town": "Kościan",
        "founded": (2014, 3, 3),
        "members": 3,
        "employed": 5,
        "zones": ["wtz", "samorzady"],
        "activity": (
            "Piekarnia i catering: pieczywo dla szkół i urzędu gminy, poczęstunki na lokalne wydarzenia.",
            "A bakery and catering: bread for schools and the town hall, refreshments for local events.",
        ),
        "quote": (
            "Pierwszy raz dostałam wypłatę za swoją pracę. Teraz sama kupuję prezenty dla mamy.",
            "For the first time I was paid for my work. Now I buy presents for my mum myself.",
        ),
        "quote_by": (
            "Pracownica spółdzielni, wcześniej uczestniczka WTZ",
            "A member of staff, formerly a workshop participant",
        ),
        "photo_alt": (
            "Rysunek: bochenek chleba na zielonym tle",
            "Drawing: a loaf of bread on a green background",
        ),
        "colour": "#0b5d4e",
    },
    {
        "title": ("Zieleń na osiedlu", "Green spaces on the estate"),
        "slug": ("zielen-na-osiedlu", "green-spaces-on-the-estate"),
        "cooperative": "Spółdzielnia Socjalna „Ogrody”",
        "town": "Konin",
        "founded": (2014, 9, 15),
        "members": 2,
        "employed": 4,
        "zones": ["wtz", "biznes"],
        "activity": (
            "Pielęgnacja zieleni i drobne naprawy na osiedlach spółdzielni mieszkaniowej.",
            "Gardening and small repairs on a housing cooperative's estates.",
        ),
        "quote": (
            "Mieszkańcy nas znają i mówią nam „dzień dobry”. To najlepsza część pracy.",
            "The residents know us and say hello. That is the best part of the job.",
        ),
        "quote_by": ("Pracownik spółdzielni", "A member of staff"),
        "photo_alt": (
            "Rysunek: drzewo i ławka na osiedlowym skwerze",
            "Drawing: a tree and a bench in an estate's square",
        ),
        "colour": "#8a4b00",
    },
]
