"""Count the SQL queries of each page, and see whether a page cache answers it.

Runs in a process of its own (`python -m bench.queries PATH...`, started by bench/pages.py with
the environment of the portal under test), because it sets Django up with the production
settings and the benchmark's database. Prints one JSON object per path.

- `queries`: the queries of a request that no page cache can answer (a query string of its
  own), after one such request has filled whatever fragment caches the page has.
- `page_cache`: whether a repeated request for the same address is answered from a page cache:
  it runs no query at all (Wagtail finds a page by querying, so only a cache answers
  without one), or it says so in a header (`X-Cache`, `X-Wagtail-Cache`, ... = hit).
"""

import json
import os
import sys

import django
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

CACHE_HEADERS = ("X-Cache", "X-Wagtail-Cache", "X-Page-Cache", "X-Cache-Status")


def _separator(path):
    return "&" if "?" in path else "?"


def measure_path(path, host):
    """The query count with the page cache bypassed, and whether the cache answers repeats."""

    def get(address):
        # A fresh client each time: no cookie from an earlier answer keeps a cache away.
        return Client(HTTP_HOST=host).get(address)

    get(f"{path}{_separator(path)}_bench=queries-warm")
    # Counted at once: the next request empties the connection's query log, which a
    # finished CaptureQueriesContext still reads from.
    with CaptureQueriesContext(connection) as captured:
        response = get(f"{path}{_separator(path)}_bench=queries-count")
    queries = len(captured.captured_queries)
    get(path)
    with CaptureQueriesContext(connection) as repeated:
        repeat = get(path)
    repeat_queries = len(repeated.captured_queries)
    says_hit = any("hit" in repeat.get(header, "").lower() for header in CACHE_HEADERS)
    return {
        "path": path,
        "status": response.status_code,
        "queries": queries,
        "page_cache": repeat.status_code == 200 and (says_hit or repeat_queries == 0),
    }


def main(paths):
    """Set Django up from the environment and print one JSON line per path."""
    django.setup()
    host = os.environ.get("BENCH_HOST", "127.0.0.1")
    for path in paths:
        result = measure_path(path, host)
        print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
