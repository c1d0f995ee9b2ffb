"""Real SMTP servers for the tests, each listening on 127.0.0.1 on a free port, started by
the test and stopped after it:

- `refusing_smtp()`: accepts a connection, answers the greeting with 554 (RFC 5321's "no
  SMTP service here") and closes it, as a mail server that will not take mail does;
- `hanging_smtp()`: accepts a connection and never answers;
- `smtp_sink()`: a working server (aiosmtpd) that records every message it receives.

The ports come from TEST_SERVER_PORTS ("54412-54419"), so that on a machine shared by
several test runs each keeps to its own range; without it the system picks a free port.
`use_smtp(settings, server)` points Django's SMTP backend at a server, with a short timeout
(`smtp_settings(server)` gives the same settings to a Django test case);
`run_worker()` runs the database backend's worker (`manage.py db_worker`) once through the
queue.
"""

import email
import email.policy
import io
import os
import signal
import socket
import threading
from contextlib import contextmanager

from aiosmtpd.controller import Controller

from django.core.management import call_command

SMTP_TIMEOUT = 1  # seconds; EMAIL_TIMEOUT in the tests that talk to these servers


def _candidate_ports():
    wanted = os.environ.get("TEST_SERVER_PORTS", "")
    if not wanted:
        return [0]
    first, _, last = wanted.partition("-")
    return range(int(first), int(last or first) + 1)


def listening_socket():
    """A socket listening on a free port of the range (or any free port)."""
    for port in _candidate_ports():
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        # A port whose earlier connections are in TIME_WAIT is free to listen on again.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            sock.close()
            continue
        sock.listen(16)
        return sock
    raise RuntimeError(f"No free port in TEST_SERVER_PORTS={os.environ['TEST_SERVER_PORTS']}")


def free_port():
    sock = listening_socket()
    port = sock.getsockname()[1]
    sock.close()
    return port


class ScriptedServer:
    """Accepts connections; answers each with `greeting` and closes it, or, without a
    greeting, keeps it open and silent until the server stops. Counts the connections, so a
    test can tell how many attempts reached it."""

    def __init__(self, greeting=None):
        self.greeting = greeting
        self.connections = 0
        self._socket = listening_socket()
        self._socket.settimeout(0.05)
        self.port = self._socket.getsockname()[1]
        self._open = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def _serve(self):
        while not self._stop.is_set():
            try:
                client, _address = self._socket.accept()
            except TimeoutError:
                continue
            self.connections += 1
            if self.greeting is None:
                self._open.append(client)  # never a word
            else:
                client.sendall(self.greeting)
                client.close()

    def start(self):
        self._thread.start()
        return self

    def stop(self):
        self._stop.set()
        self._thread.join()
        for client in self._open:
            client.close()
        self._socket.close()


@contextmanager
def refusing_smtp():
    server = ScriptedServer(b"554 5.3.2 No SMTP service here\r\n").start()
    try:
        yield server
    finally:
        server.stop()


@contextmanager
def hanging_smtp():
    server = ScriptedServer().start()
    try:
        yield server
    finally:
        server.stop()


class Recorder:
    """aiosmtpd handler that keeps every message it is given."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.messages.append(message)
        return "250 Message accepted"


@contextmanager
def smtp_sink():
    recorder = Recorder()
    controller = Controller(recorder, hostname="127.0.0.1", port=free_port())
    controller.start()
    recorder.port = controller.port
    try:
        yield recorder
    finally:
        controller.stop()


def use_smtp(settings, server, timeout=SMTP_TIMEOUT):
    """Send mail through Django's SMTP backend to `server`, giving up after `timeout`
    (`settings`: pytest-django's fixture)."""
    for name, value in smtp_settings(server, timeout).items():
        setattr(settings, name, value)


def smtp_settings(server, timeout=SMTP_TIMEOUT):
    """The settings of `use_smtp`, for a Django test case's `self.settings(...)`."""
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": server.port,
        "EMAIL_HOST_USER": "",
        "EMAIL_HOST_PASSWORD": "",
        "EMAIL_USE_TLS": False,
        "EMAIL_USE_SSL": False,
        "EMAIL_TIMEOUT": timeout,
    }


# The production setting: tasks wait in the database for `manage.py db_worker`.
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def run_worker():
    """Run `manage.py db_worker` until no task is due, as the production worker would. It
    installs its own signal handlers for a clean shutdown: put the test runner's back."""
    handlers = {number: signal.getsignal(number) for number in WORKER_SIGNALS}
    try:
        call_command(
            "db_worker",
            batch=True,
            startup_delay=False,
            interval=0,
            verbosity=0,
            stdout=io.StringIO(),
        )
    finally:
        for number, handler in handlers.items():
            signal.signal(number, handler)


WORKER_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)
