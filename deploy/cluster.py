"""The production topology on one machine: `make cluster` / `make cluster-stop`.

    python deploy/cluster.py start [--varnish-port 8080 --app-ports 8001,8002 ...]
    python deploy/cluster.py stop

PostgreSQL (a throw-away cluster, as .ci/postgres makes for the tests), Redis, two gunicorn
app servers with production settings (each names itself in X-Portal-Node), one db_worker and
Varnish in front (deploy/varnish/default.vcl), all from Debian's packages (installed with
apt-get when missing). Every process is started in its own session and its PID is written
under the state folder (`.tmp/cluster/` by default), so `stop` ends exactly those processes
(and their children), by PID, and nothing else.
"""

import argparse
import contextlib
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
VCL = REPO / "deploy" / "varnish" / "default.vcl"
GUNICORN_CONF = REPO / "deploy" / "gunicorn.conf.py"
PG_SCRIPT = REPO / ".ci" / "postgres"
# Debian packages and the program each one brings.
PACKAGES = {"varnish": "varnishd", "redis-server": "redis-server", "postgresql": None}
# What `--content minimal` loads: the home and standard pages, the zones and their pages,
# and the events (seconds, where the whole demo takes minutes on PostgreSQL).
MINIMAL_APPS = ["portal.core", "zones.create_zones", "zones.create_zone_pages", "portal.events"]
# Bounded waits (seconds) for a process to come up or go away.
START_WAIT = 90
STOP_WAIT = 25


def main(argv=None):
    """Parse the command line and run `start` or `stop`."""
    args = _parser().parse_args(argv)
    state = Path(args.state).resolve()
    if args.command == "start":
        start(state, args)
    else:
        stop(state)


def _parser():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["start", "stop"])
    parser.add_argument("--state", default=str(REPO / ".tmp" / "cluster"))
    parser.add_argument("--varnish-port", type=int, default=8080)
    parser.add_argument("--app-ports", default="8001,8002", help="one port per app server")
    parser.add_argument("--pg-port", type=int, default=54329)
    parser.add_argument("--redis-port", type=int, default=6379)
    parser.add_argument("--content", choices=["demo", "minimal"], default="demo")
    parser.add_argument(
        "--static-settings",
        default="",
        help="a settings module for collectstatic alone (the tests' makes no compressed copies)",
    )
    parser.add_argument(
        "--database-url",
        default="",
        help="use this (migrated or empty) PostgreSQL database instead of starting one",
    )
    return parser


def start(state, args):
    """Start every part in order, wait until Varnish reaches both app servers, print the
    addresses. A part that fails to start stops what was started before it."""
    if _running(state):
        sys.exit(f"A cluster is already running from {state}; `make cluster-stop` first.")
    _install_missing_packages()
    shutil.rmtree(state / "pids", ignore_errors=True)
    state.mkdir(parents=True, exist_ok=True)
    # Varnish compiles the VCL as its own user, which must read backends.vcl here.
    state.chmod(0o755)
    for folder in ("pids", "logs", "media", "static", "varnish"):
        (state / folder).mkdir(parents=True, exist_ok=True)
    app_ports = [int(port) for port in args.app_ports.split(",")]
    try:
        database_url = args.database_url or _start_postgres(state, args.pg_port)
        env = _environment(state, args, database_url)
        _spawn(state, "redis", _redis_command(state, args.redis_port), env)
        _prepare_site(env, args, state)
        for number, port in enumerate(app_ports, start=1):
            _spawn(state, f"app{number}", _gunicorn_command(), _node_env(env, number, port))
        # Polling as in production (deploy/systemd): a publish purges Varnish in its own
        # request, so nothing a visitor sees waits for the worker's next poll.
        worker = [sys.executable, "manage.py", "db_worker"]
        _spawn(state, "worker", worker, env)
        _write_backends(state, app_ports)
        _spawn(state, "varnish", _varnish_command(state, args.varnish_port), env)
        _wait_until_served(state, args.varnish_port, len(app_ports))
    except BaseException:
        stop(state)
        raise
    _write_description(state, args, env, app_ports)
    _print_addresses(args, app_ports, state)


def stop(state):
    """End what `start` started, by the PIDs it wrote (each with its process group), then
    the PostgreSQL cluster it made. Safe to run twice or after a failed start."""
    apps = sorted(pid.stem for pid in (state / "pids").glob("app*.pid"))
    for name in ["varnish", *apps, "worker", "redis"]:
        stop_process(state, name)
    pg_dir = state / "pg"
    if pg_dir.exists():
        subprocess.run([PG_SCRIPT, "stop", pg_dir], check=False)
    print(f"Cluster in {state} stopped.")


def stop_process(state, name, sig=signal.SIGTERM):
    """Send `sig` to the process group of the part `name` and wait until it is gone
    (SIGKILL after STOP_WAIT seconds). The PID file is removed."""
    pid_file = state / "pids" / f"{name}.pid"
    if not pid_file.exists():
        return
    pid = int(pid_file.read_text())
    if _alive(pid):
        _signal_group(pid, sig)
        if not _wait_gone(pid, STOP_WAIT):
            _signal_group(pid, signal.SIGKILL)
            _wait_gone(pid, STOP_WAIT)
    pid_file.unlink()


