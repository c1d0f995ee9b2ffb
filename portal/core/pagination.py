"""Pagination shared by every listing of the site."""

import re

from django.core.paginator import InvalidPage, Paginator
from django.http import Http404
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

# ASCII digits only: int() also reads "٣", " 3" and "1_0", and "²" passes str.isdigit().
# Six digits are more pages than any listing of the site will have.
PAGE_NUMBER = re.compile(r"[1-9][0-9]{0,5}")


def requested_page(request):
    """The number asked for by `?page=` (1 without one). Anything else than a plain number
    is a page that does not exist: a 404, as for any address that does not exist."""
    number = request.GET.get("page") or "1"
    if not PAGE_NUMBER.fullmatch(number):
        raise Http404(_("There is no such page of results."))
    return int(number)


def page_of(request, items, per_page):
    """The page of `items` asked for by `?page=`; a number that is not one of the pages
    (text, zero, past the end) is a 404, as for any address that does not exist."""
    paginator = Paginator(items, per_page)
    try:
        return paginator.page(requested_page(request))
    except InvalidPage as error:
        raise Http404(_("There is no such page of results.")) from error


def page_when_shown(request, fetch):
    """`fetch()`, the page of a listing asked for by `?page=`, fetched only when the template
    shows it if that is the first page: a listing nobody filtered is kept as a fragment (the
    template's `item_fragment … when …`), and a request the fragment answers asks nothing
    for the list. The first page always exists; a later one may be past the end, a 404 that
    must come before the rendering starts, so it is fetched at once."""
    if requested_page(request) == 1:
        return SimpleLazyObject(fetch)
    return fetch()
