"""Translating, for every editor role, through the same moderation as Polish edits.

wagtail-localize has one permission, `submit_translation`, and its Translate and Sync views
check nothing else: whoever holds it could start or sync a translation of any page or
snippet, and sync with "publish immediately" publishes without the right to publish. Its
translation editor knows no workflow either: its action menu offers "Publish in <language>"
to who may publish and nothing to who may not, so a zone editor who made the English draft
is left with "Delete" as the main button and no way to send it to the moderators.

So the editors' groups get `submit_translation` (zones.editing, portal.events.organisers), and:
- the Translate and Sync views are wagtail-localize's own, subclassed to ask Wagtail's
  permissions as well: a user translates or syncs only what they may edit (the zone rule
  included), and "publish immediately" is offered only to who may publish every
  translation of it;
- the translation editor of a page gets "Save draft" and "Submit for moderation" for who may
  edit but not publish (templates/wagtail_localize/admin/edit_translation.html): the
  translated texts become a draft revision, and the page's workflow starts or resumes as in
  Wagtail's own editor, so moderators get the same e-mail and dashboard entry as for a
  Polish change, and the English version goes live only when they approve it. Its React
  footer makes its last action the main button, which for an editor who made the draft is
  "Delete" (Wagtail lets them delete an unpublished page they own): for them the footer
  gets no Delete (Wagtail's page menu keeps it) and our buttons sit in a bar at the bottom.
"""

import json

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from wagtail.models import Page, WorkflowState
from wagtail.snippets.permissions import get_permission_name, user_can_edit_snippet_type
from wagtail_localize.models import Translation
from wagtail_localize.views.submit_translations import (
    SubmitPageTranslationView,
    SubmitSnippetTranslationView,
)
from wagtail_localize.views.update_translations import UpdateTranslationsView

SAVE_DRAFT = "portal-save-translation-draft"
SUBMIT = "portal-submit-translation"


def may_translate(user, instance):
    """Who may start or sync translations of `instance`: whoever may edit it."""
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_edit()
    return user_can_edit_snippet_type(user, type(instance))


def may_publish(user, instance):
    """Whether `user` may publish `instance` (a translation): pages by Wagtail's page
    permissions, draftable snippets by their publish permission; other snippets are live
    whenever saved, so editing them is enough."""
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_publish()
    if hasattr(instance, "live_revision"):
        return user.has_perm(get_permission_name("publish", type(instance)))
    return user_can_edit_snippet_type(user, type(instance))


class EditableOnly:
    """For wagtail-localize's Translate views: the object only if the user may edit it."""

    def get_object(self):
        instance = super().get_object()
        if not may_translate(self.request.user, instance):
            raise PermissionDenied
        return instance


class TranslatePageView(EditableOnly, SubmitPageTranslationView):
    """wagtail-localize's "Translate this page", for pages the user may edit."""


class TranslateSnippetView(EditableOnly, SubmitSnippetTranslationView):
    """wagtail-localize's "Translate" of a snippet, for snippets the user may edit."""


class SyncTranslationsView(UpdateTranslationsView):
    """wagtail-localize's "Sync translated pages", for sources the user may edit; "publish
    immediately" only for who may publish every translation (for the others the texts
    are synced and the translations wait as drafts, to be submitted for moderation)."""

    def get_object(self):
        source = super().get_object()
        if not may_translate(self.request.user, source.get_source_instance()):
            raise PermissionDenied
        return source

    def get_form(self):
        form = super().get_form()
        if not self.may_publish_translations():
            field = form.fields["publish_translations"]
            field.disabled, field.initial, field.widget = True, False, forms.HiddenInput()
        return form

    def may_publish_translations(self):
        return all(
            may_publish(self.request.user, translation.get_target_instance())
            for translation in self.object.translations.filter(enabled=True)
        )


def synced_translation_of(page):
    """The enabled wagtail-localize translation whose target is `page`, or None."""
    return Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
    ).first()


def save_or_submit_translation(request, page):
    """The "Save draft" and "Submit for moderation" buttons of the translation editor
    (a before_edit_page hook, so Wagtail's edit view has checked the right to edit)."""
    action = next((name for name in (SUBMIT, SAVE_DRAFT) if name in request.POST), None)
    if request.method != "POST" or action is None:
        return None
    translation = synced_translation_of(page)
    if translation is None:
        return None
    page_perms = page.permissions_for_user(request.user)
    if page_perms.page_locked():
        raise PermissionDenied
    try:
        translation.save_target(user=request.user, publish=False)
    except ValidationError:
        messages.error(request, _("The translation could not be saved: check the texts below."))
        return redirect(request.path)
    page = Page.objects.get(pk=page.pk).specific
    title = page.get_admin_display_title()
    if action == SAVE_DRAFT:
        messages.success(request, _("The draft of '%(title)s' has been saved.") % {"title": title})
    elif submit_for_moderation(page, request.user):
        messages.success(
            request, _("'%(title)s' has been submitted for moderation.") % {"title": title}
        )
    else:
        messages.success(
            request,
            _("'%(title)s' is already waiting for moderation; the moderators will see this draft.")
            % {"title": title},
        )
    return redirect(request.path)


def submit_for_moderation(page, user):
    """Start the page's workflow on its latest revision, or resume one that came back
    with changes requested, as Wagtail's editor does on "Submit for moderation". A workflow
    already in progress is left running: approving it publishes the latest revision.
    Returns whether the page was submitted now."""
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user)
        return True
    if state is not None:
        return False
    workflow = page.get_workflow()
    if workflow is None:
        return False
    workflow.start(page, user)
    return True


def translation_actions(page_perms, page):
    """What the translation editor adds for `page_perms.user`: "save" and "submit" for who
    may edit but not publish ("submit" only where a workflow applies), nothing for who may
    publish (they have wagtail-localize's "Publish in <language>")."""
    if page_perms.can_publish() or not page_perms.can_edit() or page_perms.page_locked():
        return {}
    state = page.current_workflow_state
    return {
        "save": SAVE_DRAFT,
        "submit": SUBMIT if page.has_workflow else None,
        "in_moderation": state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS,
    }


def props_without_delete(props):
    """The translation editor's React props (JSON) for who may not publish: Delete left out
    of its footer, so that its main button is never Delete, and "Convert to alias page" too,
    since an alias shows the Polish page's live content in English without moderation."""
    data = json.loads(props)
    data["perms"]["canDelete"] = False
    data["links"]["convertToAliasUrl"] = None
    return json.dumps(data)
