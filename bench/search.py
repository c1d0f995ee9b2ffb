"""The report search at scale (issue 21.3): 100,000 reports on PostgreSQL, 10,000 on SQLite.

`measure()` builds each database in a process of its own (Django is set up once per
process, for one database): a throw-away PostgreSQL cluster (.ci/postgres, as `make pytest`
starts it) and a SQLite file, each migrated, with the demo site and then
`generate_bulk_reports`. It then asks the research listing for text queries (with and
without diacritics), filters and the unfiltered listing with its facet counts, through
Django's test client (the whole page) and through the search function alone, and gives
p50/p95 over repeated requests. Both are measured uncached: each page request has a query
string of its own (the page cache does not answer it) and the search's counts, which it
keeps in the cache by language and words, are forgotten before each measured call; only the
frame's fragments (menu, footer) stay cached, as on a live site.

    python -m bench.search                  # the full sizes
    BENCH_REPORTS_PG=5000 BENCH_REPORTS_SQLITE=2000 python -m bench.search
    BENCH_REPORTS_SQLITE=0 python -m bench.search      # PostgreSQL only

Other knobs: BENCH_SEARCH_REPEATS (requests per case, 60), BENCH_SEARCH_PG_PORT (54542).
Benchmarks measure on whatever machine runs them: compare numbers from one run.
"""

import itertools
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STAGE = "search"
# p95 targets (ms) of issue 21: PostgreSQL at 100,000 reports, SQLite at 10,000.
TARGET_MS = {"postgresql": 100, "sqlite": 150}
GENERATE_TARGET_MS = 5 * 60 * 1000  # generate_bulk_reports 100000 on PostgreSQL
RESULT_MARK = "BENCH-SEARCH-ROWS "


def measure():
    """Rows for PostgreSQL and then SQLite, each database built and dropped here."""
    return [row for rows in measure_each() for row in rows]


def measure_each():
    """The rows of each database in turn, as soon as they are measured (a size of 0 leaves
    that database out)."""
    pg_reports = int(os.environ.get("BENCH_REPORTS_PG", 100_000))
    sqlite_reports = int(os.environ.get("BENCH_REPORTS_SQLITE", 10_000))
    port = os.environ.get("BENCH_SEARCH_PG_PORT", "54542")
    if pg_reports:
        # The cluster's directory belongs to the postgres user (initdb refuses root), so it
        # sits directly in /tmp, where that user can reach it; .ci/postgres stop removes it.
        cluster = tempfile.mkdtemp(prefix="portal-bench-search-pg-")
        subprocess.run([ROOT / ".ci/postgres", "start", cluster, port], check=True)  # noqa: S603
        try:
            url = f"postgres://portal@/portal?host={cluster}&port={port}"
            yield _measure_in_process(url, pg_reports)
        finally:
            subprocess.run([ROOT / ".ci/postgres", "stop", cluster], check=True)  # noqa: S603
    if sqlite_reports:
        with tempfile.TemporaryDirectory(prefix="portal-bench-search-") as workdir:
            yield _measure_in_process(f"sqlite:///{workdir}/bench.sqlite3", sqlite_reports)


def _measure_in_process(database_url, reports):
    """Run `python -m bench.search --worker` on one database; its rows come back as JSON."""
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "DEBUG": "false",
        "PORTAL_BASE_URL": "http://127.0.0.1:8000",
    }
    done = subprocess.run(  # noqa: S603
        [sys.executable, "-m", "bench.search", "--worker", str(reports)],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.PIPE,
        text=True,
    )
    marked = [line for line in done.stdout.splitlines() if line.startswith(RESULT_MARK)]
    return json.loads(marked[-1][len(RESULT_MARK) :])


# --- in the worker process: Django set up on one database -------------------------------
# (Django's modules are imported in these functions: the parent process, which only starts
# clusters and workers, never sets Django up.)


def build(reports):
    """Migrate, load the demo site and add `reports` bulk reports; the time of the last."""
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0, interactive=False)
    call_command("load_demo_content", verbosity=0)
    started = time.perf_counter()
    call_command("generate_bulk_reports", reports)
    elapsed = time.perf_counter() - started
    if connection.vendor == "postgresql":
        # What autovacuum does to a production database soon after a bulk load: the
        # planner's statistics and the visibility map that index-only scans rely on.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    return elapsed


