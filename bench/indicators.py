"""The indicators report (issue 20.5) with 10,000 registrations on SQLite: target 300 ms.

`measure()` runs a worker process on a throw-away SQLite file (Django is set up once per
process, for one database): it migrates, builds two zones, 100 past meetings over two years
and 10,000 registrations (bulk inserted), a report with a downloaded document, then asks
for the admin report "Wskaźniki projektu" as a superuser through Django's test client (the
whole page: figures, table, charts) and gives p50/p95 over repeated requests and the
number of queries of one request.

    python -m bench.indicators                   # the full size
    BENCH_INDICATORS_REGISTRATIONS=2000 python -m bench.indicators

Other knobs: BENCH_INDICATORS_REPEATS (requests, 30). Compare numbers from one run.
BENCH_INDICATORS_PROFILE=FILE prints where one request's time goes (cProfile, the 30 most
costly functions by own time) before the timed requests, and keeps the profile in FILE
(for `python -m pstats FILE`).
"""

import datetime
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STAGE = "indicators"
TARGET_MS = 300
EVENTS = 100
RESULT_MARK = "BENCH-INDICATORS-ROWS "
REPORT = "/admin/reports/indicators/"


def measure():
    """The row of the report on SQLite, in a worker process of its own."""
    registrations = int(os.environ.get("BENCH_INDICATORS_REGISTRATIONS", 10_000))
    with tempfile.TemporaryDirectory(prefix="portal-bench-indicators-") as workdir:
        command = [sys.executable, "-m", "bench.indicators", "--worker", str(registrations)]
        output = subprocess.check_output([*command, workdir], cwd=ROOT, text=True)  # noqa: S603
    marked = [line for line in output.splitlines() if line.startswith(RESULT_MARK)]
    return json.loads(marked[-1][len(RESULT_MARK) :])


# --- in the worker process: Django set up on the SQLite file ------------------------------
# (Django's modules are imported in these functions: the parent process only starts the
# worker and never sets Django up.)


def build(registrations):
    """The project: zones, past meetings, `registrations` rows spread over them."""
    from django.core.files.base import ContentFile
    from django.core.management import call_command
    from django.utils import timezone

    from wagtail.models import Page, Site

    from portal.events.registrations import Registration
    from portal.indicators.downloads import count_download
    from tests.factories import (
        DocumentFactory,
        EventIndexPageFactory,
        EventPageFactory,
        HomePageFactory,
        LocaleFactory,
        ReportPageFactory,
        ResearchIndexPageFactory,
        ZoneFactory,
        warsaw,
    )

    call_command("migrate", verbosity=0, interactive=False)
    LocaleFactory(language_code="pl")
    home = HomePageFactory(parent=Page.get_first_root_node())
    Site.objects.filter(is_default_site=True).update(root_page=home)
    zones = [ZoneFactory(), ZoneFactory()]
    index = EventIndexPageFactory(parent=home)
    first_day = timezone.localdate() - datetime.timedelta(days=2 * 365)
    events = [
        EventPageFactory(
            parent=index,
            start=warsaw(date=first_day + datetime.timedelta(days=7 * number)),
            zones=[zones[number % 2]],
        )
        for number in range(EVENTS)
    ]
    types = [choice for choice, _label in Registration.InstitutionType.choices]
    statuses = ["confirmed"] * 8 + ["waiting", "cancelled"]
    Registration.objects.bulk_create(
        Registration(
            event=events[number % EVENTS],
            status=statuses[number % len(statuses)],
            language="pl",
            name="Uczestnik",
            email=f"{number}@example.org",
            institution=f"Instytucja {number % 700}",
            institution_type=types[number % len(types)],
            people=1 + number % 3,
            needs_wheelchair=number % 17 == 0,
            consent_version="bench",
            consented_at=timezone.now(),
        )
        for number in range(registrations)
    )
    document = DocumentFactory(file=ContentFile(b"Raport.", name="raport.txt"))
    research = ResearchIndexPageFactory(parent=home)
    ReportPageFactory(parent=research, files=[("document", document)], zones=zones)
    for _time in range(3):
        count_download(document)


def timed_requests(repeats):
    """p50/p95 (ms) of the report page and the queries of one request."""
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client

    admin = get_user_model().objects.create_superuser("bench", "bench@example.org", "x")
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(admin)
    assert client.get(REPORT).status_code == 200  # noqa: S101 (warms the caches)
    executed = []

    def count(execute, sql, params, many, context):
        executed.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        client.get(REPORT)
    if os.environ.get("BENCH_INDICATORS_PROFILE"):
        profile(client, os.environ["BENCH_INDICATORS_PROFILE"])
    times = []
    for _request in range(repeats):
        started = time.perf_counter()
        response = client.get(REPORT)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200  # noqa: S101
    times.sort()
    p95 = times[max(0, round(0.95 * len(times)) - 1)]
    return statistics.median(times), p95, len(executed)


def profile(client, path):
    """One request under cProfile: where the time goes, beside the queries."""
    import cProfile
    import pstats

    profiler = cProfile.Profile()
    profiler.runcall(client.get, REPORT)
    profiler.dump_stats(path)
    pstats.Stats(profiler, stream=sys.stderr).sort_stats("tottime").print_stats(30)


def worker(registrations, workdir):
    """Build a SQLite file in `workdir`, measure, print the row after RESULT_MARK. The
    production-like settings are set here, in the worker, for its Django only."""
    import django

    os.environ.update(
        DATABASE_URL=f"sqlite:///{workdir}/bench.sqlite3",
        MEDIA_ROOT=f"{workdir}/media",
        DJANGO_SETTINGS_MODULE="portal.settings.dev",
        DEBUG="false",
        PORTAL_BASE_URL="http://127.0.0.1:8000",
    )

    django.setup()
    build(registrations)
    repeats = int(os.environ.get("BENCH_INDICATORS_REPEATS", 30))
    p50, p95, queries = timed_requests(repeats)
    row = {
        "stage": STAGE,
        "case": f"report, {registrations} registrations, SQLite",
        "rps": None,
        "p50_ms": p50,
        "p95_ms": p95,
        "queries": queries,
        "target": f"p95 ≤ {TARGET_MS} ms",
        "ok": p95 <= TARGET_MS,
    }
    print(RESULT_MARK + json.dumps([row]), flush=True)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--worker"]:
        worker(int(sys.argv[2]), sys.argv[3])
    else:
        for found in measure():
            print(found)
