"""The servers a benchmark starts: gunicorn and Varnish, each stopped by its own PID.

Every server runs in a session of its own, so a Ctrl-C reaches the benchmark only and its
`finally` stops the servers in order; nothing is stopped by name (other people on the machine
run the same programs).
"""

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from string import Template

GUNICORN = Path(sys.executable).with_name("gunicorn")
MINIMAL_VCL = Path(__file__).with_name("minimal.vcl")
BACKENDS_VCL = Path(__file__).with_name("backends.vcl")
START_TIMEOUT = 60


def installed(program):
    """The full path of a program from Debian; `make bench` installs wrk and varnish."""
    path = shutil.which(program, path=f"{os.environ.get('PATH', '')}:/usr/sbin:/usr/bin")
    if path is None:
        raise RuntimeError(f"{program} is not installed: `make bench` installs it from Debian")
    return path


def wait_until_answering(url, timeout=START_TIMEOUT, process=None):
    """Poll `url` until it answers (any HTTP status), so measuring never starts too early."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"the server for {url} exited with status {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=5):  # noqa: S310 - our own local server
                return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {timeout} s")


def warm_up(url, requests=8, parallel=4):
    """A few requests at once before measuring, so every worker has imported and cached what
    the first request of a page needs (a first render can take longer than a short run)."""
    with ThreadPoolExecutor(parallel) as pool:
        for status in pool.map(_status, [url] * requests):
            if status != 200:
                raise RuntimeError(f"{url} answered {status}, not 200")


def _status(url):
    try:
        with urllib.request.urlopen(url, timeout=60) as response:  # noqa: S310 - local
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def port_is_free(port):
    """True when nothing listens on 127.0.0.1:`port` (a server left over would be measured)."""
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def start_gunicorn(app, port, env, log_path, workers=2):
    """Start `app` under gunicorn with `workers` sync workers on 127.0.0.1:`port`."""
    if not port_is_free(port):
        raise RuntimeError(f"port {port} is in use; set BENCH_PORT to another range")
    log = open(log_path, "ab")  # noqa: SIM115 - closed with the process in stop_process
    process = subprocess.Popen(  # noqa: S603 - our own command line
        [
            str(GUNICORN),
            app,
            "--workers",
            str(workers),
            "--worker-class",
            "sync",
            "--bind",
            f"127.0.0.1:{port}",
        ],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    process.log = log
    try:
        wait_until_answering(f"http://127.0.0.1:{port}/", process=process)
    except BaseException:
        # Not yet handed to the caller's `finally` (a Ctrl-C or a failed start): stop it here.
        stop_process(process)
        raise
    return process


def stop_process(process, timeout=15):
    """Stop one server we started, by its PID: SIGTERM, then SIGKILL if it does not exit."""
    if process is None:
        return
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout)
    log = getattr(process, "log", None)
    if log:
        log.close()


def write_vcl(template_path, target_path, backend_port):
    """Fill the backend's address into a VCL template ($backend_host, $backend_port)."""
    text = Template(Path(template_path).read_text()).safe_substitute(
        backend_host="127.0.0.1", backend_port=str(backend_port)
    )
    Path(target_path).write_text(text)
    return target_path


class Varnish:
    """varnishd from Debian in front of one backend, run in a working directory of its own.

    `include_directory` is where the VCL's includes are looked up (varnishd's vcl_path).
    """

    def __init__(self, vcl_path, port, workdir, include_directory):
        self.vcl_path = Path(vcl_path)
        self.port = port
        self.workdir = Path(workdir)
        self.include_directory = Path(include_directory)
        self.pid_file = self.workdir / "varnishd.pid"
        self.pid = None
        self.launched = False
        self.base_url = f"http://127.0.0.1:{port}"

    def start(self):
        """Start varnishd (it puts itself in the background and writes its PID file)."""
        if not port_is_free(self.port):
            raise RuntimeError(f"port {self.port} is in use; set BENCH_PORT to another range")
        self.workdir.mkdir(parents=True, exist_ok=True)
        # A PID file left by an earlier run names a process that is not ours any more.
        self.pid_file.unlink(missing_ok=True)
        self.launched = True
        started = subprocess.run(  # noqa: S603 - Debian's varnishd with our own arguments
            [
                installed("varnishd"),
                "-a",
                f"127.0.0.1:{self.port}",
                "-p",
                f"vcl_path={self.include_directory}",
                "-f",
                str(self.vcl_path),
                "-n",
                str(self.workdir / "instance"),
                "-s",
                "malloc,64m",
                "-P",
                str(self.pid_file),
            ],
            capture_output=True,
            text=True,
            timeout=START_TIMEOUT,
        )
        if started.returncode:
            raise RuntimeError(f"varnishd did not start: {started.stderr.strip()}")
        self.pid = int(self.pid_file.read_text().strip())
        wait_until_answering(f"http://127.0.0.1:{self.port}/")

    def stop(self, timeout=15):
        """Stop the varnishd we started (its manager process, by PID; the child follows)."""
        if self.pid is None and self.launched and self.pid_file.exists():
            # Interrupted while starting: varnishd may have written its PID file already.
            self.pid = int(self.pid_file.read_text().strip() or 0) or None
        if self.pid is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGTERM)
            deadline = time.monotonic() + timeout
            while _running(self.pid) and time.monotonic() < deadline:
                time.sleep(0.1)
            if _running(self.pid):
                os.kill(self.pid, signal.SIGKILL)
        self.pid = None


def _running(pid):
    """True while `pid` is a live process (a zombie waiting for its parent counts as gone)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"