def _signal_group(pid, sig):
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pid, sig)


def _alive(pid):
    """True while the process exists and is not a zombie."""
    try:
        status = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, IndexError):
        return False
    return status != "Z"


def _wait_gone(pid, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not _alive(pid):
            return True
        time.sleep(0.1)
    return False


def _running(state):
    pids = state / "pids"
    return pids.exists() and any(_alive(int(f.read_text())) for f in pids.glob("*.pid"))


def _install_missing_packages():
    """apt-get installs Varnish, Redis and PostgreSQL when they are missing (as root, the
    way `make system-deps` installs the test tools)."""
    missing = [
        package
        for package, program in PACKAGES.items()
        if (program and shutil.which(program) is None and not Path("/usr/sbin", program).exists())
        or (program is None and not list(Path("/usr/lib/postgresql").glob("*/bin/initdb")))
    ]
    if missing:
        print("Installing from Debian: " + " ".join(missing))
        apt_env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=apt_env)
        subprocess.run(["apt-get", "install", "-y", "-qq", *missing], check=True, env=apt_env)


def _start_postgres(state, port):
    """A throw-away PostgreSQL cluster in state/pg (a Unix socket there), by .ci/postgres."""
    pg_dir = state / "pg"
    subprocess.run([PG_SCRIPT, "start", pg_dir, str(port)], check=True)
    return f"postgres://portal@/portal?host={pg_dir}&port={port}&conn_max_age=60"


def _secret_key(state):
    """One SECRET_KEY for every app server (sessions and CSRF tokens of one are valid on
    the others), kept in the state folder between runs."""
    key_file = state / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text()


def _environment(state, args, database_url):
    """The settings every process shares: production settings on plain HTTP at Varnish's
    address. The caller's variables are kept (REGISTRATION_RATE_LIMIT, ADMIN_PASSWORD,
    TRUSTED_PROXY_COUNT, EMAIL_URL...), but for those that make up the topology."""
    front = f"http://127.0.0.1:{args.varnish_port}"
    defaults = {
        "SECRET_KEY": _secret_key(state),
        "EMAIL_URL": "consolemail://",
        "ALLOW_CONSOLE_EMAIL": "true",
        "TRUSTED_PROXY_COUNT": "1",
    }
    topology = {
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "PORTAL_BASE_URL": front,
        "CSRF_TRUSTED_ORIGINS": front,
        "FRONTEND_CACHE_URLS": front,
        "DATABASE_URL": database_url,
        "REDIS_URL": f"redis://127.0.0.1:{args.redis_port}/0",
        "MEDIA_ROOT": str(state / "media"),
        "STATIC_ROOT": str(state / "static"),
        "SERVE_MEDIA": "true",
        # One machine, no TLS: no redirect to https, no HSTS.
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_HSTS_SECONDS": "0",
    }
    return {**defaults, **os.environ, **topology}


def _node_env(env, number, port):
    return {**env, "PORTAL_NODE": f"app{number}", "GUNICORN_BIND": f"127.0.0.1:{port}"}


