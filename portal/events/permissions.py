"""Who may take the events section itself off the site."""

from zones.permissions import SharedIndexPermissionTester


def may_change_the_section(user, index):
    """Taking the events section off the site, moving it or hiding it from the menu is left
    to whoever may publish where the index lives, the home page: moderators and superusers.
    Organisers hold their rights on the index itself (to run the events below it), so
    Wagtail alone would let them do all of this."""
    if user.is_superuser:
        return True
    home = index.get_parent()
    return home is not None and home.permissions_for_user(user).can_publish()


class EventIndexPermissionTester(SharedIndexPermissionTester):
    """Organisers run events below the events index, so their group's rights are granted on
    the index, and Wagtail applies such rights to the index itself as well: with them an
    organiser could unpublish, delete, move or password-protect the whole events section.
    Those four actions take the section off the site (or out of the menu), so they are left
    to those who `may_change_the_section`. Adding, editing and publishing the index and its
    events are not affected (the index's edit form guards its address, expiry and menu entry)."""

    def may_change_the_section(self):
        return may_change_the_section(self.user, self.page)

    def can_unpublish(self):
        return super().can_unpublish() and self.may_change_the_section()

    def can_delete(self, ignore_bulk=False):
        # Moving is checked as deleting (PagePermissionTester.can_move).
        return super().can_delete(ignore_bulk=ignore_bulk) and self.may_change_the_section()

    def can_set_view_restrictions(self):
        return super().can_set_view_restrictions() and self.may_change_the_section()
