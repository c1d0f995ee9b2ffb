"""The organisers' "Wyślij ponownie" (send again) for a registration whose e-mail was not
delivered, and the column of Zgłoszenia that shows how each e-mail went."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wagtail.admin.ui.tables import Column

from . import tasks
from .registrations import Registration

Status = Registration.EmailStatus


class EmailStatusColumn(Column):
    """How the latest e-mail to the registrant went; for one that was not delivered, the
    reason and, for those who may change registrations, a "send again" button (a POST)."""

    cell_template_name = "events/admin/email_status_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context.get("request")
        if request and tasks.can_send_again(instance) and _may_send_again(request.user):
            context["send_again_url"] = reverse("registrations:send_again", args=[instance.pk])
            context["csrf_token"] = get_token(request)
            # The listing's address with its filters (the cell may be rendered by the
            # listing's AJAX "results/" view, which is no page to come back to).
            query = request.GET.urlencode()
            context["next_url"] = reverse("registrations:index") + (f"?{query}" if query else "")
        return context


def _may_send_again(user):
    return user.has_perm("events.change_registration")


@require_POST
def send_again(request, pk):
    """Queue the registration's latest e-mail once more, from the first attempt, and say
    how it went: sent at once (immediate backend), queued for the worker, or failed again."""
    if not _may_send_again(request.user):
        raise PermissionDenied
    registration = get_object_or_404(Registration, pk=pk)
    if not (tasks.can_send_again(registration) and tasks.queue_email_again(registration)):
        messages.warning(request, _("This registration has no undelivered e-mail to send again."))
        return _back(request)
    registration.refresh_from_db()
    kind = registration.get_email_kind_display()
    if registration.email_status == Status.SENT:
        messages.success(request, _("The e-mail (%(kind)s) has been sent again.") % {"kind": kind})
    elif registration.email_status == Status.FAILED:
        messages.error(
            request,
            _("The e-mail (%(kind)s) could not be sent again: %(error)s")
            % {"kind": kind, "error": registration.email_error},
        )
    else:
        messages.success(
            request,
            _("The e-mail (%(kind)s) is queued and will be sent again shortly.") % {"kind": kind},
        )
    return _back(request)


def _back(request):
    """To the listing the organiser came from (its filters kept), or the whole list."""
    url = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(url, {request.get_host()}, request.is_secure()):
        return redirect(url)
    return redirect("registrations:index")
