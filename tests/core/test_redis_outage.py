"""Redis down or hung: the site keeps answering, a little slower, and says so once a minute.

A real redis-server (Debian's) is started on a free port for each test, then stopped or
frozen while the test browses the site with the production cache backend pointed at it.
"""

import logging

import pytest

from portal.core.outages import forget_outages
from portal.events.registrations import Registration
from tests.events.test_registration import form_data
from tests.factories import EventIndexPageFactory, EventPageFactory, warsaw

pytestmark = pytest.mark.django_db

TIMEOUT = 0.3  # seconds, for each connect and read; production's default is 0.5


def use_redis(settings, server, retry_after):
    """The production cache backend (see portal/settings/base.py), on the test's server."""
    forget_outages()
    settings.CACHES = {
        "default": {
            "BACKEND": "portal.core.redis_cache.RedisCacheSkippedWhenDown",
            "LOCATION": server.url,
            "OPTIONS": {
                "socket_connect_timeout": TIMEOUT,
                "socket_timeout": TIMEOUT,
                "RETRY_AFTER": retry_after,
            },
        }
    }


@pytest.fixture(autouse=True)
def _no_outage_left_over():
    forget_outages()
    yield
    forget_outages()


def cached_site_paths(server):
    return server.client().keys("*wagtail_site_root_paths*")


def warnings_from(caplog, logger):
    return [
        record.getMessage()
        for record in caplog.records
        if record.name == logger and record.levelno == logging.WARNING
    ]


def test_pages_answer_200_while_redis_is_stopped_with_one_warning(
    client, settings, redis_server, home, standard_page, caplog
):
    # Every call tries Redis again (no pause): the log alone must stay quiet.
    use_redis(settings, redis_server, retry_after=0)
    urls = [home.url, standard_page.url]
    assert [client.get(url).status_code for url in urls] == [200, 200]
    assert cached_site_paths(redis_server), "with Redis up the cache is used"

    redis_server.stop()
    with caplog.at_level(logging.WARNING):
        statuses = [client.get(url).status_code for url in urls * 10]

    assert statuses == [200] * 20
    warnings = warnings_from(caplog, "portal.core.redis_cache")
    assert len(warnings) == 1
    assert "Redis unreachable" in warnings[0]


def test_the_cache_is_used_again_once_redis_is_back(client, settings, redis_server, home):
    use_redis(settings, redis_server, retry_after=0)
    redis_server.stop()
    assert client.get(home.url).status_code == 200

    redis_server.start()
    assert client.get(home.url).status_code == 200
    assert cached_site_paths(redis_server)


def test_editors_stay_logged_in_while_redis_is_stopped(admin_client, settings, redis_server):
    """Sessions live in the database (Django's default engine), not in the cache."""
    use_redis(settings, redis_server, retry_after=0)
    assert admin_client.get("/admin/").status_code == 200
    redis_server.stop()
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    assert response.wsgi_request.user.is_superuser


@pytest.fixture
def meeting(home):
    return EventPageFactory(
        parent=EventIndexPageFactory(parent=home),
        registration_opens=warsaw(days=-10),
        registration_closes=warsaw(days=5),
    )


def registration(number):
    """The sign-up form of person `number` (a different person for each attempt)."""
    return form_data(name=f"Osoba {number}", email=f"osoba{number}@example.org")


def test_registrations_are_taken_while_redis_is_stopped_the_rate_limit_lets_them_through(
    client, settings, redis_server, meeting, caplog
):
    use_redis(settings, redis_server, retry_after=0)
    settings.REGISTRATION_RATE_LIMIT = (1, 600)
    url = meeting.url + "zapis/"
    assert client.post(url, registration(1)).status_code == 302
    assert client.post(url, registration(2)).status_code == 429, "Redis counts the attempts"

    redis_server.stop()
    with caplog.at_level(logging.WARNING):
        statuses = [client.post(url, registration(n)).status_code for n in range(3, 8)]

    assert statuses == [302] * 5
    assert Registration.objects.filter(event=meeting).count() == 6
    assert len(warnings_from(caplog, "portal.core.ratelimit")) == 1
    assert len(warnings_from(caplog, "portal.core.redis_cache")) == 1


def test_a_hung_redis_costs_one_timeout_then_is_left_alone(
    client, settings, redis_server, home, caplog
):
    """A frozen Redis accepts connections and never answers, so every cache call that tries
    it waits the full timeout. After the first timeout the process leaves Redis alone: no
    further connection is attempted (counted by Redis itself once it is thawed), where
    trying on each call would open one per call, ten for these five pages."""
    use_redis(settings, redis_server, retry_after=60)
    url = home.url
    connections_before = connections_received(redis_server)
    redis_server.freeze()

    with caplog.at_level(logging.WARNING):
        statuses = [client.get(url).status_code for _ in range(5)]
    redis_server.thaw()

    assert statuses == [200] * 5
    # The site's pooled connection timed out once and no new one was tried: the only
    # connection made since is the one asking now.
    assert connections_received(redis_server) - connections_before == 1
    assert len(warnings_from(caplog, "portal.core.redis_cache")) == 1


def connections_received(server):
    """Connections the server accepted so far (a frozen one accepts the waiting ones when
    it is thawed), counting the one that asks."""
    return server.client().info("stats")["total_connections_received"]


def test_pages_answer_200_while_redis_is_full_with_one_warning(
    client, settings, redis_server, home, standard_page, caplog
):
    # A full Redis (maxmemory reached, no eviction) still answers reads but refuses writes:
    # a page that has nothing cached yet must be built without the cache, not fail.
    use_redis(settings, redis_server, retry_after=0)
    redis_server.refuse_writes()
    with caplog.at_level(logging.WARNING):
        statuses = [client.get(url).status_code for url in [home.url, standard_page.url] * 5]

    assert statuses == [200] * 10
    assert not cached_site_paths(redis_server), "nothing could be stored"
    warnings = warnings_from(caplog, "portal.core.redis_cache")
    assert len(warnings) == 1
    assert "Redis unreachable" in warnings[0]
