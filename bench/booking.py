"""The booking burst: 200 people register at the same moment for a 20-seat meeting.

Everything runs as in production and is thrown away afterwards: a PostgreSQL cluster
(`.ci/postgres`), a Redis for the cache and the rate limits, the production settings, the
database task queue (django-tasks-db; no worker runs, so the e-mails wait in the queue)
and gunicorn with 4 sync workers. Each of the 200 visitors first opens the event page
(its own CSRF cookie and token, its own session), then all of them send their form at once
from a thread pool; the time of each registration POST (to its redirect) is measured.
Each visitor comes from its own address behind one trusted proxy (X-Forwarded-For with
TRUSTED_PROXY_COUNT=1), so the per-address rate limit counts every visitor once and
refuses nobody — as 200 people in 200 offices. Afterwards the database says how many
seats were confirmed, how many people wait, whether anyone was overbooked, and whether
every registration has its two e-mail tasks queued.

    python -m bench.booking          # prints the rows; `make bench` runs it with the rest
"""

import concurrent.futures
import http.client
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
HOST = "127.0.0.1"
APP_PORT = int(os.environ.get("BENCH_BOOKING_PORT", "8850"))
PG_PORT = int(os.environ.get("BENCH_BOOKING_PG_PORT", "54562"))
REDIS_PORT = int(os.environ.get("BENCH_BOOKING_REDIS_PORT", "6661"))
VISITORS = int(os.environ.get("BENCH_BOOKING_VISITORS", "200"))
SEATS = 20
WORKERS = 4
TARGET_P95_MS = 2000
EVENT_PATH = "/pl/wydarzenia/spotkanie-poznan/"
REGISTER_PATH = EVENT_PATH + "zapis/"

# Run in a child process with the production settings: the meeting the visitors book.
CREATE_MEETING = f"""
import django
django.setup()
from django.core.management import call_command
from wagtail.models import Locale, Page, Site
from tests.factories import EventIndexPageFactory, EventPageFactory, HomePageFactory, warsaw
Locale.objects.get_or_create(language_code="en")
home = HomePageFactory(parent=Page.get_first_root_node())
site = Site.objects.get(is_default_site=True)
site.root_page = home
site.save()
call_command("configure_site", verbosity=0)
index = EventIndexPageFactory(parent=home)
EventPageFactory(
    parent=index, title="Spotkanie w Poznaniu", slug="spotkanie-poznan", capacity={SEATS},
    registration_opens=warsaw(days=-10), registration_closes=warsaw(days=5),
)
"""

# Run afterwards: what the burst left in the database.
COUNT_RESULT = f"""
import django
django.setup()
from django_tasks_db.models import DBTaskResult
from portal.events.models import EventPage
from portal.events.registrations import Registration
event = EventPage.objects.get(slug="spotkanie-poznan")
rows = Registration.objects.filter(event=event)
confirmed = rows.filter(status="confirmed").seats_taken()
waiting = rows.filter(status="waiting").count()
print(confirmed, waiting, max(confirmed - {SEATS}, 0), DBTaskResult.objects.count())
"""


def environment(workdir):
    """The production environment of the throw-away site."""
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY="bench-booking-not-secret",
        ALLOWED_HOSTS=HOST,
        PORTAL_BASE_URL=f"http://{HOST}:{APP_PORT}",
        CSRF_TRUSTED_ORIGINS=f"http://{HOST}:{APP_PORT}",
        SECURE_SSL_REDIRECT="false",
        DATABASE_URL=f"postgres://portal@/portal?host={workdir}/pg&port={PG_PORT}&conn_max_age=60",
        REDIS_URL=f"redis://{HOST}:{REDIS_PORT}/0",
        # Nobody listens there: the e-mails only wait in the queue (no worker runs).
        EMAIL_URL=f"smtp://{HOST}:{APP_PORT + 1}",
        TRUSTED_PROXY_COUNT="1",
        STATIC_ROOT=f"{workdir}/static",
        MEDIA_ROOT=f"{workdir}/media",
        PYTHONPATH=str(ROOT),
    )
    return env


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True,
                   stdout=subprocess.DEVNULL)


def start_services(workdir, env, started):
    """PostgreSQL, Redis and gunicorn, each recorded in `started` so `stop_services` ends it."""
    subprocess.run([ROOT / ".ci/postgres", "start", f"{workdir}/pg", str(PG_PORT)], check=True,
                   stdout=subprocess.DEVNULL)
    started["postgres"] = f"{workdir}/pg"
    started["redis"] = subprocess.Popen(
        ["redis-server", "--port", str(REDIS_PORT), "--bind", HOST, "--save", "",
         "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    manage(env, "migrate", "--noinput")
    manage(env, "collectstatic", "--noinput")
    subprocess.run([PYTHON, "-c", CREATE_MEETING], cwd=ROOT, env=env, check=True)
    started["gunicorn"] = subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "portal.wsgi", "--workers", str(WORKERS),
         "--bind", f"{HOST}:{APP_PORT}", "--backlog", "2048", "--log-level", "warning"],
        cwd=ROOT, env=env,
    )
    wait_for_app()


