"""Zone editors may only touch their own zone's content.

Wagtail's group page permissions give a zone editor rights on a part of the tree (their
zone page's subtree, the news index…). Content that belongs to zones but lives elsewhere
in the tree (news, reports, events) needs one more rule: a zone editor may act on it only
when it belongs to one of their zones. `ZoneContentMixin` puts that rule into Wagtail's
permission layer (`Page.permissions_for_user`), so the edit, delete, move, copy, publish
and workflow views all refuse it, not just the buttons.

Moderators (anyone with publish rights on the page) and superusers are not restricted;
nor are users in no zone editors' group.
"""

from wagtail.models import PagePermissionTester


def zone_keys_edited_by(user):
    """The translation keys of the zones whose editors' group `user` belongs to (cached
    on the user object for the request, since a page listing asks once per row)."""
    if not hasattr(user, "_edited_zone_keys"):
        # Through the user's groups (Zone.editor_group's related name), so this module,
        # which models.py imports, does not import the models back.
        user._edited_zone_keys = (
            frozenset(
                user.groups.filter(zones__isnull=False).values_list(
                    "zones__translation_key", flat=True
                )
            )
            if user.is_authenticated
            else frozenset()
        )
    return user._edited_zone_keys


class ZonePermissionTester(PagePermissionTester):
    def __init__(self, user, page):
        super().__init__(user, page)
        if not user.is_active or user.is_superuser or "publish" in self.permissions:
            return
        editor_of = zone_keys_edited_by(user)
        if editor_of and not editor_of & set(zone_keys_of(user, page)):
            self.permissions = set()

    def can_delete(self, ignore_bulk=False):
        """Wagtail's rule, answered by a leaf page itself (news, events, reports have no
        children): Wagtail asks the database whether the page "and its descendants" are
        live or someone else's, one query per row of a listing for editors without the
        right to publish."""
        if not self.page.is_leaf() or self.page_is_root or self.user.is_superuser:
            return super().can_delete(ignore_bulk=ignore_bulk)
        if not self.user.is_active:
            return False
        if "change" in self.permissions:
            return "publish" in self.permissions or not self.page.live
        if "add" in self.permissions:
            own = self.page.owner_id == self.user.pk
            return own if "publish" in self.permissions else own and not self.page.live
        return False


class SharedIndexPermissionTester(PagePermissionTester):
    """An index shared by every zone ("Aktualności", "Wydarzenia", "Badania i analizy"): a
    zone editor adds and edits pages below it, but not the index itself, whose title,
    introduction and address belong to all zones. Their group's rights on the index are
    what lets them work below it (Wagtail's page rights cover a subtree), so they are taken
    back here for the index alone."""

    def __init__(self, user, page):
        super().__init__(user, page)
        moderates = user.is_superuser or "publish" in self.permissions
        if user.is_active and not moderates and zone_keys_edited_by(user):
            self.permissions = self.permissions - {"change"}


def zone_keys_of(user, page):
    """The zones (translation keys) of a saved `page`, looked up with those of its siblings
    in one query and kept on the user object for the request: the admin's page listing
    builds a permission tester about ten times per row (one per button), so asking the
    page each time cost a zone editor ten queries per row."""
    if page.pk is None:
        return page.zone_keys()
    known = user.__dict__.setdefault("_zone_keys_of_pages", {})
    if page.pk not in known:
        known.update(page.zone_keys_with_siblings())
    return known[page.pk]


class SharedIndexMixin:
    """For the page types under which zone-tagged pages live, shared by every zone."""

    def permissions_for_user(self, user):
        return SharedIndexPermissionTester(user, self)


class ZoneContentMixin:
    """For page types that belong to zones. The page says which by `zone_keys()`: the
    translation keys of its zones."""

    def zone_keys(self):
        raise NotImplementedError

    def zone_keys_with_siblings(self):
        """{page pk: zone keys} for this page and, where one query can give them, its
        siblings of the same type (see zone_keys_of)."""
        return {self.pk: self.zone_keys()}

    def permissions_for_user(self, user):
        return ZonePermissionTester(user, self)


def zones_restricted_for(user):
    """The zones (translation keys) a zone editor is limited to in forms that tag content,
    or None when the user is not limited: superusers, moderators (who may change zones)
    and users in no zone editors' group."""
    if user is None or user.is_superuser or user.has_perm("zones.change_zone"):
        return None
    return zone_keys_edited_by(user) or None