def cases(locale):
    """(name, query string, ReportQuery keywords) of the requests measured."""
    from zones.models import Zone

    zone = Zone.objects.filter(locale=locale).order_by("sort_order").first().slug
    year = time.localtime().tm_year - 1
    return [
        ("listing with facets", "", {}),
        ("text: zrodla finansowania", "q=zrodla+finansowania", {"text": "zrodla finansowania"}),
        ("text: źródła finansowania", "q=źródła+finansowania", {"text": "źródła finansowania"}),
        (
            "text: współpracy z samorządem, Mazowsze",
            "q=współpracy+samorządem+mazowsze",
            {"text": "współpracy samorządem mazowsze"},
        ),
        (
            "text by relevance: trener pracy",
            "q=trener+pracy&sort=relevance",
            {"text": "trener pracy", "sort": "relevance"},
        ),  # fmt: skip
        (f"filter: zone={zone}", f"zone={zone}", {"zone": zone}),
        ("filter: kind=analysis", "kind=analysis", {"kind": "analysis"}),
        (f"filter: year={year}", f"year={year}", {"year": year}),
        (
            "filters: zone, kind, year + text",
            f"zone={zone}&kind=research&year={year}&q=spoldzielni",
            {"zone": zone, "kind": "research", "year": year, "text": "spoldzielni"},
        ),
    ]


def timed(call, repeats, before=None):
    """Milliseconds of each of `repeats` calls, after three unmeasured ones (warm caches);
    `before()`, untimed, runs before each call."""
    for _ in range(3):
        call()
    times = []
    for _ in range(repeats):
        if before is not None:
            before()
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return times


def row(case, times, queries, target):
    p95 = statistics.quantiles(times, n=20)[-1] if len(times) > 1 else times[0]
    return {
        "stage": STAGE,
        "case": case,
        "rps": round(1000 * len(times) / sum(times), 1),
        "p50_ms": round(statistics.median(times), 1),
        "p95_ms": round(p95, 1),
        "queries": queries,
        "target": f"p95 <= {target} ms" if target else None,
        "ok": (p95 <= target) if target else None,
    }


def measure_here(reports):
    """The rows of this process's database (the worker's part)."""
    import django

    django.setup()
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from wagtail.models import Locale

    from portal.research.models import ResearchIndexPage
    from portal.research.search import ReportQuery, groups_key, report_search
    from portal.research.text import words

    elapsed = build(reports)
    vendor = connection.vendor
    label = f"{'PostgreSQL' if vendor == 'postgresql' else 'SQLite'} {reports:,}"
    # 60: the p95 of 30 requests lies between the two slowest (statistics.quantiles), so one
    # stall of 30 decided it; of 60 it lies between the third and fourth slowest.
    repeats = int(os.environ.get("BENCH_SEARCH_REPEATS", 60))
    target = TARGET_MS[vendor]
    locale = Locale.get_default()
    index = ResearchIndexPage.objects.get(locale=locale)
    client = Client(HTTP_HOST="127.0.0.1:8000")
    generate_ok = elapsed * 1000 <= GENERATE_TARGET_MS * reports / 100_000
    rows = [
        {
            "stage": STAGE,
            "case": f"{label}: generate_bulk_reports {reports}",
            "rps": None,
            "p50_ms": round(elapsed * 1000),
            "p95_ms": None,
            "queries": None,
            "target": "<= 5 min per 100,000" if vendor == "postgresql" else None,
            "ok": generate_ok if vendor == "postgresql" else None,
        }
    ]
    requests = itertools.count()
    for name, query_string, values in cases(locale):
        # A query string of its own on every request, as in the pages stage: the page cache
        # keeps the plain listing, and would answer it without searching.
        url = f"{index.url}?{query_string}&_bench=" if query_string else f"{index.url}?_bench="

        def page(url=url):
            response = client.get(f"{url}{next(requests)}")
            assert response.status_code == 200, (url, response.status_code)  # noqa: S101

        def search(values=values):
            report_search().search(ReportQuery(locale=locale, **values))

        def forget_counts(values=values):
            # The search keeps its counts in the cache (by language and words, whatever the
            # filters): forgotten before each measured call, so the search itself is timed.
            cache.delete(groups_key(locale, words(values.get("text", ""))))

        # Counted at once: the captured queries are read from the connection's log, which
        # every later request through the client empties (Django's reset_queries).
        forget_counts()
        with CaptureQueriesContext(connection) as captured:
            page()
        page_queries = len(captured)
        forget_counts()
        with CaptureQueriesContext(connection) as captured:
            search()
        search_queries = len(captured)
        page_times = timed(page, repeats, before=forget_counts)
        search_times = timed(search, repeats, before=forget_counts)
        rows.append(row(f"{label}: {name} (page)", page_times, page_queries, target))
        rows.append(row(f"{label}: {name} (search)", search_times, search_queries, target))
    return rows


def main():
    if sys.argv[1:2] == ["--worker"]:
        rows = measure_here(int(sys.argv[2]))
        print(RESULT_MARK + json.dumps(rows))
        return
    for rows in measure_each():
        for result in rows:
            print(
                f"{result['case']:<72} p50 {result['p50_ms']!s:>8} ms"
                f"  p95 {result['p95_ms']!s:>8} ms  queries {result['queries']!s:>3}"
                f"  {result['target'] or ''}"
                f"  {'' if result['ok'] is None else ('ok' if result['ok'] else 'MISSED')}",
                flush=True,
            )


if __name__ == "__main__":
    main()
