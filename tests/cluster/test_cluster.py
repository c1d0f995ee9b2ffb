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


def queued_purges(cluster_db):
    """Front-cache purges or bans left to the db_worker (Wagtail's task or one of ours)."""
    return cluster_db.execute(
        "SELECT count(*) FROM django_tasks_database_dbtaskresult WHERE task_path LIKE %s"
        " OR task_path LIKE %s",
        ["wagtail.contrib.frontend_cache.%", "portal.core.front_cache.%"],
    ).fetchone()[0]


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
    queued_before = queued_purges(cluster_db)

    # The purge is sent in the admin's request, once the change is committed: the very next
    # request through Varnish shows it, with no worker to wait for.
    unpublishing = admin_post(f"{app1}/admin/pages/{page_id}/unpublish/", cookies)
    after_unpublishing = requests.get(f"{front}{ABOUT}", timeout=30)
    publishing = admin_post(f"{app1}/admin/bulk/wagtailcore/page/publish/?id={page_id}", cookies)
    after_publishing = requests.get(f"{front}{ABOUT}", timeout=30)

    assert cached.status_code == 200 and cached.headers["X-Cache"] == "HIT"
    assert unpublishing.status_code == 302
    assert after_unpublishing.status_code == 404
    assert publishing.status_code == 302
    assert after_publishing.status_code == 200
    assert "O projekcie" in after_publishing.text
    # Sent by the admin's requests, not left to the worker's next poll.
    assert queued_purges(cluster_db) == queued_before


def test_a_zone_renamed_in_the_admin_of_one_node_shows_through_varnish_at_once(cluster, cluster_db):
    """A snippet change bans the site from Varnish in the admin's request (BAN /)."""
    front, app2 = cluster["front"], cluster["nodes"]["app2"]
    zone = cluster_db.execute(
        "SELECT z.id, z.name, z.slug, z.intro, z.audience, z.colour, z.icon, z.sort_order,"
        " z.editor_group_id, z.collection_id FROM zones_zone z"
        " JOIN wagtailcore_locale l ON l.id = z.locale_id WHERE l.language_code = 'pl'"
        " ORDER BY z.sort_order LIMIT 1"
    ).fetchone()
    zone_id, name, *_rest = zone
    form = dict(
        zip(
            ("name", "slug", "intro", "audience", "colour", "icon", "sort_order"),
            (f"{name} (nowa nazwa)", *zone[2:8]),
            strict=True,
        )
    )
    form["editor_group"], form["collection"] = (value or "" for value in zone[8:])
    requests.get(f"{front}/pl/", timeout=30)
    cached = requests.get(f"{front}/pl/", timeout=30)
    _answer, cookies = admin_session(cluster, login_node=app2, post_node=app2)

    saving = requests.post(
        f"{app2}/admin/snippets/zones/zone/edit/{zone_id}/",
        data={**form, "csrfmiddlewaretoken": cookies["csrftoken"]},
        cookies=cookies,
        allow_redirects=False,
        timeout=30,
    )
    after_saving = requests.get(f"{front}/pl/", timeout=30)

    assert cached.headers["X-Cache"] == "HIT" and name in cached.text
    assert saving.status_code == 302
    assert f"{name} (nowa nazwa)" in after_saving.text


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


def test_a_reader_options_cookie_gets_varnish_hits_and_still_its_own_style_sheet(cluster):
    front = cluster["front"]
    largest_high = {"reader_options": "3-high"}
    for _ in range(2):  # in Varnish's cache now, whatever the earlier tests purged
        requests.get(f"{front}{ABOUT}", timeout=30)

    page = requests.get(f"{front}{ABOUT}", cookies=largest_high, timeout=30)
    chosen = requests.get(f"{front}/reader-options/style.css", cookies=largest_high, timeout=30)
    default = requests.get(f"{front}/reader-options/style.css", timeout=30)
    changed = requests.get(
        f"{front}/reader-options/?contrast=normal&next={ABOUT}",
        cookies=largest_high,
        allow_redirects=False,
        timeout=30,
    )
    # A cookie the page does read (a signed-in editor's session) still goes to the app.
    session = requests.get(
        f"{front}{ABOUT}", cookies={**largest_high, "sessionid": "x"}, timeout=30
    )

    assert (page.status_code, page.headers["X-Cache"]) == (200, "HIT")
    assert ".reader-bar__option--text-3," in chosen.text and "contrast-high" in chosen.text
    assert ".reader-bar__option--text-1," in default.text
    assert changed.cookies["reader_options"] == "3-normal"  # the app saw the text size
    assert session.headers["X-Cache"] == "MISS"


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
