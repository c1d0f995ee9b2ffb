"""CPU time of one uncached report search and of its whole page, on a database already
built (issue 21.3).

On a shared machine wall times say more about the neighbours than about the search; CPU
time does not. For each case of the search stage (bench/search.py) this runs the search
function, and then asks the research listing's page through Django's test client, each
with the cached counts forgotten (a page also with a query string of its own, as the
search stage asks it), and prints the CPU of the PostgreSQL backend (read from /proc, so
PostgreSQL must run on this machine) and of Python, per search and per page. On SQLite (in
this process) all of it is Python's.

    DATABASE_URL=postgres://portal@/portal?host=DIR&port=PORT \\
    DJANGO_SETTINGS_MODULE=portal.settings.dev DEBUG=false python -m bench.search_cpu

Build the database as the search stage does (migrate, load_demo_content,
generate_bulk_reports 100000, VACUUM ANALYZE). BENCH_SEARCH_REPEATS: searches per case (20).
"""

import itertools
import os
import time


def backend_cpu_ms(pid):
    """User and system CPU of process `pid` so far, in milliseconds (0 without one)."""
    if pid is None:
        return 0
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def cpu_ms(call, repeats, pid, before):
    """Database and Python CPU (ms) of one of `repeats` calls, `before()` run before each."""
    call()  # plans, connections, templates
    backend, python = backend_cpu_ms(pid), time.process_time()
    for _ in range(repeats):
        before()
        call()
    backend = (backend_cpu_ms(pid) - backend) / repeats
    python = (time.process_time() - python) * 1000 / repeats
    return backend, python


def main():
    import django

    django.setup()
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client

    from wagtail.models import Locale

    from bench.search import cases
    from portal.research.models import ResearchIndexPage
    from portal.research.search import ReportQuery, groups_key, report_search
    from portal.research.text import words

    locale = Locale.get_default()
    index = ResearchIndexPage.objects.get(locale=locale)
    client = Client(HTTP_HOST="127.0.0.1:8000")
    repeats = int(os.environ.get("BENCH_SEARCH_REPEATS", 20))
    requests = itertools.count()
    pid = None  # SQLite runs inside this process: its CPU is Python's
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            pid = cursor.fetchone()[0]
    for name, query_string, values in cases(locale):

        def search(values=values):
            report_search().search(ReportQuery(locale=locale, **values))

        def page(url=f"{index.url}?{query_string}&_bench="):
            response = client.get(f"{url}{next(requests)}")
            assert response.status_code == 200, (url, response.status_code)  # noqa: S101

        def forget_counts(values=values):
            # Only the counts the search keeps: the frame's fragments stay, as on a live site.
            cache.delete(groups_key(locale, words(values.get("text", ""))))

        for what, call in (("search", search), ("page", page)):
            backend, python = cpu_ms(call, repeats, pid, forget_counts)
            total = backend + python
            print(
                f"{name:<45} {what:<6} database CPU {backend:6.1f} ms"
                f" + Python CPU {python:5.1f} ms = {total:6.1f} ms",
                flush=True,
            )


if __name__ == "__main__":
    main()
