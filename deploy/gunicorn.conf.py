"""gunicorn settings of one Portal WTZ app server (`gunicorn -c deploy/gunicorn.conf.py
portal.wsgi`), read from the environment so the same file serves `make cluster` and a real
host (deploy/systemd/portal-wtz@.service)."""

import os

# Behind Varnish on the same host or a private network; never exposed to visitors directly.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Sync workers: each request holds one process, so a slow one cannot stall another's; two
# per core is the usual start (size it with `make bench`).
workers = int(os.environ.get("WEB_CONCURRENCY", str(2 * (os.cpu_count() or 1))))
# A request that takes longer is killed; the visitor's browser (or Varnish) gets an error.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
# On SIGTERM (systemctl stop, `make cluster-stop`) requests under way are finished first.
graceful_timeout = 20
# Each worker is replaced after about a thousand requests, so no leak grows for long.
max_requests = 1000
max_requests_jitter = 100
# Varnish keeps connections open between requests.
keepalive = 5
# Logs go to stdout/stderr: the journal (systemd) or the cluster's log files keep them.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
# The visitor's address comes from X-Forwarded-For through TRUSTED_PROXY_COUNT
# (portal/core/client_address.py), not from gunicorn's own proxy handling.
forwarded_allow_ips = "127.0.0.1"
proc_name = "portal-wtz-" + os.environ.get("PORTAL_NODE", "app")
# gunicorn 24+ opens a control socket at one path per user ($HOME/.gunicorn/gunicorn.ctl):
# several app servers on one host would take it from each other. systemd (or `make
# cluster-stop`) controls them by PID instead.
control_socket_disable = True
