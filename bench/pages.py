"""The pages stage of `make bench`: each page type under gunicorn, against a hello-world.

Builds the demo site once in a throw-away SQLite database, starts the portal under gunicorn
(production settings, 2 sync workers, local-memory cache, DEBUG off) and bench/hello.py under
the same gunicorn, puts Varnish in front of the portal, and loads each page with wrk:

- uncached: every request has a query string of its own (`?_bench=<thread>-<n>`), so neither
  a page cache nor Varnish can answer it; target ≥ 2.5 % of hello-world's requests/s;
- cached: the plain address, when a page cache answers repeats (bench/queries.py says how
  that is seen), else "n/a"; target ≥ 50 % of hello-world;
- Varnish: the plain address through Varnish (wrk -c16), when Varnish keeps the page;
  target ≥ 10,000 requests/s.

Hello-world is measured three times, before the pages, halfway and after them, and the
middle of the three is the yardstick: on a shared machine one run of it swung from 3,474 to
6,155 requests/s between idle runs, and within one run a single measure may catch a quiet or
a busy moment that the pages' runs around it do not share. Its row names all three.

`python -m bench.pages` runs this stage alone. BENCH_SECONDS sets each wrk run's length,
BENCH_PORT the first of the ports it uses (+1 portal, +2 hello-world, +40 Varnish).
BENCH_SITE_DIR keeps the built site in that directory and uses it again next time (for
working on the benchmark itself; the site must have been built for the same ports).
"""

import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

from bench.report import format_table
from bench.servers import (
    BACKENDS_VCL,
    MINIMAL_VCL,
    Varnish,
    start_gunicorn,
    stop_process,
    warm_up,
    write_vcl,
)
from bench.wrk import run_wrk

REPOSITORY = Path(__file__).resolve().parent.parent
DEPLOYED_VCL = REPOSITORY / "deploy" / "varnish" / "default.vcl"
SECONDS = int(os.environ.get("BENCH_SECONDS", "3"))
BASE_PORT = int(os.environ.get("BENCH_PORT", "8800"))
PORTAL_PORT = BASE_PORT + 1
HELLO_PORT = BASE_PORT + 2
VARNISH_PORT = BASE_PORT + 40
UNCACHED_SHARE = 0.025
CACHED_SHARE = 0.5
VARNISH_RPS = 10_000
STAGE = "pages"

# (page type, address in the demo site)
PAGES = [
    ("home", "/pl/"),
    # Not /pl/o-projekcie/: its poll form carries a CSRF token, so no cache keeps that page.
    ("standard page", "/pl/polityka-prywatnosci/"),
    ("zone page", "/pl/strefa-wtz/"),
    ("zone sub-view (resources)", "/pl/strefa-wtz/materialy/"),
    ("news index", "/pl/aktualnosci/"),
    ("news article", "/pl/aktualnosci/strategia-wdrazania-obroniona/"),
    ("events index", "/pl/wydarzenia/"),
    ("event with registration form", "/pl/wydarzenia/spotkanie-poznan/"),
    ("research listing", "/pl/badania-i-analizy/"),
    ("research search", "/pl/badania-i-analizy/?q=lokalowe"),
    ("report", "/pl/badania-i-analizy/ewaluacja-modelu/"),
    ("model step", "/pl/model/krok-4/"),
    ("news feed (RSS)", "/pl/aktualnosci/rss/"),
    ("events feed (iCal)", "/pl/wydarzenia/ical/"),
    ("sitemap", "/sitemap.xml"),
]


def portal_environment(workdir, port=PORTAL_PORT):
    """The environment of the portal under test on `port`: production settings, nothing shared.

    Local-memory cache (no REDIS_URL), database search, no front-cache purging, plain HTTP
    (no redirect to https) and mail printed rather than sent (nothing is sent by GETs).
    """
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in {"REDIS_URL", "ELASTICSEARCH_URL", "FRONTEND_CACHE_URLS", "EMAIL_URL"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY=secrets.token_urlsafe(32),
        ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        DEBUG="false",
        PORTAL_BASE_URL=f"http://127.0.0.1:{port}",
        DATABASE_URL=f"sqlite:///{workdir}/bench.sqlite3",
        MEDIA_ROOT=f"{workdir}/media",
        STATIC_ROOT=f"{workdir}/static",
        SECURE_SSL_REDIRECT="false",
        ALLOW_CONSOLE_EMAIL="true",
        FRONTEND_CACHE_URLS="",
        BENCH_HOST=f"127.0.0.1:{port}",
    )
    return env


