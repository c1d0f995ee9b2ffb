"""Admin forms of the zones app (no model imports, so models.py can use them)."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm

from .permissions import zones_restricted_for


class ZonePageForm(WagtailAdminPageForm):
    """Only moderators may move an existing zone page to another zone: for a zone editor
    the field is shown but disabled, so a forged POST cannot change it either."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        if self.instance.pk and not (user and user.has_perm("zones.change_zone")):
            self.fields["zone"].disabled = True
            self.fields["zone"].help_text = _("Only moderators can move a page to another zone.")


class ZoneChoiceForm:
    """For a model form with a `zones` field: a zone editor may choose only among their own
    zones, and tags with other zones that a moderator set are kept. `zones_required` and
    `zones_help_text` say what the form asks of a zone editor."""

    zones_required = False
    zones_help_text = ""

    def limit_zones_to(self, user):
        """Offer `user` only the zones they may choose (all, unless they are a zone editor),
        remembering the instance's other zones so that saving keeps them."""
        self.kept_zones = []
        allowed = zones_restricted_for(user)
        if allowed is None or "zones" not in self.fields:
            return
        if self.instance.pk:
            self.kept_zones = [
                zone for zone in self.instance.zones.all() if zone.translation_key not in allowed
            ]
        field = self.fields["zones"]
        field.queryset = field.queryset.filter(translation_key__in=allowed)
        field.required = field.required or self.zones_required
        field.help_text = self.zones_help_text or field.help_text

    def clean_zones(self):
        return [*self.cleaned_data["zones"], *self.kept_zones]


class ZoneContentPageForm(ZoneChoiceForm, WagtailAdminPageForm):
    """For pages tagged with zones (news, events, reports): a zone editor may choose only
    among their own zones and must choose at least one, so what they write stays theirs to
    edit. Tags with other zones that a moderator set are kept."""

    zones_required = True
    zones_help_text = _("Choose your zone: you can edit only what belongs to your zones.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.limit_zones_to(self.for_user)