def _prepare_site(env, args, state):
    """Migrate, load the content, write the site's address, make the admin account and
    collect the static files: what a deploy runs before the app servers start (the
    translations are compiled by `make messages` before). collectstatic needs no database,
    so it runs beside the others."""
    demo = ["load_demo_content"]
    if args.content == "minimal":
        demo += ["--apps", *MINIMAL_APPS]
    log = (state / "logs" / "collectstatic.log").open("a")
    collect = [sys.executable, "manage.py", "collectstatic", "--noinput"]
    if args.static_settings:
        collect.append(f"--settings={args.static_settings}")
    statics = subprocess.Popen(
        collect,
        cwd=REPO,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        for command in (["migrate", "--noinput"], demo, ["ensure_admin"]):
            _manage(env, state, command)
    finally:
        statics.wait()
    if statics.returncode:
        sys.exit(f"manage.py collectstatic failed ({state / 'logs' / 'collectstatic.log'}).")


def _manage(env, state, command):
    """Run one management command, its output in logs/prepare.log (but ensure_admin's:
    it prints the password it generates, once, to the terminal); stop on a failure with
    the end of the log."""
    print("manage.py " + " ".join(command), flush=True)
    began = time.monotonic()
    log = (state / "logs" / "prepare.log").open("a")
    finished = subprocess.run(
        [sys.executable, "manage.py", *command],
        cwd=REPO,
        env=env,
        check=False,
        stdout=None if command == ["ensure_admin"] else log,
        stderr=subprocess.STDOUT,
    )
    log.close()
    if finished.returncode:
        tail = (state / "logs" / "prepare.log").read_text().splitlines()[-30:]
        sys.exit("\n".join([*tail, f"manage.py {command[0]} failed (logs/prepare.log)."]))
    print(f"  ({time.monotonic() - began:.1f} s)", flush=True)


def _redis_command(state, port):
    return [
        "redis-server",
        str(REPO / "deploy" / "redis.conf"),
        "--port",
        str(port),
        "--dir",
        str(state),
        "--maxmemory",
        "64mb",
    ]


def _gunicorn_command():
    """Two workers forked from a master that has imported the site once (--preload): a
    node then starts Django and Wagtail once instead of once per worker (2-3 s of CPU
    each), and a worker that replaces a dead one serves at once."""
    gunicorn = Path(sys.executable).with_name("gunicorn")
    return [gunicorn, "-c", GUNICORN_CONF, "--workers", "2", "--preload", "portal.wsgi"]


def _varnish_command(state, port):
    return [
        "varnishd",
        "-F",
        "-a",
        f"127.0.0.1:{port}",
        "-n",
        str(state / "varnish"),
        "-p",
        f"vcl_path={state}",
        "-f",
        str(VCL),
        "-s",
        "malloc,64m",
    ]


def _write_backends(state, app_ports):
    """backends.vcl for default.vcl: one backend per app server, the round-robin director
    and the purge ACL (this machine)."""
    backends = "".join(
        f'backend app{number} {{\n    .host = "127.0.0.1";\n    .port = "{port}";\n'
        "    .probe = portal_health;\n}\n\n"
        for number, port in enumerate(app_ports, start=1)
    )
    adds = "".join(f"    portal.add_backend(app{n});\n" for n in range(1, len(app_ports) + 1))
    (state / "backends.vcl").write_text(
        "# Written by deploy/cluster.py for `make cluster`.\n\n"
        + backends
        + "sub vcl_init {\n    new portal = directors.round_robin();\n"
        + adds
        + '}\n\nacl purgers {\n    "127.0.0.1";\n    "localhost";\n}\n'
    )


def _spawn(state, name, command, env):
    """Start one part in its own session (so its children can be stopped with it), its
    output in logs/<name>.log, its PID in pids/<name>.pid."""
    log = (state / "logs" / f"{name}.log").open("a")
    process = subprocess.Popen(
        [str(part) for part in command],
        cwd=REPO,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        start_new_session=True,
    )
    (state / "pids" / f"{name}.pid").write_text(str(process.pid))
    return process


def _wait_until_served(state, varnish_port, app_count):
    """Poll until Varnish answers /healthz and its probe finds every app server healthy."""
    deadline = time.monotonic() + START_WAIT
    while time.monotonic() < deadline:
        for name in ["varnish", *(f"app{n}" for n in range(1, app_count + 1)), "redis"]:
            pid = int((state / "pids" / f"{name}.pid").read_text())
            if not _alive(pid):
                sys.exit(f"{name} did not start; see {state / 'logs' / (name + '.log')}")
        if healthy_backends(state) == app_count and _answers(varnish_port):
            return
        time.sleep(0.2)
    sys.exit(f"The cluster did not come up within {START_WAIT} s; see {state / 'logs'}")


def healthy_backends(state):
    """How many app servers Varnish's probe finds healthy now (varnishadm backend.list)."""
    result = subprocess.run(
        ["varnishadm", "-n", str(state / "varnish"), "backend.list"],
        capture_output=True,
        text=True,
        check=False,
    )
    rows = [line.split() for line in result.stdout.splitlines()]
    # "boot.app1  probe  3/3  healthy ..."; the director (boot.portal) is not counted.
    return sum(
        1 for row in rows if row[:1] and row[0].startswith("boot.app") and row[3:4] == ["healthy"]
    )


def _answers(varnish_port):
    try:
        with urllib.request.urlopen(  # noqa: S310 -- our own address
            f"http://127.0.0.1:{varnish_port}/healthz", timeout=5
        ) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


def _write_description(state, args, env, app_ports):
    """cluster.json: the addresses and the shared settings, for the tests and for people."""
    description = {
        "front": f"http://127.0.0.1:{args.varnish_port}",
        "nodes": {
            f"app{n}": f"http://127.0.0.1:{port}" for n, port in enumerate(app_ports, start=1)
        },
        "database_url": env["DATABASE_URL"],
        "redis_url": env["REDIS_URL"],
    }
    (state / "cluster.json").write_text(json.dumps(description, indent=2))


def _print_addresses(args, app_ports, state):
    front = f"http://127.0.0.1:{args.varnish_port}"
    print(f"Portal WTZ cluster is up (state and logs in {state}):")
    print(f"  Varnish (front cache):  {front}/   admin: {front}/admin/")
    for number, port in enumerate(app_ports, start=1):
        print(f"  app server app{number}:      http://127.0.0.1:{port}/")
    print(f"  Redis:                  redis://127.0.0.1:{args.redis_port}/0")
    print("  background worker:      manage.py db_worker")
    print("Stop it with `make cluster-stop`.")


if __name__ == "__main__":
    main()
