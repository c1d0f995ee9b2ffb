"""The booking burst: 200 people register at the same moment for a 20-seat meeting.

Everything runs as in production and is thrown away afterwards: a PostgreSQL cluster
(`.ci/postgres`), a Redis for the cache and the rate limits, the production settings, the
database task queue (django-tasks-db; no worker runs, so the e-mails wait in the queue)
and gunicorn with 2 gthread workers of 4 threads. Each of the 200 visitors first opens the
event page (its own CSRF cookie and token, its own session), then all of them send their form
at once from one thread (pre-made requests, a selector); the time of each registration POST
(to its redirect) is measured.
Each visitor comes from its own address behind one trusted proxy (X-Forwarded-For with
TRUSTED_PROXY_COUNT=1), so the per-address rate limit counts every visitor once and
refuses nobody — as 200 people in 200 offices. Afterwards the database says how many
seats were confirmed, how many people wait, whether anyone was overbooked, and whether
every registration has its two e-mail tasks queued.

    python -m bench.booking            # prints the row; `make bench` runs it with the rest
    python -m bench.booking --profile  # where one registration POST's time goes
"""

import concurrent.futures
import contextlib
import http.client
import os
import re
import resource
import secrets
import selectors
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
HOST = "127.0.0.1"
APP_PORT = int(os.environ.get("BENCH_BOOKING_PORT", "8850"))
PG_PORT = int(os.environ.get("BENCH_BOOKING_PG_PORT", "54562"))
REDIS_PORT = int(os.environ.get("BENCH_BOOKING_REDIS_PORT", "6662"))
VISITORS = int(os.environ.get("BENCH_BOOKING_VISITORS", "200"))
SEATS = 20
# gthread workers: a booking that waits for the event's row lock holds a thread, not a whole
# process, so the other threads keep the two cores busy (2 x 4: p95 4.5 s against 9.3 s with
# 4 sync workers on the same loaded machine). Threads 1 is a sync worker.
WORKERS = int(os.environ.get("BENCH_BOOKING_WORKERS", "2"))
THREADS = int(os.environ.get("BENCH_BOOKING_THREADS", "4"))
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
emails = DBTaskResult.objects.filter(task_path__startswith="portal.events.tasks").count()
print(confirmed, waiting, max(confirmed - {SEATS}, 0), emails)
"""


# Run with `--profile`: where one registration POST's CPU goes, in-process (Django's test
# client, the same settings, database and Redis), by cProfile's cumulative times.
PROFILE_POSTS = """
import cProfile, pstats, time
from urllib.parse import urlencode
import django
django.setup()
from django.test import Client
PARTS = [
    ("the whole request", "django/core/handlers/base.py", "get_response"),
    ("the route from the cache: its key, GET and the page's query", "portal/core/routing.py",
     "process_view"),
    ("Wagtail's serve: restrictions, then the view", "wagtail/views.py", "serve"),
    ("rate limit (Redis)", "portal/core/ratelimit.py", "retry_after"),
    ("form validation", "django/forms/forms.py", "is_valid"),
    ("booking transaction (book_seat)", "portal/events/booking.py", "book_seat"),
    ("  lock, count, the new id (one round trip)", "portal/events/booking.py", "_lock_and_count"),
    ("  the registration and its two e-mail tasks (one round trip)",
     "portal/events/booking.py", "_insert"),
    ("  commit", "django/db/transaction.py", "__exit__"),
    ("redirect to the result page", "portal/core/navigation.py", "subpage_url"),
    ("result cookie", "django/http/response.py", "set_signed_cookie"),
    ("the view (portal/events/views.py register)", "portal/events/views.py", "register"),
]
client = Client(HTTP_HOST="127.0.0.1")  # an ALLOWED_HOSTS name
def post(number):
    client.cookies.clear()
    data = {{"name": "Osoba", "email": f"profil{{number}}@example.org", "institution": "WTZ",
            "institution_type": "wtz", "position": "", "people": "1", "consent": "on"}}
    address = f"10.200.{{number // 250}}.{{number % 250}}"
    # Urlencoded, as browsers and the burst send the form (the test client's default,
    # multipart, costs Django's parser more).
    response = client.post("{register_path}", urlencode(data),
                           content_type="application/x-www-form-urlencoded",
                           HTTP_X_FORWARDED_FOR=address)
    assert response.status_code == 302, response.status_code
