"""Pagination shared by every listing of the site."""

from django.core.paginator import InvalidPage, Paginator
from django.http import Http404
from django.utils.translation import gettext as _


def page_of(request, items, per_page):
    """The page of `items` asked for by `?page=`; a number that is not one of the pages
    (text, zero, past the end) is a 404, as for any address that does not exist."""
    paginator = Paginator(items, per_page)
    try:
        return paginator.page(request.GET.get("page") or 1)
    except InvalidPage as error:
        raise Http404(_("There is no such page of results.")) from error
