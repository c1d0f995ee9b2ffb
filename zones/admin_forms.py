"""Admin forms of the zones app (no model imports, so models.py can use them)."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm


class ZonePageForm(WagtailAdminPageForm):
    """Only moderators may move an existing zone page to another zone: for a zone editor
    the field is shown but disabled, so a forged POST cannot change it either."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        if self.instance.pk and not (user and user.has_perm("zones.change_zone")):
            self.fields["zone"].disabled = True
            self.fields["zone"].help_text = _("Only moderators can move a page to another zone.")