for number in range(5):
    post(number)  # warm-up: imports, templates, connections
profile = cProfile.Profile(time.process_time)  # CPU, not wall time, on a shared machine
rounds = {rounds}
profile.enable()
for number in range(5, 5 + rounds):
    post(number)
profile.disable()
stats = pstats.Stats(profile).stats
for label, path, name in PARTS:
    total = sum(row[3] for (file, _line, function), row in stats.items()
                if file.endswith(path) and function == name)
    print(f"{{total * 1000 / rounds:8.1f}} ms  {{label}}")
"""


def environment(workdir):
    """The production environment of the throw-away site."""
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY=secrets.token_urlsafe(40),
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


def run(args, env=None, **options):
    """Run one of our own commands (fixed arguments, nothing from outside) in the checkout."""
    return subprocess.run(args, cwd=ROOT, env=env, check=True, **options)  # noqa: S603


def manage(env, *args):
    run([PYTHON, "manage.py", *args], env, stdout=subprocess.DEVNULL)


def start_services(workdir, env, started):
    """PostgreSQL, Redis and gunicorn, each recorded in `started` so `stop_services` ends it."""
    run([ROOT / ".ci/postgres", "start", f"{workdir}/pg", str(PG_PORT)], stdout=subprocess.DEVNULL)
    started["postgres"] = f"{workdir}/pg"
    started["redis"] = subprocess.Popen(  # noqa: S603
        [
            "/usr/bin/redis-server",
            "--port",
            str(REDIS_PORT),
            "--bind",
            HOST,
            "--save",
            "",
            "--appendonly",
            "no",
        ],
        stdout=subprocess.DEVNULL,
    )
    manage(env, "migrate", "--noinput")
    manage(env, "collectstatic", "--noinput")
    run([PYTHON, "-c", CREATE_MEETING], env)
    started["gunicorn"] = subprocess.Popen(  # noqa: S603
        [
            PYTHON,
            "-m",
            "gunicorn",
            "portal.wsgi",
            "--workers",
            str(WORKERS),
            "--threads",
            str(THREADS),
            "--bind",
            f"{HOST}:{APP_PORT}",
            "--backlog",
            "2048",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
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
        run([ROOT / ".ci/postgres", "stop", started["postgres"]])


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
    return "&".join(
        f"{key}={value.replace(' ', '+').replace('@', '%40')}" for key, value in fields.items()
    )


def registration_request(visitor):
    """The visitor's whole POST as bytes, made before the burst, so sending it costs the
    load generator one write and nothing else."""
    number, cookie, token = visitor
    body = form_body(number, token).encode()
    head = (
        f"POST {REGISTER_PATH} HTTP/1.1\r\n"
        f"Host: {HOST}:{APP_PORT}\r\n"
        f"X-Forwarded-For: {visitor_address(number)}\r\n"
        f"Cookie: {cookie}\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\n"
        f"Referer: http://{HOST}:{APP_PORT}{EVENT_PATH}\r\n"
        f"Content-Length: {len(body)}\r\n"
        "Connection: close\r\n\r\n"
    )
    return head.encode() + body


def send_all(requests):
    """Send every request at once from one thread and wait for the answers with a selector:
    [(status, milliseconds)], each timed from its own send to the end of its answer. No
    thread per visitor: the load generator sleeps in select() while the server works, so
    it takes next to nothing of the two cores it shares with the server."""
    selector = selectors.DefaultSelector()
    began, answers, results = {}, {}, [None] * len(requests)
    for index, data in enumerate(requests):
        sock = socket.create_connection((HOST, APP_PORT))
        sock.sendall(data)  # a few hundred bytes: the kernel's buffer takes them at once
        began[index] = time.perf_counter()
        sock.setblocking(False)
        answers[index] = []
        selector.register(sock, selectors.EVENT_READ, index)
    deadline = time.monotonic() + 300
    while answers and time.monotonic() < deadline:
        for key, _mask in selector.select(timeout=1):
            index = key.data
            chunk = key.fileobj.recv(65536)
            if chunk:
                answers[index].append(chunk)
                continue
            selector.unregister(key.fileobj)
            key.fileobj.close()
            status_line = b"".join(answers.pop(index)).split(b"\r\n", 1)[0]
            status = int(status_line.split()[1]) if status_line else 0
            results[index] = (status, (time.perf_counter() - began[index]) * 1000)
    selector.close()
    return [result or (0, float("inf")) for result in results]


def own_cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def burst(server_cpu):
    """All visitors open the form, then send it at the same moment: each POST's (status,
    milliseconds), the CPU seconds gunicorn and PostgreSQL spent on the POSTs, and the CPU
    seconds the load generator itself took meanwhile."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=16) as pool:
        visitors = list(pool.map(open_form, range(VISITORS)))
    requests = [registration_request(visitor) for visitor in visitors]
    time.sleep(0.5)  # the workers are idle again
    cpu_before, client_before = server_cpu(), own_cpu_seconds()
    results = send_all(requests)
    client_cpu = own_cpu_seconds() - client_before
    return results, server_cpu() - cpu_before, client_cpu


