"""The "Organizatorzy" group: the people who run events and may see registrations."""

from django.contrib.auth.models import Group, Permission

ORGANISERS = "Organizatorzy"


def set_up_organisers():
    """Create the group (or complete its rights): admin access and the registrations'
    view, change and delete rights. Zone editors are not in it, so they cannot see
    anybody's personal data."""
    group, _ = Group.objects.get_or_create(name=ORGANISERS)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(
            content_type__app_label="events",
            codename__in=["view_registration", "change_registration", "delete_registration"],
        ),
    )
    return group
