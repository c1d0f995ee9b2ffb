"""The vote: a POST from the poll block's form. It answers with a redirect back to the
page (the block then shows the results), or with a small page that says why the vote was
not counted."""

from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wagtail.models import Site

from portal.core.ratelimit import retry_after

from . import voting
from .forms import CHOOSE_AN_ANSWER, VoteForm
from .models import Poll


@require_POST
def vote(request, poll_id):
    next_url = return_url(request)
    limit, window = settings.POLL_RATE_LIMIT
    if wait := retry_after(request, "poll-vote", limit, window):
        response = refused(
            request, None, next_url, _("Too many votes from your address. Try again later."), 429
        )
        response["Retry-After"] = str(wait)
        return response
    poll = get_object_or_404(Poll, pk=poll_id)
    try:
        voting.check_can_vote(request, poll)
    except voting.VoteRefused as refusal:
        return refused(request, poll, next_url, str(refusal), refusal.status)
    form = VoteForm(request.POST, poll=poll)
    if not form.is_valid():
        return refused(request, poll, next_url, str(CHOOSE_AN_ANSWER), 400, form=form)
    choice = form.cleaned_data["choice"]
    voting.cast_vote(poll, choice)
    response = HttpResponseRedirect(f"{next_url}#poll-{poll.pk}")
    response.status_code = 303  # "see other": the page is fetched again with GET
    voting.remember_vote(request, response, poll, choice)
    return response


def return_url(request):
    """Where the visitor came from (the form's `next`), when it is an address on this
    site; the home page of the current language otherwise. Without a fragment: the view
    adds the poll's."""
    candidate = request.POST.get("next", "")
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return urlunsplit(urlsplit(candidate)._replace(fragment=""))
    site = Site.find_for_request(request)
    if site is None:
        return "/"
    return site.root_page.localized.get_url(request) or "/"


def refused(request, poll, next_url, message, status, form=None):
    display = None
    if poll is not None:
        display = voting.poll_display(request, poll, next_url=next_url, form=form)
    return TemplateResponse(
        request,
        "polls/vote_refused.html",
        {"message": message, "display": display, "next_url": next_url},
        status=status,
    )