def children(parent):
    """The ids of `parent`'s child processes (gunicorn's workers, PostgreSQL's backends)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == parent:
                found.append(int(entry.name))
    return found


def cpu_seconds(pids):
    """CPU time (user + system) the processes have used so far: unlike wall time, what a
    booking costs does not depend on what else the machine is doing."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def server_processes(started):
    postmaster = int(Path(started["postgres"], "data/postmaster.pid").read_text().split()[0])
    return children(started["gunicorn"].pid) + children(postmaster)


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


@contextlib.contextmanager
def throwaway_site():
    """The site with its services, for the length of the block: (environment, processes)."""
    workdir = tempfile.mkdtemp(prefix="portal-bench-booking-")
    # The cluster's owner (postgres, when we run as root) must reach its directory inside.
    os.chmod(workdir, 0o711)  # noqa: S103
    env = environment(workdir)
    started = {}
    try:
        start_services(workdir, env, started)
        yield env, started
    finally:
        stop_services(started)
        shutil.rmtree(workdir, ignore_errors=True)


def measure():
    """The burst's row for the bench table (and its counts, printed)."""
    with throwaway_site() as (env, started):
        load_before = os.getloadavg()[0]
        results, cpu, client_cpu = burst(lambda: cpu_seconds(server_processes(started)))
        load_after = os.getloadavg()[0]
        counted = run([PYTHON, "-c", COUNT_RESULT], env, capture_output=True, text=True)
    confirmed, waiting, overbooked, tasks = (int(value) for value in counted.stdout.split())
    times = [milliseconds for _status, milliseconds in results]
    redirected = sum(status == 302 for status, _ms in results)
    p95 = percentile(times, 0.95)
    case = (
        f"{VISITORS} POSTs, {SEATS} seats, {WORKERS} workers x {THREADS} threads: "
        f"{redirected} redirected, "
        f"{confirmed} confirmed, {waiting} waiting, {overbooked} overbooked, "
        f"{tasks} e-mail tasks queued; server CPU {cpu * 1000 / VISITORS:.1f} ms a booking, "
        f"load generator {client_cpu * 1000:.0f} ms in all; load average "
        f"{load_before:.1f} before, {load_after:.1f} after"
    )
    ok = (
        overbooked == 0
        and confirmed == SEATS
        and confirmed + waiting == VISITORS
        and p95 <= TARGET_P95_MS
    )
    return [
        {
            "stage": "booking",
            "case": case,
            "rps": round(VISITORS / (max(times) / 1000), 1),
            "p50_ms": round(statistics.median(times)),
            "p95_ms": round(p95),
            "queries": None,
            "target": f"p95 <= {TARGET_P95_MS} ms, 0 overbooked",
            "ok": ok,
        }
    ]


def profile():
    """Print where one registration POST's time goes (see PROFILE_POSTS)."""
    with throwaway_site() as (env, _started):
        script = PROFILE_POSTS.format(register_path=REGISTER_PATH, rounds=50)
        run([PYTHON, "-c", script], env)


if __name__ == "__main__":
    if "--profile" in sys.argv:
        profile()
    else:
        for row in measure():
            print(row)
