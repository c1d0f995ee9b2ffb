"""The demo site that `make screenshots` and `make lighthouse` look at.

It is built once into .tmp/review/ (migrate, the demo content, the site's address, the
static files; several minutes) and used again on the next run; REVIEW_REBUILD=1 builds it
anew, for instance after the demo content changed. It is served by gunicorn with the
production settings and two workers on 127.0.0.1:REVIEW_PORT (8760 unless set).
"""

import contextlib
import os
import shutil
from pathlib import Path

from bench.pages import build_site, portal_environment
from bench.servers import start_gunicorn, stop_process

REPOSITORY = Path(__file__).resolve().parent.parent
WORKDIR = REPOSITORY / ".tmp" / "review"
PORT = int(os.environ.get("REVIEW_PORT", "8760"))


def environment():
    """The production environment of the bench's portal, on the review's port and directory."""
    env = portal_environment(WORKDIR, port=PORT)
    env["DATABASE_URL"] = f"sqlite:///{WORKDIR}/review.sqlite3"
    # No web server in front: the app serves the media (the demo's illustrations, covers and
    # renditions), or every picture would be a 404 in the screenshots and in Lighthouse.
    env["SERVE_MEDIA"] = "true"
    return env


def build(env):
    """Build the demo site unless a built one is there (REVIEW_REBUILD=1 forces it)."""
    if os.environ.get("REVIEW_REBUILD") == "1":
        shutil.rmtree(WORKDIR, ignore_errors=True)
    database = WORKDIR / "review.sqlite3"
    if database.exists():
        return
    WORKDIR.mkdir(parents=True, exist_ok=True)
    print(f"review: building the demo site in {WORKDIR} (log: build.log)", flush=True)
    try:
        with open(WORKDIR / "build.log", "w") as log:
            build_site(env, log)
    except BaseException:
        # A half-built database would be taken for a built one next time.
        database.unlink(missing_ok=True)
        raise


@contextlib.contextmanager
def served():
    """Build if needed, serve under gunicorn, yield (base URL, environment), then stop."""
    env = environment()
    build(env)
    server = start_gunicorn("portal.wsgi:application", PORT, env, WORKDIR / "gunicorn.log")
    try:
        yield f"http://127.0.0.1:{PORT}", env
    finally:
        stop_process(server)
