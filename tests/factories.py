"""Factories mirroring the page tree: root → HomePage (pl, with an en translation) → pages."""

import factory
import wagtail_factories

from wagtail.models import Locale

from portal.core.models import HomePage, StandardPage
from zones.models import Zone


class LocaleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Locale
        django_get_or_create = ("language_code",)

    language_code = "pl"


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HomePage

    title = "Portal WTZ"
    slug = "strona-glowna"
    hero_title = "Spółdzielnie socjalne przy WTZ"
    hero_text = "Tekst wprowadzający"
    zones_heading = "Wybierz swoją strefę"


class StandardPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"Strona {n}")
    slug = factory.Sequence(lambda n: f"strona-{n}")
    intro = "Wstęp do strony."


class ZoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Zone

    locale = factory.LazyFunction(lambda: Locale.objects.get(language_code="pl"))
    slug = factory.Sequence(lambda n: f"strefa-{n}")
    name = factory.Sequence(lambda n: f"Strefa {n}")
    intro = "Krótki opis strefy."
    audience = "Dla kogo jest ta strefa"
    colour = Zone.Colour.TEAL
    icon = Zone.Icon.WORKSHOP
    sort_order = factory.Sequence(lambda n: n)
