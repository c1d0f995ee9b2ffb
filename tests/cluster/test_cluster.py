"""Two app servers behind Varnish on one PostgreSQL and one Redis (`make cluster`), seen
from outside: which node answers, what they share, what purging does, bookings under load
and with nodes dying. The tests run in this order: the last two kill the app servers."""

import contextlib
import itertools
import os
import signal
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from deploy.cluster import healthy_backends

from .conftest import REGISTRATION_LIMIT, admin_session, csrf_of

pytestmark = pytest.mark.cluster

ABOUT = "/pl/o-projekcie/"
REGISTER = "zapis/"
# Seconds the tests wait at most for Varnish's probe to notice a change (it probes every
# second and needs two failures of three).
PROBE_WAIT = 15


def event_path(cluster_db, slug):
    """The public address and capacity of the Polish demo event `slug`."""
    page_id, capacity = cluster_db.execute(
        "SELECT e.page_ptr_id, e.capacity FROM events_eventpage e"
        " JOIN wagtailcore_page p ON p.id = e.page_ptr_id WHERE p.slug = %s",
        [slug],
    ).fetchone()
    return page_id, f"/pl/wydarzenia/{slug}/", capacity


def booking_form(number, csrf_token):
    return {
        "name": f"Uczestnik {number}",
        "email": f"osoba{number}@example.org",
        "institution": "WTZ w Kaliszu",
        "institution_type": "wtz",
        "people": "1",
        "consent": "on",
        "website": "",
        "csrfmiddlewaretoken": csrf_token,
    }


def visitor(number, through_varnish=True):
    """A visitor's own address, as the TLS proxy in front of Varnish would name it; sent
    straight to an app server, with the hop Varnish would have added."""
    address = f"10.{number // 250 % 250}.{number % 250}.7"
    return {"X-Forwarded-For": address if through_varnish else f"{address}, 127.0.0.1"}


def registrations(cluster_db, event_id):
    return dict(
        cluster_db.execute(
            "SELECT email, status FROM events_registration WHERE event_id = %s", [event_id]
        ).fetchall()
    )


def wait_for_healthy_backends(cluster, count):
    """Poll Varnish's view of the app servers until `count` are healthy (bounded)."""
    deadline = time.monotonic() + PROBE_WAIT
    while healthy_backends(cluster["state"]) != count and time.monotonic() < deadline:
        time.sleep(0.2)
    return healthy_backends(cluster["state"])


def kill_node(cluster, name):
    """Kill the app server `name` (gunicorn and its workers) at once, by its PID."""
    pid = int((cluster["state"] / "pids" / f"{name}.pid").read_text())
    with contextlib.suppress(ProcessLookupError):  # killed by an earlier test
        os.killpg(pid, signal.SIGKILL)


def test_requests_through_varnish_alternate_between_the_app_servers(cluster):
    nodes = [
        requests.get(f"{cluster['front']}/healthz", timeout=30).headers["X-Portal-Node"]
        for _ in range(6)
    ]

    assert set(nodes) == {"app1", "app2"}
    assert all(first != second for first, second in itertools.pairwise(nodes))


def test_a_session_and_csrf_token_from_one_node_work_on_the_other(cluster):
    app1, app2 = cluster["nodes"]["app1"], cluster["nodes"]["app2"]

    answer, cookies = admin_session(cluster, login_node=app1, post_node=app2)
    dashboard = requests.get(f"{app1}/admin/", cookies=cookies, timeout=30)

    assert answer.status_code == 302 and answer.headers["X-Portal-Node"] == "app2"
    assert dashboard.status_code == 200 and dashboard.headers["X-Portal-Node"] == "app1"
    assert "Wyloguj" in dashboard.text or "Log out" in dashboard.text


def test_the_registration_rate_limit_counts_on_every_node_together(cluster, cluster_db):
    _id, path, _capacity = event_path(cluster_db, "spotkanie-konin")
    nodes = itertools.cycle(cluster["nodes"].values())
    page = requests.get(f"{cluster['nodes']['app1']}{path}", timeout=30)
    csrf_cookie, token = csrf_of(page)

    statuses = [
        requests.post(
            f"{next(nodes)}{path}{REGISTER}",
            data={"csrfmiddlewaretoken": token},
            cookies={"csrftoken": csrf_cookie},
            headers=visitor(62_000, through_varnish=False),
            timeout=30,
        ).status_code
        for _ in range(REGISTRATION_LIMIT + 1)
    ]

    # The empty forms are refused (400) until the limit, then the address is (429), on
    # whichever node it comes to.
    assert statuses == [400] * REGISTRATION_LIMIT + [429]


def admin_post(address, cookies):
    """An admin action's confirmation form sent, as the signed-in editor."""
    return requests.post(
        address,
        data={"csrfmiddlewaretoken": cookies["csrftoken"]},
        cookies=cookies,
        allow_redirects=False,
        timeout=30,
    )