def stop_services(started):
    for name in ("gunicorn", "redis"):
        process = started.get(name)
        if process is not None:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
    if "postgres" in started:
        subprocess.run([ROOT / ".ci/postgres", "stop", started["postgres"]], check=False)


def wait_for_app():
    """Bounded polling until gunicorn answers the event page."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if request("GET", EVENT_PATH, "10.0.0.1")[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError("gunicorn did not answer within 60 s")


def request(method, path, address, headers=None, body=None):
    """One HTTP request from visitor `address`: (status, Set-Cookie values, body)."""
    connection = http.client.HTTPConnection(HOST, APP_PORT, timeout=120)
    try:
        connection.request(
            method, path, body=body, headers={"X-Forwarded-For": address, **(headers or {})}
        )
        response = connection.getresponse()
        return response.status, response.headers.get_all("Set-Cookie") or [], response.read()
    finally:
        connection.close()


def visitor_address(number):
    return f"10.{number // 250}.{number % 250}.1"


def open_form(number):
    """The visitor opens the event page: its cookies and the form's CSRF token."""
    status, cookies, body = request("GET", EVENT_PATH, visitor_address(number))
    if status != 200:
        raise RuntimeError(f"event page answered {status}")
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1).decode()
    cookie = "; ".join(value.split(";", 1)[0] for value in cookies)
    return number, cookie, token


def form_body(number, token):
    fields = {
        "csrfmiddlewaretoken": token,
        "name": f"Osoba {number}",
        "email": f"osoba{number}@example.org",
        "institution": "WTZ w Koninie",
        "institution_type": "wtz",
        "position": "terapeutka",
        "people": "1",
        "consent": "on",
    }
    return "&".join(f"{key}={value.replace(' ', '+').replace('@', '%40')}"
                    for key, value in fields.items())


def register(visitor, start):
    """Wait for the starting signal, send the form; (status, milliseconds)."""
    number, cookie, token = visitor
    body = form_body(number, token)
    headers = {"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded",
               "Referer": f"http://{HOST}:{APP_PORT}{EVENT_PATH}"}
    start.wait()
    began = time.perf_counter()
    status, _cookies, _body = request("POST", REGISTER_PATH, visitor_address(number), headers,
                                      body)
    return status, (time.perf_counter() - began) * 1000


def burst():
    """All visitors open the form, then send it at the same moment."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=16) as pool:
        visitors = list(pool.map(open_form, range(VISITORS)))
    start = threading.Event()
    with concurrent.futures.ThreadPoolExecutor(max_workers=VISITORS) as pool:
        futures = [pool.submit(register, visitor, start) for visitor in visitors]
        time.sleep(0.5)  # every thread is waiting on the signal
        start.set()
        return [future.result() for future in futures]


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def measure():
    """The burst's row for the bench table (and its counts, printed)."""
    workdir = tempfile.mkdtemp(prefix="portal-bench-booking-")
    os.chmod(workdir, 0o755)  # the cluster's owner (postgres, when run as root) must reach it
    env = environment(workdir)
    started = {}
    try:
        start_services(workdir, env, started)
        results = burst()
        counted = subprocess.run([PYTHON, "-c", COUNT_RESULT], cwd=ROOT, env=env, check=True,
                                 capture_output=True, text=True).stdout.split()
    finally:
        stop_services(started)
        shutil.rmtree(workdir, ignore_errors=True)
    confirmed, waiting, overbooked, tasks = (int(value) for value in counted)
    times = [milliseconds for _status, milliseconds in results]
    redirected = sum(status == 302 for status, _ms in results)
    p95 = percentile(times, 0.95)
    case = (f"{VISITORS} POSTs, {SEATS} seats, {WORKERS} workers: {redirected} redirected, "
            f"{confirmed} confirmed, {waiting} waiting, {overbooked} overbooked, "
            f"{tasks} e-mail tasks queued")
    ok = (overbooked == 0 and confirmed == SEATS and confirmed + waiting == VISITORS
          and p95 <= TARGET_P95_MS)
    return [{
        "stage": "booking",
        "case": case,
        "rps": round(VISITORS / (max(times) / 1000), 1),
        "p50_ms": round(statistics.median(times)),
        "p95_ms": round(p95),
        "queries": None,
        "target": f"p95 <= {TARGET_P95_MS} ms, 0 overbooked",
        "ok": ok,
    }]


if __name__ == "__main__":
    for row in measure():
        print(row)
