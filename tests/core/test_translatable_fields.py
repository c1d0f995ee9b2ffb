"""Every field a project model declares is in its `translatable_fields`, translated or
synchronised. wagtail-localize copies into a translation only the fields of that list, so a
field left out is silently never synchronised: the English home page kept showing the
Polish hero when a mixin's own list became the page's whole list."""

from pathlib import Path

import pytest

from django.apps import apps
from django.conf import settings

from modelcluster.fields import ParentalKey
from wagtail.models import Page, TranslatableMixin

# (model label, field name) -> why the field stays out of translatable_fields.
DELIBERATELY_LEFT_OUT = {}


def project_models():
    """The page and translatable snippet models of the project's own apps (those in the
    repository, not in the virtualenv) that list their translatable fields."""
    base = settings.BASE_DIR
    return [
        model
        for model in apps.get_models()
        if Path(model._meta.app_config.path).is_relative_to(base)
        and ".venv" not in Path(model._meta.app_config.path).relative_to(base).parts
        and issubclass(model, (Page, TranslatableMixin))
        and hasattr(model, "translatable_fields")
    ]


def declared_fields(model):
    """The editable fields the model declares, itself or through its mixins: not those of
    Wagtail's Page, nor the locale and translation key TranslatableMixin manages, nor the
    ParentalKey of a child (wagtail-localize points the copy at the translated parent)."""
    return [
        field.name
        for field in model._meta.get_fields()
        if (field.concrete or field.many_to_many)
        and not field.auto_created
        and getattr(field, "editable", False)
        and field.model is not Page
        and field.name not in ("locale", "translation_key")
        and not isinstance(field, ParentalKey)
    ]


def test_the_guard_sees_the_project_models():
    labels = {model._meta.label for model in project_models()}
    assert {"core.HomePage", "news.NewsPage", "zones.Zone", "polls.PollChoice"} <= labels


@pytest.mark.parametrize("model", project_models(), ids=lambda model: model._meta.label)
def test_every_declared_field_is_translated_or_synchronised(model):
    listed = {field.field_name for field in model.translatable_fields}
    left_out = {
        name
        for name in declared_fields(model)
        if name not in listed and (model._meta.label, name) not in DELIBERATELY_LEFT_OUT
    }
    assert left_out == set(), f"{model._meta.label}: add these to translatable_fields"
