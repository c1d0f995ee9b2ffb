"""The organisers' "Wyślij ponownie" (send again) for a registration whose e-mail was not
delivered, and the column of Zgłoszenia that shows how each e-mail went."""

import django_filters

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_POST

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.log_actions import log
from wagtail.models import Locale

from . import booking, tasks
from .models import EventPage
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


def events_with_registrations(request):
    """The events an organiser can filter by: those in the default language, since every
    registration belongs to the Polish event (an English translation never has any)."""
    return EventPage.objects.filter(locale=Locale.get_default()).order_by("-start")


class RegistrationFilterSet(WagtailFilterSet):
    """Zgłoszenia's filters: Wagtail's from the model's fields, with the event list cut
    down to the events registrations can belong to."""

    event = django_filters.ModelChoiceFilter(
        label=_lazy("event"), queryset=events_with_registrations
    )

    class Meta:
        model = Registration
        fields = [
            "event",
            "status",
            "email_status",
            "institution_type",
            *(name for name, _label in Registration.NEEDS),
        ]


class PersonNamedMixin:
    """The organiser's pages about one registration (change, cancel, delete) name the person
    and their institution in the heading, so the right one is cancelled. The name stays out
    of the registration's __str__, which the admin's history keeps after the purge."""

    def get_page_subtitle(self):
        registration = self.object
        return f"{registration.name} ({registration.institution}) – {registration.event}"


class RegistrationEditView(PersonNamedMixin, generic.EditView):
    pass


class RegistrationDeleteView(PersonNamedMixin, generic.DeleteView):
    pass


class RegistrationCreateView(generic.CreateView):
    """ "Dodaj zgłoszenie": the booking rules decide, as for the public form, whether the
    person gets a seat or waits; a refusal (closed, already registered) is shown on the
    form with what was typed, and answered with 400."""

    def save_instance(self):
        registration = self.form.book()
        log(instance=registration, action="wagtail.create", user=self.request.user)
        return registration

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except booking.AlreadyRegistered as refusal:
            form.add_error("email", str(refusal))
        except booking.RegistrationRefused as refusal:
            form.add_error("event", str(refusal))
        self.produced_error_message = self.get_error_message()
        return self.form_invalid(form)

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response


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
