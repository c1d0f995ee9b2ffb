"""How to cite a report: one line on the page, and RIS and BibTeX files to download."""

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext


def _authors(report):
    return [block.value["name"] for block in report.authors] or [_publisher(report)]


def _publisher(report):
    return report.publisher or settings.WAGTAIL_SITE_NAME


def citation_line(report, url=None):
    """The suggested citation (authors, year, title, publisher, address) in the report's
    own language, whatever language the request is in: it is copied into texts in it."""
    with translation.override(report.locale.language_code):
        line = gettext("{authors} ({year}). {title}. {publisher}.").format(
            authors=", ".join(_authors(report)),
            year=report.publication_date.year,
            title=report.title,
            publisher=_publisher(report),
        )
        if url:
            line += " " + gettext("Available at: {url}").format(url=url)
    return line


def _one_line(value):
    """RIS is line-based: a line break in a field would start a new tag."""
    return " ".join(str(value).split())


def ris(report, request):
    lines = ["TY  - RPRT"]
    lines += [f"AU  - {_one_line(author)}" for author in _authors(report)]
    lines += [
        f"TI  - {_one_line(report.title)}",
        f"PY  - {report.publication_date.year}",
        f"DA  - {report.publication_date:%Y/%m/%d}",
        f"AB  - {_one_line(report.abstract)}",
        f"LA  - {report.locale.language_code}",
        f"PB  - {_one_line(_publisher(report))}",
        f"UR  - {report.get_full_url(request)}",
        "ER  - ",
    ]
    return "\r\n".join(lines) + "\r\n"


_BIBTEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
}


def _bibtex_escape(value):
    return "".join(_BIBTEX_SPECIAL.get(char, char) for char in " ".join(value.split()))


def bibtex(report, request):
    key = f"{report.slug.replace('-', '')[:30]}{report.publication_date.year}"
    fields = {
        "author": " and ".join(_authors(report)),
        "title": report.title,
        "year": str(report.publication_date.year),
        "institution": _publisher(report),
        "language": report.locale.language_code,
        "url": report.get_full_url(request),
    }
    escaped = {name: _bibtex_escape(value) for name, value in fields.items() if name != "url"}
    escaped["url"] = fields["url"]  # a URL is written as it is
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in escaped.items())
    return f"@techreport{{{key},\n{body}\n}}\n"
