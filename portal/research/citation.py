"""How to cite a report: one line on the page, and RIS and BibTeX files to download."""

from django.conf import settings


def _authors(report):
    return [block.value["name"] for block in report.authors] or [settings.WAGTAIL_SITE_NAME]


def citation_line(report):
    authors = ", ".join(_authors(report))
    year = report.publication_date.year
    return f"{authors} ({year}). {report.title}. {settings.WAGTAIL_SITE_NAME}."


def ris(report, request):
    lines = ["TY  - RPRT"]
    lines += [f"AU  - {author}" for author in _authors(report)]
    lines += [
        f"TI  - {report.title}",
        f"PY  - {report.publication_date.year}",
        f"DA  - {report.publication_date:%Y/%m/%d}",
        f"AB  - {report.abstract}",
        f"LA  - {report.locale.language_code}",
        f"PB  - {settings.WAGTAIL_SITE_NAME}",
        f"UR  - {report.get_full_url(request)}",
        "ER  - ",
    ]
    return "\r\n".join(lines) + "\r\n"


def _bibtex_escape(value):
    return "".join("\\" + char if char in "{}&%$#_" else char for char in value)


def bibtex(report, request):
    key = f"{report.slug.replace('-', '')[:30]}{report.publication_date.year}"
    fields = {
        "author": " and ".join(_authors(report)),
        "title": report.title,
        "year": str(report.publication_date.year),
        "institution": settings.WAGTAIL_SITE_NAME,
        "language": report.locale.language_code,
        "url": report.get_full_url(request),
    }
    body = ",\n".join(f"  {name} = {{{_bibtex_escape(value)}}}" for name, value in fields.items())
    return f"@techreport{{{key},\n{body}\n}}\n"
