"""wrk, the load generator from Debian: run it against one address and read what it prints.

wrk's own `--latency` table stops at p50/p75/p90/p99; the `done` hook of bench/latency.lua
prints p50/p95/p99 on a line of its own, which is what the table reports.
"""

import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from bench.servers import installed

LATENCY_SCRIPT = Path(__file__).with_name("latency.lua")
_REQUESTS_PER_SECOND = re.compile(r"^Requests/sec:\s+([\d.]+)", re.MULTILINE)
_TOTAL = re.compile(r"^\s*(\d+) requests in ", re.MULTILINE)
_NON_2XX = re.compile(r"Non-2xx or 3xx responses:\s+(\d+)")
_SOCKET_ERRORS = re.compile(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")
_LATENCY = re.compile(r"^bench-latency-us p50=(\d+) p95=(\d+) p99=(\d+)", re.MULTILINE)


@dataclass(frozen=True)
class WrkResult:
    """What one wrk run measured: throughput, latency in milliseconds and failed requests."""

    rps: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    requests: int
    errors: int


def parse_wrk(output):
    """Read requests/s, the latency percentiles and the failures from wrk's output.

    Errors are responses outside 2xx/3xx plus socket errors: a run that measured error pages
    or refused connections must not pass for a fast page.
    """
    rps = _REQUESTS_PER_SECOND.search(output)
    latency = _LATENCY.search(output)
    total = _TOTAL.search(output)
    if not (rps and latency and total):
        raise ValueError(f"wrk printed no result this parser knows:\n{output}")
    if int(total.group(1)) == 0:
        raise ValueError(f"no request was answered within the run:\n{output}")
    non_2xx = _NON_2XX.search(output)
    sockets = _SOCKET_ERRORS.search(output)
    errors = int(non_2xx.group(1)) if non_2xx else 0
    if sockets:
        errors += sum(int(count) for count in sockets.groups())
    p50, p95, p99 = (int(value) / 1000 for value in latency.groups())
    return WrkResult(
        rps=float(rps.group(1)),
        p50_ms=p50,
        p95_ms=p95,
        p99_ms=p99,
        requests=int(total.group(1)),
        errors=errors,
    )


def run_wrk(url, seconds, connections=8, threads=2, unique_query=False):
    """Load `url` for `seconds` with wrk and return the parsed result.

    `unique_query` gives every request its own query string, so no cache keyed by the address
    answers it (bench/latency.lua).
    """
    env = dict(os.environ)
    env.pop("WRK_UNIQUE_QUERY", None)
    if unique_query:
        env["WRK_UNIQUE_QUERY"] = "1"
    command = [
        installed("wrk"),
        f"-t{threads}",
        f"-c{connections}",
        f"-d{seconds}s",
        "--latency",
        "--timeout",
        "10s",
        "-s",
        str(LATENCY_SCRIPT),
        url,
    ]
    completed = subprocess.run(  # noqa: S603 - a fixed program with our own arguments
        command, env=env, capture_output=True, text=True, check=True, timeout=seconds + 60
    )
    return parse_wrk(completed.stdout)
