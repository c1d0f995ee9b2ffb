"""CPU time of one uncached report search, on a database already built (issue 21.3).

On a shared machine wall times say more about the neighbours than about the search; CPU
time does not. For each case of the search stage (bench/search.py) this runs the search
function with its cached counts forgotten and prints the CPU of the PostgreSQL backend
(read from /proc, so PostgreSQL must run on this machine) and of Python, per search. On
SQLite (in this process) all of it is Python's.

    DATABASE_URL=postgres://portal@/portal?host=DIR&port=PORT \\
    DJANGO_SETTINGS_MODULE=portal.settings.dev python -m bench.search_cpu

Build the database as the search stage does (migrate, load_demo_content,
generate_bulk_reports 100000, VACUUM ANALYZE). BENCH_SEARCH_REPEATS: searches per case (20).
"""

import os
import time


def backend_cpu_ms(pid):
    """User and system CPU of process `pid` so far, in milliseconds (0 without one)."""
    if pid is None:
        return 0
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def main():
    import django

    django.setup()
    from django.core.cache import cache
    from django.db import connection

    from wagtail.models import Locale

    from bench.search import cases
    from portal.research.search import ReportQuery, report_search

    locale = Locale.get_default()
    repeats = int(os.environ.get("BENCH_SEARCH_REPEATS", 20))
    pid = None  # SQLite runs inside this process: its CPU is Python's
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            pid = cursor.fetchone()[0]
    for name, _query_string, values in cases(locale):
        report_search().search(ReportQuery(locale=locale, **values))  # plans, connections
        backend, python = backend_cpu_ms(pid), time.process_time()
        for _ in range(repeats):
            cache.clear()  # the counts the search keeps, and nothing else of this process
            report_search().search(ReportQuery(locale=locale, **values))
        backend = (backend_cpu_ms(pid) - backend) / repeats
        python = (time.process_time() - python) * 1000 / repeats
        print(
            f"{name:<45} database CPU {backend:6.1f} ms + Python CPU {python:5.1f} ms"
            f" = {backend + python:6.1f} ms a search",
            flush=True,
        )


if __name__ == "__main__":
    main()
