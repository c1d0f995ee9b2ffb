"""Demo content of the zones app: the four stakeholder zones, in Polish and English."""

from portal.core.demo_content import demo_step, translate

from .models import Zone

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