def front_status_once_purged(front, path, status):
    """The status of `path` through Varnish, asked until it is `status` (bounded): Wagtail 8
    purges from a task (wagtail.contrib.frontend_cache.tasks), which the db_worker runs
    within its polling interval after the commit."""
    deadline = time.monotonic() + PROBE_WAIT
    answer = requests.get(f"{front}{path}", timeout=30)
    while answer.status_code != status and time.monotonic() < deadline:
        time.sleep(0.1)
        answer = requests.get(f"{front}{path}", timeout=30)
    return answer


def test_a_page_unpublished_and_published_in_the_admin_of_one_node_changes_in_varnish(
    cluster, cluster_db
):
    front, app1 = cluster["front"], cluster["nodes"]["app1"]
    (page_id,) = cluster_db.execute(
        "SELECT id FROM wagtailcore_page WHERE url_path = '/strona-glowna/o-projekcie/'"
    ).fetchone()
    requests.get(f"{front}{ABOUT}", timeout=30)
    cached = requests.get(f"{front}{ABOUT}", timeout=30)
    _answer, cookies = admin_session(cluster, login_node=app1, post_node=app1)

    unpublishing = admin_post(f"{app1}/admin/pages/{page_id}/unpublish/", cookies)
    after_unpublishing = front_status_once_purged(front, ABOUT, 404)
    publishing = admin_post(f"{app1}/admin/bulk/wagtailcore/page/publish/?id={page_id}", cookies)
    after_publishing = front_status_once_purged(front, ABOUT, 200)

    assert cached.status_code == 200 and cached.headers["X-Cache"] == "HIT"
    assert unpublishing.status_code == 302
    assert after_unpublishing.status_code == 404
    assert publishing.status_code == 302
    assert after_publishing.status_code == 200
    assert "O projekcie" in after_publishing.text


def book(base, path, number, csrf, patience=0, through_varnish=True):
    """One visitor's booking; with `patience` (seconds), sent again after a server error or
    a lost connection until then, as the visitor would. The status once taken (302), or
    refused as a repeat (400: an earlier attempt was taken before its answer was lost);
    None if neither happened."""
    cookie, token = csrf
    deadline = time.monotonic() + patience
    while True:
        try:
            answer = requests.post(
                f"{base}{path}{REGISTER}",
                data=booking_form(number, token),
                cookies={"csrftoken": cookie},
                headers=visitor(number, through_varnish),
                allow_redirects=False,
                timeout=60,
            )
            if answer.status_code in (302, 400):
                return answer.status_code
        except requests.ConnectionError:
            pass
        if time.monotonic() > deadline:
            return None
        time.sleep(0.1)


def test_200_simultaneous_bookings_over_both_nodes_never_overbook(cluster, cluster_db):
    event_id, path, capacity = event_path(cluster_db, "spotkanie-poznan")
    nodes = list(cluster["nodes"].values())
    csrf = csrf_of(requests.get(f"{nodes[0]}{path}", timeout=30))

    with ThreadPoolExecutor(max_workers=40) as pool:
        answers = list(
            pool.map(
                lambda number: book(nodes[number % 2], path, number, csrf, through_varnish=False),
                range(200),
            )
        )
    statuses = list(registrations(cluster_db, event_id).values())

    assert answers == [302] * 200
    assert statuses.count("confirmed") == capacity
    assert statuses.count("waiting") == 200 - capacity


def test_killing_a_node_mid_load_loses_no_booking_and_varnish_sends_all_to_the_other(
    cluster, cluster_db
):
    event_id, path, _capacity = event_path(cluster_db, "spotkanie-kalisz")
    front = cluster["front"]
    csrf = csrf_of(requests.get(f"{cluster['nodes']['app1']}{path}", timeout=30))
    numbers = range(1000, 1060)

    def booking(number):
        if number == 1015:
            kill_node(cluster, "app1")
        return book(front, path, number, csrf, patience=PROBE_WAIT)

    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(booking, numbers))
    healthy = wait_for_healthy_backends(cluster, 1)
    nodes = [requests.get(f"{front}/healthz", timeout=30) for _ in range(4)]

    assert None not in answers
    assert sorted(registrations(cluster_db, event_id)) == sorted(
        f"osoba{number}@example.org" for number in numbers
    )
    assert healthy == 1
    assert [(node.status_code, node.headers["X-Portal-Node"]) for node in nodes] == [
        (200, "app2")
    ] * 4


def test_with_both_nodes_down_varnish_serves_cached_pages_and_the_maintenance_page(cluster):
    front = cluster["front"]
    home = requests.get(f"{front}/pl/", timeout=30)

    kill_node(cluster, "app1")
    kill_node(cluster, "app2")
    healthy = wait_for_healthy_backends(cluster, 0)
    cached = requests.get(f"{front}/pl/", timeout=30)
    never_cached = requests.get(f"{front}/pl/wydarzenia/", timeout=30)

    assert healthy == 0
    assert cached.status_code == 200 and cached.text == home.text
    assert never_cached.status_code == 503
    assert "Przerwa techniczna" in never_cached.text and "Maintenance" in never_cached.text
