"""Casting a vote, the one-vote-per-browser cookie, and what a poll shows a visitor.

One vote per browser is all we can promise without accounts: the browser keeps a signed
cookie per poll (keyed by the poll's translation key, so voting in English and then in
Polish is refused too). Someone who clears the cookies, or uses another browser, can vote
again; the per-address rate limit in the view only slows that down.
"""

from dataclasses import dataclass

from django.db.models import F
from django.utils.translation import gettext_lazy as _

from .forms import VoteForm
from .models import Poll, PollChoice, PollResults

COOKIE_SALT = "portal.polls.vote"
COOKIE_MAX_AGE = 365 * 24 * 3600


class VoteRefused(Exception):
    """A vote that is not counted; `status` is the HTTP status of the answer."""

    status = 409
    message = ""

    def __str__(self):
        return str(self.message)


class AlreadyVoted(VoteRefused):
    message = _("You have already voted in this poll.")


class PollNotOpenYet(VoteRefused):
    message = _("This poll is not open yet.")


class PollClosed(VoteRefused):
    status = 410
    message = _("This poll is closed.")


def cookie_name(poll):
    return f"poll-{poll.translation_key.hex}"


def voted_choice_key(request, poll):
    """The translation key of the answer this browser voted for, or None. A cookie that
    was changed or has expired counts as none."""
    return request.get_signed_cookie(
        cookie_name(poll), default=None, salt=COOKIE_SALT, max_age=COOKIE_MAX_AGE
    )


def remember_vote(request, response, poll, choice):
    response.set_signed_cookie(
        cookie_name(poll),
        str(choice.translation_key),
        salt=COOKIE_SALT,
        max_age=COOKIE_MAX_AGE,
        httponly=True,
        samesite="Lax",
        secure=request.is_secure(),
    )


def check_can_vote(request, poll):
    """Raise the reason why this browser cannot vote in `poll` now, if there is one."""
    if voted_choice_key(request, poll) is not None:
        raise AlreadyVoted
    status = poll.source_poll.status()
    if status == Poll.Status.UPCOMING:
        raise PollNotOpenYet
    if status == Poll.Status.CLOSED:
        raise PollClosed


def cast_vote(poll, choice):
    """Count one vote for `choice` (an answer of `poll`, in any language) on the
    source-language tally. The database adds one (an F expression), so votes cast at the
    same moment are all counted."""
    tally = poll.tally_choice(choice)
    PollChoice.objects.filter(pk=tally.pk).update(votes=F("votes") + 1)


@dataclass
class PollDisplay:
    """What the poll block shows: the form while the poll is open and this browser has
    not voted; the results once it has voted or the poll is closed; only the opening
    date before the poll opens."""

    poll: Poll
    status: str
    next_url: str
    heading: str = ""
    form: VoteForm | None = None
    results: PollResults | None = None
    voted_choice: PollChoice | None = None
    voted: bool = False

    @property
    def anchor(self):
        return f"poll-{self.poll.pk}"

    @property
    def opens_at(self):
        return self.poll.source_poll.opens_at

    @property
    def closes_at(self):
        return self.poll.source_poll.closes_at


def poll_display(request, poll, next_url, heading="", form=None):
    """The poll `poll` (already in the page's language) as this browser sees it now."""
    status = poll.source_poll.status()
    voted_key = voted_choice_key(request, poll)
    display = PollDisplay(
        poll=poll, status=status, next_url=next_url, heading=heading, voted=voted_key is not None
    )
    if status == Poll.Status.UPCOMING:
        return display
    if status == Poll.Status.OPEN and not display.voted:
        display.form = form if form is not None else VoteForm(poll=poll, initial={"next": next_url})
        return display
    display.results = poll.results()
    display.voted_choice = next(
        (
            row.choice
            for row in display.results.rows
            if str(row.choice.translation_key) == voted_key
        ),
        None,
    )
    return display
