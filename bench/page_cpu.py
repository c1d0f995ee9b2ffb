"""CPU time of one uncached request of each page type, in-process (issue 21.2/21.5).

On a machine shared with others, wrk's requests/s say as much about the neighbours as about
the page; the CPU a request costs does not. This builds the demo site once, as the pages stage
of `make bench` does (bench/pages.py: production settings, DEBUG off, SQLite, local-memory
cache), sets Django up with that environment in this process and sends each page through
Django's whole WSGI handler (every middleware, the page cache included) with a query string
of its own each time, as the bench's uncached rows do, after warming its fragment caches.
It prints, per page, the CPU of one request (time.process_time, min and median of ROUNDS
rounds of REQUESTS requests) and, with BENCH_PROFILE=1, a cProfile top list.

    python -m bench.page_cpu [LABEL ...]      # the pages whose label contains a LABEL

BENCH_SITE_DIR: where the site is built (kept and used again; default: page-cpu-site in
the temporary directory).
BENCH_CPU_ROUNDS (5), BENCH_CPU_REQUESTS (40): how many requests are timed.
BENCH_PROFILE=1: a profile per page, BENCH_PROFILE_LINES (25) lines sorted by
BENCH_PROFILE_SORT (cumulative).
"""

import cProfile
import io
import os
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench.pages import PAGES, build_site, portal_environment

PORT = 8801
# The pages of issue 21.2/21.5 that are short of 2.5 % of hello-world, and two that are not
# (home, the standard page) to compare with.
MEASURED = (
    "home",
    "standard page",
    "zone page",
    "research listing",
    "report",
    "events index",
    "news article",
    "event with registration form",
    "research search",
    "news index",
    "model step",
)


def site_directory():
    """The directory the demo site is built in, built there first when it is not yet."""
    default = Path(tempfile.gettempdir()) / "page-cpu-site"
    workdir = Path(os.environ.get("BENCH_SITE_DIR") or default)
    env = portal_environment(workdir, PORT)
    if not (workdir / "bench.sqlite3").exists():
        workdir.mkdir(parents=True, exist_ok=True)
        with open(workdir / "build.log", "ab") as log:
            build_site(env, log)
    os.environ.update(env)
    return workdir


class WSGIClient:
    """Requests through Django's WSGI handler, as gunicorn makes them (no Accept-Encoding:
    wrk sends none, so no gzip)."""

    def __init__(self):
        from django.core.handlers.wsgi import WSGIHandler

        self.handler = WSGIHandler()
        self.sent = 0

    def get(self, path):
        """One request for `path` (its own query string kept, as `?q=…` of the research
        search) with a query string of its own added; its status and body."""
        self.sent += 1
        path, _, query = path.partition("?")
        environ = {
            "REQUEST_METHOD": "GET",
            "PATH_INFO": path,
            "QUERY_STRING": "&".join(filter(None, (query, f"_bench=cpu-{self.sent}"))),
            "SERVER_NAME": "127.0.0.1",
            "SERVER_PORT": str(PORT),
            "HTTP_HOST": f"127.0.0.1:{PORT}",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "wsgi.url_scheme": "http",
            "wsgi.input": io.BytesIO(b""),
            "wsgi.errors": sys.stderr,
        }
        statuses = []
        body = self.handler(environ, lambda status, headers: statuses.append(status))
        content = b"".join(body)
        body.close()
        return statuses[0], content


def cpu_per_request(client, path, rounds, requests):
    """Milliseconds of CPU per request of each round."""
    results = []
    for _ in range(rounds):
        started = time.process_time()
        for _ in range(requests):
            client.get(path)
        results.append((time.process_time() - started) * 1000 / requests)
    return results


def profile(client, path, requests):
    """A cProfile top list of `requests` requests for `path`."""
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(requests):
        client.get(path)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats(os.environ.get("BENCH_PROFILE_SORT", "cumulative"))
    stats.print_stats(int(os.environ.get("BENCH_PROFILE_LINES", "25")))
    return out.getvalue()


def main(selected):
    """Build (once) and measure the pages whose label contains one of `selected`."""
    site_directory()
    import django

    django.setup()
    rounds = int(os.environ.get("BENCH_CPU_ROUNDS", "5"))
    requests = int(os.environ.get("BENCH_CPU_REQUESTS", "40"))
    client = WSGIClient()
    pages = [
        (label, path)
        for label, path in PAGES
        if label in MEASURED and (not selected or any(word in label for word in selected))
    ]
    print(f"load average {os.getloadavg()[0]:.2f}; {rounds} x {requests} requests a page")
    for label, path in pages:
        for _ in range(3):  # fragments, routes, templates, the first query plans
            status, _content = client.get(path)
        if not status.startswith("200"):
            raise RuntimeError(f"{path} answered {status}")
        times = cpu_per_request(client, path, rounds, requests)
        print(
            f"{label:30} {path:50} min {min(times):6.2f} ms"
            f"  median {statistics.median(times):6.2f} ms",
            flush=True,
        )
        if os.environ.get("BENCH_PROFILE"):
            print(profile(client, path, requests), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
