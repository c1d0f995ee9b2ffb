"""`make bench`: how long the public pages take to render and how many queries they make.

Builds the demo site in a throw-away SQLite database, warms each page once, then renders
it repeatedly through Django's test client and prints the median time and query count.
Not a test: numbers to compare before and after a change on the same machine.
"""

import logging
import os
import statistics
import sys
import tempfile
import time

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "30"))
PAGES = [
    "/pl/",
    "/en/",
    "/pl/o-projekcie/",
    "/en/about-the-project/",
    "/pl/strefa-wtz/",
    "/en/wtz-zone/",
    "/pl/strefa-wtz/materialy/",
    "/pl/strefa-wtz/materialy/?kind=guide",
    "/pl/aktualnosci/",
    "/pl/aktualnosci/strategia-wdrazania-obroniona/",
    "/pl/wydarzenia/",
    "/pl/wydarzenia/spotkanie-poznan/",
    "/pl/aktualnosci/rss/",
    "/pl/wydarzenia/ical/",
    "/pl/badania-i-analizy/",
    "/pl/badania-i-analizy/?q=lokalowe",
    "/pl/badania-i-analizy/?zone=wtz&kind=research",
    "/pl/badania-i-analizy/ewaluacja-modelu/",
    "/pl/model/",
    "/pl/model/krok-4/",
    "/pl/model/podmodele/",
    "/pl/model/nasze-sukcesy/",
    "/pl/brak-strony/",
]


def main():
    workdir = tempfile.mkdtemp(prefix="portal-wtz-bench-")
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir}/bench.sqlite3"
    os.environ["MEDIA_ROOT"] = f"{workdir}/media"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")

    import django

    django.setup()
    logging.getLogger("django.request").setLevel(logging.ERROR)
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    call_command("migrate", verbosity=0)
    call_command("load_demo_content", stdout=open(os.devnull, "w"))  # noqa: SIM115
    client = Client()
    print(f"{'page':40} {'status':>6} {'median ms':>10} {'p90 ms':>8} {'queries':>8}")
    for url in PAGES:
        client.get(url)
        timings = []
        for _ in range(ROUNDS):
            start = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        timings.sort()
        p90 = timings[int(len(timings) * 0.9) - 1]
        print(
            f"{url:40} {response.status_code:>6} {statistics.median(timings):>10.1f} "
            f"{p90:>8.1f} {len(queries.captured_queries):>8}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