def manage(arguments, env, log, settings=None):
    """Run one manage.py command, its output into the log (a failure raises)."""
    if settings:
        env = {**env, "DJANGO_SETTINGS_MODULE": settings}
    subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", *arguments],
        cwd=REPOSITORY,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        check=True,
    )


def build_site(env, log):
    """The demo site as `make run` builds it (development settings: tasks run at once),
    then the static files as production serves them (whitenoise's manifest)."""
    for command in (["migrate", "--noinput"], ["load_demo_content"], ["configure_site"]):
        manage(command, env, log, settings="portal.settings.dev")
    manage(["collectstatic", "--noinput"], env, log)


def count_queries(env):
    """bench/queries.py's findings for every page, keyed by address."""
    completed = subprocess.run(  # noqa: S603 - our own module
        [sys.executable, "-m", "bench.queries", *(path for _, path in PAGES)],
        cwd=REPOSITORY,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    results = [json.loads(line) for line in completed.stdout.splitlines() if line.startswith("{")]
    return {result["path"]: result for result in results}


def varnish_configuration(workdir):
    """The VCL Varnish runs: the project's deploy/varnish/default.vcl, with a backends.vcl
    naming the portal under test, when it exists; else bench/minimal.vcl."""
    if DEPLOYED_VCL.exists():
        write_vcl(BACKENDS_VCL, workdir / "backends.vcl", PORTAL_PORT)
        return DEPLOYED_VCL
    return write_vcl(MINIMAL_VCL, workdir / "varnish.vcl", PORTAL_PORT)


def varnish_keeps(url):
    """Whether Varnish answers a repeat of `url` from its cache, and if not, why not."""
    headers = None
    for _ in range(2):
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - local
            headers = response.headers
    hit = (
        len(headers.get("X-Varnish", "").split()) == 2
        or "hit" in headers.get("X-Cache", "").lower()
    )
    if hit:
        return True, ""
    if headers.get("Set-Cookie"):
        return False, "sets a cookie"
    return False, f"Cache-Control: {headers.get('Cache-Control', 'none')}"


def row(case, result=None, queries=None, target=None, ok=None, ratio=None, note=None):
    """One row of the table in the contract's keys (plus the ratio and a note)."""
    return {
        "stage": STAGE,
        "case": case,
        "rps": result.rps if result else None,
        "p50_ms": result.p50_ms if result else None,
        "p95_ms": result.p95_ms if result else None,
        "queries": queries,
        "target": target,
        "ok": ok,
        "ratio": ratio,
        "note": note,
    }


def checked(result, case):
    """A wrk result that measured errors is refused: it would report an error page's speed."""
    if result.errors:
        raise RuntimeError(f"{case}: {result.errors} of {result.requests} requests failed")
    return result


UNCACHED_TARGET = f"≥ {UNCACHED_SHARE * 100:g} % of hello-world"
CACHED_TARGET = f"≥ {CACHED_SHARE * 100:g} % of hello-world"
VARNISH_TARGET = f"≥ {VARNISH_RPS:,} req/s"
NO_PAGE_CACHE = (
    "cached n/a: the page cache did not answer a repeated request for the address (there is "
    "none, or it keeps no page with a query string, a form's CSRF token or a cookie)"
)


SHARE_TARGETS = {UNCACHED_TARGET: UNCACHED_SHARE, CACHED_TARGET: CACHED_SHARE}


def uncached_row(label, path, found):
    """The page rendered for every request: a query string of its own each time."""
    portal = f"http://127.0.0.1:{PORTAL_PORT}{path}"
    warm_up(f"{portal}{'&' if '?' in path else '?'}_bench=warm-up")
    result = checked(run_wrk(portal, SECONDS, unique_query=True), label)
    return row(f"{label} {path} · uncached", result, found["queries"], UNCACHED_TARGET)


def cached_row(label, path, found):
    """The plain address from the portal's page cache, when the page cache keeps it."""
    if not found["page_cache"]:
        return row(f"{label} · cached", target=CACHED_TARGET, note=NO_PAGE_CACHE)
    portal = f"http://127.0.0.1:{PORTAL_PORT}{path}"
    warm_up(portal)
    result = checked(run_wrk(portal, SECONDS), label)
    return row(f"{label} · cached", result, 0, CACHED_TARGET)


def with_share(measured, hello_rps):
    """The row with its requests/s as a share of hello-world's, and its verdict when its
    target is such a share (Varnish's target is absolute: its verdict is made already)."""
    if measured["rps"] is None:
        return measured
    share = measured["rps"] / hello_rps
    verdict = {}
    if measured["target"] in SHARE_TARGETS:
        verdict["ok"] = share >= SHARE_TARGETS[measured["target"]]
    return {**measured, "ratio": share, **verdict}


def varnish_row(label, path, varnish_base):
    """The plain address through Varnish (wrk -c16), when Varnish keeps it."""
    front = f"{varnish_base}{path}"
    keeps, reason = varnish_keeps(front)
    case = f"{label} · through Varnish"
    if not keeps:
        note = f"through Varnish n/a for {label}: Varnish does not keep it ({reason})"
        return row(case, target=VARNISH_TARGET, note=note)
    warm_up(front)
    result = checked(run_wrk(front, SECONDS, connections=16), label)
    return row(case, result, target=VARNISH_TARGET, ok=result.rps >= VARNISH_RPS)


def page_rows(label, path, found, varnish_base):
    """The uncached, cached and through-Varnish rows of one page.

    A page that does not answer 200 gets one failed row instead: measuring it would report
    an error page's speed, and stopping would lose the other pages' numbers.
    """
    if found["status"] != 200:
        note = f"{label} {path} answered {found['status']}, not 200: not measured"
        return [row(f"{label} {path}", target="answers 200", ok=False, note=note)]
    return [
        uncached_row(label, path, found),
        cached_row(label, path, found),
        varnish_row(label, path, varnish_base),
    ]


def workspace():
    """The directory of the site under test, and whether it is kept (BENCH_SITE_DIR)."""
    kept = os.environ.get("BENCH_SITE_DIR")
    workdir = Path(kept) if kept else Path(tempfile.mkdtemp(prefix="portal-wtz-bench-"))
    # varnishd reads its VCL and keeps its files as the unprivileged user `varnish`.
    workdir.mkdir(parents=True, exist_ok=True)
    workdir.chmod(0o755)
    return workdir, bool(kept)


def measure_hello():
    return checked(run_wrk(f"http://127.0.0.1:{HELLO_PORT}/", SECONDS), "hello")


def hello_row(results, vcl):
    """The yardstick's row: the middle of hello-world's runs, with the note that says how
    the rest was measured."""
    middle = sorted(results, key=lambda result: result.rps)[len(results) // 2]
    runs = ", ".join(f"{result.rps:,.0f}" for result in results)
    vcl_name = vcl.relative_to(REPOSITORY) if vcl == DEPLOYED_VCL else "bench/minimal.vcl"
    note = (
        f"hello-world: the middle of its runs before, halfway through and after the pages "
        f"({runs} requests/s); uncached: every request has a query string of its own "
        f"(?_bench=…), so no cache answers it; wrk -t2 -c8 -d{SECONDS}s (through Varnish "
        f"-c16); Varnish VCL: {vcl_name}"
    )
    return row("hello-world (Django, same gunicorn)", middle, 0, ratio=1.0, note=note)


def measure():
    """Build, start, measure every page, stop; the rows of the table."""
    workdir, kept = workspace()
    env = portal_environment(workdir)
    if not (workdir / "bench.sqlite3").exists():
        with open(workdir / "build.log", "w") as log:
            print(f"pages: building the demo site in {workdir} (log: build.log)", flush=True)
            build_site(env, log)
    vcl = varnish_configuration(workdir)
    varnish = Varnish(vcl, VARNISH_PORT, workdir / "varnish", include_directory=workdir)
    portal = hello = None
    try:
        portal = start_gunicorn("portal.wsgi:application", PORTAL_PORT, env, workdir / "portal.log")
        hello = start_gunicorn("bench.hello:application", HELLO_PORT, env, workdir / "hello.log")
        varnish.start()
        found = count_queries(env)
        print(f"pages: wrk {SECONDS} s per run; hello-world first", flush=True)
        hello_results = [measure_hello()]
        measured = []
        for number, (label, path) in enumerate(PAGES):
            if number == len(PAGES) // 2:
                print("pages: hello-world again", flush=True)
                hello_results.append(measure_hello())
            print(f"pages: {label} {path}", flush=True)
            measured += page_rows(label, path, found[path], varnish.base_url)
        print("pages: hello-world again", flush=True)
        hello_results.append(measure_hello())
        yardstick = hello_row(hello_results, vcl)
        rows = [yardstick, *(with_share(each, yardstick["rps"]) for each in measured)]
    finally:
        varnish.stop()
        stop_process(hello)
        stop_process(portal)
    if not kept:
        shutil.rmtree(workdir, ignore_errors=True)
    return rows


if __name__ == "__main__":
    print(format_table(measure()))
