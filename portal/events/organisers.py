"""The "Organizatorzy" group: the people who run events and may see registrations."""

from django.contrib.auth.models import Group, Permission

from wagtail.models import GroupPagePermission, PagePermissionTester

ORGANISERS = "Organizatorzy"


def set_up_organisers():
    """Create the group (or complete its rights): admin access, the registrations' view,
    change and delete rights, and the running of events (add, edit, publish below every
    events index). Zone editors are not in it, so they cannot see anybody's data."""
    from .models import EventIndexPage

    group, _ = Group.objects.get_or_create(name=ORGANISERS)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(
            content_type__app_label="events",
            codename__in=["view_registration", "change_registration", "delete_registration"],
        ),
    )
    for index in EventIndexPage.objects.all():
        for action in ("add", "change", "publish"):
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=index,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=f"{action}_page"
                ),
            )
    return group


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
