"""Who may take the events section itself off the site."""

from wagtail.models import PagePermissionTester


class EventIndexPermissionTester(PagePermissionTester):
    """Organisers run events below the events index, so their group's rights are granted on
    the index, and Wagtail applies such rights to the index itself as well: with them an
    organiser could unpublish, delete, move or password-protect the whole events section.
    Those four actions take the section off the site (or out of the menu), so they are left
    to whoever may publish where the index lives, the home page: moderators and superusers.
    Adding, editing and publishing the index and its events are not affected."""

    def may_change_the_section(self):
        if self.user.is_superuser:
            return True
        home = self.page.get_parent()
        return home is not None and home.permissions_for_user(self.user).can_publish()

    def can_unpublish(self):
        return super().can_unpublish() and self.may_change_the_section()

    def can_delete(self, ignore_bulk=False):
        # Moving is checked as deleting (PagePermissionTester.can_move).
        return super().can_delete(ignore_bulk=ignore_bulk) and self.may_change_the_section()

    def can_set_view_restrictions(self):
        return super().can_set_view_restrictions() and self.may_change_the_section()
