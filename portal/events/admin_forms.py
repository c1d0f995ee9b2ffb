"""Admin forms of the events app (no model imports, so models.py can use them)."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm

from .permissions import may_change_the_section

# The index's fields that move the section (slug), take it off the site later (expire_at,
# then publish_scheduled unpublishes it) or out of the menu (show_in_menus).
SECTION_FIELDS = ("slug", "expire_at", "show_in_menus")


class EventIndexPageForm(WagtailAdminPageForm):
    """An organiser edits the events index (its title and introduction) but may not move the
    section, schedule it to expire or hide it from the menu: for them those fields are shown
    disabled, so a forged POST cannot change them either (Django keeps the saved value)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        if not self.instance.pk or user is None or may_change_the_section(user, self.instance):
            return
        for name in SECTION_FIELDS:
            if name in self.fields:
                self.fields[name].disabled = True
                self.fields[name].help_text = _(
                    "Only moderators can change this: it would move the events section, "
                    "take it off the site or out of the menu."
                )
